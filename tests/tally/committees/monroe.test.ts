import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { approvalImpartialCulture } from "../../../src/simulation/index.js";
import { monroeScoreByCuts, monroeScoreByFlow } from "../../../src/tally/committees/monroe.js";
import { monroe } from "../../../src/tally/index.js";

describe("Monroe", () => {
  it("scores a committee by its minimum cut exactly as by the maximum flow", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            mask: fc.integer({ min: 0, max: 255 }),
            voters: fc.integer({ min: 1, max: 9 }),
          }),
          {
            maxLength: 12,
          },
        ),
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 6 }),
        (groups, committee) => {
          const n = groups.reduce((sum, group) => sum + group.voters, 0);
          if (n === 0) return;
          expect(monroeScoreByCuts(groups, committee, n)).toBe(
            monroeScoreByFlow(groups, committee, n),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("finds the best committees of 300 voters and 15 candidates, 5 seats (the bench times it)", () => {
    const profile = approvalImpartialCulture({ candidates: 15, voters: 300, seed: 1, p: 0.3 });
    const outcome = monroe(profile, 5);
    expect(outcome.ok && outcome.value.winners).toEqual(["c5", "c6", "c13", "c14", "c15"]);
  });
});
