import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { phaseAt, processJsonSchema, validateProcess } from "../../src/calendar/index.js";
import { calendarOf, zones } from "../helpers/calendars.js";

const phase = (id: string, start: string, end: string, permits: string[] = []) => ({
  id,
  title: id,
  start,
  end,
  permits,
});

describe("validateProcess: a catalogue of broken definitions, each with its path", () => {
  const base = { id: "p", title: "P", timeZone: "Europe/Paris" };
  const cases: [string, unknown, string, (string | number)[]][] = [
    ["no phases", { ...base, phases: [] }, "invalid-process", ["phases"]],
    [
      "a start that is not a date",
      { ...base, phases: [phase("a", "1 March", "2026-03-31")] },
      "invalid-process",
      ["phases", 0, "start"],
    ],
    [
      "an unknown time zone",
      { ...base, timeZone: "Europe/Atlantis", phases: [phase("a", "2026-03-01", "2026-03-02")] },
      "unknown-time-zone",
      ["timeZone"],
    ],
    [
      "a phase that ends before it starts",
      { ...base, phases: [phase("a", "2026-03-10", "2026-03-01")] },
      "inverted-range",
      ["phases", 0, "end"],
    ],
    [
      "overlapping phases",
      {
        ...base,
        phases: [phase("a", "2026-03-01", "2026-03-10"), phase("b", "2026-03-10", "2026-03-20")],
      },
      "overlap",
      ["phases", 1, "start"],
    ],
    [
      "a gap where none is allowed",
      {
        ...base,
        allowGaps: false,
        phases: [phase("a", "2026-03-01", "2026-03-10"), phase("b", "2026-03-12", "2026-03-20")],
      },
      "gap",
      ["phases", 1, "start"],
    ],
    [
      "an unknown capability",
      {
        ...base,
        phases: [phase("a", "2026-03-01", "2026-03-10", ["budget.vote", "coffee.drink"])],
      },
      "unknown-capability",
      ["phases", 0, "permits", 1],
    ],
    [
      "a local time inside the spring-forward gap",
      { ...base, phases: [phase("a", "2026-03-29T02:30", "2026-04-10")] },
      "nonexistent-local-time",
      ["phases", 0, "start"],
    ],
    [
      "a repeated phase id",
      {
        ...base,
        phases: [phase("a", "2026-03-01", "2026-03-02"), phase("a", "2026-03-03", "2026-03-04")],
      },
      "duplicate-phase",
      ["phases", 1, "id"],
    ],
  ];
  for (const [name, definition, code, path] of cases) {
    it(name, () => {
      const checked = validateProcess(definition);
      expect(checked.ok).toBe(false);
      if (!checked.ok) {
        expect(checked.issues.map((issue) => [issue.code, issue.path])).toContainEqual([
          code,
          path,
        ]);
        expect(checked.issues[0]?.message.length).toBeGreaterThan(10);
      }
    });
  }

  it("accepts capabilities a host adds, and gaps by default", () => {
    const checked = validateProcess(
      {
        ...base,
        phases: [
          phase("a", "2026-03-01", "2026-03-10", ["coffee.drink"]),
          phase("b", "2026-03-12", "2026-03-20"),
        ],
      },
      { capabilities: ["coffee.drink"] },
    );
    expect(checked.ok).toBe(true);
  });
});

describe("phases in the process's time zone, across daylight-saving changes", () => {
  it("a whole-day phase ends at the end of its local day, whatever the clocks do (Paris)", () => {
    const checked = validateProcess({
      id: "bp",
      title: "Budget participatif",
      timeZone: "Europe/Paris",
      phases: [
        phase("ideas", "2026-03-01", "2026-03-29", ["proposals.create"]),
        phase("vote", "2026-03-30", "2026-10-25", ["budget.vote"]),
      ],
    });
    if (!checked.ok) throw new Error(checked.issues[0]?.message);
    const [ideas, vote] = checked.value.intervals;
    // 29 March 2026 is 23 hours long in Paris: the ideas phase ends at 22:00 UTC (midnight CEST).
    expect(new Date(ideas?.end as number).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // 25 October is 25 hours long: the vote ends at 23:00 UTC (midnight CET).
    expect(new Date(vote?.end as number).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(phaseAt(checked.value, Date.parse("2026-03-29T21:59:59Z")).phase?.id).toBe("ideas");
    expect(phaseAt(checked.value, Date.parse("2026-03-29T22:00:00Z")).phase?.id).toBe("vote");
    expect(phaseAt(checked.value, Date.parse("2026-10-25T22:59:59Z")).permits).toEqual([
      "budget.vote",
    ]);
    expect(phaseAt(checked.value, Date.parse("2026-10-25T23:00:00Z")).phase).toBeUndefined();
  });

  it("Lord Howe's half-hour shift and Auckland's spring forward", () => {
    const lordHowe = validateProcess({
      id: "lh",
      title: "LH",
      timeZone: "Australia/Lord_Howe",
      phases: [phase("a", "2026-10-04T01:00", "2026-10-04T03:00")],
    });
    if (!lordHowe.ok) throw new Error(lordHowe.issues[0]?.message);
    // 02:00 becomes 02:30: the two local hours last 1.5 hours.
    const [interval] = lordHowe.value.intervals;
    expect(((interval?.end as number) - (interval?.start as number)) / 60000).toBe(90);
    const gap = validateProcess({
      id: "lh",
      title: "LH",
      timeZone: "Australia/Lord_Howe",
      phases: [phase("a", "2026-10-04T02:15", "2026-10-05")],
    });
    expect(!gap.ok && gap.issues[0]?.code).toBe("nonexistent-local-time");
    const auckland = validateProcess({
      id: "nz",
      title: "NZ",
      timeZone: "Pacific/Auckland",
      phases: [phase("a", "2026-09-27T02:30", "2026-09-28")],
    });
    expect(!auckland.ok && auckland.issues[0]?.code).toBe("nonexistent-local-time");
  });

  it("at any instant, exactly one phase runs or none (random calendars and instants in many zones)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 200 * 24 * 3600 }),
        (zone, lengths, gaps, offset) => {
          const random = calendarOf(zone, lengths, gaps, Date.UTC(2026, 0, 1));
          const instant = Date.UTC(2026, 0, 1) + offset * 1000;
          const running = random.intervals.flatMap((interval, k) =>
            interval.start <= instant && instant < interval.end ? [`p${k}`] : [],
          );
          expect(running.length).toBeLessThanOrEqual(1);
          expect(phaseAt(random, instant).phase?.id).toBe(running[0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("processJsonSchema", () => {
  it("describes the definition as JSON Schema, defaults optional", () => {
    const schema = processJsonSchema() as {
      required: string[];
      properties: { phases: { items: { required: string[] } } };
    };
    expect(schema.required).toEqual(["id", "title", "timeZone", "phases"]);
    expect(schema.properties.phases.items.required).toEqual(["id", "title", "start", "end"]);
  });
});
