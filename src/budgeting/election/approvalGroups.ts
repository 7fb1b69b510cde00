import { rational } from "../../core/rational.js";
import { fail, ok, type Result } from "../../core/result.js";
import { budgetingIssue } from "../budgetingIssues.js";
import { groupBallots } from "./groupBallots.js";
import type { PbInstance } from "./instance.js";
import type { PbProfile } from "./profile.js";
import type { ProjectSupport } from "./projectSupport.js";

/**
 * Approval ballots merged into groups of identical approval sets, with each project's
 * supporting groups: the shape Phragmén-style rules work on. Internal.
 *
 * @internal
 */
export interface ApprovalGroups {
  readonly groups: number;
  readonly multiplicity: Float64Array;
  /** Projects approved by group g (instance indexes): ballotProject[ballotStart[g] .. ballotStart[g + 1]). */
  readonly ballotStart: Int32Array;
  readonly ballotProject: Int32Array;
  /** supporters of project p: supGroup[supStart[p] .. supStart[p + 1]). */
  readonly supStart: Int32Array;
  readonly supGroup: Int32Array;
  /** Voters approving each project. */
  readonly votes: Float64Array;
  /** The same counts by project id, as `projectSupport` gives them (score = votes). */
  readonly support: ReadonlyMap<string, ProjectSupport>;
}

/**
 * Groups an approval (or choose-1) profile; other ballot types get the issue
 * `unsupported-ballot-type`.
 *
 * @internal
 */
export function approvalGroups(
  instance: PbInstance,
  profile: PbProfile,
  rule: string,
): Result<ApprovalGroups> {
  if (profile.voteType !== "approval" && profile.voteType !== "choose-1") {
    return fail([
      budgetingIssue(
        "unsupported-ballot-type",
        ["profile", "voteType"],
        `${rule} needs approval ballots, not ${profile.voteType}`,
        { rule, voteType: profile.voteType },
      ),
    ]);
  }
  const index = new Map(instance.projects.map((project, k) => [project.id, k]));
  const P = instance.projects.length;
  const { flatProject, flatStart, groupMultiplicity, groupCount } = groupBallots(
    profile,
    index,
    undefined,
    true,
  );
  const multiplicity = groupMultiplicity.subarray(0, groupCount);
  const supStart = new Int32Array(P + 1);
  const entries = flatStart[groupCount] as number;
  for (let k = 0; k < entries; k++) {
    const p = flatProject[k] as number;
    supStart[p + 1] = (supStart[p + 1] as number) + 1;
  }
  for (let p = 0; p < P; p++)
    supStart[p + 1] = (supStart[p + 1] as number) + (supStart[p] as number);
  const fill = supStart.slice(0, P);
  const supGroup = new Int32Array(entries);
  const votes = new Float64Array(P);
  for (let g = 0; g < groupCount; g++) {
    const m = multiplicity[g] as number;
    for (let k = flatStart[g] as number; k < (flatStart[g + 1] as number); k++) {
      const p = flatProject[k] as number;
      const at = fill[p] as number;
      supGroup[at] = g;
      fill[p] = at + 1;
      votes[p] = (votes[p] as number) + m;
    }
  }
  return ok({
    groups: groupCount,
    multiplicity,
    ballotStart: flatStart.subarray(0, groupCount + 1),
    ballotProject: flatProject.subarray(0, entries),
    supStart,
    supGroup,
    votes,
    support: approvalSupport(instance.projects, votes),
  });
}

/**
 * {@link ProjectSupport} of approval ballots from the voters counted for each project
 * (the score of an approval is its vote), without reading the ballots again.
 *
 * @internal
 * @example
 * ```ts
 * approvalSupport([{ id: "a" }], Float64Array.of(3)).get("a"); //=> { votes: 3, score: { num: 3n, den: 1n } }
 * ```
 */
export function approvalSupport(
  projects: readonly { readonly id: string }[],
  votes: Float64Array,
): Map<string, ProjectSupport> {
  return new Map(
    projects.map((project, p) => {
      const voters = votes[p] as number;
      return [project.id, { votes: voters, score: rational(voters) }];
    }),
  );
}
