import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type Counterexample,
  findCounterexample,
  type SingleWinnerAxiom,
  singlePeakedWalsh,
  singleWinnerAxioms,
  winnersOf,
} from "../../src/simulation/index.js";
import { type RankedProfile, tallyMethods } from "../../src/tally/index.js";
import { axiomTable, cellsOf, docTableRows, votersText } from "../helpers/axiomTable.js";
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
const table = () =>
  axiomTable(
    "method",
    singleWinnerAxioms.map((a) => a.id),
    METHODS,
    (id, axiomId) => findCounterexample(method(id), axiom(axiomId), { seed: 1 }),
    (found: Counterexample) =>
      `✗ ${votersText(found.profile.ballots.length)}, ${found.profile.candidates.length} candidates`,
  );

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
    // Young: scoring rules are consistent; instant runoff and Copeland are not.
    for (const id of ["plurality", "borda", "anti-plurality"])
      expect(found.has(`${id}/consistency`)).toBe(false);
    for (const id of ["irv", "copeland"]) expect(found.has(`${id}/consistency`)).toBe(true);
    // Tideman: plurality splits the vote, Borda rewards teams; Schulze and ranked pairs are
    // independent of clones.
    for (const id of ["plurality", "borda", "copeland"])
      expect(found.has(`${id}/clones`)).toBe(true);
    for (const id of ["schulze", "ranked-pairs"]) expect(found.has(`${id}/clones`)).toBe(false);
    expect(found.get("plurality/clones")?.violation).toMatch(
      /^adding c\d′, a clone of c\d \(just above it on ballot/,
    );
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
    expect(docTableRows(doc, "method", METHODS)).toEqual(lines.map(cellsOf));
    for (const key of ["irv/monotonicity", "borda/condorcet-winner"]) {
      const counterexample = found.get(key) as Counterexample;
      for (const ballot of written(counterexample.profile)) expect(doc).toContain(ballot);
      expect(doc).toContain(counterexample.violation);
    }
  });

  it("draw from the generator a search names: single-peaked profiles, where Borda still misses Condorcet winners", () => {
    const drawn: number[] = [];
    const found = findCounterexample(method("borda"), axiom("condorcet-winner"), {
      seed: 2,
      generator: (options) => {
        drawn.push(options.voters);
        return singlePeakedWalsh(options);
      },
    });
    expect(drawn.length).toBeGreaterThan(0);
    expect(found?.violation).toMatch(/beats everyone head to head/);
  });
});
