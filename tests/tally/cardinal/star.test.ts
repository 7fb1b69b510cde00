import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ScoreProfile, star, starFromSummary } from "../../../src/tally/index.js";
import { fixturesDir } from "../../helpers/data.js";

interface StarCase {
  readonly name: string;
  readonly candidates: string[];
  readonly winner: string;
  readonly runner_up?: string;
  readonly votes?: number[][];
  readonly scores?: number[];
  readonly pairwiseMatrix?: number[][];
  readonly fiveStarCounts?: number[];
}

const { cases } = JSON.parse(
  readFileSync(join(fixturesDir, "cardinal", "star-cases.json"), "utf8"),
) as {
  cases: StarCase[];
};

describe("STAR follows the official tie protocol (BetterVoting's cases)", () => {
  it("has the cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });
  for (const test of cases) {
    it(test.name, () => {
      const outcome =
        test.votes !== undefined
          ? star({
              candidates: test.candidates,
              names: {},
              maxScore: 5,
              // Scores outside 0..5 are invalid ballots, left out of the count.
              ballots: test.votes
                .filter((vote) =>
                  vote.every((score) => Number.isInteger(score) && score >= 0 && score <= 5),
                )
                .map((vote) => ({
                  scores: Object.fromEntries(test.candidates.map((c, k) => [c, vote[k] ?? 0])),
                  weight: 1,
                })),
            } satisfies ScoreProfile)
          : starFromSummary({
              candidates: test.candidates,
              totals: test.scores as number[],
              pairwise: test.pairwiseMatrix as number[][],
              fiveStars: test.fiveStarCounts as number[],
            });
      if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
      expect(outcome.value.winners).toEqual([test.winner]);
      if (test.runner_up !== undefined)
        expect(outcome.value.ranking?.[1]).toEqual([test.runner_up]);
    });
  }
});
