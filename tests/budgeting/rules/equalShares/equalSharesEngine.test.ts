import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultPbTieBreaking } from "../../../../src/budgeting/election/pbTieBreaking.js";
import { costSatisfaction, type PbElection } from "../../../../src/budgeting/index.js";
import {
  equalSharesWorkspace,
  prepareEqualShares,
  runEqualShares,
} from "../../../../src/budgeting/rules/equalShares/equalSharesEngine.js";
import { addRational, type Rational, rational } from "../../../../src/core/rational.js";
import { arbitraryElection } from "../../../helpers/arbitraries.js";
import { approvalElection as election } from "../../../helpers/elections.js";
import { referenceEqualShares, referenceEqualSharesRounds } from "./referenceEqualShares.js";

// The engine behind methodOfEqualShares. Runs keep estimated prices when they are clearly
// right (every voter class clearly on one side of the price), and only recompute a voter
// class's budget exactly when its double has drifted; runs that explain themselves also
// compute every amount paid exactly. These tests aim at those paths.

const prepare = (e: PbElection) =>
  prepareEqualShares(e.instance, e.profile, costSatisfaction, defaultPbTieBreaking);

const ids = (e: PbElection, selected: readonly number[]) =>
  selected.map((p) => e.instance.projects[p]?.id);

/**
 * The election with its budget and costs multiplied by `factor`, each cost nudged by a few
 * units; projects marked `tiny` cost only their nudge (only what is left tiny buys them).
 */
function scaledElection(
  e: PbElection,
  factor: bigint,
  nudges: readonly bigint[],
  tiny: readonly boolean[] = [],
): PbElection {
  return {
    ...e,
    instance: {
      ...e.instance,
      budget: e.instance.budget * factor,
      projects: e.instance.projects.map((project, k) => {
        const nudge = nudges[k] ?? 0n;
        if (tiny[k] === true) return { ...project, cost: nudge < 0n ? -nudge : nudge };
        const cost = project.cost * factor + nudge;
        return { ...project, cost: cost < 0n ? 0n : cost };
      }),
    },
  };
}

describe("runEqualShares", () => {
  // Four voters with 10^9 each. X (1.5 × 10^9, voters 2–4) goes first at 5 × 10^8 each.
  // Then Y (1,499,999,999, voters 1 and 2): voter 2 pays all he has left (5 × 10^8),
  // voter 1 the rest, 999,999,999, keeping 1. That 1 next to 10^9 is beyond the double's
  // precision, so voter 1's budget is recomputed exactly; it must come out as 1 (it
  // once came out as 0: the recomputation ran before voter 2's payment was recorded as
  // all he had), and voter 1 then buys Z alone.
  const tiny = election(4_000_000_000n, { X: 1_500_000_000n, Y: 1_499_999_999n, Z: 1n }, [
    ["Y", "Z"],
    ["X", "Y"],
    ["X"],
    ["X"],
  ]);

  it("recomputes a budget left tiny exactly, after the whole purchase is recorded", () => {
    const data = prepare(tiny);
    const perVoter = rational(1_000_000_000n);
    expect(ids(tiny, runEqualShares(data, perVoter, false).selected)).toEqual(["X", "Y", "Z"]);
    expect(ids(tiny, runEqualShares(data, perVoter, true).selected)).toEqual(["X", "Y", "Z"]);
    expect(referenceEqualShares(tiny, costSatisfaction, perVoter)).toEqual(["X", "Y", "Z"]);
  });

  it("explains the purchase with the tiny budget left: voter 1 did not pay all he had", () => {
    const run = runEqualShares(prepare(tiny), rational(1_000_000_000n), true);
    const y = run.rounds[1];
    expect(
      y?.payments.map(({ voters, amount, all }) => [voters, amount.num / amount.den, all]),
    ).toEqual([
      [1, 999_999_999n, false],
      [1, 500_000_000n, true],
    ]);
  });

  it("explains a voter left with exactly nothing, without being capped, as paying all it had", () => {
    // Two voters with 5 each buy a (cost 10) at exactly what they have: neither is capped
    // (their budget per weight equals the price), and the doubles leave 0 within an error,
    // so the explaining run computes the budget left exactly.
    const exact = election(10n, { a: 10n }, [["a"], ["a"]]);
    const run = runEqualShares(prepare(exact), rational(5n), true);
    expect(
      run.rounds[0]?.payments.map(({ voters, amount, all }) => [
        voters,
        amount.num / amount.den,
        all,
      ]),
    ).toEqual([[2, 5n, true]]);
  });

  it("explains every purchase as the reference pays it: price, amounts and who paid all", () => {
    // Each voter's payment in exact rationals (the reference), grouped like the engine's
    // lines: by amount and whether it was all the voter had; voters with nothing left who
    // pay nothing are not listed.
    const lines = (payments: readonly { voters: number; amount: Rational; all: boolean }[]) => {
      const voters = new Map<string, number>();
      for (const { voters: count, amount, all } of payments) {
        if (amount.num === 0n) continue;
        const reduced = rational(amount.num, amount.den);
        const key = `${reduced.num}/${reduced.den}${all ? " all" : ""}`;
        voters.set(key, (voters.get(key) ?? 0) + count);
      }
      return [...voters].sort(([a], [b]) => (a < b ? -1 : 1));
    };
    fc.assert(
      fc.property(
        arbitraryElection({ voteTypes: ["approval"], maxProjects: 6, maxVoters: 16 }),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        fc.array(fc.bigInt({ min: -3n, max: 3n }), { minLength: 6, maxLength: 6 }),
        (e, factor, nudges) => {
          const scaled = scaledElection(e, factor, nudges);
          const data = prepare(scaled);
          const n = BigInt(e.profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0));
          if (n === 0n) return;
          for (const perVoter of [rational(scaled.instance.budget, n), rational(factor)]) {
            const run = runEqualShares(data, perVoter, true);
            const reference = referenceEqualSharesRounds(scaled, costSatisfaction, perVoter);
            const free = run.rounds.filter((round) => round.payments.length === 0).length;
            const explained = run.rounds.slice(free).map((round) => ({
              project: scaled.instance.projects[round.project]?.id,
              price: rational(round.price.num, round.price.den),
              lines: lines(round.payments),
            }));
            expect(explained).toEqual(
              reference.rounds.map((round) => ({
                project: round.project,
                price: round.price,
                lines: lines(round.payments.map((payment) => ({ voters: 1, ...payment }))),
              })),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("equals the reference on big amounts nudged by a few units, rerun after rerun", () => {
    // Costs scaled to billions plus or minus a few units leave voters a few units out of
    // billions; reruns at nearby budgets share a workspace, as add1's do, and each budget is
    // also run explaining itself (exact amounts paid).
    fc.assert(
      fc.property(
        arbitraryElection({ voteTypes: ["approval"], maxProjects: 6, maxVoters: 16 }),
        fc.bigInt({ min: 10n ** 6n, max: 10n ** 10n }),
        fc.array(fc.bigInt({ min: -3n, max: 3n }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (e, factor, nudges, tiny) => {
          const scaled = scaledElection(e, factor, nudges, tiny);
          const data = prepare(scaled);
          const workspace = equalSharesWorkspace();
          let perVoter = rational(scaled.instance.budget, BigInt(e.profile.ballots.length));
          for (let rerun = 0; rerun < 3; rerun++) {
            const expected = referenceEqualShares(scaled, costSatisfaction, perVoter);
            expect(ids(scaled, runEqualShares(data, perVoter, false, workspace).selected)).toEqual(
              expected,
            );
            expect(ids(scaled, runEqualShares(data, perVoter, true).selected)).toEqual(expected);
            perVoter = addRational(perVoter, rational(1n));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stopped by a cost limit, settles the cost as the whole run does and leaves the workspace sound", () => {
    // add1 only needs to know whether a rerun's outcome costs more than the budget: a run
    // given that limit stops once it is settled. Runs stopped or not share one workspace,
    // as add1's do; each is compared with a whole run of its own.
    const verdicts = { within: 0, over: 0, whole: 0 };
    fc.assert(
      fc.property(
        arbitraryElection({ voteTypes: ["approval", "cumulative"], maxProjects: 7 }),
        fc.bigInt({ min: 0n, max: 100n }),
        (e, percent) => {
          const data = prepare(e);
          const total = e.instance.projects.reduce((sum, project) => sum + project.cost, 0n);
          const limit = (total * percent) / 100n;
          const costOf = (selected: readonly number[]) =>
            selected.reduce((sum, p) => sum + (e.instance.projects[p]?.cost ?? 0n), 0n);
          const workspace = equalSharesWorkspace();
          let perVoter = rational(e.instance.budget, BigInt(Math.max(1, e.profile.ballots.length)));
          for (let rerun = 0; rerun < 4; rerun++) {
            const whole = runEqualShares(data, perVoter, false).selected;
            const stopped = runEqualShares(data, perVoter, false, workspace, limit);
            if (stopped.costVerdict === undefined) {
              verdicts.whole++;
              expect(stopped.selected).toEqual(whole);
            } else {
              verdicts[stopped.costVerdict]++;
              expect(whole.slice(0, stopped.selected.length)).toEqual(stopped.selected);
              expect(stopped.costVerdict).toBe(costOf(whole) > limit ? "over" : "within");
            }
            // The workspace stays sound for runs to their end after stopped ones.
            expect(runEqualShares(data, perVoter, false, workspace).selected).toEqual(whole);
            perVoter = addRational(perVoter, rational(1n, 3n));
          }
        },
      ),
      { numRuns: 300 },
    );
    // Every kind of ending happened.
    expect(verdicts.within).toBeGreaterThan(0);
    expect(verdicts.over).toBeGreaterThan(0);
    expect(verdicts.whole).toBeGreaterThan(0);
  });
});
