import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom, seededShuffle } from "../../src/core/index.js";

describe("seededRandom and seededShuffle", () => {
  it("give the same stream and the same order for the same seed, in [0, 1)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let k = 0; k < 20; k++) {
          const x = a();
          expect(x).toBe(b());
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("shuffle into a permutation of the items, leaving the input as it was", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const before = [...items];
        const shuffled = seededShuffle(items, seed);
        expect(items).toEqual(before);
        expect([...shuffled].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
        expect(seededShuffle(items, seed)).toEqual(shuffled);
      }),
      { numRuns: 200 },
    );
  });

  it("spread draws evenly: every order of three items appears for some seed", () => {
    const orders = new Set(
      Array.from({ length: 60 }, (_, seed) => seededShuffle(["a", "b", "c"], seed).join("")),
    );
    expect(orders.size).toBe(6);
  });
});
