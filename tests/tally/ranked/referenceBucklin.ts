/** The previous Bucklin, kept to check the fast one: tallies by candidate id. */
import { idRecordFrom } from "../../../src/core/idRecord.js";
import { ok, type Result } from "../../../src/core/result.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../../../src/tally/outcome.js";
import { inVotes, shareUnit } from "../../../src/tally/ranked/plurality.js";

/**
 * Bucklin: count first preferences; if nobody has a majority of the voters, add second
 * preferences, then third, and so on; at the first depth where someone has a majority,
 * the candidates with the most votes win.
 *
 * @category Single winner
 * @example
 * ```ts
 * bucklin(profile).ok;
 * ```
 */
export function referenceBucklin(profile: RankedProfile): Result<TallyOutcome> {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const candidates = profile.candidates.filter((candidate) => !withdrawn.has(candidate));
  const voters = profile.ballots.reduce((sum, ballot) => sum + ballot.weight, 0);
  const depth = Math.max(1, ...profile.ballots.map((ballot) => ballot.ranking.length));
  const unit = shareUnit(candidates.length);
  const tallies: Record<string, number> = idRecordFrom(
    candidates.map((candidate) => [candidate, 0]),
  );
  const rounds: TallyRound[] = [];
  for (let level = 0; level < depth; level++) {
    for (const ballot of profile.ballots) {
      const tier = (ballot.ranking[level] ?? []).filter((candidate) => !withdrawn.has(candidate));
      for (const candidate of tier)
        tallies[candidate] = (tallies[candidate] as number) + (ballot.weight * unit) / tier.length;
    }
    const best = Math.max(...Object.values(tallies));
    if (best * 2 > voters * unit || level === depth - 1) {
      const winners = candidates.filter((candidate) => tallies[candidate] === best);
      rounds.push({
        tallies: inVotes(tallies, unit),
        elected: winners,
        note: `with preferences down to rank ${level + 1}, the most votes: ${best / unit}`,
      });
      return ok({ method: "bucklin", winners, rounds, notes: [] });
    }
    rounds.push({
      tallies: inVotes(tallies, unit),
      note: `no majority with preferences down to rank ${level + 1}`,
    });
  }
  return ok({ method: "bucklin", winners: [], rounds, notes: ["no ballots"] });
}
