import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  nextTransition,
  phaseAt,
  reminders,
  timeline,
  validateProcess,
} from "../../src/calendar/index.js";

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

  it("phaseAt agrees with the timeline at any instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 * 24 * 3600 }), (seconds) => {
        const instant = Date.parse("2026-02-15T00:00:00Z") + seconds * 1000;
        const current = timeline(process, instant).filter((entry) => entry.status === "current");
        expect(current.map((entry) => entry.id)).toEqual(
          phaseAt(process, instant).phase === undefined
            ? []
            : [phaseAt(process, instant).phase?.id],
        );
        const next = nextTransition(process, instant);
        if (next !== undefined) {
          expect(next.at).toBeGreaterThan(instant);
          expect(phaseAt(process, next.at - 1).phase?.id).toBe(phaseAt(process, instant).phase?.id);
        }
      }),
      { numRuns: 500 },
    );
  });
});
