import type { Process } from "./validateProcess.js";

/**
 * One phase on a process's timeline at an instant: whether it is past, current or
 * upcoming, its instants, how long it lasts, and how long until it starts (upcoming) or
 * ends (current), in milliseconds.
 *
 * @category Calendar
 * @example
 * ```ts
 * const entry: TimelineEntry = { id: "vote", title: "Vote", status: "current", start: 0, end: 1000, duration: 1000, remaining: 400 };
 * ```
 */
export interface TimelineEntry {
  readonly id: string;
  readonly title: string;
  readonly status: "past" | "current" | "upcoming";
  readonly start: number;
  readonly end: number;
  readonly duration: number;
  /** Until the end (current) or the start (upcoming); 0 for past phases. */
  readonly remaining: number;
}

/**
 * The process's phases as a citizen's timeline at an instant.
 *
 * @category Calendar
 * @example
 * ```ts
 * timeline(process, now).find((entry) => entry.status === "current")?.title;
 * ```
 */
export function timeline(process: Process, instant: number): TimelineEntry[] {
  return process.definition.phases.map((phase, k) => {
    const { start, end } = process.intervals[k] as { start: number; end: number };
    const status = instant >= end ? "past" : instant >= start ? "current" : "upcoming";
    return {
      id: phase.id,
      title: phase.title,
      status,
      start,
      end,
      duration: end - start,
      remaining: status === "past" ? 0 : status === "current" ? end - instant : start - instant,
    };
  });
}
