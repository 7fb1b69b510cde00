import { describe, expect, it } from "vitest";
import { parsePreflib } from "../../src/io/index.js";
import { runCliInProcess } from "../helpers/runCliInProcess.js";

const experiment = JSON.stringify({
  seed: 7,
  repetitions: 5,
  generators: [{ model: "urn", alpha: 0.2 }],
  sizes: [{ candidates: 4, voters: 21 }],
  methods: ["irv", "borda"],
});

describe("civitas sim", () => {
  it("profile: a Mallows profile as a PrefLib file that reads back with every voter", () => {
    const args = [
      "sim",
      "profile",
      "--model",
      "mallows",
      "--phi",
      "0.5",
      "--candidates",
      "4",
      "--voters",
      "1000",
      "--seed",
      "1",
    ];
    const drawn = runCliInProcess(args);
    expect(drawn.code).toBe(0);
    const read = parsePreflib(drawn.stdout);
    expect(read.ok && read.value.ballots.reduce((sum, ballot) => sum + ballot.weight, 0)).toBe(
      1000,
    );
    expect(runCliInProcess(args).stdout).toBe(drawn.stdout);
    expect(
      runCliInProcess([
        "sim",
        "profile",
        "--model",
        "mallows",
        "--candidates",
        "4",
        "--voters",
        "9",
      ]).stderr,
    ).toContain("--phi takes a number from 0 to 1");
  });

  it("run: rows as JSON lines; --resume prints only what an interrupted run lacks", () => {
    const all = runCliInProcess(["sim", "run", "exp.json"], { "exp.json": experiment });
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split("\n");
    expect(lines).toHaveLength(10);
    const earlier = `${lines.slice(0, 5).join("\n")}\n`; // units 0, 1 whole, unit 2 half
    const resumed = runCliInProcess(["sim", "run", "exp.json", "--resume", "earlier.jsonl"], {
      "exp.json": experiment,
      "earlier.jsonl": earlier,
    });
    expect(resumed.stdout.trim().split("\n")).toEqual(lines.slice(5));
    const bad = runCliInProcess(["sim", "run", "bad.json"], { "bad.json": '{"seed": 1}' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.json: /);
  });
});
