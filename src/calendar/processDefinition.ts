import * as z from "zod/mini";
import { idRecordSchema } from "../core/idRecordSchema.js";
import { lazySchema } from "../core/lazySchema.js";

/**
 * Whether `YYYY-MM-DD[THH:mm]` names a day of the calendar and a time of the day: 31 April,
 * 29 February 2026 or minute 75 do not (a date library would move them to another day).
 */
function isRealLocalTime(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?:[+-](\d{2}):(\d{2})|Z)?)?$/.exec(
    text,
  );
  if (match === null) return true; // the pattern check reports it
  const [year, month, day, hour, minute, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= days &&
    hour <= 23 &&
    minute <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59
  );
}

/**
 * `YYYY-MM-DD` (a whole local day) or `YYYY-MM-DDTHH:mm` (a local date-time), real ones; a
 * date-time may carry its UTC offset (`2026-10-25T02:30+01:00`) to name one of the two
 * instants of an hour the clocks repeat.
 */
const localTime = lazySchema(() =>
  z.string().check(
    z.regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)?)?$/,
      "a local date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:mm, with its UTC offset where the clocks repeat an hour)",
    ),
    z.superRefine((value, context) => {
      if (!isRealLocalTime(value))
        context.issues.push({
          code: "custom",
          input: value,
          message: `${value} is not a day and time of the calendar (such as 31 April, 29 February of a common year, or minute 75)`,
        });
    }),
  ),
);

/**
 * The zod schema of one phase: an id, a title, when it starts and ends in the process's
 * time zone (a whole local day `YYYY-MM-DD` starts at its midnight and, as an end, ends at
 * the end of that day; `YYYY-MM-DDTHH:mm` is a local date-time), what it permits
 * (capabilities such as `proposals.create`), and per-component settings.
 *
 * @category Calendar
 * @example
 * ```ts
 * phaseSchema.parse({ id: "vote", title: "Vote", start: "2026-09-01", end: "2026-09-30", permits: ["budget.vote"] });
 * ```
 */
export const phaseSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    title: z.string(),
    start: localTime,
    end: localTime,
    permits: z._default(z.array(z.string().check(z.minLength(1))), []),
    settings: z._default(idRecordSchema(idRecordSchema(z.unknown())), {}),
  }),
);

/**
 * The zod schema of a participatory process as JSON: id, title, IANA time zone, whether
 * gaps between phases are allowed (default yes), and its phases in order.
 *
 * @category Calendar
 * @example
 * ```ts
 * processDefinitionSchema.safeParse(JSON.parse(text)).success;
 * ```
 */
export const processDefinitionSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    title: z.string(),
    timeZone: z.string().check(z.minLength(1)),
    allowGaps: z._default(z.boolean(), true),
    phases: z.array(phaseSchema).check(z.minLength(1)),
  }),
);

/**
 * A participatory process as its JSON defines it (see {@link processDefinitionSchema}).
 *
 * @category Calendar
 * @example
 * ```ts
 * const angers: ProcessDefinition = { id: "bp-2026", title: "Budget participatif", timeZone: "Europe/Paris", allowGaps: true, phases: [] };
 * ```
 */
export type ProcessDefinition = z.output<typeof processDefinitionSchema>;

/**
 * One phase of a {@link ProcessDefinition} (see {@link phaseSchema}).
 *
 * @category Calendar
 * @example
 * ```ts
 * const vote: Phase = { id: "vote", title: "Vote", start: "2026-09-01", end: "2026-09-30", permits: ["budget.vote"], settings: {} };
 * ```
 */
export type Phase = ProcessDefinition["phases"][number];

/**
 * The capabilities civitas knows; hosts add their own through `validateProcess`'s options.
 *
 * @category Calendar
 * @example
 * ```ts
 * KNOWN_CAPABILITIES.includes("budget.vote"); //=> true
 * ```
 */
export const KNOWN_CAPABILITIES: readonly string[] = [
  "proposals.create",
  "proposals.support",
  "proposals.comment",
  "proposals.amend",
  "proposals.answer",
  "budget.vote",
  "results.publish",
  "consultation.respond",
];
