import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { parseBallotsJson } from "../../src/io/index.js";
import { repoRoot } from "../helpers/data.js";

/** Every JSON example of docs/ballot-formats.md reads, and counts with the method it names. */
const doc = readFileSync(join(repoRoot, "docs", "ballot-formats.md"), "utf8");
const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] as string);
const methodFor: Readonly<Record<string, string>> = {
  ranked: "irv",
  approval: "pav",
  score: "star",
  referendum: "referendum",
};

describe("docs/ballot-formats.md", () => {
  it("has one example per ballot type", () => {
    expect(examples.map((text) => JSON.parse(text).type)).toEqual([
      "ranked",
      "approval",
      "score",
      "referendum",
    ]);
  });
  for (const text of examples) {
    const type = JSON.parse(text).type as string;
    it(`${type}: reads and counts`, () => {
      const parsed = parseBallotsJson(text);
      expect(parsed.ok && parsed.value.type).toBe(type);
      let stdout = "";
      let stderr = "";
      const code = runCli(["tally", `${type}.json`, "--method", methodFor[type] as string], {
        stdout: (line) => {
          stdout += line;
        },
        stderr: (line) => {
          stderr += line;
        },
        readFile: () => new TextEncoder().encode(text),
      });
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).not.toBe("");
    });
  }
});
