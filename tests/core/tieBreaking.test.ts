import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  orderByTieBreaking,
  parseTieBreakingPolicy,
  seededShuffle,
  tieBreakingComparator,
} from "../../src/core/index.js";
import { instantRunoff, type RankedProfile, resolveTies } from "../../src/tally/index.js";

interface Item {
  id: string;
  cost: bigint;
  votes: number;
}
const keys = { id: (p: Item) => p.id, cost: (p: Item) => p.cost, votes: (p: Item) => p.votes };
const items: Item[] = [
  { id: "b", cost: 5n, votes: 3 },
  { id: "a", cost: 5n, votes: 3 },
  { id: "c", cost: 1n, votes: 1 },
  { id: "d", cost: 5n, votes: 9 },
];

describe("tie-breaking policies", () => {
  it("apply criteria in turn, then ids", () => {
    const compare = tieBreakingComparator(
      [
        { by: "cost", prefer: "lower" },
        { by: "votes", prefer: "higher" },
      ],
      keys,
    );
    expect([...items].sort(compare).map((p) => p.id)).toEqual(["c", "d", "a", "b"]);
  });

  it("follow a fixed order, unlisted ids last", () => {
    const compare = tieBreakingComparator([{ by: "order", order: ["d", "b"] }], keys);
    expect([...items].sort(compare).map((p) => p.id)).toEqual(["d", "b", "a", "c"]);
  });

  it("are a strict total order on distinct ids", () => {
    const arbitraryItem = fc.record({
      id: fc.string(),
      cost: fc.bigInt({ min: 0n, max: 3n }),
      votes: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryItem, { selector: (p) => p.id }), (list) => {
        const compare = tieBreakingComparator([{ by: "votes", prefer: "higher" }], keys);
        const once = [...list].sort(compare);
        const again = [...list].reverse().sort(compare);
        expect(again).toEqual(once);
      }),
    );
  });

  it("read from text with default and explicit directions", () => {
    const defaults = { cost: "lower", votes: "higher", id: "lower" } as const;
    expect(parseTieBreakingPolicy("cost,votes:lower", defaults)).toEqual({
      ok: true,
      value: [
        { by: "cost", prefer: "lower" },
        { by: "votes", prefer: "lower" },
      ],
      warnings: [],
    });
    const unknown = parseTieBreakingPolicy("age", defaults);
    expect(!unknown.ok && unknown.issues[0]?.code).toBe("unknown-tie-breaking-key");
    const direction = parseTieBreakingPolicy("cost:up", defaults);
    expect(!direction.ok && direction.issues[0]?.code).toBe("unknown-tie-breaking-direction");
  });
});

describe("one tie-breaking model for budgets and tallies", () => {
  const ids = ["d", "a", "c", "b"];

  it("orders ids by a listed order, the unlisted after them by id", () => {
    expect(orderByTieBreaking(ids, [{ by: "order", order: ["c", "d"] }])).toEqual([
      "c",
      "d",
      "a",
      "b",
    ]);
  });

  it("draws a lottery as seededShuffle over the ids in play, and needs them", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), (seed) => {
        expect(orderByTieBreaking(ids, [{ by: "lottery", seed }])).toEqual(
          seededShuffle(ids, seed),
        );
      }),
    );
    expect(() =>
      tieBreakingComparator([{ by: "lottery", seed: 1 }], { id: (id: string) => id }),
    ).toThrow(RangeError);
  });

  it("decides tallies' ties and instant runoff's eliminations by the same policy", () => {
    const profile: RankedProfile = {
      candidates: ["a", "b", "c"],
      names: {},
      ballots: [
        { ranking: [["a"]], weight: 2 },
        { ranking: [["b"], ["a"]], weight: 1 },
        { ranking: [["c"], ["a"]], weight: 1 },
      ],
    };
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const drawn = seededShuffle(profile.candidates, seed);
      const counted = instantRunoff(profile, {
        eliminate: "one",
        tieBreaking: [{ by: "lottery", seed }],
      });
      // b and c tie last: the one the lottery puts later goes out first.
      const out = drawn.indexOf("b") > drawn.indexOf("c") ? "b" : "c";
      expect(counted.ok && counted.value.rounds[0]?.eliminated).toEqual([out]);
      const tie = { method: "m", winners: ["b", "c"], rounds: [], notes: [] };
      expect(resolveTies(tie, profile.candidates, [{ by: "lottery", seed }]).winners).toEqual([
        drawn.indexOf("b") < drawn.indexOf("c") ? "b" : "c",
      ]);
    }
  });
});
