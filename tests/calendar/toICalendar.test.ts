import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toICalendar, validateProcess } from "../../src/calendar/index.js";

/** A small RFC 5545 reader for the test: unfolds, splits properties, unescapes text. */
function readICalendar(
  text: string,
): { uid: string; start: number; end: number; summary: string }[] {
  expect(text.endsWith("\r\n")).toBe(true);
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const events: { uid: string; start: number; end: number; summary: string }[] = [];
  let current: Record<string, string> = {};
  const instant = (value: string) =>
    Date.parse(
      value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"),
    );
  const unescapeText = (value: string) =>
    value.replace(/\\(n|N|\\|;|,)/g, (_, char: string) =>
      char.toLowerCase() === "n" ? "\n" : char,
    );
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT")
      events.push({
        uid: unescapeText(current.UID as string),
        start: instant(current.DTSTART as string),
        end: instant(current.DTEND as string),
        summary: unescapeText(current.SUMMARY as string),
      });
    else {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

describe("toICalendar", () => {
  it("writes one VEVENT per phase that reads back to the same instants, titles and stable UIDs", () => {
    const titles = fc.string({ unit: "grapheme", maxLength: 60 });
    fc.assert(
      fc.property(
        fc.array(titles, { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 40 }),
        (names, title) => {
          const checked = validateProcess({
            id: "bp-2026",
            title,
            timeZone: "Europe/Paris",
            phases: names.map((name, k) => ({
              id: `p${k}`,
              title: name,
              start: `2026-0${k + 1}-01`,
              end: `2026-0${k + 1}-20T18:30`,
            })),
          });
          if (!checked.ok) throw new Error(checked.issues[0]?.message);
          const ics = toICalendar(checked.value, { stamp: Date.parse("2026-01-01T00:00:00Z") });
          for (const line of ics.split("\r\n"))
            expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
          const events = readICalendar(ics);
          expect(events.map((event) => event.summary)).toEqual(
            // Line breaks of any kind (CR LF, CR, U+2028, U+2029) are written as \n; other
            // control characters, which RFC 5545 forbids in text, are left out.
            names.map((name) =>
              name.replace(/\r\n?|\u2028|\u2029/g, "\n").replace(/(?![\t\n])\p{Cc}/gu, ""),
            ),
          );
          expect(events.map((event) => [event.start, event.end])).toEqual(
            checked.value.intervals.map((interval) => [interval.start, interval.end]),
          );
          expect(events.map((event) => event.uid)).toEqual(
            names.map((_, k) => `bp-2026/p${k}@civitas`),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("escapes commas, semicolons and backslashes, and uses UTC times", () => {
    const checked = validateProcess({
      id: "c",
      title: "Consultation",
      timeZone: "Europe/Paris",
      phases: [
        {
          id: "a",
          title: "Dépôt; idées, projets \\ quartiers",
          start: "2026-03-01",
          end: "2026-03-31",
          permits: ["proposals.create"],
        },
      ],
    });
    if (!checked.ok) throw new Error(checked.issues[0]?.message);
    const ics = toICalendar(checked.value, { stamp: Date.parse("2026-01-01T00:00:00Z") });
    expect(ics).toContain("SUMMARY:Dépôt\\; idées\\, projets \\\\ quartiers\r\n");
    expect(ics).toContain("DTSTART:20260228T230000Z\r\n");
    expect(ics).toContain("DTEND:20260331T220000Z\r\n");
  });
});
