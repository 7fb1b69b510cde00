import { describe, expect, it } from "vitest";
import { greedy } from "../../src/budgeting/index.js";
import { toBudgetInstance } from "../../src/proposals/index.js";
import { answering, play, publishedTwo } from "./fixture.js";

describe("toBudgetInstance", () => {
  const answered = play([
    ...publishedTwo,
    { type: "create", proposal: "p4", author: "bo", title: "Fontaine" },
    { type: "publish", proposal: "p4", actor: "bo" },
    [
      { type: "answer", proposal: "p1", state: "accepted", actor: "city", cost: 40_000_00 },
      answering,
    ],
    [{ type: "answer", proposal: "p2", state: "rejected", actor: "city" }, answering],
    [
      { type: "answer", proposal: "p4", state: "accepted", actor: "city", cost: 75_000_00 },
      answering,
    ],
    [{ type: "publish-answer", proposal: "p1", actor: "city" }, answering],
    [{ type: "publish-answer", proposal: "p2", actor: "city" }, answering],
  ]).state;

  it("takes accepted proposals whose answer is published, at their cost", () => {
    const instance = toBudgetInstance(answered, {
      budget: 100_000_00n,
      scale: 2,
      meta: { description: "Test" },
    });
    expect(instance.ok).toBe(true);
    if (!instance.ok) return;
    expect(instance.value.projects).toEqual([
      {
        id: "p1",
        cost: 40_000_00n,
        name: "Bancs",
        categories: [],
        targets: [],
        fields: { scope: "doutre", authors: "ana" },
      },
    ]);
    expect(instance.value.meta).toEqual({
      description: "Test",
      num_projects: "1",
      budget: "100000",
    });
    const published = play(
      [[{ type: "publish-answer", proposal: "p4", actor: "city" }, answering]],
      { from: answered },
    ).state;
    const both = toBudgetInstance(published, { budget: 100_000_00n, scale: 2 });
    expect(both.ok && both.value.projects.map((project) => project.id)).toEqual(["p1", "p4"]);
    // The instance works with civitas/budgeting's rules.
    if (both.ok) {
      const outcome = greedy(both.value, {
        voteType: "approval",
        ballots: [
          { projects: ["p1", "p4"], multiplicity: 3 },
          { projects: ["p4"], multiplicity: 2 },
        ],
        voteColumns: ["voter_id", "vote"],
      });
      expect(outcome.ok && outcome.value.selected).toEqual(["p4"]);
    }
  });

  it("refuses an accepted proposal without a cost, with its path", () => {
    const noCost = play(
      [
        ...publishedTwo,
        [
          { type: "answer", proposal: "p2", state: "accepted", actor: "city" },
          Date.parse("2026-05-10T10:00:00Z"),
        ],
        [
          { type: "publish-answer", proposal: "p2", actor: "city" },
          Date.parse("2026-05-10T10:00:00Z"),
        ],
      ],
      { context: { instant: 0, admins: ["city"] } },
    ).state;
    const instance = toBudgetInstance(noCost, { budget: 1n, scale: 0 });
    expect(!instance.ok && instance.issues).toEqual([
      {
        code: "missing-cost",
        path: ["proposals", "p2", "answer", "cost"],
        message: "p2 (Arbres) is accepted but its answer gives no cost",
        params: { proposal: "p2" },
      },
    ]);
  });
});
