import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { phaseAt, validateProcess } from "../../src/calendar/index.js";

/** Every instant of a year at which a zone's UTC offset changes, to the minute. */
function transitions(zone: string, year: number): number[] {
  const offset = (instant: number) => new TZDate(instant, zone).getTimezoneOffset();
  const found: number[] = [];
  const hour = 3600_000;
  for (let at = Date.UTC(year, 0, 1); at < Date.UTC(year + 1, 0, 1); at += hour) {
    if (offset(at) === offset(at + hour)) continue;
    let low = at;
    let high = at + hour;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offset(middle) === offset(low)) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}

const local = (instant: number, zone: string, shiftDays = 0) => {
  const at = new TZDate(instant + shiftDays * 86400_000, zone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
};

describe("instants on both sides of every daylight-saving change land in the right phase", () => {
  const cases: [string, number][] = [
    ["Europe/Paris", 2026],
    ["America/New_York", 2026],
    ["Pacific/Auckland", 2026],
    ["Australia/Lord_Howe", 2026],
    ["America/Sao_Paulo", 2018],
  ];
  for (const [zone, year] of cases) {
    it(`${zone} ${year}`, () => {
      const changes = transitions(zone, year);
      expect(changes.length).toBe(2);
      for (const change of changes) {
        // One phase ends exactly at the change (its first local minute), the next starts there.
        const boundary = local(change, zone);
        const checked = validateProcess({
          id: "dst",
          title: "DST",
          timeZone: zone,
          allowGaps: false,
          phases: [
            { id: "before", title: "Before", start: local(change, zone, -3), end: boundary },
            { id: "after", title: "After", start: boundary, end: local(change, zone, 3) },
          ],
        });
        if (!checked.ok) throw new Error(`${zone}: ${checked.issues[0]?.message}`);
        // When the clocks go back, the boundary's local time comes twice: its first
        // occurrence counts, an hour (half an hour on Lord Howe) before the change.
        const offset = (instant: number) => -new TZDate(instant, zone).getTimezoneOffset();
        const back = offset(change - 1) - offset(change);
        const boundaryAt = back > 0 ? change - back * 60_000 : change;
        expect(checked.value.intervals[0]?.end).toBe(boundaryAt);
        expect(checked.value.intervals[1]?.start).toBe(boundaryAt);
        for (const instant of [boundaryAt - 3600_000, boundaryAt - 60_000, boundaryAt - 1])
          expect(phaseAt(checked.value, instant).phase?.id).toBe("before");
        for (const instant of [boundaryAt, boundaryAt + 60_000, change + 3600_000])
          expect(phaseAt(checked.value, instant).phase?.id).toBe("after");
      }
    });
  }
});

describe("a whole day whose midnight the clocks skip", () => {
  it("starts when the clocks jump (São Paulo, 4 November 2018: 00:00 became 01:00)", () => {
    const checked = validateProcess({
      id: "sp",
      title: "SP",
      timeZone: "America/Sao_Paulo",
      phases: [{ id: "day", title: "Day", start: "2018-11-04", end: "2018-11-04" }],
    });
    if (!checked.ok) throw new Error(checked.issues[0]?.message);
    expect(new Date(checked.value.intervals[0]?.start as number).toISOString()).toBe(
      "2018-11-04T03:00:00.000Z",
    );
    // A day of 23 hours.
    const [day] = checked.value.intervals;
    expect(((day?.end as number) - (day?.start as number)) / 3600_000).toBe(23);
  });
});
