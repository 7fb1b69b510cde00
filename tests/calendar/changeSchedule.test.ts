import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeSchedule, validateProcess } from "../../src/calendar/index.js";
import { calendarOf } from "../helpers/calendars.js";

const day = 86400000;

describe("changeSchedule", () => {
  const process = calendarOf("Europe/Paris", [10, 10, 10], [0, 3, 0]);

  it("extends a phase and, by policy, shifts the later ones, squeezes the next or refuses", () => {
    const cascade = changeSchedule(
      process,
      { kind: "set-end", phase: "p0", end: "2026-01-16" },
      "cascade",
    );
    if (!cascade.ok) throw new Error(cascade.issues[0]?.message);
    expect(cascade.value.definition.phases.map((phase) => [phase.start, phase.end])).toEqual([
      ["2026-01-05", "2026-01-16"],
      ["2026-01-17", "2026-01-26"],
      ["2026-01-30", "2026-02-08"],
    ]);
    const squeeze = changeSchedule(
      process,
      { kind: "set-end", phase: "p0", end: "2026-01-16" },
      "squeeze",
    );
    if (!squeeze.ok) throw new Error(squeeze.issues[0]?.message);
    expect(squeeze.value.definition.phases[1]).toMatchObject({
      start: "2026-01-17",
      end: "2026-01-24",
    });
    const reject = changeSchedule(
      process,
      { kind: "set-end", phase: "p0", end: "2026-01-16" },
      "reject",
    );
    expect(!reject.ok && reject.issues[0]?.code).toBe("schedule-change-refused");
    // Shortening: cascade pulls the later phases earlier; squeeze stretches the next one
    // if they touched (p0 and p1 do), so no gap opens.
    const shorter = changeSchedule(
      process,
      { kind: "set-end", phase: "p0", end: "2026-01-12" },
      "cascade",
    );
    expect(shorter.ok && shorter.value.definition.phases.map((phase) => phase.start)).toEqual([
      "2026-01-05",
      "2026-01-13",
      "2026-01-26",
    ]);
    const stretched = changeSchedule(
      process,
      { kind: "set-end", phase: "p0", end: "2026-01-12" },
      "squeeze",
    );
    expect(stretched.ok && stretched.value.definition.phases[1]).toMatchObject({
      start: "2026-01-13",
      end: "2026-01-24",
    });
    // The input is left as it was.
    expect(process.definition.phases[0]?.end).toBe("2026-01-14");
  });

  it("shifts, inserts, removes and closes a phase now; refuses what would break the calendar", () => {
    const shifted = changeSchedule(process, { kind: "shift", phase: "p2", days: 7 }, "reject");
    expect(shifted.ok && shifted.value.definition.phases[2]).toMatchObject({
      start: "2026-02-04",
      end: "2026-02-13",
    });
    const inserted = changeSchedule(
      process,
      {
        kind: "insert",
        after: "p1",
        phase: { id: "pause", title: "Pause", start: "2026-01-25", end: "2026-01-27" },
      },
      "reject",
    );
    expect(inserted.ok && inserted.value.definition.phases.map((phase) => phase.id)).toEqual([
      "p0",
      "p1",
      "pause",
      "p2",
    ]);
    const removed = changeSchedule(process, { kind: "remove", phase: "p1" }, "reject");
    expect(removed.ok && removed.value.definition.phases.map((phase) => phase.id)).toEqual([
      "p0",
      "p2",
    ]);
    const closed = changeSchedule(
      process,
      { kind: "close-now", phase: "p1", at: Date.parse("2026-01-20T13:45:00Z") },
      "reject",
    );
    expect(closed.ok && closed.value.definition.phases[1]?.end).toBe("2026-01-20T14:45");
    const late = changeSchedule(
      process,
      { kind: "close-now", phase: "p0", at: Date.parse("2026-01-20T13:45:00Z") },
      "reject",
    );
    expect(!late.ok && late.issues[0]?.message).toBe('phase "p0" has already ended');
    const inverted = changeSchedule(
      process,
      { kind: "set-end", phase: "p1", end: "2026-01-10" },
      "cascade",
    );
    expect(!inverted.ok && inverted.issues[0]?.code).toBe("inverted-range");
    const skipped = changeSchedule(
      process,
      { kind: "set-end", phase: "p2", end: "2026-03-29T02:30" },
      "cascade",
    );
    expect(!skipped.ok && skipped.issues[0]?.code).toBe("nonexistent-local-time");
  });

  it("never makes a valid calendar invalid, and cascades keep later phases' lengths", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "Europe/Paris",
          "America/Sao_Paulo",
          "Pacific/Auckland",
          "Australia/Lord_Howe",
        ),
        fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }),
        fc.nat(),
        fc.integer({ min: -20, max: 20 }),
        fc.constantFrom("cascade", "squeeze", "reject") as fc.Arbitrary<
          "cascade" | "squeeze" | "reject"
        >,
        (zone, lengths, gaps, which, days, policy) => {
          const before = calendarOf(zone, lengths, gaps);
          const k = which % lengths.length;
          const phase = before.definition.phases[k];
          const end = new Date(Date.parse(`${phase?.end}T00:00:00Z`) + days * day)
            .toISOString()
            .slice(0, 10);
          const after = changeSchedule(before, { kind: "set-end", phase: `p${k}`, end }, policy);
          if (!after.ok) return;
          expect(validateProcess(after.value.definition).ok).toBe(true);
          if (policy === "cascade")
            after.value.definition.phases.slice(k + 1).forEach((later, j) => {
              const original = before.definition.phases[k + 1 + j];
              const length = (p: { start: string; end: string }) =>
                Date.parse(p.end) - Date.parse(p.start);
              expect(length(later)).toBe(length(original as { start: string; end: string }));
            });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("changeSchedule on random changes of every kind", () => {
  it("never throws, never changes its input, and returns only valid calendars", () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant("shift" as const), days: fc.integer({ min: -10, max: 10 }) }),
      fc.record({
        kind: fc.constant("set-start" as const),
        days: fc.integer({ min: -10, max: 10 }),
      }),
      fc.record({ kind: fc.constant("remove" as const) }),
      fc.record({
        kind: fc.constant("close-now" as const),
        hours: fc.integer({ min: 0, max: 400 }),
      }),
      fc.record({ kind: fc.constant("insert" as const), length: fc.integer({ min: 1, max: 5 }) }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom("Europe/Paris", "Pacific/Auckland", "Australia/Lord_Howe"),
        fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }),
        fc.nat(),
        change,
        fc.constantFrom("cascade", "squeeze", "reject") as fc.Arbitrary<
          "cascade" | "squeeze" | "reject"
        >,
        (zone, lengths, gaps, which, picked, policy) => {
          const before = calendarOf(zone, lengths, gaps);
          const snapshot = JSON.stringify(before);
          const k = which % lengths.length;
          const phase = before.definition.phases[k] as { id: string; start: string; end: string };
          const dayAfter = (text: string, days: number) =>
            new Date(Date.parse(`${text.slice(0, 10)}T00:00:00Z`) + days * day)
              .toISOString()
              .slice(0, 10);
          const after = changeSchedule(
            before,
            picked.kind === "shift"
              ? { kind: "shift", phase: phase.id, days: picked.days }
              : picked.kind === "set-start"
                ? { kind: "set-start", phase: phase.id, start: dayAfter(phase.start, picked.days) }
                : picked.kind === "remove"
                  ? { kind: "remove", phase: phase.id }
                  : picked.kind === "close-now"
                    ? {
                        kind: "close-now",
                        phase: phase.id,
                        at: (before.intervals[k]?.start as number) + picked.hours * 3600_000,
                      }
                    : {
                        kind: "insert",
                        after: phase.id,
                        phase: {
                          id: "new",
                          title: "New",
                          start: dayAfter(phase.end, 1),
                          end: dayAfter(phase.end, picked.length),
                        },
                      },
            policy,
          );
          expect(JSON.stringify(before)).toBe(snapshot);
          if (after.ok) expect(validateProcess(after.value.definition).ok).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
