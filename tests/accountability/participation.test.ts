import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ParticipationAction,
  participationFromInitiative,
  participationFromOrders,
  participationFromProposals,
  participationStatistics,
} from "../../src/accountability/index.js";

const at = (instant: string) => Date.parse(instant);

describe("participationStatistics", () => {
  it("counts each person once, by kind, scope and phase, day by day in the process's time zone, and as a share of the residents", () => {
    const actions: ParticipationAction[] = [
      { person: "ana", kind: "proposal", at: at("2026-10-24T21:30:00Z"), scope: "north" },
      { person: "ana", kind: "support", at: at("2026-10-25T09:00:00Z"), scope: "north" },
      { person: "ben", kind: "support", at: at("2026-10-25T09:05:00Z"), scope: "south" },
      // 23:30 in Paris on the 25th (UTC+1 after the clocks went back at 03:00).
      { person: "ben", kind: "budget-vote", at: at("2026-10-25T22:30:00Z"), scope: "south" },
      { person: "chloé", kind: "budget-vote", at: at("2026-10-25T23:30:00Z"), scope: "north" },
      { person: "ana", kind: "budget-vote", at: at("2026-10-26T08:00:00Z"), scope: "north" },
    ];
    const stats = participationStatistics(actions, {
      timeZone: "Europe/Paris",
      census: 30,
      phaseOf: (t) => (t < at("2026-10-25T12:00:00Z") ? "supports" : "voting"),
    });
    expect(stats.participants).toBe(3);
    expect(stats.byKind).toEqual([
      { kind: "proposal", participants: 1 },
      { kind: "support", participants: 2 },
      { kind: "budget-vote", participants: 3 },
    ]);
    expect(stats.byScope).toEqual([
      { scope: "north", participants: 2 },
      { scope: "south", participants: 1 },
    ]);
    expect(stats.byPhase).toEqual([
      { phase: "supports", participants: 2 },
      { phase: "voting", participants: 3 },
    ]);
    expect(stats.perDay).toEqual([
      { day: "2026-10-24", active: 1, new: 1, cumulative: 1 },
      { day: "2026-10-25", active: 2, new: 1, cumulative: 2 },
      { day: "2026-10-26", active: 2, new: 1, cumulative: 3 },
    ]);
    expect(stats.population).toEqual({
      census: 30,
      percent: "10",
      byKind: [
        { kind: "proposal", percent: "3.33" },
        { kind: "support", percent: "6.67" },
        { kind: "budget-vote", percent: "10" },
      ],
    });
  });

  it("counts a person once whatever they do, however often, in whatever order", () => {
    const kinds = [
      "proposal",
      "support",
      "comment",
      "endorsement",
      "amendment",
      "budget-vote",
      "signature",
    ] as const;
    const actions = fc.array(
      fc.record({
        person: fc.constantFrom("a", "b", "c", "d", "e", "f"),
        kind: fc.constantFrom(...kinds),
        at: fc.integer({ min: at("2026-09-01T00:00:00Z"), max: at("2026-11-30T00:00:00Z") }),
        scope: fc.option(fc.constantFrom("north", "south"), { nil: undefined }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(actions, fc.nat(), (list, seed) => {
        const stats = participationStatistics(list, { timeZone: "Europe/Paris", census: 100 });
        const people = new Set(list.map((a) => a.person));
        expect(stats.participants).toBe(people.size);
        expect(stats.perDay.at(-1)?.cumulative ?? 0).toBe(people.size);
        expect(stats.perDay.reduce((sum, day) => sum + day.new, 0)).toBe(people.size);
        for (const { kind, participants } of stats.byKind)
          expect(participants).toBe(
            new Set(list.filter((a) => a.kind === kind).map((a) => a.person)).size,
          );
        // Doing everything twice, in another order, changes nothing.
        const twice = [...list, ...list].sort(
          (x, y) => ((x.at * 31 + seed) % 97) - ((y.at * 31 + seed) % 97),
        );
        expect(participationStatistics(twice, { timeZone: "Europe/Paris", census: 100 })).toEqual(
          stats,
        );
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});

describe("participation from the logs civitas keeps", () => {
  it("reads proposals, budget orders (a cancelled vote does not count) and initiative signatures (a withdrawn one does not)", () => {
    const proposals = participationFromProposals([
      {
        type: "created",
        proposal: "p1",
        author: "ana",
        coauthors: ["ben"],
        title: "Trees",
        body: "",
        at: 1,
      },
      { type: "supported", proposal: "p1", participant: "chloé", at: 2 },
      { type: "unsupported", proposal: "p1", participant: "chloé", at: 3 },
      { type: "endorsed", proposal: "p1", participant: "dara", at: 4 },
    ] as never);
    expect(proposals.map((a) => [a.person, a.kind])).toEqual([
      ["ana", "proposal"],
      ["ben", "proposal"],
      ["chloé", "support"],
      ["dara", "endorsement"],
    ]);
    const orders = participationFromOrders([
      { event: { type: "checked-out", voter: "ana", budget: "north" }, at: 10 },
      { event: { type: "checked-out", voter: "ben", budget: "north" }, at: 11 },
      { event: { type: "cancelled", voter: "ben", budget: "north" }, at: 12 },
      { event: { type: "checked-out", voter: "ana", budget: "south" }, at: 13 },
    ]);
    expect(orders.map((a) => [a.person, a.scope, a.at])).toEqual([
      ["ana", "north", 10],
      ["ana", "south", 13],
    ]);
    const signatures = participationFromInitiative([
      { type: "signed", at: "2027-02-01T10:00:00Z", person: "ana", scopes: ["north", "city"] },
      { type: "signed", at: "2027-02-01T11:00:00Z", person: "ben", scopes: ["city"] },
      { type: "unsigned", at: "2027-02-02T11:00:00Z", person: "ben" },
    ]);
    expect(signatures).toEqual([
      { person: "ana", kind: "signature", at: at("2027-02-01T10:00:00Z"), scope: "north" },
    ]);
  });
});
