import type { Process } from "./validateProcess.js";

/**
 * The instants at which to remind people that phases end: for each phase and each lead
 * time (milliseconds before its end, e.g. 48 and 2 hours), the instant, skipping those
 * before the phase starts or before `after`. Sorted by instant.
 *
 * @category Calendar
 * @example
 * ```ts
 * reminders(process, [48 * 3600_000, 2 * 3600_000], now);
 * //=> [{ phase: "vote", before: 172800000, at: 1790632800000 }, …]
 * ```
 */
export function reminders(
  process: Process,
  leads: readonly number[],
  after = Number.NEGATIVE_INFINITY,
): { readonly phase: string; readonly before: number; readonly at: number }[] {
  return process.definition.phases
    .flatMap((phase, k) => {
      const { start, end } = process.intervals[k] as { start: number; end: number };
      return leads
        .map((before) => ({ phase: phase.id, before, at: end - before }))
        .filter((reminder) => reminder.at >= start && reminder.at >= after);
    })
    .sort((a, b) => a.at - b.at || b.before - a.before);
}
