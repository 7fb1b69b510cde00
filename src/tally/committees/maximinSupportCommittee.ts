import { maximinSupport } from "../../budgeting/rules/maximinSupport.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { committeeAsBudget, followTiedRuns } from "./committeeAsBudget.js";
import { completedCommittees, outcome } from "./committeeSearch.js";

/**
 * Maximin support for committees: each step adds the candidate after which the
 * committee's costs (1 each) can be shared with the lowest possible maximal load. Counted
 * by budgeting's {@link maximinSupport} on the committee as a budget
 * ({@link committeeAsBudget}), every tie followed in every direction (`committees`).
 * Candidates nobody approves are elected last, in every order.
 *
 * @category Committees
 * @example
 * ```ts
 * maximinSupportCommittee(profile, 3).ok;
 * ```
 */
export function maximinSupportCommittee(
  profile: ApprovalProfile,
  seats: number,
): Result<TallyOutcome> {
  const election = committeeAsBudget(profile, seats);
  if (!election.ok) return election;
  const { instance, profile: voters } = election.value;
  const runs = followTiedRuns(profile.candidates, (order) =>
    maximinSupport(instance, voters, { tieBreaking: [{ by: "order", order }], reportTies: true }),
  );
  if (!runs.ok) return runs;
  return outcome(
    "maximin-support",
    profile,
    runs.value.flatMap((run) => completedCommittees(profile, run.selected, seats)),
    "each step adds the candidate that keeps the lowest possible maximal load",
  );
}
