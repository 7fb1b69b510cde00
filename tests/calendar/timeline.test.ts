import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  nextTransition,
  phaseAt,
  reminders,
  timeline,
  validateProcess,
} from "../../src/calendar/index.js";
import { calendarOf, zones } from "../helpers/calendars.js";

const hour = 3600_000;
const process = (() => {
  const checked = validateProcess({
    id: "bp",
    title: "BP",
    timeZone: "Europe/Paris",
    phases: [
      {
        id: "ideas",
        title: "Ideas",
        start: "2026-03-01",
        end: "2026-03-28",
        permits: ["proposals.create"],
      },
      { id: "analysis", title: "Analysis", start: "2026-03-29", end: "2026-04-30" },
      {
        id: "vote",
        title: "Vote",
        start: "2026-05-10T09:00",
        end: "2026-05-20T18:00",
        permits: ["budget.vote"],
      },
    ],
  });
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.value;
})();

describe("timeline, transitions and reminders", () => {
  it("says what is past, current and upcoming, with durations", () => {
    const now = Date.parse("2026-04-15T12:00:00Z");
    const entries = timeline(process, now);
    expect(entries.map((entry) => entry.status)).toEqual(["past", "current", "upcoming"]);
    // The analysis phase spans the spring change: 29 March 00:00 CET to 1 May 00:00 CEST.
    expect(entries[1]?.duration).toBe((33 * 24 - 1) * hour);
    expect(entries[2]?.remaining).toBe(Date.parse("2026-05-10T07:00:00Z") - now);
  });

  it("finds the next transition; back-to-back phases change in one step", () => {
    expect(nextTransition(process, Date.parse("2026-03-20T00:00:00Z"))).toEqual({
      at: Date.parse("2026-03-28T23:00:00Z"),
      ends: "ideas",
      starts: "analysis",
    });
    expect(nextTransition(process, Date.parse("2026-05-01T00:00:00Z"))).toEqual({
      at: Date.parse("2026-05-10T07:00:00Z"),
      starts: "vote",
    });
    expect(nextTransition(process, Date.parse("2026-06-01T00:00:00Z"))).toBeUndefined();
  });

  it("reminds 48 and 2 hours before each phase ends", () => {
    const due = reminders(process, [48 * hour, 2 * hour], Date.parse("2026-05-01T00:00:00Z"));
    expect(due).toEqual([
      { phase: "vote", before: 48 * hour, at: Date.parse("2026-05-18T16:00:00Z") },
      { phase: "vote", before: 2 * hour, at: Date.parse("2026-05-20T14:00:00Z") },
    ]);
  });

  it("phaseAt agrees with the timeline, and the next transition with phaseAt (random calendars, many zones)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 5 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 200 * 24 * 3600 }),
        (zone, shape, seconds) => {
          const random = calendarOf(
            zone,
            shape.map(([length]) => length),
            shape.map(([, gap]) => gap),
          );
          const instant = Date.UTC(2025, 11, 25) + seconds * 1000;
          const running = phaseAt(random, instant).phase?.id;
          const current = timeline(random, instant).filter((entry) => entry.status === "current");
          expect(current.map((entry) => entry.id)).toEqual(running === undefined ? [] : [running]);
          const next = nextTransition(random, instant);
          if (next !== undefined) {
            expect(next.at).toBeGreaterThan(instant);
            expect(phaseAt(random, next.at - 1).phase?.id).toBe(running);
            expect(phaseAt(random, next.at).phase?.id).toBe(next.starts);
          } else expect(running).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  });
});
