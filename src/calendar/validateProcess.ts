import { TZDate } from "@date-fns/tz";
import type { Issue } from "../core/issue.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { calendarIssue } from "./calendarIssues.js";
import {
  KNOWN_CAPABILITIES,
  type ProcessDefinition,
  processDefinitionSchema,
} from "./processDefinition.js";

/**
 * A validated process: the definition, and each phase's interval as UTC instants
 * (milliseconds; the start included, the end excluded).
 *
 * @category Calendar
 * @example
 * ```ts
 * const checked = validateProcess(json);
 * if (checked.ok) checked.value.intervals[0]; //=> { start: 1788213600000, end: 1790805600000 }
 * ```
 */
export interface Process {
  readonly definition: ProcessDefinition;
  readonly intervals: readonly { readonly start: number; readonly end: number }[];
}

/** Whether the runtime knows an IANA time zone. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, zone: string): number {
  return -new TZDate(instant, zone).getTimezoneOffset();
}

/**
 * The instants at which a zone's clocks show a wall-clock time (given as if it were UTC):
 * none inside a gap, two when the clocks go back, else one; earliest first.
 *
 * @internal
 */
export function instantsOfWallClock(wall: number, zone: string): number[] {
  const offsets = new Set([offsetAt(wall - 86400_000, zone), offsetAt(wall + 86400_000, zone)]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const instant = wall - offset * 60_000;
    if (offsetAt(instant, zone) === offset) found.add(instant);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The instant of a local time in a zone, or undefined when that local time does not exist
 * there (a DST gap). An ambiguous local time (clocks going back) is its first occurrence.
 * A whole day starts at its first instant (midnight, or when the clocks skip midnight, the
 * first instant after); `asEnd` turns a whole day into the start of the next day.
 */
function instantOf(given: string, zone: string, asEnd: boolean): number | undefined {
  // A date-time may end with its UTC offset, to say which of a repeated hour's two
  // instants it is (`2026-10-25T02:30+01:00`); it must be the zone's offset then.
  const offsetMatch = /([+-])(\d{2}):(\d{2})$|Z$/.exec(given);
  const text = offsetMatch === null ? given : given.slice(0, offsetMatch.index);
  const [date, time = "00:00"] = text.split("T");
  const [year, month, day] = (date as string).split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wholeDay = !text.includes("T");
  const wall = Date.UTC(year, month - 1, day + (wholeDay && asEnd ? 1 : 0), hour, minute);
  const instants = instantsOfWallClock(wall, zone);
  if (offsetMatch !== null) {
    const [, sign, hours = "0", minutes = "0"] = offsetMatch;
    const offset = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
    const instant = wall - offset * 60_000;
    return instants.includes(instant) ? instant : undefined;
  }
  if (instants.length > 0) return instants[0];
  if (!wholeDay) return undefined;
  // Midnight skipped: the day starts when the clocks jump, the first instant after it.
  const before = instantsOfWallClock(wall - 86400_000, zone)[0];
  if (before === undefined) return undefined;
  let low = before;
  let high = before + 2 * 86400_000;
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (middle + offsetAt(middle, zone) * 60_000 < wall) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * Checks a process definition (JSON in) and computes its phases' instants. Every problem
 * is an issue with its path: the schema's, `unknown-time-zone`, `duplicate-phase`,
 * `nonexistent-local-time` (inside a daylight-saving gap), `inverted-range` (a phase that
 * ends before it starts, or is empty), `overlap` (a phase starting before the previous one
 * ends), `gap` (time between phases when `allowGaps` is false), `unknown-capability` (not
 * in {@link KNOWN_CAPABILITIES} or `options.capabilities`). Phases must be listed in time
 * order. An ambiguous local time (the hour repeated when clocks go back) is its first
 * occurrence.
 *
 * @category Calendar
 * @example
 * ```ts
 * const checked = validateProcess({ id: "p", title: "P", timeZone: "Europe/Paris", phases: [
 *   { id: "ideas", title: "Ideas", start: "2026-03-01", end: "2026-03-31", permits: ["proposals.create"] },
 * ] });
 * checked.ok; //=> true
 * ```
 */
export function validateProcess(
  input: unknown,
  options: { readonly capabilities?: readonly string[] } = {},
): Result<Process> {
  const parsed = parseSchema(processDefinitionSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-process", "process"));
  const definition = parsed.data;
  if (!knownZone(definition.timeZone))
    return fail([
      calendarIssue(
        "unknown-time-zone",
        ["timeZone"],
        `"${definition.timeZone}" is not an IANA time zone`,
        { timeZone: definition.timeZone },
      ),
    ]);
  const issues: Issue[] = [];
  const capabilities = new Set([...KNOWN_CAPABILITIES, ...(options.capabilities ?? [])]);
  const seen = new Set<string>();
  const intervals: { start: number; end: number }[] = [];
  definition.phases.forEach((phase, k) => {
    const path = ["phases", k];
    if (seen.has(phase.id))
      issues.push(
        calendarIssue("duplicate-phase", [...path, "id"], `phase id "${phase.id}" is used twice`),
      );
    seen.add(phase.id);
    phase.permits.forEach((capability, c) => {
      if (!capabilities.has(capability))
        issues.push(
          calendarIssue(
            "unknown-capability",
            [...path, "permits", c],
            `phase "${phase.id}" permits "${capability}", which is not a known capability`,
            { capability },
          ),
        );
    });
    const start = instantOf(phase.start, definition.timeZone, false);
    const end = instantOf(phase.end, definition.timeZone, true);
    for (const [field, value, instant] of [
      ["start", phase.start, start],
      ["end", phase.end, end],
    ] as const)
      if (instant === undefined)
        issues.push(
          calendarIssue(
            "nonexistent-local-time",
            [...path, field],
            /([+-]\d{2}:\d{2}|Z)$/.test(value)
              ? `phase "${phase.id}" ${field}s at ${value}, but ${definition.timeZone} does not have that offset at that time`
              : `phase "${phase.id}" ${field}s at ${value}, which does not exist in ${definition.timeZone} (the clocks skip it)`,
            { value },
          ),
        );
    if (start === undefined || end === undefined) {
      intervals.push({ start: Number.NaN, end: Number.NaN });
      return;
    }
    if (end <= start)
      issues.push(
        calendarIssue(
          "inverted-range",
          [...path, "end"],
          `phase "${phase.id}" ends (${phase.end}) before it starts (${phase.start})`,
        ),
      );
    const previous = intervals[k - 1];
    if (previous !== undefined && Number.isFinite(previous.end)) {
      if (start < previous.end)
        issues.push(
          calendarIssue(
            "overlap",
            [...path, "start"],
            `phase "${phase.id}" starts before phase "${definition.phases[k - 1]?.id}" ends`,
          ),
        );
      else if (start > previous.end && !definition.allowGaps)
        issues.push(
          calendarIssue(
            "gap",
            [...path, "start"],
            `phase "${phase.id}" does not start when phase "${definition.phases[k - 1]?.id}" ends, and this process allows no gaps`,
          ),
        );
    }
    intervals.push({ start, end });
  });
  return issues.length > 0 ? fail(issues) : ok({ definition, intervals });
}
