import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type PrfAlternativeDefeats,
  prfMeekStv,
  type RankedProfile,
} from "../../../src/tally/index.js";
import { fixturesDir, repoRoot } from "../../helpers/data.js";

/**
 * The test cases of a PR Foundation Meek reference implementation (Apache-2.0), as JSON:
 * seats, candidates and ballots (`" A B C"`: one ranking level per space; an empty level
 * is skipped, `#` is an overvote that ends the ballot, a repeated candidate counts once),
 * the tie-breaking order, withdrawn (`excluded`) and protected candidates, alternative
 * defeats, and the expected elected and each candidate's votes at the end of every round.
 * Cases extend others by `include`.
 */
interface PrfCase {
  readonly nbrSeatsToFill?: number;
  readonly candidates?: string | readonly string[];
  readonly ballots?: readonly (readonly [number, string | readonly string[]])[];
  readonly ballotsMore?: readonly (readonly [number, string | readonly string[]])[];
  readonly tieBreaker?: string | readonly string[];
  readonly excluded?: string | readonly string[];
  readonly protected?: string | readonly string[];
  readonly options?: Readonly<Record<string, unknown>>;
  readonly elected?: string | readonly string[];
  readonly tally?: Readonly<Record<string, readonly number[]>>;
  readonly exception?: readonly string[];
  readonly include?: readonly string[];
}

function readCase(root: string, path: string): PrfCase {
  const data = JSON.parse(readFileSync(join(root, path), "utf8")) as PrfCase;
  let merged: PrfCase = {};
  for (const part of [...(data.include ?? []).map((include) => readCase(root, include)), data])
    merged = {
      ...merged,
      ...part,
      options: { ...merged.options, ...part.options },
      ballotsMore: [...(merged.ballotsMore ?? []), ...(part.ballotsMore ?? [])],
    };
  return merged;
}

const names = (list: string | readonly string[] | undefined): string[] =>
  typeof list === "string" ? list.trim().split(/\s+/).filter(Boolean) : [...(list ?? [])];

function profileOf(prf: PrfCase): RankedProfile {
  const ballots = [...(prf.ballots ?? []), ...(prf.ballotsMore ?? [])].map(([weight, text]) => {
    const levels = typeof text === "string" ? text.split(" ").slice(1) : text;
    const ranking: string[][] = [];
    for (const level of levels) {
      if (level === "#") break;
      if (level !== "" && !ranking.some(([ranked]) => ranked === level)) ranking.push([level]);
    }
    return { ranking, weight };
  });
  const tieOrder = names(prf.tieBreaker);
  const withdrawn = names(prf.excluded);
  return {
    candidates: names(prf.candidates),
    names: {},
    ballots,
    ...(tieOrder.length > 0 ? { tieOrder } : {}),
    ...(withdrawn.length > 0 ? { withdrawn } : {}),
  };
}

const roots = [
  join(fixturesDir, "stv", "prf-meek"),
  join(repoRoot, "..", "shared", "data", "stv", "prf-meek"),
];
const cases = new Map<string, { root: string; path: string }>();
for (const root of roots) {
  if (!existsSync(join(root, "tests"))) continue;
  // `-base` and `-results` files are parts other cases include.
  for (const folder of readdirSync(join(root, "tests")).filter((name) => name.startsWith("test_")))
    for (const file of readdirSync(join(root, "tests", folder)))
      if (file.endsWith(".json") && !/-base\.json$|results/.test(file))
        if (!cases.has(`${folder}/${file}`))
          cases.set(`${folder}/${file}`, { root, path: join("tests", folder, file) });
}

/** Its alternative defeats as `prfMeekStv` takes them: the timing, and the rounds if listed. */
function alternativeDefeats(prf: PrfCase): {
  readonly alternativeDefeats: PrfAlternativeDefeats;
  readonly alternativeDefeatRounds?: readonly boolean[];
} {
  const flag = prf.options?.alternative_defeats ?? "N";
  const rounds = Array.isArray(flag)
    ? flag.map((value) => String(value).toUpperCase() === "Y")
    : undefined;
  if (rounds === undefined && String(flag).toUpperCase() !== "Y")
    return { alternativeDefeats: "none" };
  const type = String(prf.options?.type_of_altdefs ?? "if_no_new_electeds");
  return {
    alternativeDefeats:
      type === "before_single_defeats"
        ? "before-single-defeats"
        : type === "per_reference_rule"
          ? "per-reference-rule"
          : "if-no-new-electeds",
    ...(rounds === undefined ? {} : { alternativeDefeatRounds: rounds }),
  };
}

describe("prfMeekStv reproduces the PR Foundation Meek reference cases", () => {
  const all = [...cases.entries()].sort(([a], [b]) => a.localeCompare(b));
  it("has the cases (122 in the fixtures, 199 with the shared data)", () => {
    expect(all.length).toBe(existsSync(roots[1] as string) ? 199 : 122);
  });
  for (const [name, { root, path }] of all) {
    it(`${name}: the elected and every candidate's votes at the end of every round`, () => {
      const prf = readCase(root, path);
      const outcome = prfMeekStv(profileOf(prf), {
        seats: prf.nbrSeatsToFill as number,
        ...alternativeDefeats(prf),
        protected: names(prf.protected),
      });
      if (prf.exception !== undefined) {
        expect(outcome.ok).toBe(false);
        return;
      }
      if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
      expect([...outcome.value.winners].sort()).toEqual(names(prf.elected).sort());
      const expected = Object.entries(prf.tally ?? {}).filter(([key]) => !key.startsWith(":"));
      const roundCount = Math.max(0, ...expected.map(([, votes]) => votes.length));
      // Rounds that only elect or exclude the rest are reported when the count has no other.
      const decisive = outcome.value.rounds.filter(
        (round) => !/all seats|as many candidates/.test(round.note),
      );
      const rounds =
        decisive.length >= roundCount ? decisive : outcome.value.rounds.slice(0, roundCount);
      expect(rounds).toHaveLength(roundCount);
      for (const [candidate, votes] of expected)
        expect(
          rounds.slice(0, votes.length).map((round) => round.exactTallies?.[candidate]),
          candidate,
        ).toEqual(votes.map((vote) => vote.toFixed(9)));
    });
  }
});
