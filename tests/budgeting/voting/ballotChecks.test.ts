import { describe, expect, it } from "vitest";
import {
  type BallotRules,
  type BudgetBallot,
  ballotRulesFromJson,
  ballotRulesJsonSchemaDocument,
  canAdd,
  canRemove,
  canSubmit,
  votingIssueMessages,
} from "../../../src/budgeting/index.js";
import type { Issue, Result } from "../../../src/core/index.js";

/** Rules from JSON, as an app would keep them. */
function rules(json: unknown): BallotRules {
  const read = ballotRulesFromJson(json);
  if (!read.ok) throw new Error(read.issues.map((issue) => issue.message).join("; "));
  return read.value;
}

const projects = [
  { id: "tram", cost: "400000" },
  { id: "park", cost: "300000" },
  { id: "library", cost: "200000" },
  { id: "bench", cost: "100000" },
];
const threshold = rules({
  currency: "EUR",
  rule: { type: "threshold-percent", budget: "1000000" },
  projects,
});

function issuesOf(result: Result<void>): Issue[] {
  return result.ok ? [] : [...result.issues];
}
const ballot = (...ids: string[]): BudgetBallot => ({ projects: ids });

/** Each issue's message is the catalogue's message from its params. */
function expectCatalogued(issues: readonly Issue[]) {
  for (const issue of issues) {
    const message = votingIssueMessages[issue.code as keyof typeof votingIssueMessages] as (
      p: never,
    ) => string;
    expect(message(issue.params as never)).toBe(issue.message);
  }
}

describe("Decidim's threshold-percent rule (default 70%)", () => {
  it("refuses adding past the budget, with how much over", () => {
    // Exactly the budget: 400,000 + 300,000 + 200,000 + 100,000.
    const refused = issuesOf(canAdd(threshold, ballot("tram", "park", "library"), "bench"));
    expect(refused).toEqual([]);
    const over = issuesOf(canAdd(threshold, ballot("tram", "park", "library", "bench"), "tram"));
    expect(over[0]?.code).toBe("already-in-ballot");
    const tooMuch = rules({
      currency: "EUR",
      rule: { type: "threshold-percent", budget: "800000" },
      projects,
    });
    const issues = issuesOf(canAdd(tooMuch, ballot("tram", "park"), "library"));
    expect(issues).toMatchObject([
      {
        code: "over-budget",
        params: { project: "library", over: "100000 EUR", limit: "800000 EUR" },
      },
    ]);
    expect(issues[0]?.message).toBe("adding library goes 100000 EUR over the budget of 800000 EUR");
    expectCatalogued(issues);
  });

  it("submits at exactly 70% and refuses just below, saying how much is missing", () => {
    expect(canSubmit(threshold, ballot("tram", "park")).ok).toBe(true); // 700,000 of 1,000,000
    const below = issuesOf(canSubmit(threshold, ballot("tram", "library"))); // 600,000
    expect(below).toMatchObject([
      {
        code: "below-threshold",
        params: { missing: "100000 EUR", minimum: "700000 EUR", percent: 70 },
      },
    ]);
    expectCatalogued(below);
  });

  it("rounds the minimum down as Decidim does (999 × 70 / 100 = 699)", () => {
    const odd = rules({
      rule: { type: "threshold-percent", budget: "999" },
      projects: [{ id: "a", cost: "699" }],
    });
    expect(canSubmit(odd, ballot("a")).ok).toBe(true);
  });

  it("never submits an empty ballot", () => {
    const free = rules({
      rule: { type: "threshold-percent", budget: "1000", percent: 0 },
      projects,
    });
    expect(issuesOf(canSubmit(free, ballot())).map((issue) => issue.code)).toEqual([
      "empty-ballot",
    ]);
  });
});

describe("Decidim's minimum-projects and selected-projects rules", () => {
  it("minimum projects: at least N, total within the budget", () => {
    const minimum = rules({
      rule: { type: "minimum-projects", budget: "1000000", minimum: 3 },
      projects,
    });
    const few = issuesOf(canSubmit(minimum, ballot("tram", "park")));
    expect(few).toMatchObject([{ code: "too-few-projects", params: { minimum: 3, count: 2 } }]);
    expect(few[0]?.message).toBe("choose at least 3 projects (2 chosen)");
    expect(canSubmit(minimum, ballot("tram", "park", "bench")).ok).toBe(true);
    expect(
      issuesOf(canAdd(minimum, ballot("tram", "park", "library", "bench"), "bench"))[0]?.code,
    ).toBe("already-in-ballot");
  });

  it("selected projects: each counts 1, minimum ≤ count ≤ maximum (defaults 0 and 1)", () => {
    const selected = rules({
      rule: { type: "selected-projects", minimum: 2, maximum: 3 },
      projects,
    });
    expect(canAdd(selected, ballot("tram", "park"), "library").ok).toBe(true); // exactly the maximum
    expect(issuesOf(canAdd(selected, ballot("tram", "park", "library"), "bench"))).toMatchObject([
      { code: "too-many-projects", params: { maximum: 3, project: "bench" } },
    ]);
    expect(canSubmit(selected, ballot("tram", "park")).ok).toBe(true); // exactly the minimum
    expect(issuesOf(canSubmit(selected, ballot("tram")))[0]?.code).toBe("too-few-projects");
    const defaults = rules({ rule: { type: "selected-projects" }, projects });
    expect(defaults.rule).toEqual({ type: "selected-projects", minimum: 0, maximum: 1 });
  });
});

describe("CONSUL's voting styles per heading", () => {
  const headingProjects = [
    { id: "n1", cost: "600", heading: "north" },
    { id: "n2", cost: "500", heading: "north" },
    { id: "s1", cost: "300", heading: "south" },
    { id: "city", cost: "900", heading: "citywide" },
  ];
  const headings = [
    { id: "north", group: "districts", price: "1000" },
    { id: "south", group: "districts", price: "1000" },
    { id: "citywide", group: "city", price: "1000" },
  ];
  const knapsack = rules({ rule: { type: "knapsack", headings }, projects: headingProjects });

  it("knapsack: insufficient funds past the heading's price; exactly the price fits", () => {
    const funds = issuesOf(canAdd(knapsack, ballot("n1"), "n2"));
    expect(funds).toMatchObject([
      { code: "insufficient-funds", params: { heading: "north", over: "100", limit: "1000" } },
    ]);
    expectCatalogued(funds);
    const exact = rules({
      rule: { type: "knapsack", headings: [{ id: "north", price: "1100" }] },
      projects: headingProjects.slice(0, 2).map((project) => ({ ...project })),
    });
    expect(canAdd(exact, ballot("n1"), "n2").ok).toBe(true);
  });

  it("one heading per group in the final ballot; another group is fine", () => {
    const other = issuesOf(canAdd(knapsack, ballot("n1"), "s1"));
    expect(other).toMatchObject([
      {
        code: "different-heading-assigned",
        params: { project: "s1", heading: "south", chosen: "north", group: "districts" },
      },
    ]);
    expect(canAdd(knapsack, ballot("n1"), "city").ok).toBe(true);
  });

  it("approval: insufficient votes past the heading's ballot lines", () => {
    const approval = rules({
      rule: { type: "approval", headings: [{ id: "north", maxBallotLines: 1 }] },
      projects: headingProjects.slice(0, 2),
    });
    expect(issuesOf(canAdd(approval, ballot("n1"), "n2"))).toMatchObject([
      { code: "insufficient-votes", params: { heading: "north", maximum: 1 } },
    ]);
    expect(canSubmit(approval, ballot("n1")).ok).toBe(true);
  });
});

describe("Pabulib's constraints", () => {
  const categorised = [
    { id: "a", cost: "30", categories: ["green"] },
    { id: "b", cost: "40", categories: ["green"] },
    { id: "c", cost: "50", categories: ["roads"] },
  ];
  it("length, cost, per-category caps (Amsterdam), with their boundaries", () => {
    const constraints = rules({
      rule: {
        type: "constraints",
        minLength: 2,
        maxLength: 2,
        minSumCost: "70",
        maxSumCost: "90",
        maxSumCostPerCategory: { green: "70" },
      },
      projects: categorised,
    });
    expect(canSubmit(constraints, ballot("a", "b")).ok).toBe(true); // 70: both minimum and category cap exactly
    expect(issuesOf(canAdd(constraints, ballot("a", "b"), "c")).map((issue) => issue.code)).toEqual(
      ["too-many-projects", "over-budget"],
    );
    expect(issuesOf(canSubmit(constraints, ballot("a"))).map((issue) => issue.code)).toEqual([
      "too-few-projects",
      "below-minimum-cost",
    ]);
    const cap = rules({
      rule: { type: "constraints", maxSumCostPerCategory: { green: "60" } },
      projects: categorised,
    });
    expect(issuesOf(canAdd(cap, ballot("a"), "b"))).toMatchObject([
      {
        code: "category-over-budget",
        params: { category: "green", over: "10", limit: "60", project: "b" },
      },
    ]);
  });

  it("cumulative points per project and in total", () => {
    const points = rules({
      rule: { type: "constraints", minPoints: 1, maxPoints: 5, maxSumPoints: 6 },
      projects: categorised,
    });
    expect(canSubmit(points, { projects: ["a", "b"], points: { a: 5, b: 1 } }).ok).toBe(true);
    expect(
      issuesOf(canSubmit(points, { projects: ["a", "b", "c"], points: { a: 5, b: 6 } })).map(
        (issue) => issue.code,
      ),
    ).toEqual(["points-out-of-range", "missing-points", "points-sum-out-of-range"]);
  });
});

describe("ballots and rules that are not what they should be", () => {
  it("unknown and repeated projects, removing what is not there", () => {
    expect(issuesOf(canAdd(threshold, ballot(), "metro"))[0]).toMatchObject({
      code: "unknown-project",
      params: { project: "metro" },
    });
    expect(
      issuesOf(canSubmit(threshold, ballot("tram", "tram", "metro", "park"))).map(
        (issue) => issue.code,
      ),
    ).toEqual(["already-in-ballot", "unknown-project"]);
    expect(issuesOf(canRemove(threshold, ballot("tram"), "park"))[0]?.code).toBe("not-in-ballot");
    expect(canRemove(threshold, ballot("tram"), "tram").ok).toBe(true);
  });

  it("refuses rules with negative or too precise amounts, repeated projects, minimum above maximum", () => {
    const codes = (json: unknown) => {
      const read = ballotRulesFromJson(json);
      return read.ok ? [] : read.issues.map((issue) => [issue.code, issue.path.join(".")]);
    };
    expect(codes({ rule: { type: "threshold-percent", budget: "-5" }, projects: [] })).toEqual([
      ["invalid-ballot-rules", "rule.budget"],
    ]);
    expect(
      codes({ scale: 0, rule: { type: "threshold-percent", budget: "10.5" }, projects: [] }),
    ).toEqual([["invalid-amount", "rule.budget"]]);
    expect(
      codes({
        rule: { type: "selected-projects", minimum: 3, maximum: 1 },
        projects: [
          { id: "a", cost: 1 },
          { id: "a", cost: 2 },
        ],
      }),
    ).toEqual([
      ["duplicate-project", "projects.1.id"],
      ["minimum-above-maximum", "rule.minimum"],
    ]);
    expect(
      codes({
        rule: { type: "knapsack", headings: [{ id: "north", price: "10" }] },
        projects: [{ id: "a", cost: 1 }],
      }),
    ).toEqual([["unknown-heading", "projects.0.heading"]]);
  });
});

describe("the JSON Schema of ballot rules", () => {
  it("is generated from the zod schema: the six rule shapes, amounts as decimal strings or numbers", () => {
    const schema = ballotRulesJsonSchemaDocument();
    const rule = schema.properties.rule as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect((rule.oneOf ?? rule.anyOf)?.length).toBe(6);
    expect(JSON.stringify(schema)).toContain("threshold-percent");
  });
});
