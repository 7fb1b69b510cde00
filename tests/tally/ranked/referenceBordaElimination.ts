/** The previous Baldwin and Nanson, kept to check the fast ones: each round recounts the restricted profile. */
import { idRecordFrom } from "../../../src/core/idRecord.js";
import { ok, type Result } from "../../../src/core/result.js";
import { pairwiseMatrix } from "../../../src/tally/ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import { restrictProfile } from "../../../src/tally/ballots/restrictProfile.js";
import type { TallyOutcome, TallyRound } from "../../../src/tally/outcome.js";

/**
 * Symmetric Borda scores among the continuing candidates: the sum of head-to-head margins
 * (on complete rankings the same order as the classic Borda count; with truncated ballots
 * it keeps Baldwin and Nanson electing a Condorcet winner).
 */
function bordaAmong(
  profile: RankedProfile,
  continuing: ReadonlySet<string>,
): Record<string, number> {
  const matrix = pairwiseMatrix(restrictProfile(profile, continuing));
  return idRecordFrom(
    matrix.candidates.map((candidate, i) => [
      candidate,
      matrix.candidates.reduce(
        (sum, _, j) =>
          sum +
          ((matrix.support[i] as number[])[j] as number) -
          ((matrix.support[j] as number[])[i] as number),
        0,
      ),
    ]),
  );
}

/**
 * Baldwin (`nanson: false`) and Nanson (`nanson: true`): recompute (symmetric) Borda
 * scores among the continuing candidates each round and eliminate the lowest (Baldwin; all tied lowest go
 * together) or every candidate below the average score (Nanson); the last remain win.
 * Both always elect a Condorcet winner.
 *
 * @category Single winner
 * @example
 * ```ts
 * bordaElimination(profile, { nanson: true }); // Nanson
 * ```
 */
export function referenceBordaElimination(
  profile: RankedProfile,
  options: { readonly nanson?: boolean } = {},
): Result<TallyOutcome> {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const continuing = new Set(profile.candidates.filter((candidate) => !withdrawn.has(candidate)));
  const rounds: TallyRound[] = [];
  const method = options.nanson === true ? "nanson" : "baldwin";
  for (;;) {
    const scores = bordaAmong(profile, continuing);
    const values = Object.values(scores);
    const lowest = Math.min(...values);
    const average = values.reduce((sum, value) => sum + value, 0) / values.length;
    const out = [...continuing].filter((candidate) =>
      options.nanson === true
        ? (scores[candidate] as number) < average
        : scores[candidate] === lowest,
    );
    if (out.length === 0 || out.length === continuing.size) {
      const winners = [...continuing];
      rounds.push({
        tallies: scores,
        elected: winners,
        note: winners.length === 1 ? `${winners[0]} remains` : "the remaining candidates are tied",
      });
      return ok({ method, winners, rounds, notes: [] });
    }
    rounds.push({
      tallies: scores,
      eliminated: out,
      note:
        options.nanson === true
          ? `below the average Borda score (${average})`
          : `the lowest Borda score (${lowest})`,
    });
    for (const candidate of out) continuing.delete(candidate);
  }
}
