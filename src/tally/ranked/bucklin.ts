import { idRecordFrom } from "../../core/idRecord.js";
import { ok, type Result } from "../../core/result.js";
import { compactBallots } from "../ballots/compactBallots.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../outcome.js";
import { shareUnit } from "./plurality.js";

/**
 * Bucklin: count first preferences; if nobody has a majority of the voters, add second
 * preferences, then third, and so on; at the first depth where someone has a majority,
 * the candidates with the most votes win. Withdrawn candidates are passed over: the
 * next preference moves up in their place.
 *
 * @category Single winner
 * @example
 * ```ts
 * bucklin(profile).ok;
 * ```
 */
export function bucklin(profile: RankedProfile): Result<TallyOutcome> {
  const ballots = compactBallots(profile);
  const { candidates, members, tierStart, ballotStart, weights } = ballots;
  let voters = 0;
  let depth = 1;
  for (let b = 0; b < weights.length; b++) {
    voters += weights[b] as number;
    depth = Math.max(depth, (ballotStart[b + 1] as number) - (ballotStart[b] as number));
  }
  const unit = shareUnit(candidates.length);
  const tallies = new Float64Array(candidates.length);
  const named = () =>
    idRecordFrom(candidates.map((candidate, c) => [candidate, (tallies[c] as number) / unit]));
  const rounds: TallyRound[] = [];
  for (let level = 0; level < depth; level++) {
    for (let b = 0; b < weights.length; b++) {
      const t = (ballotStart[b] as number) + level;
      if (t >= (ballotStart[b + 1] as number)) continue;
      const begin = tierStart[t] as number;
      const end = tierStart[t + 1] as number;
      const share = ((weights[b] as number) * unit) / (end - begin);
      for (let i = begin; i < end; i++) {
        const c = members[i] as number;
        tallies[c] = (tallies[c] as number) + share;
      }
    }
    let best = Number.NEGATIVE_INFINITY;
    for (const value of tallies) best = Math.max(best, value);
    if (best * 2 > voters * unit || level === depth - 1) {
      const winners = candidates.filter((_, c) => tallies[c] === best);
      rounds.push({
        tallies: named(),
        elected: winners,
        note: `with preferences down to rank ${level + 1}, the most votes: ${best / unit}`,
      });
      return ok({ method: "bucklin", winners, rounds, notes: [] });
    }
    rounds.push({
      tallies: named(),
      note: `no majority with preferences down to rank ${level + 1}`,
    });
  }
  return ok({ method: "bucklin", winners: [], rounds, notes: ["no ballots"] });
}
