/** The previous Borda, kept to check the fast one: sums of the pairwise table. */
import { idRecord } from "../../../src/core/idRecord.js";
import { ok, type Result } from "../../../src/core/result.js";
import { pairwiseMatrix } from "../../../src/tally/ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import type { TallyOutcome } from "../../../src/tally/outcome.js";

/**
 * Borda: each ballot gives a candidate one point per candidate it ranks below them
 * (unranked candidates are below every ranked one; equal ranks give no points) — on
 * complete rankings, the classic n−1, n−2, …, 0.
 *
 * @category Single winner
 * @example
 * ```ts
 * borda(profile).ok; // winners: the highest Borda score
 * ```
 */
export function referenceBorda(profile: RankedProfile): Result<TallyOutcome> {
  const matrix = pairwiseMatrix(profile);
  const scores = idRecord<number>();
  matrix.candidates.forEach((candidate, i) => {
    scores[candidate] = (matrix.support[i] as number[]).reduce((sum, value) => sum + value, 0);
  });
  const best = Math.max(...Object.values(scores));
  const winners = matrix.candidates.filter((candidate) => scores[candidate] === best);
  const ranking = [...new Set(Object.values(scores))]
    .sort((a, b) => b - a)
    .map((score) => matrix.candidates.filter((candidate) => scores[candidate] === score));
  return ok({
    method: "borda",
    winners,
    ranking,
    rounds: [{ tallies: scores, elected: winners, note: `the highest Borda score is ${best}` }],
    notes: [],
  });
}
