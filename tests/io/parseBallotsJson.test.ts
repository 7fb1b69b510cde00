import { describe, expect, it } from "vitest";
import { parseBallotsJson } from "../../src/io/index.js";

describe("parseBallotsJson", () => {
  it("reads each ballot type through its schema", () => {
    const approval = parseBallotsJson(
      JSON.stringify({
        type: "approval",
        profile: { candidates: ["a", "b"], names: {}, ballots: [{ approved: ["b"], weight: 2 }] },
      }),
    );
    expect(approval.ok && approval.value.type).toBe("approval");
    const ranked = parseBallotsJson(
      JSON.stringify({
        type: "ranked",
        profile: {
          candidates: ["a", "b"],
          names: {},
          ballots: [{ ranking: [["b"], ["a"]], weight: 1 }],
        },
      }),
    );
    expect(ranked.ok && ranked.value.type).toBe("ranked");
  });

  it("locates broken JSON by line and column, and names every problem's path", () => {
    const broken = parseBallotsJson('{\n  "type": "ranked",\n  "profile": ]\n}');
    expect(!broken.ok && broken.issues[0]?.message).toMatch(/^line 3, column 14: not valid JSON/);
    const unknown = parseBallotsJson(JSON.stringify({ type: "ballots" }));
    expect(!unknown.ok && unknown.issues[0]?.path).toEqual(["type"]);
    const stranger = parseBallotsJson(
      JSON.stringify({
        type: "approval",
        profile: { candidates: ["a"], names: {}, ballots: [{ approved: ["z"], weight: 1 }] },
      }),
    );
    expect(!stranger.ok && stranger.issues.map((issue) => issue.path)).toEqual([
      ["profile", "ballots", 0, "approved", 0],
    ]);
  });
});
