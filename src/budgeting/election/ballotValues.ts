import type { PbInstance } from "./instance.js";
import type { PbBallot, PbProfile } from "./profile.js";

/**
 * What a ballot gives each project it names, as Pabulib scores it: 1 for approval and
 * choose-1, the points for cumulative and scoring ballots, and for a ranking the `points`
 * if the file has them, otherwise `max_length − position` (position 0 first; `max_length`
 * from META, else the longest ranking in the profile).
 *
 * Returns a function from a ballot to its values, parallel to `ballot.projects`.
 *
 * @category Model
 * @example
 * ```ts
 * const valuesOf = ballotValues(instance, profile); // ordinal, max_length 3
 * valuesOf({ projects: ["a", "b", "c"], multiplicity: 1 }); //=> [3, 2, 1]
 * ```
 */
export function ballotValues(
  instance: PbInstance,
  profile: PbProfile,
): (ballot: PbBallot) => readonly number[] {
  if (profile.voteType === "ordinal") {
    const metaLength = Number.parseInt(instance.meta.max_length ?? "", 10);
    let maxLength = metaLength;
    if (!Number.isSafeInteger(metaLength)) {
      maxLength = 0;
      for (const ballot of profile.ballots) maxLength = Math.max(maxLength, ballot.projects.length);
    }
    return (ballot) => ballot.points ?? ballot.projects.map((_, position) => maxLength - position);
  }
  if (profile.voteType === "cumulative" || profile.voteType === "scoring") {
    return (ballot) => ballot.points ?? ballot.projects.map(() => 0);
  }
  return (ballot) => ballot.projects.map(() => 1);
}
