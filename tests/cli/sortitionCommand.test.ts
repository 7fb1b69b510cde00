import { describe, expect, it } from "vitest";
import { runCliInProcess } from "../helpers/runCliInProcess.js";

describe("civitas sortition", () => {
  it("decidim: prints the ids Ruby draws (checked with Ruby 3.1: [42, 3, 15]), one a line, or JSON with the seed", () => {
    const files = { "ids.json": "[3, 8, 15, 16, 23, 42]" };
    const args = [
      "sortition",
      "decidim",
      "--candidates",
      "ids.json",
      "--count",
      "3",
      "--timestamp",
      "1733577600",
      "--dice",
      "5",
    ];
    const lines = runCliInProcess(args, files);
    expect(lines).toEqual({ code: 0, stdout: "42\n3\n15\n", stderr: "" });
    expect(JSON.parse(runCliInProcess([...args, "--json"], files).stdout)).toEqual({
      seed: "8667888000",
      drawn: [42, 3, 15],
    });
    const unsorted = runCliInProcess(args, { "ids.json": "[42, 3, 8, 15, 16, 23]" });
    expect(unsorted.stdout).toBe("42\n3\n15\n");
    expect(unsorted.stderr).toBe(
      "ids.json: warning: the candidate ids were not in ascending order: sorted, as Decidim lists them before drawing\n",
    );
    const badDie = runCliInProcess([...args.slice(0, -1), "9"], files);
    expect(badDie.code).toBe(1);
    expect(badDie.stderr).toMatch(/^ids\.json: dice: /);
  });

  it("commit, draw, verify: a public draw checks; a doctored one names what differs", () => {
    const files = { "people.json": JSON.stringify(["ana", "ben", "chloé", "dara", "émile"]) };
    const secret = "4f1c9a7e2b8d6053a1c4";
    const commitment = runCliInProcess(["sortition", "commit", "--secret", secret]).stdout.trim();
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    const drawn = runCliInProcess(
      [
        "sortition",
        "draw",
        "--candidates",
        "people.json",
        "--count",
        "2",
        "--secret",
        secret,
        "--random",
        "beacon 77: 3af1",
        "--json",
      ],
      files,
    );
    expect(drawn.code).toBe(0);
    const draw = JSON.parse(drawn.stdout);
    expect(draw.commitment).toBe(commitment);
    const published = {
      candidates: JSON.parse(files["people.json"]),
      count: 2,
      secret,
      publicRandom: "beacon 77: 3af1",
      commitment,
      drawn: draw.drawn,
    };
    const verified = runCliInProcess(["sortition", "verify", "draw.json"], {
      "draw.json": JSON.stringify(published),
    });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toBe(
      `verified: the secret matches the commitment and the inputs draw ${draw.drawn.join(", ")}\n`,
    );
    const doctored = runCliInProcess(["sortition", "verify", "draw.json"], {
      "draw.json": JSON.stringify({ ...published, drawn: [...draw.drawn].reverse() }),
    });
    expect(doctored.code).toBe(1);
    expect(doctored.stderr).toMatch(/^draw\.json: the published draw differs at position 1: /);
  });
});
