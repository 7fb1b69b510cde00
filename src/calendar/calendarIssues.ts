import { issueMaker, type NoDetails } from "../core/issue.js";
/**
 * The codes of the issues civitas/calendar reports about process definitions and schedule
 * changes, each with an English description (refusals of actions have their own catalogue,
 * `accessIssueMessages`, with typed params).
 *
 * @category Issues
 * @example
 * ```ts
 * calendarIssueMessages["inverted-range"]; //=> "a phase ends before it starts"
 * ```
 */
export const calendarIssueMessages = {
  "duplicate-phase": "a phase id appears twice",
  "duplicate-process": "a process id appears twice",
  "invalid-process": "the process definition does not match its schema",
  "invalid-process-group": "the group of processes does not match its schema",
  gap: "a phase does not start when the one before ends, and the process allows no gaps",
  "inverted-range": "a phase ends before it starts",
  overlap: "a phase starts before the one before ends",
  "nonexistent-local-time":
    "a local time that does not exist (the clocks skip it) or a date that does not exist",
  "schedule-change-refused": "the schedule change would make the calendar invalid",
  "unknown-capability": "a phase permits a capability the process does not know",
  "unknown-phase": "there is no phase with this id",
  "unknown-time-zone": "the time zone is not an IANA zone",
} as const;

/**
 * A code of civitas/calendar's definition issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: CalendarIssueCode = "unknown-time-zone";
 * ```
 */
export type CalendarIssueCode = keyof typeof calendarIssueMessages;

/**
 * The params of each of civitas/calendar's issue codes, typed: what an app that words its own
 * messages can rely on.
 *
 * @category Issues
 * @example
 * ```ts
 * type Params = CalendarIssueParams["duplicate-phase"];
 * ```
 */
export interface CalendarIssueParams {
  readonly gap: NoDetails;
  readonly overlap: NoDetails;
  readonly "duplicate-phase": NoDetails;
  readonly "duplicate-process": NoDetails;
  readonly "invalid-process": NoDetails;
  readonly "invalid-process-group": NoDetails;
  readonly "inverted-range": NoDetails;
  readonly "nonexistent-local-time": { readonly value: string };
  readonly "schedule-change-refused": NoDetails;
  readonly "unknown-capability": { readonly capability: string };
  readonly "unknown-phase": NoDetails;
  readonly "unknown-time-zone": { readonly timeZone: string };
}

/**
 * Builds one of civitas/calendar's issues, its params typed by its code.
 *
 * @internal
 */
export const calendarIssue = issueMaker<CalendarIssueParams>();
