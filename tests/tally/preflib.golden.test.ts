import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePreflib, parseRankedCsv } from "../../src/io/index.js";
import {
  borda,
  bordaElimination,
  bucklin,
  condorcetWinner,
  coombs,
  copeland,
  instantRunoff,
  minimax,
  pairwiseMatrix,
  plurality,
  type RankedProfile,
  rankedPairs,
  schulze,
  splitCycle,
  stableVoting,
  twoRoundRunoff,
} from "../../src/tally/index.js";
import { fixturesDir, repoRoot } from "../helpers/data.js";

const preflibDir = join(fixturesDir, "preflib");
const expected = JSON.parse(
  readFileSync(join(preflibDir, "expected_pref_voting.json"), "utf8"),
) as {
  files: Record<
    string,
    Record<string, unknown> & { margin_matrix: Record<string, Record<string, number>> }
  >;
};

function read(file: string, idBase: 0 | 1 = 1): RankedProfile {
  const parsed = parsePreflib(readFileSync(join(preflibDir, file), "utf8"), { idBase });
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("\n"));
  return parsed.value;
}

const nanson = (profile: RankedProfile) => bordaElimination(profile, { nanson: true });

const winnersOf = (result: ReturnType<typeof plurality>) => {
  if (!result.ok) throw new Error(result.issues[0]?.message);
  return [...result.value.winners].map(Number).sort((a, b) => a - b);
};

// Real PrefLib elections (Debian leader 2002 and 2005, a Netflix SOC, Aspen mayor 2009
// with ties) with margins and winners computed by pref_voting 1.18.1.
describe.each(Object.keys(expected.files))("%s agrees with pref_voting", (file) => {
  const facts = expected.files[file] as (typeof expected.files)[string];
  const profile = read(file);

  it("has the same head-to-head margins", () => {
    const matrix = pairwiseMatrix(profile);
    for (const [a, row] of Object.entries(facts.margin_matrix)) {
      for (const [b, margin] of Object.entries(row)) expect(matrix.margin(a, b)).toBe(margin);
    }
  });

  const methods: [string, (p: RankedProfile) => ReturnType<typeof plurality>][] = [
    ["Plurality", plurality],
    ["Split Cycle", splitCycle],
    ["Stable Voting", stableVoting],
    ["Beat Path", schulze],
    ["Ranked Pairs", rankedPairs],
    ["Copeland", copeland],
    ["Minimax", minimax],
    ["Borda (complete orders)", borda],
    ["Instant Runoff (complete orders)", instantRunoff],
    ["Instant Runoff (Truncated Linear Orders)", instantRunoff],
  ];
  for (const [name, rule] of methods) {
    const want = facts[name];
    it.skipIf(!Array.isArray(want))(
      `${name}${Array.isArray(want) ? "" : " — not computed by pref_voting for this file"}`,
      () => {
        expect(winnersOf(rule(profile))).toEqual(want);
      },
    );
  }

  it("finds the same Condorcet winner", () => {
    expect(winnersOf(condorcetWinner(profile))).toEqual([facts.condorcet_winner]);
  });
});

describe("the minimal profiles on which a method misses the Condorcet winner", () => {
  for (const [file, rule] of [
    ["minimal_Plurality.soc", plurality],
    ["minimal_Borda.soc", borda],
    ["minimal_Instant_Runoff.soc", instantRunoff],
    ["minimal_Coombs.soc", coombs],
    ["minimal_Bucklin.soc", bucklin],
    ["minimal_PluralityWRunoff_PUT.soc", twoRoundRunoff],
  ] as const) {
    it(`${file}: the method misses it, the Condorcet methods elect it`, () => {
      const profile = read(file, 0);
      const winner = winnersOf(condorcetWinner(profile));
      expect(winner).toHaveLength(1);
      expect(winnersOf(rule(profile))).not.toEqual(winner);
      for (const condorcetMethod of [
        copeland,
        minimax,
        schulze,
        rankedPairs,
        splitCycle,
        bordaElimination,
        nanson,
      ]) {
        expect(winnersOf(condorcetMethod(profile))).toEqual(winner);
      }
    });
  }
});

// Burlington (Vermont) 2009 mayor: 8,980 cast-vote records, read from the workplace's
// shared data (skipped with a named reason when it is absent).
const burlington = join(
  repoRoot,
  "..",
  "shared",
  "data",
  "ranked",
  "burlington-2009",
  "us_vt_btv_2009_03_mayor.normalized.csv",
);
describe("Burlington 2009 mayor", () => {
  const absent = existsSync(burlington) ? "" : " — skipped: ../shared/data/ranked is absent";
  it.skipIf(absent !== "")(
    `IRV elects Bob Kiss 4313 to 4060 with 607 exhausted; Montroll is the Condorcet winner${absent}`,
    () => {
      const parsed = parseRankedCsv(readFileSync(burlington, "utf8"));
      if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
      const profile = parsed.value;
      const irv = instantRunoff(profile);
      if (!irv.ok) throw new Error("IRV failed");
      expect(irv.value.winners).toEqual(["Bob Kiss"]);
      const last = irv.value.rounds.at(-1);
      expect(last?.tallies).toEqual({ "Bob Kiss": 4313, "Kurt Wright": 4060 });
      expect(last?.exhausted).toBe(607);
      const condorcet = condorcetWinner(profile);
      expect(condorcet.ok && condorcet.value.winners).toEqual(["Andy Montroll"]);
      for (const method of [schulze, rankedPairs, splitCycle, copeland, minimax]) {
        const result = method(profile);
        expect(result.ok && result.value.winners).toEqual(["Andy Montroll"]);
      }
    },
  );
});
