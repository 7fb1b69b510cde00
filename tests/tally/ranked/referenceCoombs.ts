/** The previous Coombs, kept to check the fast one: each round recounts every ballot. */
import { idRecordFrom } from "../../../src/core/idRecord.js";
import { ok, type Result } from "../../../src/core/result.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../../../src/tally/outcome.js";
import { firstPreferences, inVotes } from "../../../src/tally/ranked/plurality.js";

/**
 * Coombs: if a candidate has a majority of first preferences among the continuing ones
 * they win; otherwise the candidate(s) ranked last by the most voters go out (a ballot's
 * last place is its lowest-ranked continuing candidate, or shared by the continuing
 * candidates it leaves out).
 *
 * @category Single winner
 * @example
 * ```ts
 * coombs(profile).ok;
 * ```
 */
export function referenceCoombs(profile: RankedProfile): Result<TallyOutcome> {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const continuing = new Set(profile.candidates.filter((candidate) => !withdrawn.has(candidate)));
  const rounds: TallyRound[] = [];
  for (;;) {
    const { tallies, unit } = firstPreferences(profile, continuing);
    const active = Object.values(tallies).reduce((sum, value) => sum + value, 0);
    const best = Math.max(...Object.values(tallies));
    const leaders = [...continuing].filter((candidate) => tallies[candidate] === best);
    if ((best * 2 > active && leaders.length === 1) || continuing.size === 1) {
      rounds.push({
        tallies: inVotes(tallies, unit),
        elected: leaders,
        note: `${leaders[0]} has a majority of first preferences`,
      });
      return ok({ method: "coombs", winners: leaders, rounds, notes: [] });
    }
    const last: Record<string, number> = idRecordFrom(
      [...continuing].map((candidate) => [candidate, 0]),
    );
    for (const ballot of profile.ballots) {
      const ranked = new Set(
        ballot.ranking.flat().filter((candidate) => continuing.has(candidate)),
      );
      const unranked = [...continuing].filter((candidate) => !ranked.has(candidate));
      let bottom: string[] = unranked;
      if (bottom.length === 0) {
        for (let t = ballot.ranking.length - 1; t >= 0; t--) {
          const tier = (ballot.ranking[t] as readonly string[]).filter((candidate) =>
            continuing.has(candidate),
          );
          if (tier.length > 0) {
            bottom = tier;
            break;
          }
        }
      }
      for (const candidate of bottom)
        last[candidate] = (last[candidate] as number) + (ballot.weight * unit) / bottom.length;
    }
    const most = Math.max(...Object.values(last));
    const out = [...continuing].filter((candidate) => last[candidate] === most);
    if (out.length === continuing.size) {
      rounds.push({
        tallies: inVotes(tallies, unit),
        elected: out,
        note: "every continuing candidate is last as often: a tie",
      });
      return ok({ method: "coombs", winners: out, rounds, notes: ["tied winners"] });
    }
    rounds.push({
      tallies: inVotes(last, unit),
      eliminated: out,
      note: `ranked last by the most voters (${most / unit})`,
    });
    for (const candidate of out) continuing.delete(candidate);
  }
}
