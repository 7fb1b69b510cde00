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
  "inverted-range": "a phase ends before it starts",
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
