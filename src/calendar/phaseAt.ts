import type { Process } from "./validateProcess.js";

/**
 * The phase running at an instant (start included, end excluded), and what it permits; no
 * phase before, between or after the phases.
 *
 * @category Calendar
 * @example
 * ```ts
 * const now = phaseAt(process, Date.parse("2026-09-15T10:00:00Z"));
 * now.phase?.id; //=> "vote"
 * now.permits;   //=> ["budget.vote"]
 * ```
 */
export function phaseAt(
  process: Process,
  instant: number,
): {
  readonly phase: Process["definition"]["phases"][number] | undefined;
  readonly permits: readonly string[];
} {
  const k = process.intervals.findIndex(
    (interval) => interval.start <= instant && instant < interval.end,
  );
  const phase = k < 0 ? undefined : process.definition.phases[k];
  return { phase, permits: phase?.permits ?? [] };
}
