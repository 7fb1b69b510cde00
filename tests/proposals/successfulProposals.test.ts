import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { successfulProposals } from "../../src/proposals/index.js";
import { context, play, publishedTwo } from "./fixture.js";

describe("successfulProposals (CONSUL's census threshold)", () => {
  const rules = { successShareOfCensus: "0.01", minimumSupports: 1 };
  const { state } = play(
    [
      ...publishedTwo,
      ...["a", "b", "c"].map((who) => ({ type: "support", proposal: "p1", participant: who })),
      ...["a", "b"].map((who) => ({ type: "support", proposal: "p2", participant: who })),
    ],
    { context: { ...context, rules } },
  );

  it("needs the smallest whole number of supports at least the share of the census", () => {
    expect(successfulProposals(state, rules, 300)).toEqual({ needed: 3, proposals: ["p1"] });
    expect(successfulProposals(state, rules, 201)).toEqual({ needed: 3, proposals: ["p1"] });
    expect(successfulProposals(state, rules, 200)).toEqual({ needed: 2, proposals: ["p1", "p2"] });
    expect(successfulProposals(state, {}, 200)).toEqual({ proposals: [] });
  });

  it("is exact where floating point is not (0.07 × 100 is 7.000000000000001 in doubles)", () => {
    expect(successfulProposals(state, { successShareOfCensus: "0.07" }, 100).needed).toBe(7);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 9999 }),
        (census, basisPoints) => {
          const share = `0.${String(basisPoints).padStart(4, "0")}`;
          const needed =
            successfulProposals(state, { successShareOfCensus: share }, census).needed ?? -1;
          // needed × 10000 ≥ census × basisPoints > (needed − 1) × 10000
          expect(BigInt(needed) * 10000n >= BigInt(census) * BigInt(basisPoints)).toBe(true);
          expect(BigInt(needed - 1) * 10000n < BigInt(census) * BigInt(basisPoints)).toBe(true);
        },
      ),
    );
  });
});
