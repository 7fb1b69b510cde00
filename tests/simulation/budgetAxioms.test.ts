import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pbRules } from "../../src/budgeting/index.js";
import {
  type BudgetAxiom,
  type BudgetCounterexample,
  type BudgetOutcomeOf,
  budgetAxioms,
  findBudgetCounterexample,
} from "../../src/simulation/index.js";
import { axiomTable, cellsOf, docTableRows, votersText } from "../helpers/axiomTable.js";
import { repoRoot } from "../helpers/data.js";
import { approvalElection } from "../helpers/elections.js";

/** The budgeting rules of docs/axioms.md's third table, in its order. */
const RULES = ["greedy", "utilitarian", "mes", "phragmen", "maximin-support"];

const rule = (id: string): BudgetOutcomeOf => {
  const found = pbRules.find((r) => r.metadata.id === id);
  if (found === undefined) throw new Error(id);
  return (instance, profile) => {
    const outcome = found.run(instance, profile);
    return outcome.ok ? outcome.value.selected : undefined;
  };
};
const axiom = (id: string) => budgetAxioms.find((a) => a.id === id) as BudgetAxiom;
const voters = (found: BudgetCounterexample) =>
  found.profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0);

const table = () =>
  axiomTable(
    "rule",
    budgetAxioms.map((a) => a.id),
    RULES,
    (id, axiomId) => findBudgetCounterexample(rule(id), axiom(axiomId), { seed: 1 }),
    (found: BudgetCounterexample) =>
      `✗ ${votersText(voters(found))}, ${found.instance.projects.length} projects`,
  );

describe("budget axioms", () => {
  const { lines, found } = table();

  it("check any outcome: greedy's a, b, c leaves d's three voters short; equal shares' a, b, d does not", () => {
    // Six voters want a, b and c; three want d; every project costs 1, the budget is 3.
    const { instance, profile } = approvalElection(3n, { a: 1n, b: 1n, c: 1n, d: 1n }, [
      ...Array.from({ length: 6 }, () => ["a", "b", "c"]),
      ...Array.from({ length: 3 }, () => ["d"]),
    ]);
    const verdicts = (selected: string[]) =>
      Object.fromEntries(budgetAxioms.map((a) => [a.id, a.violation(instance, profile, selected)]));
    expect(verdicts(["a", "b", "c"])).toEqual({
      exhaustive: undefined,
      ejr: "3 voters, all approving d can afford it with their shares, yet each gets less",
      "ejr-up-to-one":
        "3 voters, all approving d can afford it with their shares, yet each gets less, even with one more of them",
      priceability:
        "no budget and payments make it: voters with equal budgets cannot pay for exactly these projects while every project left out stays beyond its supporters' money",
    });
    expect(verdicts(["a", "b", "d"])).toEqual({
      exhaustive: undefined,
      ejr: undefined,
      "ejr-up-to-one": undefined,
      priceability: undefined,
    });
    expect(verdicts(["a", "d"]).exhaustive).toBe(
      "b is left out though the money left would buy it",
    );
  });

  it("the search finds what the literature says: greedy and the utilitarian optimum break EJR up to one and priceability; equal shares neither", () => {
    for (const id of ["greedy", "utilitarian"])
      for (const axiomId of ["ejr-up-to-one", "priceability"])
        expect(found.has(`${id}/${axiomId}`), `${id}/${axiomId}`).toBe(true);
    for (const axiomId of ["ejr-up-to-one", "priceability"])
      expect(found.has(`mes/${axiomId}`), axiomId).toBe(false);
    expect(found.has("mes/exhaustive")).toBe(true);
    for (const id of RULES) expect(found.has(`${id}/ejr`), id).toBe(true);
  });

  it("every counterexample is the rule's own outcome, breaks the axiom as reported, and loses it with any voter fewer", () => {
    for (const [key, counterexample] of found) {
      const [id, axiomId] = key.split("/") as [string, string];
      const { instance, profile, selected, violation } = counterexample;
      expect(rule(id)(instance, profile), key).toEqual(selected);
      expect(axiom(axiomId).violation(instance, profile, selected), key).toBe(violation);
      for (const [k, ballot] of profile.ballots.entries()) {
        const fewer = {
          ...profile,
          ballots:
            ballot.multiplicity > 1
              ? profile.ballots.map((b, j) =>
                  j === k ? { ...b, multiplicity: b.multiplicity - 1 } : b,
                )
              : profile.ballots.filter((_, j) => j !== k),
        };
        if (fewer.ballots.length === 0) continue;
        const outcome = rule(id)(instance, fewer);
        if (outcome !== undefined)
          expect(axiom(axiomId).violation(instance, fewer, outcome), key).toBeUndefined();
      }
    }
  });

  it("docs/axioms.md holds this table and maximin support's priceability counterexample", () => {
    const doc = readFileSync(join(repoRoot, "docs", "axioms.md"), "utf8");
    const start = doc.indexOf("## Participatory budgets");
    expect(docTableRows(doc.slice(start), "rule", RULES)).toEqual(lines.map(cellsOf));
    const maximin = found.get("maximin-support/priceability");
    expect(maximin?.instance.budget).toBe(7n);
    expect(maximin?.selected).toEqual(["p5", "p4"]);
    expect(
      maximin?.profile.ballots.map((b) => `${b.multiplicity}×${b.projects.join(",")}`),
    ).toEqual(["2×p1", "1×p4,p5"]);
    expect(
      maximin?.instance.projects
        .filter((p) => ["p1", "p4", "p5"].includes(p.id))
        .map((p) => p.cost),
    ).toEqual([6n, 3n, 2n]);
  });
});
