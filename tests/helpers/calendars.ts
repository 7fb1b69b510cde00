import { type Process, validateProcess } from "../../src/calendar/index.js";

/** Zones with daylight saving of every kind (whole hours, half an hour, none). */
export const zones = [
  "Europe/Paris",
  "America/Sao_Paulo",
  "Pacific/Auckland",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
] as const;

/**
 * A valid calendar of whole-day phases `p0`, `p1`, … from `from` (a UTC date, read as
 * local days): phase k lasts `lengths[k]` days and is followed by `gaps[k]` free days.
 */
export function calendarOf(
  zone: string,
  lengths: readonly number[],
  gaps: readonly number[],
  from = Date.UTC(2026, 0, 5),
): Process {
  const day = 86400_000;
  let at = from;
  const phases = lengths.map((length, k) => {
    const start = new Date(at).toISOString().slice(0, 10);
    at += (length - 1) * day;
    const end = new Date(at).toISOString().slice(0, 10);
    at += day * (1 + (gaps[k] ?? 0));
    return { id: `p${k}`, title: `Phase ${k}`, start, end, permits: [] };
  });
  const checked = validateProcess({ id: "x", title: "x", timeZone: zone, phases });
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.value;
}
