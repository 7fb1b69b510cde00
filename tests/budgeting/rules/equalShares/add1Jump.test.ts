import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultPbTieBreaking } from "../../../../src/budgeting/election/pbTieBreaking.js";
import type { SatisfactionFunction } from "../../../../src/budgeting/election/satisfaction.js";
import {
  costSatisfaction,
  type EqualSharesCompletion,
  methodOfEqualShares,
  type PbElection,
  pointsSatisfaction,
} from "../../../../src/budgeting/index.js";
import {
  prepareEqualShares,
  runEqualShares,
} from "../../../../src/budgeting/rules/equalShares/equalSharesEngine.js";
import { rational } from "../../../../src/core/rational.js";
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

/**
 * add1 by its definition, over whole runs: every budget ⌊B/n⌋+1, +2, … in turn, each run to
 * its end, keeping the last whose outcome costs no more than B; stopping too once the kept
 * outcome selects every supported project (or, exhaustive, leaves nothing that fits).
 */
function steppedAdd1(e: PbElection, sat: SatisfactionFunction, exhaustive: boolean) {
  const data = prepareEqualShares(e.instance, e.profile, sat, defaultPbTieBreaking);
  const { budget, projects } = e.instance;
  const unit = 10n ** BigInt(e.instance.scale);
  const n = BigInt(data.voters);
  const costOf = (selected: readonly number[]) =>
    selected.reduce((sum, p) => sum + (projects[p]?.cost ?? 0n), 0n);
  const supported = projects.filter((_, p) => (data.supporters[p] ?? 0) > 0).length;
  let kept = { selected: runEqualShares(data, rational(budget, n), false).selected, step: 0 };
  for (let step = 1; ; step++) {
    const left = budget - costOf(kept.selected);
    const fits = projects.some((project, p) => !kept.selected.includes(p) && project.cost <= left);
    if ((exhaustive && !fits) || kept.selected.length === supported) break;
    const perVoter = (budget / (n * unit) + BigInt(step)) * unit;
    const { selected } = runEqualShares(data, rational(perVoter), false);
    if (costOf(selected) > budget) break;
    kept = { selected, step };
  }
  return { selected: kept.selected.map((p) => projects[p]?.id), step: kept.step };
}

describe("add1 reruns stop once their cost is settled against the budget", () => {
  it("keeps the budget and the selection that stepping over whole runs keeps", () => {
    fc.assert(
      fc.property(
        stretched.filter((e) => e.profile.ballots.length > 0),
        fc.constantFrom(costSatisfaction, pointsSatisfaction),
        fc.constantFrom<EqualSharesCompletion>("add1", "add1-exhaustive"),
        (e, sat, completion) => {
          const outcome = methodOfEqualShares(e.instance, e.profile, {
            completion,
            sat,
            add1JumpAfter: Number.POSITIVE_INFINITY,
            rerunLimit: 10_000_000,
          });
          if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
          const step = Number(/budget step (\d+)/.exec(outcome.value.notes.join(" "))?.[1] ?? 0);
          expect({ selected: outcome.value.selected, step }).toEqual(
            steppedAdd1(e, sat, completion === "add1-exhaustive"),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
