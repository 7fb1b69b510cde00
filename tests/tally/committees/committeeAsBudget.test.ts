import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sequentialPhragmen } from "../../../src/budgeting/index.js";
import type { Result } from "../../../src/core/result.js";
import {
  type ApprovalProfile,
  committeeAsBudget,
  equalSharesCommittee,
  maximinSupportCommittee,
  sequentialPhragmenCommittee,
  type TallyOutcome,
} from "../../../src/tally/index.js";
import { referenceEqualShares } from "./reference/equalSharesCommittee.js";
import { referenceMaximinSupport } from "./reference/maximinSupportCommittee.js";
import { referenceSequentialPhragmen } from "./reference/sequentialPhragmenCommittee.js";

/**
 * Sequential Phragmén, maximin support and equal shares for committees run budgeting's
 * engines on the committee as a budget (unit costs, budget = seats) and follow every tie
 * by rerunning with the tied candidate first. Differential test: the same committees,
 * every tied one included, as the exact searches these rules had before (kept in
 * ./reference), on small profiles made to tie often, with whole and fractional weights.
 */
const arbitraryProfile = fc
  .record({
    size: fc.integer({ min: 1, max: 6 }),
    voters: fc.array(
      fc.record({
        approved: fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 4 }),
        weight: fc.constantFrom(0, 0.5, 1, 1, 1, 1.3, 2, 3),
      }),
      { minLength: 0, maxLength: 8 },
    ),
    seats: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ size, voters, seats }) => {
    const candidates = Array.from({ length: size }, (_, c) => `c${c}`);
    const profile: ApprovalProfile = {
      candidates,
      names: {},
      ballots: voters.map(({ approved, weight }) => ({
        approved: approved.filter((c) => c < size).map((c) => `c${c}`),
        weight,
      })),
    };
    return { profile, seats: Math.min(seats, size) };
  });

const committees = (outcome: Result<TallyOutcome>) =>
  outcome.ok ? outcome.value.committees : outcome.issues.map((issue) => issue.code);

type Rule = (profile: ApprovalProfile, seats: number) => Result<TallyOutcome>;
const pairs: (readonly [string, Rule, Rule])[] = [
  ["seqphragmen", sequentialPhragmenCommittee, referenceSequentialPhragmen],
  ["maximin-support", maximinSupportCommittee, referenceMaximinSupport],
  ...(["seqphragmen", "av", "none", "increment"] as const).map(
    (completion) =>
      [
        `equal-shares (${completion} completion)`,
        (p: ApprovalProfile, k: number) => equalSharesCommittee(p, k, { completion }),
        (p: ApprovalProfile, k: number) => referenceEqualShares(p, k, { completion }),
      ] as [string, Rule, Rule],
  ),
];

describe("committee rules on budgeting's engines", () => {
  for (const [name, rule, reference] of pairs) {
    it(`${name}: the same committees as the exact search`, () => {
      fc.assert(
        fc.property(arbitraryProfile, ({ profile, seats }) => {
          // The reference divided by weights of 0 (see the test below): it counts without them.
          const weighed = { ...profile, ballots: profile.ballots.filter((b) => b.weight > 0) };
          expect(committees(rule(profile, seats))).toEqual(committees(reference(weighed, seats)));
        }),
        { numRuns: 400 },
      );
    });
  }

  it("finds every tied committee: two equal camps and one seat", () => {
    const profile: ApprovalProfile = {
      candidates: ["a", "b", "c"],
      names: {},
      ballots: [
        { approved: ["a"], weight: 2 },
        { approved: ["b"], weight: 2 },
        { approved: ["c"], weight: 1 },
      ],
    };
    for (const rule of [sequentialPhragmenCommittee, maximinSupportCommittee, equalSharesCommittee])
      expect(committees(rule(profile, 1))).toEqual([["a"], ["b"]]);
  });

  it("counts ballots of weight 0 as nothing (the exact search divided by zero)", () => {
    const profile: ApprovalProfile = {
      candidates: ["a", "b"],
      names: {},
      ballots: [{ approved: ["a"], weight: 0 }],
    };
    expect(committees(equalSharesCommittee(profile, 1))).toEqual([["a"], ["b"]]);
    expect(committees(equalSharesCommittee(profile, 1, { completion: "none" }))).toEqual([[]]);
  });

  it("converts a committee election into a budget with unit costs and whole weights", () => {
    const profile: ApprovalProfile = {
      candidates: ["a", "b"],
      names: { a: "Ada" },
      ballots: [
        { approved: ["a"], weight: 1.5 },
        { approved: ["b"], weight: 2 },
        { approved: ["a", "b"], weight: 0 },
      ],
    };
    const election = committeeAsBudget(profile, 1);
    expect(election.ok).toBe(true);
    if (!election.ok) return;
    expect(election.value.instance.budget).toBe(1n);
    expect(election.value.instance.projects.map((p) => [p.id, p.name, p.cost])).toEqual([
      ["a", "Ada", 1n],
      ["b", "b", 1n],
    ]);
    expect(election.value.profile.ballots).toEqual([
      { projects: ["a"], multiplicity: 3 },
      { projects: ["b"], multiplicity: 4 },
    ]);
    const counted = sequentialPhragmen(election.value.instance, election.value.profile);
    expect(counted.ok && counted.value.selected).toEqual(["b"]);
    expect(committeeAsBudget(profile, 3).ok).toBe(false);
  });
});
