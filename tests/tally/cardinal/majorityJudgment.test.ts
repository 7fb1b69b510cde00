import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type MajorityJudgmentOptions, majorityJudgment } from "../../../src/tally/index.js";
import { fixturesDir } from "../../helpers/data.js";

interface Assertion {
  readonly title: string;
  readonly participants: number;
  readonly mode?: "StaticDefault" | "MedianDefault" | "Normalized";
  readonly default?: number;
  readonly tallies: number[][];
  readonly ranks: number[];
}

const assertions = JSON.parse(
  readFileSync(join(fixturesDir, "cardinal", "mieuxvoter-mj-assertions.json"), "utf8"),
) as Assertion[];

describe("Majority Judgment ranks as the Mieux Voter reference does", () => {
  for (const assertion of assertions) {
    it(`${assertion.title} (${assertion.participants} participants)`, () => {
      const missing: MajorityJudgmentOptions["missing"] =
        assertion.mode === "StaticDefault"
          ? { policy: "static", grade: assertion.default ?? 0 }
          : assertion.mode === "MedianDefault"
            ? { policy: "median" }
            : assertion.mode === "Normalized"
              ? { policy: "normalized" }
              : undefined;
      const candidates = assertion.tallies.map((_, k) => `c${k}`);
      const outcome = majorityJudgment(
        { candidates, tallies: assertion.tallies },
        { participants: assertion.participants, ...(missing === undefined ? {} : { missing }) },
      );
      if (!outcome.ok) throw new Error(outcome.issues[0]?.message);
      const ranks = candidates.map((candidate) => outcome.value.rounds[0]?.tallies?.[candidate]);
      expect(ranks).toEqual(assertion.ranks);
    });
  }
});
