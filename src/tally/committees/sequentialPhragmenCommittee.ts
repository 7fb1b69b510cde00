import { sequentialPhragmen } from "../../budgeting/rules/sequentialPhragmen.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { budgetRuleCommittees } from "./committeeAsBudget.js";

/**
 * Sequential Phragmén for committees: voters share the cost (1) of each elected candidate;
 * each step elects the candidate whose supporters would then carry the lowest maximal
 * load. Counted by budgeting's {@link sequentialPhragmen} on the committee as a budget
 * (`committeeAsBudget`), every tie followed in every direction (`committees`).
 * Candidates nobody approves are elected last, in every order.
 *
 * @category Committees
 * @example
 * ```ts
 * sequentialPhragmenCommittee(profile, 3);
 * ```
 */
export function sequentialPhragmenCommittee(
  profile: ApprovalProfile,
  seats: number,
): Result<TallyOutcome> {
  return budgetRuleCommittees(
    profile,
    seats,
    "seqphragmen",
    "each step elects the candidate whose supporters then carry the lowest maximal load",
    ({ instance, profile: voters }, order) =>
      sequentialPhragmen(instance, voters, { tieBreaking: [{ by: "order", order }] }),
  );
}
