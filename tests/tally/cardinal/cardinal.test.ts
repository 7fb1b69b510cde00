import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rational } from "../../../src/core/index.js";
import {
  type ApprovalProfile,
  approvalVoting,
  borda,
  cumulativeVoting,
  plurality,
  positionalScoring,
  type RankedProfile,
  type ScoreProfile,
  scoreVoting,
  thieleCommittee,
} from "../../../src/tally/index.js";

const scores: ScoreProfile = {
  candidates: ["a", "b", "c"],
  names: {},
  maxScore: 5,
  ballots: [
    { scores: { a: 5, b: 3 }, weight: 2 },
    { scores: { b: 5, c: 1 }, weight: 1 },
    { scores: { a: 0, c: 4 }, weight: 1 },
  ],
};

describe("score, approval and cumulative counts", () => {
  it("score voting: total scores, weights included, with a full ranking", () => {
    const outcome = scoreVoting(scores);
    if (!outcome.ok) throw new Error("count failed");
    expect(outcome.value.rounds[0]?.exactTallies).toEqual({ a: "10", b: "11", c: "5" });
    expect(outcome.value.winners).toEqual(["b"]);
    expect(outcome.value.ranking).toEqual([["b"], ["a"], ["c"]]);
  });

  it("score voting by mean: over the ballots that score the candidate", () => {
    const outcome = scoreVoting(scores, { aggregate: "mean" });
    if (!outcome.ok) throw new Error("count failed");
    // a: 10 over 3 voters; b: 11 over 3; c: 5 over 2.
    expect(outcome.value.rounds[0]?.exactTallies).toEqual({ a: "10/3", b: "11/3", c: "5/2" });
    expect(outcome.value.winners).toEqual(["b"]);
  });

  it("cumulative voting: points per candidate, and a ballot that overspends is refused", () => {
    const ok = cumulativeVoting(scores, { points: 8 });
    expect(ok.ok && ok.value.winners).toEqual(["b"]);
    const refused = cumulativeVoting(scores, { points: 5 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ["too-many-points", ["ballots", 0]],
        ["too-many-points", ["ballots", 1]],
      ]);
      expect(refused.issues[0]?.message).toBe(
        "ballot 1 spends 8 points, more than the 5 each voter has",
      );
    }
  });

  it("approval voting elects exactly the one-seat AV committees, ties included", () => {
    const profile = fc.record({
      size: fc.integer({ min: 1, max: 5 }),
      ballots: fc.array(
        fc.record({
          approved: fc.uniqueArray(fc.nat({ max: 4 })),
          weight: fc.integer({ min: 1, max: 5 }),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(profile, ({ size, ballots }) => {
        const candidates = Array.from({ length: size }, (_, c) => `c${c}`);
        const approval: ApprovalProfile = {
          candidates,
          names: {},
          ballots: ballots.map(({ approved, weight }) => ({
            approved: approved.filter((c) => c < size).map((c) => `c${c}`),
            weight,
          })),
        };
        const single = approvalVoting(approval);
        const committee = thieleCommittee("av", approval, 1);
        if (!single.ok || !committee.ok) throw new Error("count failed");
        expect([...single.value.winners].sort()).toEqual(
          (committee.value.committees ?? []).map((members) => members[0]).sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("score voting: a ballot of weight w counts as w ballots", () => {
    const expanded: ScoreProfile = {
      ...scores,
      ballots: scores.ballots.flatMap((ballot) =>
        Array.from({ length: ballot.weight }, () => ({ ...ballot, weight: 1 })),
      ),
    };
    const a = scoreVoting(scores, { aggregate: "mean" });
    const b = scoreVoting(expanded, { aggregate: "mean" });
    expect(a.ok && a.value.rounds).toEqual(b.ok && b.value.rounds);
  });
});

describe("positional scoring with any vector", () => {
  const ranked: RankedProfile = {
    candidates: ["a", "b", "c", "d"],
    names: {},
    ballots: [
      { ranking: [["a"], ["b"], ["c"], ["d"]], weight: 4 },
      { ranking: [["b"], ["c", "d"]], weight: 3 },
      { ranking: [["c"], ["a"]], weight: 2 },
    ],
  };

  it("Borda's vector on complete rankings gives Borda's scores", () => {
    const complete: RankedProfile = {
      ...ranked,
      ballots: [
        { ranking: [["a"], ["b"], ["c"], ["d"]], weight: 4 },
        { ranking: [["b"], ["d"], ["c"], ["a"]], weight: 3 },
        { ranking: [["c"], ["a"], ["d"], ["b"]], weight: 2 },
      ],
    };
    const scoring = positionalScoring(complete, { vector: [3, 2, 1, 0] });
    const classic = borda(complete);
    if (!scoring.ok || !classic.ok) throw new Error("count failed");
    expect(scoring.value.rounds[0]?.tallies).toEqual(classic.value.rounds[0]?.tallies);
    expect(scoring.value.winners).toEqual(classic.value.winners);
  });

  it("equal ranks share the points of the places they span; Dowdall in exact fractions", () => {
    const outcome = positionalScoring(ranked, {
      vector: [rational(1), rational(1, 2), rational(1, 3), rational(1, 4)],
    });
    if (!outcome.ok) throw new Error("count failed");
    // b: 4 × 1/2 + 3 × 1; c and d share 1/2 + 1/3 on 3 ballots: 5/4 each, c adds 4/3 + 2.
    expect(outcome.value.rounds[0]?.exactTallies).toEqual({
      a: "5",
      b: "5",
      c: "55/12",
      d: "9/4",
    });
    expect(outcome.value.winners).toEqual(["a", "b"]);
  });

  it("plurality's vector [1] gives plurality's winners", () => {
    const scoring = positionalScoring(ranked, { vector: [1] });
    const first = plurality(ranked);
    expect(scoring.ok && scoring.value.winners).toEqual(first.ok && first.value.winners);
  });
});
