import { describe, expect, it } from "vitest";
import {
  cardinalitySatisfaction,
  greedy,
  greedyNoSkip,
  greedyThreshold,
  officialRule,
  type PbElection,
} from "../../../src/budgeting/index.js";
import { rational } from "../../../src/core/index.js";
import { parsePabulib } from "../../../src/io/index.js";

function election(text: string): PbElection {
  const parsed = parsePabulib(text);
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  return parsed.value;
}

// a: 3 votes, cost 60; b: 2 votes, cost 50; c: 2 votes, cost 30; d: 1 vote, cost 10
const small = election(
  [
    "META",
    "key;value",
    "budget;100",
    "vote_type;approval",
    "rule;greedy",
    "min_project_score_threshold;2",
    "PROJECTS",
    "project_id;cost;name",
    "a;60;Alpha",
    "b;50;Beta",
    "c;30;Gamma",
    "d;10;Delta",
    "VOTES",
    "voter_id;vote",
    "1;a,b",
    "2;a,c",
    "3;a,b,c,d",
  ].join("\n"),
);

describe("greedy", () => {
  it("takes projects by votes and skips those that no longer fit", () => {
    const outcome = greedy(small.instance, small.profile);
    expect(outcome.ok && outcome.value.selected).toEqual(["a", "c", "d"]);
    expect(outcome.ok && outcome.value.cost).toBe(100n);
  });

  it("explains every step with the budget left", () => {
    const outcome = greedy(small.instance, small.profile);
    if (!outcome.ok) throw new Error("rule failed");
    expect(
      outcome.value.explanation.map((s) => [s.project, s.action, s.reason, s.value, s.budgetLeft]),
    ).toEqual([
      ["a", "selected", "fits", "3", 40n],
      // b and c both have 2 votes: the default chain prefers the cheaper c.
      ["c", "selected", "fits", "2", 10n],
      ["b", "skipped", "over-budget", "2", 10n],
      ["d", "selected", "fits", "1", 0n],
    ]);
  });

  it("follows an explicit tie-breaking policy", () => {
    const outcome = greedy(small.instance, small.profile, {
      tieBreaking: [{ by: "cost", prefer: "higher" }],
    });
    // Now the dearer b is considered before c, and skipped.
    expect(outcome.ok && outcome.value.explanation.map((s) => [s.project, s.action])).toEqual([
      ["a", "selected"],
      ["b", "skipped"],
      ["c", "selected"],
      ["d", "selected"],
    ]);
  });

  it("ranks by welfare per cost under cardinality satisfaction", () => {
    const outcome = greedy(small.instance, small.profile, { sat: cardinalitySatisfaction });
    // votes/cost: d 1/10, c 2/30, a 3/60, b 2/50
    expect(outcome.ok && outcome.value.explanation.map((s) => s.project)).toEqual([
      "d",
      "c",
      "a",
      "b",
    ]);
    expect(outcome.ok && outcome.value.selected).toEqual(["d", "c", "a"]);
  });
});

describe("greedyNoSkip", () => {
  it("stops at the first project that does not fit", () => {
    const outcome = greedyNoSkip(small.instance, small.profile, {
      tieBreaking: [{ by: "cost", prefer: "higher" }],
    });
    if (!outcome.ok) throw new Error("rule failed");
    expect(outcome.value.selected).toEqual(["a"]);
    expect(outcome.value.explanation.at(-1)).toMatchObject({ project: "b", reason: "stop" });
  });

  it("passes over a withdrawn project (cost 999999999)", () => {
    const withdrawn = election(
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\nw;999999999\nx;100\n" +
        "VOTES\nvoter_id;vote\n1;w,x\n2;w\n",
    );
    const outcome = greedyNoSkip(withdrawn.instance, withdrawn.profile);
    if (!outcome.ok) throw new Error("rule failed");
    expect(outcome.value.selected).toEqual(["x"]);
    expect(outcome.value.explanation[0]).toMatchObject({ project: "w", reason: "withdrawn" });
  });
});

describe("greedyThreshold", () => {
  it("reads the threshold from META and skips projects below it", () => {
    const outcome = greedyThreshold(small.instance, small.profile);
    if (!outcome.ok) throw new Error("rule failed");
    expect(outcome.value.selected).toEqual(["a", "c"]);
    expect(outcome.value.explanation.at(-1)).toMatchObject({
      project: "d",
      reason: "below-threshold",
    });
  });

  it("takes the threshold from the options before META", () => {
    const outcome = greedyThreshold(small.instance, small.profile, { threshold: rational(3) });
    expect(outcome.ok && outcome.value.selected).toEqual(["a"]);
  });

  it("says so when there is no threshold", () => {
    const bare = { ...small.instance, meta: { budget: "100", vote_type: "approval" } };
    const outcome = greedyThreshold(bare, small.profile);
    expect(!outcome.ok && outcome.issues[0]?.code).toBe("missing-threshold");
  });
});

describe("officialRule", () => {
  it("breaks equal scores by the order of the PROJECTS section", () => {
    const outcome = officialRule(small.instance, small.profile);
    // b is listed before c: the published ranking puts b first.
    expect(outcome.ok && outcome.value.explanation.map((s) => s.project)).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(outcome.ok && outcome.value.selected).toEqual(["a", "c", "d"]);
  });

  it("scores rankings as max_length − position", () => {
    const ranked = election(
      "META\nkey;value\nbudget;10\nvote_type;ordinal\nrule;greedy\nmax_length;3\n" +
        "PROJECTS\nproject_id;cost\na;10\nb;10\nc;10\nVOTES\nvoter_id;vote\n1;a,b,c\n2;b,c\n3;c,a\n",
    );
    // a: 3 + 2 = 5, b: 2 + 3 = 5, c: 1 + 2 + 3 = 6
    const outcome = officialRule(ranked.instance, ranked.profile);
    expect(outcome.ok && outcome.value.explanation.map((s) => [s.project, s.value])).toEqual([
      ["c", "6"],
      ["a", "5"],
      ["b", "5"],
    ]);
  });

  it("reports a META rule it cannot apply", () => {
    const other = { ...small.instance, meta: { ...small.instance.meta, rule: "greedy-exclusive" } };
    const outcome = officialRule(other, small.profile);
    expect(!outcome.ok && outcome.issues[0]?.code).toBe("unsupported-official-rule");
  });
});
