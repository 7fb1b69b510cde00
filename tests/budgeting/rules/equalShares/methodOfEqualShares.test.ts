import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  additiveSatisfaction,
  cardinalitySatisfaction,
  costSatisfaction,
  type EqualSharesCompletion,
  methodOfEqualShares,
  type PbElection,
  type SatisfactionFunction,
} from "../../../../src/budgeting/index.js";
import { multiplyRational, rational } from "../../../../src/core/rational.js";
import { arbitraryElection } from "../../../helpers/arbitraries.js";
import { approvalElection as election } from "../../../helpers/elections.js";
import { referenceAdd1, referenceEqualShares } from "./referenceEqualShares.js";

function run(
  e: PbElection,
  completion: EqualSharesCompletion = "none",
  sat: SatisfactionFunction = costSatisfaction,
) {
  const outcome = methodOfEqualShares(e.instance, e.profile, { completion, sat });
  if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
  return outcome.value;
}

describe("methodOfEqualShares", () => {
  it("gives a cohesive minority its share where greedy gives the majority everything", () => {
    // 6 voters want a and b, 4 want c; each project costs 5, budget 10.
    const e = election(10n, { a: 5n, b: 5n, c: 5n }, [
      ...Array.from({ length: 6 }, () => ["a", "b"]),
      ...Array.from({ length: 4 }, () => ["c"]),
    ]);
    const outcome = run(e);
    // Each voter has 1. a: 6 voters pay 5/6 each. Then b needs 5 from 6 voters with 1/6
    // left each (1 in all): unaffordable. c: 4 voters with 1 each: 4 < 5, unaffordable.
    expect(outcome.selected).toEqual(["a"]);
    // add1: per voter 2 → a (5/6 each), b (5/6 each), c (5/4 each) = 15 > 10: overspends,
    // so the outcome at 1 per voter is kept.
    expect(run(e, "add1").selected).toEqual(["a"]);
    expect(run(e, "greedy").selected).toEqual(["a", "b"]);
  });

  it("explains each purchase: the price per unit of satisfaction and who paid what", () => {
    const e = election(9n, { a: 6n, b: 3n }, [["a"], ["a"], ["a", "b"]]);
    const outcome = run(e);
    expect(outcome.selected).toEqual(["a"]);
    const first = outcome.explanation.find((step) => step.project === "a");
    // 3 voters with 3 each pay 2 each for a (cost 6): ρ = 2/6 per unit of cost-satisfaction.
    expect(first?.value).toBe("0.333333333");
    expect(first?.payments).toEqual([{ voters: 3, amount: "2", all: false }]);
    const second = outcome.explanation.find((step) => step.project === "b");
    expect(second).toMatchObject({ action: "skipped", reason: "unaffordable" });
  });

  it("explains a purchase with one line per amount paid", () => {
    // 4 voters with 3 each, all approving a (cost 8): one class, one line.
    const single = run(election(12n, { a: 8n }, [["a"], ["a"], ["a"], ["a"]]));
    expect(single.explanation[0]?.payments).toEqual([{ voters: 4, amount: "2", all: false }]);
    // 5 voters with 4 each. b (cost 4, 4 supporters) goes first at 1 each; then c (cost 3)
    // is paid by two voters who paid for b (3 left) and one who did not (4 left): two
    // classes that pay the same 1 each, so one line.
    const e = election(20n, { b: 4n, c: 3n }, [["b", "c"], ["b", "c"], ["b"], ["b"], ["c"]]);
    const outcome = run(e);
    expect(outcome.selected).toEqual(["b", "c"]);
    const c = outcome.explanation.find((step) => step.project === "c");
    expect(c?.payments).toEqual([{ voters: 3, amount: "1", all: false }]);
  });

  it("breaks exact ties by lower cost, then more votes, then id", () => {
    const e = election(4n, { a: 2n, b: 1n, c: 2n }, [["a", "b", "c"]]);
    // One voter with 4: every project costs her exactly its price (ρ = 1 for each).
    // b is cheapest; a and c tie on cost and votes, so id order: a; then c no longer fits.
    expect(run(e).selected).toEqual(["b", "a"]);
  });
});

const satisfactions = [costSatisfaction, cardinalitySatisfaction] as const;

describe("methodOfEqualShares equals the plain exact reference", () => {
  it("without completion, on thousands of random elections", () => {
    fc.assert(
      fc.property(
        arbitraryElection({
          voteTypes: ["approval", "choose-1", "cumulative", "scoring", "ordinal"],
        }),
        fc.constantFrom(...satisfactions),
        (e, sat) => {
          const voters = e.profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0);
          const perVoter = rational(e.instance.budget, BigInt(Math.max(voters, 1)));
          expect(run(e, "none", sat).selected).toEqual(referenceEqualShares(e, sat, perVoter));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("with many voters and big numbers (classes of voters, large denominators)", () => {
    fc.assert(
      fc.property(
        arbitraryElection({ voteTypes: ["approval"], maxProjects: 7, maxVoters: 40 }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (e, factor) => {
          const scaled: PbElection = {
            ...e,
            instance: {
              ...e.instance,
              budget: e.instance.budget * factor,
              projects: e.instance.projects.map((project) => ({
                ...project,
                cost: project.cost * factor,
              })),
            },
          };
          const voters = e.profile.ballots.length;
          const perVoter = rational(scaled.instance.budget, BigInt(voters));
          expect(run(scaled).selected).toEqual(
            referenceEqualShares(scaled, costSatisfaction, perVoter),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("with any additive satisfaction (here value × ⌊√cost⌋ + 1)", () => {
    const rootCost = additiveSatisfaction("root-cost", (project, value) =>
      multiplyRational(value, rational(BigInt(Math.floor(Math.sqrt(Number(project.cost))) + 1))),
    );
    fc.assert(
      fc.property(arbitraryElection({ voteTypes: ["approval", "cumulative", "scoring"] }), (e) => {
        const voters = e.profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0);
        const perVoter = rational(e.instance.budget, BigInt(Math.max(voters, 1)));
        expect(run(e, "none", rootCost).selected).toEqual(
          referenceEqualShares(e, rootCost, perVoter),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("with the add1 completions on larger elections (many classes of voters per project)", () => {
    // Enough voters and projects that a project's supporters fall into many classes, so
    // the engine's buffers grow, reruns reuse (or part from) earlier paths, and the first
    // guess of a price from the previous rerun is tested against the exact outcome.
    fc.assert(
      fc.property(
        arbitraryElection({ voteTypes: ["approval", "scoring"], maxProjects: 10, maxVoters: 70 }),
        (e) => {
          expect([...run(e, "add1").selected].sort()).toEqual(
            [...referenceAdd1(e, costSatisfaction)].sort(),
          );
        },
      ),
      { numRuns: 120 },
    );
  });

  it("with the add1 completions", () => {
    fc.assert(
      fc.property(arbitraryElection({ voteTypes: ["approval", "cumulative"] }), (e) => {
        expect([...run(e, "add1").selected].sort()).toEqual(
          [...referenceAdd1(e, costSatisfaction)].sort(),
        );
        expect([...run(e, "add1-exhaustive").selected].sort()).toEqual(
          [...referenceAdd1(e, costSatisfaction, { exhaustive: true })].sort(),
        );
      }),
      { numRuns: 600 },
    );
  });
});
