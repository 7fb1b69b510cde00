import { TZDate } from "@date-fns/tz";
import { produce } from "immer";
import { fail, type Result } from "../core/result.js";
import { calendarIssue } from "./calendarIssues.js";
import type { Phase } from "./processDefinition.js";
import { instantsOfWallClock, type Process, validateProcess } from "./validateProcess.js";

/**
 * A change to a process's schedule, in local times of its zone: set a phase's end (extend
 * or shorten it) or start, shift a phase by whole days, insert a phase after another (or
 * first), remove one, or close a phase now (its end becomes the instant `at`).
 *
 * @category Calendar
 * @example
 * ```ts
 * const extend: ScheduleChange = { kind: "set-end", phase: "vote", end: "2026-10-07" };
 * ```
 */
export type ScheduleChange =
  | { readonly kind: "set-end"; readonly phase: string; readonly end: string }
  | { readonly kind: "set-start"; readonly phase: string; readonly start: string }
  | { readonly kind: "shift"; readonly phase: string; readonly days: number }
  | {
      readonly kind: "insert";
      readonly after?: string;
      readonly phase: Omit<Phase, "permits" | "settings"> &
        Partial<Pick<Phase, "permits" | "settings">>;
    }
  | { readonly kind: "remove"; readonly phase: string }
  | { readonly kind: "close-now"; readonly phase: string; readonly at: number };

/**
 * What happens to the phases after a changed one: `cascade` moves every later phase by as
 * much as the changed phase's end moved (later or earlier); `squeeze` keeps their dates
 * and makes the next phase start where the changed one now ends, when they touched or
 * now overlap (refused if that empties it); `reject` refuses an overlap.
 *
 * @category Calendar
 * @example
 * ```ts
 * const policy: NeighbourPolicy = "cascade";
 * ```
 */
export type NeighbourPolicy = "cascade" | "squeeze" | "reject";

/** Wall-clock minutes of a local time, as if it were UTC (for moving local times). */
function wallMinutes(given: string, asEnd: boolean): number {
  const local = given.replace(/([+-]\d{2}:\d{2}|Z)$/, "");
  const [date, time = "00:00"] = local.split("T");
  const [y, m, d] = (date as string).split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const whole = !local.includes("T");
  return Date.UTC(y, m - 1, d + (whole && asEnd ? 1 : 0), hh, mm) / 60000;
}

/** A local time moved by wall-clock minutes, keeping the whole-day form when it can. */
function moved(local: string, minutes: number, asEnd: boolean): string {
  const whole = !local.includes("T");
  const at = new Date((wallMinutes(local, asEnd) + minutes) * 60000).toISOString();
  if (whole && minutes % 1440 === 0) {
    const day = new Date((wallMinutes(local, false) + minutes) * 60000);
    return day.toISOString().slice(0, 10);
  }
  return at.slice(0, 16);
}

/**
 * An instant as a local date-time of a zone, to the minute; in an hour the clocks repeat,
 * with the UTC offset that says which of its two instants it is.
 */
function localAt(instant: number, zone: string): string {
  const at = new TZDate(instant, zone);
  const pad = (value: number) => String(value).padStart(2, "0");
  const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const wall = Date.UTC(
    at.getFullYear(),
    at.getMonth(),
    at.getDate(),
    at.getHours(),
    at.getMinutes(),
  );
  if (instantsOfWallClock(wall, zone).length < 2) return local;
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const size = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

/**
 * Applies a schedule change to a valid process and returns the new, validated process —
 * never an invalid calendar out of a valid one: a change that would break it (a phase
 * ending before it starts, an overlap the policy refuses, a local time the clocks skip)
 * comes back as issues. The input is not changed (immer).
 *
 * @category Calendar
 * @example
 * ```ts
 * changeSchedule(process, { kind: "set-end", phase: "ideas", end: "2026-04-15" }, "cascade");
 * ```
 */
export function changeSchedule(
  process: Process,
  change: ScheduleChange,
  policy: NeighbourPolicy,
  options: { readonly capabilities?: readonly string[] } = {},
): Result<Process> {
  const { definition } = process;
  const index =
    "phase" in change && typeof change.phase === "string"
      ? definition.phases.findIndex((phase) => phase.id === change.phase)
      : -1;
  if (change.kind !== "insert" && index < 0)
    return fail([
      calendarIssue(
        "unknown-phase",
        ["phase"],
        `there is no phase "${String((change as { phase: string }).phase)}"`,
      ),
    ]);
  let refused: string | undefined;
  const next = produce(definition, (draft) => {
    const phases = draft.phases;
    const before = index >= 0 ? { ...(phases[index] as Phase) } : undefined;
    switch (change.kind) {
      case "set-end":
        (phases[index] as Phase).end = change.end;
        break;
      case "set-start":
        (phases[index] as Phase).start = change.start;
        break;
      case "shift": {
        const phase = phases[index] as Phase;
        phase.start = moved(phase.start, change.days * 1440, false);
        phase.end = moved(phase.end, change.days * 1440, true);
        break;
      }
      case "close-now":
        if (change.at >= (process.intervals[index]?.end ?? Number.NEGATIVE_INFINITY)) {
          refused = `phase "${change.phase}" has already ended`;
          return;
        }
        (phases[index] as Phase).end = localAt(change.at, draft.timeZone);
        break;
      case "remove":
        phases.splice(index, 1);
        return;
      case "insert": {
        const at =
          change.after === undefined
            ? 0
            : phases.findIndex((phase) => phase.id === change.after) + 1;
        if (change.after !== undefined && at === 0) {
          refused = `there is no phase "${change.after}" to insert after`;
          return;
        }
        phases.splice(at, 0, { permits: [], settings: {}, ...change.phase });
        return;
      }
    }
    // The neighbours after the changed phase, by policy.
    const changed = phases[index] as Phase;
    const following = phases[index + 1];
    if (following === undefined || before === undefined) return;
    const moveBy = wallMinutes(changed.end, true) - wallMinutes(before.end, true);
    const overlap = wallMinutes(changed.end, true) - wallMinutes(following.start, false);
    const backToBack = wallMinutes(before.end, true) === wallMinutes(following.start, false);
    if (policy === "cascade") {
      // Every later phase moves as the end moved, earlier or later.
      if (moveBy !== 0)
        for (const later of phases.slice(index + 1)) {
          later.start = moved(later.start, moveBy, false);
          later.end = moved(later.end, moveBy, true);
        }
    } else if (policy === "squeeze") {
      // Later phases keep their dates; the next one starts where this one now ends if
      // they touched or now overlap.
      if (overlap > 0 || (backToBack && overlap < 0))
        following.start = moved(following.start, overlap, false);
    } else if (overlap > 0) {
      refused = `phase "${changed.id}" would run into phase "${following.id}"`;
    }
  });
  if (refused !== undefined)
    return fail([calendarIssue("schedule-change-refused", ["change"], refused)]);
  return validateProcess(next, options);
}
