import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePabulib } from "../../src/io/index.js";
import { repoRoot } from "../helpers/data.js";
import { runCliInProcess as run } from "../helpers/runCliInProcess.js";

const examples = join(repoRoot, "examples");
const angersCommands = join(examples, "proposals", "angers-ideas.commands.json");
const angersEvents = join(examples, "proposals", "angers-ideas.events.json");
const angersProcess = join(examples, "calendar", "angers-budget-participatif-2026.json");

describe("civitas proposals", () => {
  it("apply prints the event log and says why each command was refused", () => {
    const { code, stdout, stderr } = run([
      "proposals",
      "apply",
      angersCommands,
      "--process",
      angersProcess,
    ]);
    expect(code).toBe(0);
    // The stored log is exactly what the commands give: anyone can rebuild it.
    expect(JSON.parse(stdout)).toEqual(JSON.parse(readFileSync(angersEvents, "utf8")));
    expect(stderr.trim().split("\n")).toEqual([
      `${angersCommands}: commands[45] support i1 at 2026-03-20T10:00:00+01:00: refused as expected: the phase "Analyse technique des projets" does not permit proposals.support`,
      `${angersCommands}: commands[47] answer i1 at 2026-04-02T10:00:00+02:00: refused as expected: an answer accepted needs a cost in the phase "Analyse technique des projets"`,
    ]);
  });

  it("apply exits 1 on a refusal the file did not expect, and on an expected one that was accepted", () => {
    const file = JSON.stringify({
      context: { admins: ["city"] },
      commands: [
        {
          at: "2026-03-10T10:00:00Z",
          command: { type: "create", proposal: "p1", author: "ana", title: "Bancs" },
        },
        { at: "2026-03-10T10:01:00Z", command: { type: "publish", proposal: "p1", actor: "bo" } },
        {
          at: "2026-03-10T10:02:00Z",
          command: { type: "publish", proposal: "p1", actor: "ana" },
          refused: true,
        },
      ],
    });
    const { code, stdout, stderr } = run(["proposals", "apply", "c.json"], { "c.json": file });
    expect(code).toBe(1);
    expect(stderr).toBe(
      "c.json: commands[1] publish p1 at 2026-03-10T10:01:00Z: refused: bo may not publish p1: only its author or a co-author may\n" +
        "c.json: commands[2] publish p1 at 2026-03-10T10:02:00Z: accepted, but the file says it is refused\n",
    );
    expect(JSON.parse(stdout).map((event: { type: string }) => event.type)).toEqual([
      "created",
      "published",
    ]);
  });

  it("replay summarises proposals and figures; a malformed log gets one line per problem with its path", () => {
    const { code, stdout } = run(["proposals", "replay", angersEvents, "--process", angersProcess]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'i7 published "Un parcours sportif avec agrès autour du lac de Maine" [lac-de-maine]: 3 supporters; answer accepted, cost 48000; from merge of i5, i6',
    );
    expect(stdout).toContain(
      "phase ideas: 28 participants, 8 new proposals, 18 supports given and 0 taken back",
    );
    const bad = run(["proposals", "replay", "e.json"], {
      "e.json":
        '[{"type":"published","proposal":"p1","at":0},{"type":"supported","proposal":"p1","at":1}]',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      "e.json: 1.participant: Invalid input: expected string, received undefined\n",
    );
    expect(run(["proposals", "replay", "x.json"], { "x.json": "[1," }).stderr).toMatch(
      /^x\.json: .*line 1/,
    );
  });

  it("budget writes the accepted proposals as a Pabulib file the budgeting module reads", () => {
    const { code, stdout, stderr } = run([
      "proposals",
      "budget",
      angersEvents,
      "--budget",
      "100000",
      "--description",
      "Angers",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe(`${angersEvents}: 6 projects, 112700 in all, for a budget of 100000\n`);
    const parsed = parsePabulib(stdout);
    expect(
      parsed.ok && parsed.value.instance.projects.map((project) => [project.id, project.cost]),
    ).toEqual([
      ["i1", 18000n],
      ["i2", 6500n],
      ["i4", 25000n],
      ["i3", 12000n],
      ["i8", 3200n],
      ["i7", 48000n],
    ]);
    expect(run(["proposals", "budget", angersEvents, "--budget", "12.5"]).code).toBe(2);
  });
});
