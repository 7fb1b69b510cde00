/** The previous instant runoff, kept to check the fast one: each round reads every ballot from its first tier. */
import { ok, type Result } from "../../../src/core/result.js";
import { displayName } from "../../../src/tally/ballots/displayName.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../../../src/tally/outcome.js";
import type { InstantRunoffOptions } from "../../../src/tally/ranked/instantRunoff.js";
import { firstPreferences, inVotes } from "../../../src/tally/ranked/plurality.js";

/**
 * Instant runoff: count first preferences among the continuing candidates; a candidate
 * with more than half of the ballots still in the count wins; otherwise the weakest go out
 * and their ballots pass to the next continuing preference. If everyone left is tied, all
 * of them are the (tied) winners.
 *
 * @category Single winner
 * @example
 * ```ts
 * const outcome = instantRunoff(burlington);
 * if (outcome.ok) outcome.value.rounds.at(-1)?.tallies; //=> { kiss: 4313, wright: 4060 }
 * ```
 */
export function referenceInstantRunoff(
  profile: RankedProfile,
  options: InstantRunoffOptions = {},
): Result<TallyOutcome> {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const continuing = new Set(profile.candidates.filter((candidate) => !withdrawn.has(candidate)));
  const order = options.order ?? profile.candidates;
  const rounds: TallyRound[] = [];
  for (;;) {
    const { tallies, exhausted, unit } = firstPreferences(profile, continuing);
    const active = Object.values(tallies).reduce((sum, value) => sum + value, 0);
    const best = Math.max(...Object.values(tallies));
    const leaders = [...continuing].filter((candidate) => tallies[candidate] === best);
    if ((best * 2 > active && leaders.length === 1) || continuing.size === 1) {
      rounds.push({
        tallies: inVotes(tallies, unit),
        exhausted,
        elected: leaders,
        note: `${displayName(profile, leaders[0] as string)} has a majority of the ${active / unit} ballots still in the count`,
      });
      return ok({ method: "irv", winners: leaders, rounds, notes: [] });
    }
    const fewest = Math.min(...Object.values(tallies));
    const weakest = [...continuing].filter((candidate) => tallies[candidate] === fewest);
    if (weakest.length === continuing.size) {
      rounds.push({
        tallies: inVotes(tallies, unit),
        exhausted,
        elected: weakest,
        note: "every continuing candidate has the same number of votes: a tie",
      });
      return ok({ method: "irv", winners: weakest, rounds, notes: ["tied winners"] });
    }
    const out =
      options.eliminate === "one"
        ? [
            weakest.reduce((latest, candidate) =>
              order.indexOf(candidate) > order.indexOf(latest) ? candidate : latest,
            ),
          ]
        : weakest;
    rounds.push({
      tallies: inVotes(tallies, unit),
      exhausted,
      eliminated: out,
      note: `${out.map((id) => displayName(profile, id)).join(", ")} ${out.length > 1 ? "have" : "has"} the fewest votes (${fewest / unit})`,
    });
    for (const candidate of out) continuing.delete(candidate);
  }
}
