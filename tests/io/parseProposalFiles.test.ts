import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProposalCommands, parseProposalEventLog } from "../../src/io/index.js";
import { repoRoot } from "../helpers/data.js";

const examples = join(repoRoot, "examples", "proposals");

describe("proposals files", () => {
  it("reads the example command files", () => {
    for (const name of ["angers-ideas.commands.json", "val-de-marne-mobilites.commands.json"]) {
      const read = parseProposalCommands(readFileSync(join(examples, name), "utf8"));
      expect(read.ok && read.value.commands.length).toBeGreaterThan(3);
    }
  });

  it("locates a command file's problems by JSON path, and a syntax error by line", () => {
    const bad = parseProposalCommands('{"commands": [{"at": "yesterday", "command": {}}]}');
    expect(!bad.ok && bad.issues[0]?.path).toEqual(["commands", 0, "at"]);
    const broken = parseProposalCommands('{\n  "commands": [\n}');
    expect(!broken.ok && broken.issues[0]?.message).toMatch(/^line 3/);
    const lifecycle = parseProposalCommands(
      '{"context": {"lifecycle": {"answerStates": "none"}}, "commands": []}',
    );
    expect(!lifecycle.ok && lifecycle.issues[0]?.path.slice(0, 2)).toEqual([
      "context",
      "lifecycle",
    ]);
  });

  it("reads an event log and refuses an event of no known type", () => {
    expect(parseProposalEventLog("[]")).toMatchObject({ ok: true, value: [] });
    const bad = parseProposalEventLog('[{"type": "teleported"}]');
    expect(!bad.ok && bad.issues[0]?.path[0]).toBe(0);
  });
});
