import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  referendum,
  referendumBallotsSchema,
  referendumCountSchema,
  referendumQuestions,
} from "../../../src/tally/index.js";

const decide = (...args: Parameters<typeof referendum>) => {
  const outcome = referendum(...args);
  if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
  return outcome.value;
};

describe("referendum", () => {
  it("passes with more yes than no by default; a tie fails", () => {
    expect(decide({ yes: 51, no: 49, abstain: 10 }).winners).toEqual(["yes"]);
    expect(decide({ yes: 50, no: 50, abstain: 0 }).winners).toEqual(["no"]);
  });

  it("applies a two-thirds supermajority exactly, at least or more than", () => {
    expect(
      decide({ yes: 200, no: 100, abstain: 0 }, { majority: [2, 3], strict: false }).winners,
    ).toEqual(["yes"]);
    expect(
      decide({ yes: 200, no: 100, abstain: 0 }, { majority: [2, 3], strict: true }).winners,
    ).toEqual(["no"]);
  });

  it("checks quorums on the electorate and says which failed", () => {
    const result = decide(
      { yes: 60, no: 40, abstain: 0, electorate: 1000 },
      { participationQuorum: [1, 5] },
    );
    expect(result.winners).toEqual(["no"]);
    expect(result.notes).toEqual(["the question fails: participation quorum not met"]);
    const approval = decide(
      { yes: 300, no: 100, abstain: 200, electorate: 1000 },
      { participationQuorum: [1, 2], approvalQuorum: [1, 4] },
    );
    expect(approval.winners).toEqual(["yes"]);
    expect(approval.rounds[0]?.note).toBe(
      "majority: met (300 yes of 400 yes or no; needs more than 1/2); participation quorum: met (600 of 1000 voted; needs 1/2); approval quorum: met (300 of 1000 said yes; needs 1/4)",
    );
  });

  it("refuses a quorum without an electorate, and counts that are not whole numbers", () => {
    const noElectorate = referendum({ yes: 1, no: 0, abstain: 0 }, { approvalQuorum: [1, 3] });
    expect(!noElectorate.ok && noElectorate.issues[0]?.code).toBe("missing-electorate");
    const fractional = referendum({ yes: 1.5, no: 0, abstain: 0 });
    expect(!fractional.ok && fractional.issues[0]?.code).toBe("invalid-count");
  });

  it("is monotone: more yes never turns a pass into a fail", () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        fc.nat(1000),
        fc.nat(200),
        fc.integer({ min: 1, max: 4 }),
        (yes, no, abstain, extra, third) => {
          const rules = {
            majority: [third, 5] as const,
            participationQuorum: [1, 10] as const,
            approvalQuorum: [1, 20] as const,
          };
          const electorate = 5000;
          const before = decide({ yes, no, abstain, electorate }, rules).winners[0];
          const after = decide({ yes: yes + extra, no, abstain, electorate }, rules).winners[0];
          if (before === "yes") expect(after).toBe("yes");
        },
      ),
    );
  });
});

describe("several questions on one ballot", () => {
  const ballots = {
    questions: ["tram", "park"],
    electorate: 40,
    ballots: [
      { answers: { tram: "yes", park: "no" } as const, weight: 6 },
      { answers: { tram: "no" } as const, weight: 3 },
      { answers: { park: "yes", tram: "abstain" } as const, weight: 2 },
    ],
  };

  it("counts each question (a question left out is an abstention) and decides it by its rules", () => {
    const result = referendumQuestions(ballots, {
      tram: { majority: [2, 3], strict: false },
      park: { participationQuorum: [1, 4] },
    });
    if (!result.ok) throw new Error(result.issues[0]?.message);
    expect(result.value.map(({ question, count }) => [question, count])).toEqual([
      ["tram", { yes: 6, no: 3, abstain: 2, electorate: 40 }],
      ["park", { yes: 2, no: 6, abstain: 3, electorate: 40 }],
    ]);
    expect(result.value.map(({ outcome }) => outcome.winners[0])).toEqual(["yes", "no"]);
  });

  it("refuses answers to unknown questions, with their path", () => {
    const result = referendumQuestions({
      ...ballots,
      ballots: [{ answers: { metro: "yes" }, weight: 1 }],
    });
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual([
      ["ballots", 0, "answers", "metro"],
    ]);
  });

  it("the count schema rejects more votes than the electorate, and fractions", () => {
    expect(
      referendumCountSchema.safeParse({ yes: 5, no: 2, abstain: 0, electorate: 7 }).success,
    ).toBe(true);
    expect(
      referendumCountSchema.safeParse({ yes: 5, no: 2, abstain: 1, electorate: 7 }).success,
    ).toBe(false);
    expect(referendumCountSchema.safeParse({ yes: 0.5, no: 2, abstain: 0 }).success).toBe(false);
  });

  it("the schema rejects fractional weights and repeated questions", () => {
    expect(referendumBallotsSchema.safeParse({ questions: ["q", "q"], ballots: [] }).success).toBe(
      false,
    );
    expect(
      referendumBallotsSchema.safeParse({
        questions: ["q"],
        ballots: [{ answers: { q: "yes" }, weight: 1.5 }],
      }).success,
    ).toBe(false);
  });
});
