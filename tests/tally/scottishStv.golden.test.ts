import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatRationalAsDecimal, type Result, rational } from "../../src/core/index.js";
import { parseBlt } from "../../src/io/index.js";
import {
  meekStv,
  type RankedProfile,
  scottishStv,
  type TallyOutcome,
  wigmStv,
} from "../../src/tally/index.js";
import { fixturesDir, repoRoot } from "../helpers/data.js";

const shared = join(repoRoot, "..", "shared", "data", "stv");
const droop = join(shared, "droop");

interface DroopAction {
  readonly tag: string;
  readonly cstate?: Record<string, { vote: string; code: string }>;
}

/** The candidates the reference count ends with as elected, sorted. */
function electedIn(actions: readonly DroopAction[]): string[] {
  const end = actions.find((action) => action.tag === "end");
  return Object.entries(end?.cstate ?? {})
    .filter(([, c]) => c.code === "E")
    .map(([id]) => id)
    .sort();
}

/** Every reference count of a rule: fixtures always, the shared data when present. */
function references(
  suffix = "-scotland-fixed-p5-d5.txt",
): { name: string; blt: string; ref: string }[] {
  const found = new Map<string, { name: string; blt: string; ref: string }>();
  const add = (bltDir: string, refDir: string) => {
    if (!existsSync(refDir)) return;
    for (const file of readdirSync(refDir)) {
      if (!file.endsWith(suffix)) continue;
      const name = file.replace(suffix, "");
      const blt = join(bltDir, `${name}.blt`);
      if (existsSync(blt) && !found.has(name))
        found.set(name, { name, blt, ref: join(refDir, file) });
    }
  };
  add(join(fixturesDir, "stv"), join(fixturesDir, "stv"));
  add(join(droop, "blt", "scotland"), join(droop, "ref", "json", "scotland"));
  add(join(droop, "blt"), join(droop, "ref", "json"));
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function load(path: string): RankedProfile {
  const parsed = parseBlt(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("\n"));
  return parsed.value;
}

const counts = references();

describe("Scottish STV reproduces the reference counts stage by stage", () => {
  it("has the reference counts to compare with (2 in the fixtures, 32 with the shared data)", () => {
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(counts.map((count) => count.name)).toEqual(
      expect.arrayContaining(["Calton-2007", "SC"]),
    );
  });

  for (const { name, blt, ref } of counts) {
    it(`${name}: every stage's votes to 5 decimals, and the elected`, () => {
      compareWithReference(scottishStv(load(blt)), ref, 5);
    });
  }
});

/** The reference's state at the start and after every transfer, against ours. */
function compareWithReference(outcome: Result<TallyOutcome>, ref: string, digits: number): void {
  const reference = JSON.parse(readFileSync(ref, "utf8")) as { actions: DroopAction[] };
  if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
  const stages = reference.actions
    .filter((action) => action.tag === "begin" || action.tag === "transfer")
    .map((action) =>
      Object.fromEntries(Object.entries(action.cstate ?? {}).map(([id, c]) => [id, c.vote])),
    );
  const ours = outcome.value.rounds
    .filter((round, k) => k === 0 || /transferred|excluded/.test(round.note))
    .map((round) =>
      Object.fromEntries(
        Object.entries(round.tallies ?? {}).map(([id, votes]) => [id, votes.toFixed(digits)]),
      ),
    );
  expect(ours).toEqual(stages);
  expect([...outcome.value.winners].sort()).toEqual(electedIn(reference.actions));
}

/** A fraction "num/den" to 12 decimals, rounded, as droop displays it. */
function twelve(fraction: string): string {
  const [num, den = "1"] = fraction.split("/");
  const text = formatRationalAsDecimal(rational(BigInt(num as string), BigInt(den)), 12);
  const [whole, decimals = ""] = text.split(".");
  return `${whole}.${decimals.padEnd(12, "0")}`;
}

describe("Meek STV in exact fractions reproduces the reference counts iteration by iteration", () => {
  const meek = references("-meek-o10-rational-d12.txt");
  it("has the 5 reference counts (batches of sure losers, ties, equal surpluses)", () => {
    expect(meek.map((count) => count.name)).toEqual(["42", "42t", "513", "SC", "SC-Vm-12"]);
  });
  for (const { name, blt, ref } of meek) {
    it(`${name}: the votes after every iteration round to 12 decimals, and the elected`, () => {
      const outcome = meekStv(load(blt), { omegaDigits: 10 });
      if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
      const reference = JSON.parse(readFileSync(ref, "utf8")) as { actions: DroopAction[] };
      const stages = reference.actions
        .filter((action) => action.tag === "iterate")
        .map((action) =>
          Object.fromEntries(Object.entries(action.cstate ?? {}).map(([id, c]) => [id, c.vote])),
        );
      const ours = outcome.value.rounds
        .filter((round) => !/all seats|as many candidates/.test(round.note))
        .map((round) =>
          Object.fromEntries(
            Object.entries(round.exactTallies ?? {}).map(([id, votes]) => [id, twelve(votes)]),
          ),
        );
      expect(ours).toEqual(stages);
      expect([...outcome.value.winners].sort()).toEqual(electedIn(reference.actions));
    });
  }
});

describe("WIGM STV in exact fractions reproduces the reference counts stage by stage", () => {
  const wigm = references("-wigm-rational-d12.txt");
  it("has the 5 reference counts (with ties broken by [tie …] order and equal surpluses)", () => {
    expect(wigm.map((count) => count.name)).toEqual(["42", "42t", "513", "SC", "SC-Vm-12"]);
  });
  for (const { name, blt, ref } of wigm) {
    it(`${name}: every stage's votes to 12 decimals, and the elected`, () => {
      compareWithReference(wigmStv(load(blt)), ref, 12);
    });
  }
});

const edinburgh = join(shared, "edinburgh-2017");
describe("Scottish STV elects the City of Edinburgh's 2017 councillors", () => {
  const absent = existsSync(edinburgh) ? "" : " — skipped: ../shared/data/stv is absent";
  it.skipIf(absent !== "")(`all 17 wards: the official winners${absent}`, () => {
    const expected = JSON.parse(readFileSync(join(edinburgh, "expected_winners.json"), "utf8")) as {
      elections: Record<string, { winners: string[] }>;
    };
    const wards = Object.entries(expected.elections);
    expect(wards).toHaveLength(17);
    for (const [file, { winners }] of wards) {
      const profile = load(join(edinburgh, "blt", file));
      const outcome = scottishStv(profile);
      if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
      expect(outcome.value.winners.map((id) => profile.names[id]).sort()).toEqual(
        [...winners].sort(),
      );
    }
  });
});
