import { ownValue } from "../core/idRecord.js";
import type { Issue } from "../core/issue.js";
import { accessIssue } from "./accessIssues.js";
import { checkEligibility, type EligibilityPolicy, type Participant } from "./eligibility.js";
import { phaseAt } from "./phaseAt.js";
import type { Process } from "./validateProcess.js";

/**
 * Whether a participant may do an action at an instant: a phase must be running, it must
 * permit the action, and the participant must meet the eligibility policy for that action
 * (if any). Allowed, or every reason it is not: `issues` with codes from
 * {@link accessIssueMessages} and typed params, and `reasons`, their English messages.
 *
 * @category Calendar
 * @example
 * ```ts
 * isAllowed(process, "budget.vote", now, ana, { "budget.vote": { minimumAge: 11, on: "2026-09-01" } });
 * //=> { allowed: true, phase: "vote" }
 * ```
 */
export function isAllowed(
  process: Process,
  action: string,
  instant: number,
  participant?: Participant,
  policies: Readonly<Record<string, EligibilityPolicy>> = {},
):
  | { readonly allowed: true; readonly phase: string }
  | { readonly allowed: false; readonly reasons: string[]; readonly issues: Issue[] } {
  const refused = (issues: Issue[]) => ({
    allowed: false as const,
    reasons: issues.map((issue) => issue.message),
    issues,
  });
  const { phase } = phaseAt(process, instant);
  if (phase === undefined)
    return refused([accessIssue("no-phase-running", { process: process.definition.title })]);
  if (!phase.permits.includes(action))
    return refused([accessIssue("phase-forbids-action", { phase: phase.title, action })]);
  const policy = ownValue(policies, action);
  if (policy !== undefined) {
    if (participant === undefined)
      return refused([accessIssue("participant-required", { action })]);
    const eligibility = checkEligibility(policy, participant);
    if (!eligibility.eligible) return refused(eligibility.issues);
  }
  return { allowed: true, phase: phase.id };
}
