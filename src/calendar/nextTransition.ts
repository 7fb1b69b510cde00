import type { Process } from "./validateProcess.js";

/**
 * The first moment after `instant` at which the running phase changes: a phase starts or
 * ends (when one ends exactly as the next starts, that is one transition). Undefined once
 * the last phase has ended.
 *
 * @category Calendar
 * @example
 * ```ts
 * nextTransition(process, now); //=> { at: 1790805600000, ends: "ideas", starts: "analysis" }
 * ```
 */
export function nextTransition(
  process: Process,
  instant: number,
): { readonly at: number; readonly ends?: string; readonly starts?: string } | undefined {
  const moments = process.intervals
    .flatMap((interval) => [interval.start, interval.end])
    .filter((moment) => moment > instant);
  if (moments.length === 0) return undefined;
  const at = Math.min(...moments);
  const phases = process.definition.phases;
  const ends = phases.find((_, k) => process.intervals[k]?.end === at)?.id;
  const starts = phases.find((_, k) => process.intervals[k]?.start === at)?.id;
  return {
    at,
    ...(ends === undefined ? {} : { ends }),
    ...(starts === undefined ? {} : { starts }),
  };
}
