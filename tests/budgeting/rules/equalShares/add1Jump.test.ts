import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  costSatisfaction,
  type EqualSharesCompletion,
  methodOfEqualShares,
  type PbElection,
  pointsSatisfaction,
} from "../../../../src/budgeting/index.js";
import { parsePabulib } from "../../../../src/io/index.js";
import { arbitraryElection } from "../../../helpers/arbitraries.js";
import { readFixture } from "../../../helpers/data.js";
import { referenceAdd1 } from "./referenceEqualShares.js";

/** add1 either stepping one unit at a time or jumping after `jumpAfter` equal runs. */
function add1(e: PbElection, jumpAfter: number, completion: EqualSharesCompletion = "add1") {
  const outcome = methodOfEqualShares(e.instance, e.profile, {
    completion,
    sat: costSatisfaction,
    add1JumpAfter: jumpAfter,
    rerunLimit: 10_000_000,
  });
  if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
  return outcome.value;
}

/** The outcome without the note that counts runs (the one thing jumping changes). */
const comparable = (outcome: ReturnType<typeof add1>) => ({
  ...outcome,
  notes: outcome.notes.map((note) => note.replace(/, \d+ runs\)/, ")")),
});

/** Elections whose add1 completion takes many budget steps: few voters, large costs. */
const stretched = arbitraryElection({ voteTypes: ["approval", "cumulative", "scoring"] }).map(
  (e, k = 37n) => ({
    ...e,
    instance: {
      ...e.instance,
      budget: e.instance.budget * k,
      projects: e.instance.projects.map((project) => ({ ...project, cost: project.cost * k })),
    },
  }),
);

describe("add1 jumps to the next budget at which the outcome can change", () => {
  it("gives exactly what stepping one unit at a time gives (selection, kept budget, explanation)", () => {
    fc.assert(
      fc.property(stretched, fc.constantFrom(1, 2, 8), (e, jumpAfter) => {
        expect(comparable(add1(e, jumpAfter))).toEqual(
          comparable(add1(e, Number.POSITIVE_INFINITY)),
        );
        expect(comparable(add1(e, jumpAfter, "add1-exhaustive"))).toEqual(
          comparable(add1(e, Number.POSITIVE_INFINITY, "add1-exhaustive")),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("equals the plain reference, which steps one unit at a time, when it jumps after every run", () => {
    fc.assert(
      fc.property(arbitraryElection({ voteTypes: ["approval", "cumulative"] }), (e) => {
        expect([...add1(e, 1).selected].sort()).toEqual(
          [...referenceAdd1(e, costSatisfaction)].sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("jumps with points satisfaction and several weights per project too", () => {
    fc.assert(
      fc.property(stretched, (e) => {
        const run = (jumpAfter: number) =>
          methodOfEqualShares(e.instance, e.profile, {
            completion: "add1",
            sat: pointsSatisfaction,
            add1JumpAfter: jumpAfter,
            rerunLimit: 10_000_000,
          });
        const jumped = run(1);
        const stepped = run(Number.POSITIVE_INFINITY);
        expect(jumped.ok && comparable(jumped.value)).toEqual(
          stepped.ok && comparable(stepped.value),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("finishes Veszprém 2025 (over 100,000 budget steps) in about 1% of the runs, as stepping does", () => {
    const parsed = parsePabulib(readFixture("Hungary_Veszprem_2025.pb"));
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    const jumped = add1(parsed.value, 8);
    // Stepping takes over 100,000 runs here (about 5 s): it is the definition, so run it.
    const stepped = add1(parsed.value, Number.POSITIVE_INFINITY);
    expect(comparable(jumped)).toEqual(comparable(stepped));
    const runsOf = (outcome: ReturnType<typeof add1>) =>
      Number(/, (\d+) runs\)/.exec(outcome.notes.join(" "))?.[1]);
    expect(runsOf(stepped)).toBeGreaterThan(100_000);
    expect(runsOf(jumped)).toBeLessThan(2000);
  });

  it("no longer gives up at the default limit of 100,000 reruns on Veszprém 2025", () => {
    const parsed = parsePabulib(readFixture("Hungary_Veszprem_2025.pb"));
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    const outcome = methodOfEqualShares(parsed.value.instance, parsed.value.profile, {
      completion: "add1",
    });
    expect(outcome.ok).toBe(true);
  });
});
