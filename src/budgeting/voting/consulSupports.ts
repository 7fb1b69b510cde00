import { catalogueIssue } from "../../core/catalogueIssue.js";
import { fail, ok, type Result } from "../../core/result.js";
import { budgetingIssue } from "../budgetingIssues.js";
import { votingIssueMessages } from "./votingIssues.js";

/**
 * Whether a user may support an investment of `heading` in CONSUL's selecting phase: in
 * each group of headings a user supports investments in at most the group's
 * `maxVotableHeadings` distinct headings (default 1), and may always support more in a
 * heading already supported (`Budget::Investment#valid_heading?`). Refused with
 * `different-heading-assigned` and the headings already supported.
 *
 * @category Voting
 * @example
 * ```ts
 * canSupportInHeading({ districts: 1 }, { north: "districts", south: "districts" }, ["north"], "south").ok; //=> false
 * ```
 */
export function canSupportInHeading(
  maxVotableHeadings: Readonly<Record<string, number>>,
  groupOf: Readonly<Record<string, string>>,
  supportedHeadings: readonly string[],
  heading: string,
): Result<void> {
  const group = Object.hasOwn(groupOf, heading) ? groupOf[heading] : undefined;
  if (group === undefined)
    return fail([
      budgetingIssue("unknown-heading", ["heading"], `there is no heading ${heading}`, { heading }),
    ]);
  if (supportedHeadings.includes(heading)) return ok(undefined);
  const inGroup = [...new Set(supportedHeadings)].filter(
    (other) => Object.hasOwn(groupOf, other) && groupOf[other] === group,
  );
  const limit = Object.hasOwn(maxVotableHeadings, group)
    ? (maxVotableHeadings[group] as number)
    : 1;
  if (inGroup.length < limit) return ok(undefined);
  return fail([
    catalogueIssue(votingIssueMessages, "different-heading-assigned", ["heading"], {
      heading,
      group,
      supported: inGroup,
      maximum: limit,
    }),
  ]);
}
