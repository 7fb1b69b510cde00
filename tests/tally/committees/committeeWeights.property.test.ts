import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ApprovalProfile, committeeMethods } from "../../../src/tally/index.js";

/**
 * Voter weights are counted exactly: a weight w is w voters (the same committees as w
 * copies of the ballot), and fractional weights (abcvoting's `voter_weights`, such as 1.3)
 * give what the same weights in whole numbers give, since every rule here depends only on
 * the weights' proportions — except those that count voters (Monroe, greedy Monroe,
 * lexicographic minimax approval), which
 * refuse fractions as abcvoting does.
 */
const arbitraryWeighted = fc
  .record({
    size: fc.integer({ min: 2, max: 5 }),
    voters: fc.array(
      fc.record({
        approved: fc.uniqueArray(fc.nat({ max: 4 }), { maxLength: 3 }),
        weight: fc.integer({ min: 1, max: 4 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    seats: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ size, voters, seats }) => {
    const candidates = Array.from({ length: size }, (_, c) => String(c));
    const profile: ApprovalProfile = {
      candidates,
      names: {},
      ballots: voters.map(({ approved, weight }) => ({
        approved: approved.filter((c) => c < size).map(String),
        weight,
      })),
    };
    return { profile, seats: Math.min(seats, size) };
  });

const committees = (outcome: ReturnType<(typeof committeeMethods)[number]["run"]>) =>
  outcome.ok
    ? (outcome.value.committees ?? [outcome.value.winners]).map((c) => [...c].sort().join(","))
    : outcome.issues.map((issue) => issue.code);

const countsVoters = new Set(["monroe", "greedy-monroe", "lexminimaxav"]);

describe("committee rules count voter weights exactly", () => {
  for (const method of committeeMethods) {
    it(`${method.id}: weight w is w copies of the ballot`, () => {
      fc.assert(
        fc.property(arbitraryWeighted, ({ profile, seats }) => {
          const copies: ApprovalProfile = {
            ...profile,
            ballots: profile.ballots.flatMap((ballot) =>
              Array.from({ length: ballot.weight }, () => ({ ...ballot, weight: 1 })),
            ),
          };
          expect(committees(method.run(profile, seats))).toEqual(
            committees(method.run(copies, seats)),
          );
        }),
        { numRuns: 80 },
      );
    });
    it(`${method.id}: weights divided by 10 (fractions such as 0.3)`, () => {
      fc.assert(
        fc.property(arbitraryWeighted, ({ profile, seats }) => {
          const tenths: ApprovalProfile = {
            ...profile,
            ballots: profile.ballots.map((ballot) => ({ ...ballot, weight: ballot.weight / 10 })),
          };
          const outcome = method.run(tenths, seats);
          if (countsVoters.has(method.id)) {
            expect(!outcome.ok && outcome.issues[0]?.code).toBe("fractional-weights");
            return;
          }
          expect(committees(outcome)).toEqual(committees(method.run(profile, seats)));
        }),
        { numRuns: 80 },
      );
    });
  }
});
