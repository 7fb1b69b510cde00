import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectSupport } from "../../../src/budgeting/index.js";
import { rational } from "../../../src/core/rational.js";
import { approvalElection as election } from "../../helpers/elections.js";

describe("projectSupport", () => {
  it("counts approval and choose-1 votes, with multiplicities, as a plain count does", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            projects: fc.subarray(["a", "b", "c", "zz"]),
            multiplicity: fc.integer({ min: 0, max: 1000 }),
          }),
          { maxLength: 20 },
        ),
        fc.constantFrom("approval" as const, "choose-1" as const),
        (ballots, voteType) => {
          const e = election(10n, { a: 5n, b: 5n, c: 5n }, []);
          const profile = { ...e.profile, voteType, ballots };
          const counted = projectSupport(e.instance, profile);
          for (const id of ["a", "b", "c"]) {
            const votes = ballots
              .filter((ballot) => ballot.projects.includes(id))
              .reduce((sum, ballot) => sum + ballot.multiplicity, 0);
            expect(counted.get(id)).toEqual({ votes, score: rational(votes) });
          }
          // A project no ballot can name (zz is not in the instance) is not counted.
          expect(counted.has("zz")).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps an approval score exact past 2^53 votes", () => {
    const e = election(10n, { a: 5n }, []);
    const big = Number.MAX_SAFE_INTEGER;
    const profile = {
      ...e.profile,
      ballots: [
        { projects: ["a"], multiplicity: big },
        { projects: ["a"], multiplicity: big },
        { projects: ["a"], multiplicity: big },
      ],
    };
    expect(projectSupport(e.instance, profile).get("a")?.score).toEqual(rational(3n * BigInt(big)));
  });
});
