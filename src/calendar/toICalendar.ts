import type { Process } from "./validateProcess.js";

/**
 * TEXT escaping of RFC 5545 (3.3.11): backslash, semicolon, comma and line breaks (also
 * the Unicode line and paragraph separators) escaped; every other control character,
 * which TEXT may not hold (only HTAB is allowed), removed.
 */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, "\\n")
    .replace(/(?!\t)\p{Cc}/gu, "");
}

/** Folds a content line at 75 octets of UTF-8 (RFC 5545 3.1), never inside a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** An instant as an RFC 5545 UTC date-time: `20260310T140000Z`. */
function utc(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * The process as an iCalendar (RFC 5545) file: one VEVENT per phase with a stable UID
 * (`process-id/phase-id@civitas`), times in UTC, the title as SUMMARY, escaped text and
 * lines folded at 75 octets, CRLF line ends. `stamp` is the DTSTAMP (when the file is
 * made), passed in so the output is reproducible.
 *
 * @category Calendar
 * @example
 * ```ts
 * const ics = toICalendar(process, { stamp: Date.parse("2026-01-01T00:00:00Z") });
 * ics.startsWith("BEGIN:VCALENDAR\r\n"); //=> true
 * ```
 */
export function toICalendar(process: Process, options: { readonly stamp: number }): string {
  const { definition } = process;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//civitas//calendar//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(definition.title)}`,
  ];
  definition.phases.forEach((phase, k) => {
    const { start, end } = process.intervals[k] as { start: number; end: number };
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(`${definition.id}/${phase.id}@civitas`)}`,
      `DTSTAMP:${utc(options.stamp)}`,
      `DTSTART:${utc(start)}`,
      `DTEND:${utc(end)}`,
      `SUMMARY:${escapeText(phase.title)}`,
      ...(phase.permits.length > 0
        ? [`DESCRIPTION:${escapeText(`Permits: ${phase.permits.join(", ")}`)}`]
        : []),
      "END:VEVENT",
    );
  });
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
