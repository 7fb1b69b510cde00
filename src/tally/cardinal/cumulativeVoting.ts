import { fail, ok, type Result } from "../../core/result.js";
import type { ScoreProfile } from "../ballots/scoreProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";
import { scoreVoting } from "./scoreVoting.js";

/**
 * Cumulative voting for one seat: each ballot spreads at most `points` points over the
 * candidates (several on one candidate if it likes); the candidate with the most points
 * wins. A ballot that spends more than `points` is refused with the issue
 * `too-many-points`, naming the ballot.
 *
 * @category Cardinal
 * @example
 * ```ts
 * cumulativeVoting(profile, { points: 10 }).ok;
 * ```
 */
export function cumulativeVoting(
  profile: ScoreProfile,
  options: { readonly points: number },
): Result<TallyOutcome> {
  const issues = profile.ballots.flatMap((ballot, b) => {
    const spent = Object.values(ballot.scores).reduce((sum, points) => sum + points, 0);
    return spent > options.points
      ? [
          tallyIssue(
            "too-many-points",
            ["ballots", b],
            `ballot ${b + 1} spends ${spent} points, more than the ${options.points} each voter has`,
            { spent, points: options.points },
          ),
        ]
      : [];
  });
  if (issues.length > 0) return fail(issues);
  const counted = scoreVoting(profile);
  if (!counted.ok) return counted;
  return ok({
    ...counted.value,
    method: "cumulative",
    rounds: counted.value.rounds.map((round) => ({ ...round, note: "points per candidate" })),
  });
}
