import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addRational,
  compareRational,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
  subtractRational,
} from "../../../src/core/index.js";
import {
  type ApprovalProfile,
  type CommitteePriceSystem,
  committeeMethods,
  committeePriceability,
} from "../../../src/tally/index.js";

/** Every condition of a price system, checked exactly and independently of the solver. */
function validPrices(
  profile: ApprovalProfile,
  committee: readonly string[],
  prices: CommitteePriceSystem,
): boolean {
  const paid = new Map<string, Rational>();
  const left: Rational[] = [];
  for (const [b, ballot] of profile.ballots.entries()) {
    let spent = rational(0);
    for (const { candidate, amount } of prices.payments[b] ?? []) {
      if (!committee.includes(candidate) || !ballot.approved.includes(candidate)) return false;
      if (amount.num < 0n) return false;
      spent = addRational(spent, amount);
      paid.set(candidate, addRational(paid.get(candidate) ?? rational(0), amount));
    }
    const holds = multiplyRational(rationalFromNumber(ballot.weight), prices.budget);
    if (compareRational(spent, holds) > 0) return false;
    left.push(subtractRational(holds, spent));
  }
  if (committee.some((c) => compareRational(paid.get(c) ?? rational(0), rational(1)) !== 0))
    return false;
  return profile.candidates
    .filter((c) => !committee.includes(c))
    .every((c) => {
      const held = profile.ballots.reduce(
        (sum, ballot, b) =>
          ballot.approved.includes(c) ? addRational(sum, left[b] as Rational) : sum,
        rational(0),
      );
      return compareRational(held, rational(1)) <= 0;
    });
}

const profiles = fc
  .record({
    candidates: fc.integer({ min: 2, max: 6 }),
    ballots: fc.array(
      fc.record({ mask: fc.integer({ min: 1, max: 63 }), weight: fc.integer({ min: 1, max: 4 }) }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .chain(({ candidates, ballots }) =>
    fc.record({
      profile: fc.constant<ApprovalProfile>({
        candidates: Array.from({ length: candidates }, (_, c) => `c${c}`),
        names: {},
        ballots: ballots.map(({ mask, weight }) => ({
          approved: Array.from({ length: candidates }, (_, c) => `c${c}`).filter(
            (_, c) => (mask >> c) & 1,
          ),
          weight,
        })),
      }),
      seats: fc.integer({ min: 1, max: candidates }),
    }),
  );

const run = (id: string, profile: ApprovalProfile, seats: number) => {
  const outcome = committeeMethods.find((m) => m.id === id)?.run(profile, seats);
  if (outcome === undefined || !outcome.ok) throw new Error(`${id} refused the profile`);
  return outcome.value.winners;
};

describe("committeePriceability", () => {
  // Six voters approve a, b, c; three approve d; three seats.
  const camps: ApprovalProfile = {
    candidates: ["a", "b", "c", "d"],
    names: {},
    ballots: [
      { approved: ["a", "b", "c"], weight: 6 },
      { approved: ["d"], weight: 3 },
    ],
  };

  it("refuses approval voting's committee a, b, c and prices PAV's a, b, d at a budget of 1/3", () => {
    expect(run("av", camps, 3)).toEqual(["a", "b", "c"]);
    // The six pay 3 (a budget ≥ 1/2 each), so the three hold ≥ 3/2 > 1 for d.
    expect(committeePriceability(camps, ["a", "b", "c"])).toMatchObject({
      ok: true,
      value: { priceable: false },
    });
    expect(run("pav", camps, 3)).toEqual(["a", "b", "d"]);
    const found = committeePriceability(camps, ["a", "b", "d"]);
    expect(found.ok && found.value.priceable).toBe(true);
    if (found.ok && found.value.prices !== undefined) {
      expect(found.value.prices.budget).toEqual(rational(1, 3));
      expect(validPrices(camps, ["a", "b", "d"], found.value.prices)).toBe(true);
    }
  });

  it("with fewer approved candidates than seats, is priceable exactly when it holds them all (as abcvoting)", () => {
    const few: ApprovalProfile = {
      candidates: ["a", "b", "c"],
      names: {},
      ballots: [{ approved: ["a"], weight: 2 }],
    };
    expect(committeePriceability(few, ["a", "b"])).toMatchObject({ value: { priceable: true } });
    expect(committeePriceability(few, ["b", "c"])).toMatchObject({ value: { priceable: false } });
    // Enough approved candidates, but one elected that nobody approves: nobody can pay for it.
    expect(committeePriceability(camps, ["a", "b", "e"])).toMatchObject({
      value: { priceable: false },
    });
  });

  it("prices every committee of sequential Phragmén and equal shares (Peters and Skowron 2020), with prices that check exactly", () => {
    fc.assert(
      fc.property(profiles, ({ profile, seats }) => {
        for (const id of ["seqphragmen", "equal-shares"]) {
          const committee = run(id, profile, seats);
          const found = committeePriceability(profile, committee);
          expect(found.ok, id).toBe(true);
          if (!found.ok) return;
          const approved = new Set(profile.ballots.flatMap((b) => b.approved));
          if (approved.size < seats) continue;
          expect(found.value.priceable, `${id} ${JSON.stringify({ profile, seats })}`).toBe(true);
          if (found.value.prices !== undefined)
            expect(validPrices(profile, committee, found.value.prices)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it("says priceable only with prices that check, whatever the committee", () => {
    fc.assert(
      fc.property(profiles, fc.integer({ min: 0, max: 63 }), ({ profile }, mask) => {
        const committee = profile.candidates.filter((_, c) => (mask >> c) & 1);
        const found = committeePriceability(profile, committee);
        if (!found.ok || found.value.prices === undefined) return;
        expect(validPrices(profile, committee, found.value.prices)).toBe(true);
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it("stops at its work limit with an issue", () => {
    expect(committeePriceability(camps, ["a", "b", "d"], { workLimit: 1 })).toMatchObject({
      ok: false,
      issues: [{ code: "linear-system-work-limit" }],
    });
  });
});
