import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPriceability,
  greedy,
  methodOfEqualShares,
  pbPriceability,
} from "../../../src/budgeting/index.js";
import { type ApprovalProfile, committeePriceability } from "../../../src/tally/index.js";
import { arbitraryElection } from "../../helpers/arbitraries.js";
import { approvalElection } from "../../helpers/elections.js";

// Six voters want a, b and c; three want d; every project costs 1 and the budget is 3.
const camps = approvalElection(3n, { a: 1n, b: 1n, c: 1n, d: 1n }, [
  ...Array.from({ length: 6 }, () => ["a", "b", "c"]),
  ...Array.from({ length: 3 }, () => ["d"]),
]);

describe("pbPriceability", () => {
  it("refuses greedy's a, b, c, and prices equal shares' outcome with a certificate checkPriceability accepts", () => {
    const byVotes = greedy(camps.instance, camps.profile);
    expect(byVotes.ok && byVotes.value.selected).toEqual(["a", "b", "c"]);
    // The six pay 3 (b ≥ 1/2 each), so the three hold ≥ 3/2 > 1 for d.
    expect(pbPriceability(camps.instance, camps.profile, ["a", "b", "c"])).toMatchObject({
      ok: true,
      value: { priceable: false },
    });
    const shares = methodOfEqualShares(camps.instance, camps.profile);
    if (!shares.ok) throw new Error("equal shares refused");
    expect([...shares.value.selected].sort()).toEqual(["a", "b", "d"]);
    const decided = pbPriceability(camps.instance, camps.profile, shares.value.selected);
    expect(decided.ok && decided.value.priceable).toBe(true);
    if (decided.ok && decided.value.priceable)
      expect(
        checkPriceability(camps.instance, camps.profile, decided.value.certificate, {
          strict: false,
        }),
      ).toEqual({ priceable: true, violations: [] });
  });

  it("names what is wrong before any prices: over budget, or not exhaustive unless asked not to be", () => {
    expect(pbPriceability(camps.instance, camps.profile, ["a", "b", "c", "d"])).toMatchObject({
      value: { priceable: false, reason: "the outcome costs 4, more than the budget" },
    });
    expect(pbPriceability(camps.instance, camps.profile, ["a", "d"])).toMatchObject({
      value: { priceable: false, reason: "b is left out though the money left would buy it" },
    });
    expect(
      pbPriceability(camps.instance, camps.profile, ["a", "d"], { exhaustive: false }),
    ).toMatchObject({ value: { priceable: true } });
  });

  it("prices every equal-shares outcome (Peters, Pierczyński and Skowron 2021), and every certificate it gives checks exactly", () => {
    fc.assert(
      fc.property(arbitraryElection({ voteTypes: ["approval"] }), ({ instance, profile }) => {
        const shares = methodOfEqualShares(instance, profile);
        if (!shares.ok) return;
        const decided = pbPriceability(instance, profile, shares.value.selected, {
          exhaustive: false,
        });
        expect(decided.ok).toBe(true);
        if (!decided.ok) return;
        expect(decided.value.priceable).toBe(true);
        if (decided.value.priceable)
          expect(
            checkPriceability(instance, profile, decided.value.certificate, { strict: false })
              .violations,
          ).toEqual([]);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("agrees with committeePriceability when every project costs 1 and the budget is the committee's size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 31 }),
        (m, masks, chosen) => {
          const ids = Array.from({ length: m }, (_, c) => `p${c}`);
          const pick = (mask: number) => ids.filter((_, c) => (mask >> c) & 1);
          const committee = pick(chosen);
          if (committee.length === 0) return;
          const ballots = masks.map(pick).filter((ballot) => ballot.length > 0);
          if (ballots.length === 0) return;
          const election = approvalElection(
            BigInt(committee.length),
            Object.fromEntries(ids.map((id) => [id, 1n])),
            ballots,
          );
          const profile: ApprovalProfile = {
            candidates: ids,
            names: {},
            ballots: ballots.map((approved) => ({ approved, weight: 1 })),
          };
          const asCommittee = committeePriceability(profile, committee);
          if (!asCommittee.ok) throw new Error("no answer");
          // Fewer approved candidates than seats: abcvoting's special case, not a price system.
          if (new Set(ballots.flat()).size < committee.length) return;
          const asBudget = pbPriceability(election.instance, election.profile, committee);
          expect(asBudget.ok && asBudget.value.priceable).toBe(asCommittee.value.priceable);
        },
      ),
      { numRuns: 500, seed: 6 },
    );
  });

  it("stops at its work limit with an issue", () => {
    expect(
      pbPriceability(camps.instance, camps.profile, ["a", "b", "d"], { workLimit: 1 }),
    ).toMatchObject({ ok: false, issues: [{ code: "linear-system-work-limit" }] });
  });
});
