import { describe, expect, it } from "vitest";
import { type ApprovalProfile, committeeMethods } from "../../../src/tally/index.js";

// Ten candidates, five seats: 252 committees to compare.
const profile: ApprovalProfile = {
  candidates: Array.from({ length: 10 }, (_, c) => `c${c}`),
  names: {},
  ballots: [
    { approved: ["c0", "c1", "c2"], weight: 3 },
    { approved: ["c3", "c4"], weight: 2 },
    { approved: ["c5", "c9"], weight: 1 },
  ],
};
const EXHAUSTIVE = ["av", "sav", "pav", "cc", "lexcc", "minimaxav", "minimaxphragmen", "monroe"];

describe("rules that compare every committee", () => {
  it("stop at their committee limit with an issue that says how to go on, and report progress up to the last committee", () => {
    for (const id of EXHAUSTIVE) {
      const method = committeeMethods.find((m) => m.id === id);
      if (method === undefined) throw new Error(id);
      const stopped = method.run(profile, 5, { committeeLimit: 251 });
      expect(stopped, id).toMatchObject({
        ok: false,
        issues: [
          {
            code: "committee-search-too-large",
            params: { limit: 251 },
            message:
              "252 committees to compare, more than the limit of 251: choose a sequential rule, or raise committeeLimit",
          },
        ],
      });
      const reports: [number, number][] = [];
      const done = method.run(profile, 5, {
        committeeLimit: 252,
        onProgress: (d, total) => reports.push([d, total]),
      });
      expect(done.ok, id).toBe(true);
      expect(reports, id).toEqual([[252, 252]]);
    }
  });
});
