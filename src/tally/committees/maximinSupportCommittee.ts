import { maximinSupport } from "../../budgeting/rules/maximinSupport.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { budgetRuleCommittees } from "./committeeAsBudget.js";

/**
 * Maximin support for committees: each step adds the candidate after which the
 * committee's costs (1 each) can be shared with the lowest possible maximal load. Counted
 * by budgeting's {@link maximinSupport} on the committee as a budget (`committeeAsBudget`),
 * every tie followed in every direction (`committees`). Candidates nobody approves are
 * elected last, in every order.
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
  return budgetRuleCommittees(
    profile,
    seats,
    "maximin-support",
    "each step adds the candidate that keeps the lowest possible maximal load",
    ({ instance, profile: voters }, order) =>
      maximinSupport(instance, voters, { tieBreaking: [{ by: "order", order }], reportTies: true }),
  );
}
