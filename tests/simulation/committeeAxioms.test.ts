import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sequentialPhragmen } from "../../src/budgeting/index.js";
import {
  type CommitteeAxiom,
  type CommitteeCounterexample,
  committeeAxioms,
  findCommitteeCounterexample,
} from "../../src/simulation/index.js";
import {
  type ApprovalProfile,
  committeeAsBudget,
  committeeMethods,
} from "../../src/tally/index.js";
import { axiomTable, cellsOf, docTableRows, votersText } from "../helpers/axiomTable.js";
import { repoRoot } from "../helpers/data.js";

/** The committee rules of docs/axioms.md's second table, in its order. */
const RULES = [
  "av",
  "sav",
  "cc",
  "minimaxav",
  "monroe",
  "greedy-monroe",
  "pav",
  "seqpav",
  "seqphragmen",
  "equal-shares",
];

const rule = (id: string) => {
  const found = committeeMethods.find((m) => m.id === id);
  if (found === undefined) throw new Error(id);
  return (profile: ApprovalProfile, seats: number) => {
    const outcome = found.run(profile, seats);
    return outcome.ok ? outcome.value.winners : undefined;
  };
};
const axiom = (id: string) => committeeAxioms.find((a) => a.id === id) as CommitteeAxiom;

const table = () =>
  axiomTable(
    "rule",
    committeeAxioms.map((a) => a.id),
    RULES,
    (id, axiomId) => findCommitteeCounterexample(rule(id), axiom(axiomId), { seed: 1 }),
    (found: CommitteeCounterexample) =>
      `✗ ${votersText(found.profile.ballots.length)}, ${found.seats} seats`,
  );

describe("committee axioms", () => {
  const { lines, found } = table();

  it("seq-Phragmén's committee fails EJR on Brill, Freeman, Janson and Lackner's profile, but satisfies JR and PJR", () => {
    // From abcvoting's documentation ("Properties of committees"), after Brill et al. 2017:
    // 14 candidates, 24 voters, 12 seats; seq-Phragmén breaking ties by candidate order.
    const c = (ids: number[]) => ids.map((k) => `c${k}`);
    const from = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
    const profile: ApprovalProfile = {
      candidates: c(from(0, 13)),
      names: {},
      ballots: [
        { approved: c([0, 1, 2]), weight: 2 },
        { approved: c([0, 1, 3]), weight: 2 },
        { approved: c(from(2, 13)), weight: 6 },
        { approved: c(from(3, 13)), weight: 5 },
        { approved: c(from(4, 13)), weight: 9 },
      ],
    };
    const election = committeeAsBudget(profile, 12);
    if (!election.ok) throw new Error("no election");
    const outcome = sequentialPhragmen(election.value.instance, election.value.profile, {
      tieBreaking: [{ by: "order", order: profile.candidates }],
    });
    const committee = outcome.ok ? outcome.value.selected : [];
    expect([...committee].sort()).toEqual(c(from(2, 13)).sort());
    expect(axiom("jr").violation(profile, committee)).toBeUndefined();
    expect(axiom("pjr").violation(profile, committee)).toBeUndefined();
    expect(axiom("ejr+").violation(profile, committee)).toMatch(
      /left out, each approve fewer than 2 elected/,
    );
    expect(axiom("ejr").violation(profile, committee)).toBe(
      "4 voters approving c0, c1 each approve fewer than that many elected",
    );
  });

  it("the search finds what the literature says: AV and SAV fail JR, CC and Monroe PJR; none for PAV's or equal shares' EJR", () => {
    for (const key of ["av/jr", "sav/jr", "cc/pjr", "monroe/pjr", "minimaxav/jr"])
      expect(found.has(key), key).toBe(true);
    for (const key of ["pav/ejr", "equal-shares/ejr", "seqphragmen/pjr", "pav/jr", "cc/jr"])
      expect(found.has(key), key).toBe(false);
    for (const [key, counterexample] of found) {
      const [id, axiomId] = key.split("/") as [string, string];
      expect(axiom(axiomId).violation(counterexample.profile, counterexample.committee), key).toBe(
        counterexample.violation,
      );
      expect(rule(id)(counterexample.profile, counterexample.seats)).toEqual(
        counterexample.committee,
      );
    }
  });

  it("finds committees no prices pay for: approval voting's, CC's, Monroe's; never sequential Phragmén's or equal shares'", () => {
    for (const key of ["av/priceability", "cc/priceability", "monroe/priceability"])
      expect(found.has(key), key).toBe(true);
    for (const key of ["seqphragmen/priceability", "equal-shares/priceability"])
      expect(found.has(key), key).toBe(false);
  });

  it("finds, searching wider, that PAV's committee need not be priceable (Peters and Skowron 2020)", () => {
    const found = findCommitteeCounterexample(rule("pav"), axiom("priceability"), {
      seed: 2,
      maxCandidates: 8,
      maxVoters: 30,
      tries: 5_000,
    });
    expect(found?.seats).toBe(2);
    expect(found?.committee).toEqual(["c2", "c6"]);
    expect(found?.profile.ballots.map((ballot) => ballot.approved.join(" "))).toEqual([
      "c2",
      "c4 c6",
      "c4 c6",
      "c6 c7",
      "c6 c7",
    ]);
  });

  it("docs/axioms.md holds this table", () => {
    const doc = readFileSync(join(repoRoot, "docs", "axioms.md"), "utf8");
    const section = doc.slice(
      doc.indexOf("## Committees"),
      doc.indexOf("## Participatory budgets"),
    );
    expect(docTableRows(section, "rule", RULES)).toEqual(lines.map(cellsOf));
  });
});
