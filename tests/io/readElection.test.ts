import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readElection, readElectionOf } from "../../src/io/index.js";
import { fixturesDir } from "../helpers/data.js";

const fixture = (...path: string[]) => readFileSync(join(fixturesDir, ...path), "utf8");

describe("readElection", () => {
  it("reads each ballot file type by its name", () => {
    expect(readElection("Calton-2007.blt", fixture("stv", "Calton-2007.blt")).ok && "ranked").toBe(
      "ranked",
    );
    const preflib = readElection("00002-00000001.soi", fixture("preflib", "00002-00000001.soi"));
    expect(preflib.ok && preflib.value.type).toBe("ranked");
    const abc = readElection(
      "instanceS0003.abc.yaml",
      fixture("abcvoting", "instanceS0003.abc.yaml"),
    );
    expect(abc.ok && abc.value.type).toBe("approval");
    const csv = readElection("ballots.csv", "ballot_id,rank,choice\n1,1,a\n1,2,b\n2,1,b\n");
    expect(csv.ok && csv.value.type).toBe("ranked");
  });

  it("reads PrefLib categorical files as approval ballots, the first category approved, as abcvoting does", () => {
    const test4 = readElection("test4.cat", fixture("preflib", "test4.cat"));
    if (!test4.ok || test4.value.type !== "approval") throw new Error("not approval");
    // abcvoting's test_fileio: approval sets of sizes 1, 1, 1, 3, 1 (voters one by one).
    expect(
      test4.value.profile.ballots.flatMap((b) =>
        Array.from({ length: b.weight }, () => b.approved.length),
      ),
    ).toEqual([1, 1, 1, 3, 1]);
    expect(test4.value.profile.ballots.map((b) => b.approved)).toEqual([
      ["1"],
      ["2"],
      ["1", "2", "4"],
      ["4"],
    ]);
    // abcvoting writes test5.cat from [[3], [4, 1, 5], [0, 2], [], [0..5], [5], [1], [1, 2]].
    const test5 = readElection("test5.cat", fixture("preflib", "test5.cat"));
    if (!test5.ok || test5.value.type !== "approval") throw new Error("not approval");
    const zeroBased = (ids: readonly string[]) => ids.map((id) => Number(id) - 1).sort();
    expect(test5.value.profile.ballots.map((b) => zeroBased(b.approved))).toEqual([
      [3],
      [1, 4, 5],
      [0, 2],
      [],
      [0, 1, 2, 3, 4, 5],
      [5],
      [1],
      [1, 2],
    ]);
  });

  it("reads JSON ballots by name or by content", () => {
    const json =
      '{"type": "score", "profile": {"candidates": ["a"], "names": {}, "maxScore": 5, "ballots": [{"scores": {"a": 4}, "weight": 1}]}}';
    for (const name of ["scores.json", "scores.txt"]) {
      const read = readElection(name, json);
      expect(read.ok && read.value.type).toBe("score");
    }
  });

  it("refuses an unknown file type and ballots of another kind, with codes", () => {
    const unknown = readElection("ballots.xyz", "1 2 3");
    expect(!unknown.ok && unknown.issues[0]?.code).toBe("unknown-file-type");
    const wrong = readElectionOf("Calton-2007.blt", fixture("stv", "Calton-2007.blt"), "approval");
    expect(!wrong.ok && wrong.issues[0]).toMatchObject({
      code: "wrong-ballot-type",
      params: { found: "ranked", expected: "approval" },
    });
    const right = readElectionOf("Calton-2007.blt", fixture("stv", "Calton-2007.blt"), "ranked");
    expect(right.ok && right.value.candidates.length).toBeGreaterThan(2);
  });

  it("locates a BLT file's problems as the BLT reader does", () => {
    const read = readElection("bad.blt", "2 1\n1 1 x 0\n0\n");
    expect(read.ok).toBe(false);
    expect(!read.ok && read.issues[0]?.message).toMatch(/^line 2/);
  });
});
