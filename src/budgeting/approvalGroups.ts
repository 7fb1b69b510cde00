import { makeIssue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import type { PbInstance } from "./instance.js";
import type { PbProfile } from "./profile.js";

/**
 * Approval ballots merged into groups of identical approval sets, with each project's
 * supporting groups: the shape Phragmén-style rules work on. Internal.
 *
 * @internal
 */
export interface ApprovalGroups {
  readonly groups: number;
  readonly multiplicity: Float64Array;
  /** Projects approved by each group (instance indexes). */
  readonly ballots: readonly Int32Array[];
  /** supporters of project p: supGroup[supStart[p] .. supStart[p + 1]). */
  readonly supStart: Int32Array;
  readonly supGroup: Int32Array;
  /** Voters approving each project. */
  readonly votes: Float64Array;
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
      makeIssue(
        "unsupported-ballot-type",
        ["profile", "voteType"],
        `${rule} needs approval ballots, not ${profile.voteType}`,
        { rule, voteType: profile.voteType },
      ),
    ]);
  }
  const index = new Map(instance.projects.map((project, k) => [project.id, k]));
  const P = instance.projects.length;
  const groupOf = new Map<string, number>();
  const ballots: Int32Array[] = [];
  const multiplicity: number[] = [];
  for (const ballot of profile.ballots) {
    if (ballot.multiplicity <= 0) continue;
    const approved = [
      ...new Set(ballot.projects.map((id) => index.get(id)).filter((k) => k !== undefined)),
    ].sort((a, b) => a - b);
    const key = approved.join(",");
    const known = groupOf.get(key);
    if (known !== undefined) {
      multiplicity[known] = (multiplicity[known] as number) + ballot.multiplicity;
      continue;
    }
    groupOf.set(key, ballots.length);
    ballots.push(Int32Array.from(approved));
    multiplicity.push(ballot.multiplicity);
  }
  const supStart = new Int32Array(P + 1);
  for (const approved of ballots) {
    for (const p of approved) supStart[p + 1] = (supStart[p + 1] as number) + 1;
  }
  for (let p = 0; p < P; p++)
    supStart[p + 1] = (supStart[p + 1] as number) + (supStart[p] as number);
  const fill = supStart.slice(0, P);
  const supGroup = new Int32Array(supStart[P] as number);
  const votes = new Float64Array(P);
  ballots.forEach((approved, g) => {
    for (const p of approved) {
      const at = fill[p] as number;
      supGroup[at] = g;
      fill[p] = at + 1;
      votes[p] = (votes[p] as number) + (multiplicity[g] as number);
    }
  });
  return ok({
    groups: ballots.length,
    multiplicity: Float64Array.from(multiplicity),
    ballots,
    supStart,
    supGroup,
    votes,
  });
}
