import { ownValue } from "../core/idRecord.js";
import { checkEligibility, type EligibilityPolicy, type Participant } from "./eligibility.js";
import { phaseAt } from "./phaseAt.js";
import type { Process } from "./validateProcess.js";

/**
 * Whether a participant may do an action at an instant: a phase must be running, it must
 * permit the action, and the participant must meet the eligibility policy for that action
 * (if any). Allowed, or every reason it is not.
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
  | { readonly allowed: false; readonly reasons: string[] } {
  const { phase } = phaseAt(process, instant);
  if (phase === undefined)
    return { allowed: false, reasons: [`no phase of ${process.definition.title} is running`] };
  if (!phase.permits.includes(action))
    return { allowed: false, reasons: [`the phase "${phase.title}" does not permit ${action}`] };
  const policy = ownValue(policies, action);
  if (policy !== undefined) {
    if (participant === undefined)
      return { allowed: false, reasons: [`${action} needs an identified participant`] };
    const eligibility = checkEligibility(policy, participant);
    if (!eligibility.eligible) return { allowed: false, reasons: eligibility.reasons };
  }
  return { allowed: true, phase: phase.id };
}
