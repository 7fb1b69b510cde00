import { idRecordFrom } from "../../core/idRecord.js";
import { rational, rationalToNumber } from "../../core/rational.js";
import { ok, type Result } from "../../core/result.js";
import { compactBallots, wholeWeights } from "../ballots/compactBallots.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";

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
export function borda(profile: RankedProfile): Result<TallyOutcome> {
  // A candidate scores, per ballot, the number of candidates it is ranked above (the
  // head-to-head wins a pairwise table would sum): the candidates in lower tiers and those
  // the ballot leaves out. One pass over the ballots, not over every pair, in whole
  // weights (see wholeWeights): doubles while every total stays below 2^53, else bigints.
  const { candidates, members, tierStart, ballotStart, weights } = compactBallots(profile);
  const n = candidates.length;
  const { scale, whole, total } = wholeWeights(weights);
  const small = total * BigInt(n) <= BigInt(Number.MAX_SAFE_INTEGER);
  const doubles = new Float64Array(small ? n : 0);
  const bigs: bigint[] = small ? [] : candidates.map(() => 0n);
  for (let b = 0; b < weights.length; b++) {
    const first = ballotStart[b] as number;
    const last = (ballotStart[b + 1] as number) - 1;
    const weight = whole(weights[b] as number);
    const number = Number(weight);
    let below = n - ((tierStart[last + 1] as number) - (tierStart[first] as number));
    for (let t = last; t >= first; t--) {
      for (let i = tierStart[t] as number; i < (tierStart[t + 1] as number); i++) {
        const c = members[i] as number;
        if (small) doubles[c] = (doubles[c] as number) + below * number;
        else bigs[c] = (bigs[c] as bigint) + BigInt(below) * weight;
      }
      below += (tierStart[t + 1] as number) - (tierStart[t] as number);
    }
  }
  const totals = candidates.map((_, c) =>
    small ? BigInt(doubles[c] as number) : (bigs[c] as bigint),
  );
  const scores = idRecordFrom(
    candidates.map((candidate, c) => [
      candidate,
      rationalToNumber(rational(totals[c] as bigint, scale)),
    ]),
  );
  const levels = [...new Set(totals)].sort((x, y) => (x > y ? -1 : x < y ? 1 : 0));
  const ranking = levels.map((level) => candidates.filter((_, c) => totals[c] === level));
  const winners = ranking[0] ?? [];
  const best = winners.length > 0 ? scores[winners[0] as string] : Number.NEGATIVE_INFINITY;
  return ok({
    method: "borda",
    winners,
    ranking,
    rounds: [{ tallies: scores, elected: winners, note: `the highest Borda score is ${best}` }],
    notes: [],
  });
}
