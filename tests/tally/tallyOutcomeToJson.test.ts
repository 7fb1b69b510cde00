import { describe, expect, it } from "vitest";
import {
  parseStvArithmetic,
  parseTallyTieBreak,
  plurality,
  type RankedProfile,
  settleTies,
  tallyOutcomeToJson,
} from "../../src/tally/index.js";

const tie: RankedProfile = {
  candidates: ["a", "b", "c"],
  names: { a: "Alice", b: "Bob" },
  ballots: [
    { ranking: [["a"]], weight: 1 },
    { ranking: [["b"]], weight: 1 },
  ],
};

describe("tie-break and arithmetic specs", () => {
  it("reads every written form of a tie-break, and refuses unknown candidates with a code", () => {
    expect(parseTallyTieBreak(undefined, ["a", "b"])).toMatchObject({
      ok: true,
      value: [{ by: "order", order: ["a", "b"] }],
    });
    expect(parseTallyTieBreak("reverse", ["a", "b"])).toMatchObject({
      value: [{ by: "order", order: ["b", "a"] }],
    });
    expect(parseTallyTieBreak("random:7", ["a"])).toMatchObject({
      value: [{ by: "lottery", seed: "7" }],
    });
    expect(parseTallyTieBreak("b, a", ["a", "b"])).toMatchObject({
      value: [{ by: "order", order: ["b", "a"] }],
    });
    expect(parseTallyTieBreak("c", ["a", "b", "c"])).toMatchObject({
      value: [{ by: "order", order: ["c", "a", "b"] }],
    });
    const wrong = parseTallyTieBreak("a,zed", ["a", "b"]);
    expect(!wrong.ok && wrong.issues[0]).toMatchObject({
      code: "invalid-tie-break",
      params: { unknown: "zed" },
    });
  });

  it("reads STV arithmetic specs and refuses others", () => {
    expect(parseStvArithmetic("rational")).toMatchObject({ value: { kind: "rational" } });
    expect(parseStvArithmetic("fixed:9")).toMatchObject({ value: { kind: "fixed", precision: 9 } });
    expect(parseStvArithmetic("guarded:18:9")).toMatchObject({
      value: { kind: "guarded", precision: 18, guard: 9 },
    });
    for (const bad of ["fixed:9:3", "float", "guarded:x"])
      expect(parseStvArithmetic(bad)).toMatchObject({
        ok: false,
        issues: [{ code: "invalid-arithmetic" }],
      });
  });
});

describe("settleTies and tallyOutcomeToJson", () => {
  const counted = plurality(tie);
  if (!counted.ok) throw new Error("plurality failed");

  it("resolves a single-winner tie by the tie-break unless irresolute", () => {
    const resolved = settleTies(counted.value, tie.candidates, "single-winner", {
      tieBreak: [{ by: "order", order: ["b"] }],
      irresolute: false,
    });
    expect(resolved).toMatchObject({ tied: true, outcome: { winners: ["b"] } });
    expect(resolved.options).toBeUndefined();
    const kept = settleTies(counted.value, tie.candidates, "single-winner", {
      tieBreak: [{ by: "order", order: tie.candidates }],
      irresolute: true,
    });
    expect(kept.outcome.winners).toEqual(["a", "b"]);
    expect(kept.options).toEqual([["a"], ["b"]]);
  });

  it("prints winners by name and id, the tied options and the notes", () => {
    const settled = settleTies(counted.value, tie.candidates, "single-winner", {
      tieBreak: [{ by: "order", order: tie.candidates }],
      irresolute: false,
    });
    const json = tallyOutcomeToJson(settled.outcome, {
      method: "plurality",
      names: tie.names,
      seats: 1,
    });
    expect(json).toMatchObject({
      method: "plurality",
      seats: 1,
      winners: ["Alice"],
      winner_ids: ["a"],
    });
    expect(json.notes).toEqual(expect.arrayContaining([expect.stringContaining("tie")]));
    expect(
      tallyOutcomeToJson(counted.value, { method: "plurality", names: {}, tied: [["a"], ["b"]] })
        .tied,
    ).toEqual([["a"], ["b"]]);
  });
});
