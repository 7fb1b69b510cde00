import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type Counterexample,
  findCounterexample,
  type SingleWinnerAxiom,
  singleWinnerAxioms,
  winnersOf,
} from "../../src/simulation/index.js";
import { type RankedProfile, tallyMethods } from "../../src/tally/index.js";
import { repoRoot } from "../helpers/data.js";

/** The methods of docs/axioms.md's table, in its order. */
const METHODS = [
  "plurality",
  "irv",
  "runoff",
  "borda",
  "copeland",
  "minimax",
  "schulze",
  "ranked-pairs",
  "coombs",
  "baldwin",
  "nanson",
  "bucklin",
  "anti-plurality",
];

const method = (id: string) => {
  const found = tallyMethods.find((m) => m.id === id);
  if (found === undefined) throw new Error(id);
  return winnersOf((profile) => found.run(profile, {}));
};
const axiom = (id: string) => singleWinnerAxioms.find((a) => a.id === id) as SingleWinnerAxiom;

/** A profile as lines "n × a > b > c". */
const written = (profile: RankedProfile) =>
  profile.ballots.map(
    (ballot) => `${ballot.weight} × ${ballot.ranking.map((tier) => tier.join("=")).join(" > ")}`,
  );

/** The table: a cell per method and axiom, the counterexample's size or "—" when none was found. */
function table(): { lines: string[]; found: Map<string, Counterexample> } {
  const found = new Map<string, Counterexample>();
  const lines = [
    `| method | ${singleWinnerAxioms.map((a) => a.id).join(" | ")} |`,
    `| --- | ${singleWinnerAxioms.map(() => "---").join(" | ")} |`,
  ];
  for (const id of METHODS) {
    const cells = singleWinnerAxioms.map((a) => {
      const counterexample = findCounterexample(method(id), a, { seed: 1 });
      if (counterexample === undefined) return "—";
      found.set(`${id}/${a.id}`, counterexample);
      const voters = counterexample.profile.ballots.length;
      return `✗ ${voters} voter${voters === 1 ? "" : "s"}, ${counterexample.profile.candidates.length} candidates`;
    });
    lines.push(`| ${id} | ${cells.join(" | ")} |`);
  }
  return { lines, found };
}

describe("axioms", () => {
  const { lines, found } = table();

  it("find what the literature says: IRV is not monotonic, Borda not Condorcet-consistent, Schulze and ranked pairs are", () => {
    expect(found.get("irv/monotonicity")?.violation).toMatch(/^raising /);
    expect(found.get("borda/condorcet-winner")?.violation).toMatch(/beats everyone head to head/);
    expect(found.has("runoff/monotonicity")).toBe(true);
    expect(found.has("borda/majority")).toBe(true);
    expect(found.has("minimax/condorcet-loser")).toBe(true);
    for (const id of ["schulze", "ranked-pairs", "copeland", "minimax"])
      expect(found.has(`${id}/condorcet-winner`)).toBe(false);
    for (const id of ["schulze", "ranked-pairs", "plurality", "borda"])
      expect(found.has(`${id}/monotonicity`)).toBe(false);
    expect(found.has("plurality/majority")).toBe(false);
  });

  it("shrink each counterexample until no voter or candidate can be taken away", () => {
    for (const [key, counterexample] of found) {
      const [id, axiomId] = key.split("/") as [string, string];
      const { profile } = counterexample;
      for (let k = 0; k < profile.ballots.length; k++) {
        const fewer = { ...profile, ballots: profile.ballots.filter((_, j) => j !== k) };
        if (fewer.ballots.length > 0)
          expect(axiom(axiomId).violation(method(id), fewer), key).toBeUndefined();
      }
    }
  });

  it("docs/axioms.md holds this table and these counterexamples", () => {
    const doc = readFileSync(join(repoRoot, "docs", "axioms.md"), "utf8");
    // Table rows compared cell by cell: the formatter pads the columns.
    const cells = (line: string) =>
      line
        .split("|")
        .map((cell) => cell.trim().replace(/^-+$/, "---"))
        .join("|");
    const rows = doc
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .map(cells);
    expect(rows).toEqual(lines.map(cells));
    for (const key of ["irv/monotonicity", "borda/condorcet-winner"]) {
      const counterexample = found.get(key) as Counterexample;
      for (const ballot of written(counterexample.profile)) expect(doc).toContain(ballot);
      expect(doc).toContain(counterexample.violation);
    }
  });
});
