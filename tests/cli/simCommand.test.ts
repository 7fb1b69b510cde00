import { describe, expect, it } from "vitest";
import { splitDelimitedRecord } from "../../src/io/delimitedRecord.js";
import { parsePabulib, parsePreflib, readElection } from "../../src/io/index.js";
import { experimentCsvHeader, experimentFromJson } from "../../src/simulation/index.js";
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

  it("profile: approval models as abcvoting files, the budget model as a Pabulib file, both read back", () => {
    const abc = runCliInProcess([
      "sim",
      "profile",
      "--model",
      "resampling",
      "--p",
      "0.3",
      "--phi",
      "0.5",
      "--candidates",
      "6",
      "--voters",
      "50",
      "--seats",
      "2",
      "--format",
      "abc.yaml",
    ]);
    expect(abc.code).toBe(0);
    const read = readElection("drawn.abc.yaml", abc.stdout);
    expect(read.ok && read.value.type).toBe("approval");
    const pb = runCliInProcess([
      "sim",
      "profile",
      "--model",
      "budget",
      "--projects",
      "12",
      "--voters",
      "300",
      "--budget",
      "100000",
      "--format",
      "pb",
    ]);
    expect(pb.code).toBe(0);
    const election = parsePabulib(pb.stdout);
    expect(
      election.ok && election.value.profile.ballots.reduce((s, b) => s + b.multiplicity, 0),
    ).toBe(300);
    expect(
      runCliInProcess([
        "sim",
        "profile",
        "--model",
        "budget",
        "--projects",
        "3",
        "--voters",
        "3",
        "--budget",
        "9",
        "--format",
        "soc",
      ]).stderr,
    ).toContain("--format pb");
  });

  it("profile: --top K writes each voter's first K as PrefLib SOI; approval models write PrefLib CAT, which tally reads as approval ballots", () => {
    const base = ["sim", "profile", "--model", "impartial-culture", "--candidates", "5"];
    const soi = runCliInProcess([...base, "--voters", "200", "--top", "2"]);
    expect(soi.code).toBe(0);
    expect(soi.stdout).toContain("# DATA TYPE: soi");
    const read = parsePreflib(soi.stdout);
    if (!read.ok) throw new Error(read.issues[0]?.message);
    expect(read.value.ballots.reduce((sum, ballot) => sum + ballot.weight, 0)).toBe(200);
    for (const ballot of read.value.ballots) expect(ballot.ranking).toHaveLength(2);
    // The first two of the same seed's whole rankings.
    const soc = parsePreflib(runCliInProcess([...base, "--voters", "200"]).stdout);
    if (!soc.ok) throw new Error("no soc");
    const firstTwo = (ballots: typeof soc.value.ballots) => {
      const counts = new Map<string, number>();
      for (const b of ballots) {
        const key = b.ranking.slice(0, 2).flat().join(">");
        counts.set(key, (counts.get(key) ?? 0) + b.weight);
      }
      return Object.fromEntries([...counts].sort());
    };
    expect(firstTwo(read.value.ballots)).toEqual(firstTwo(soc.value.ballots));
    expect(runCliInProcess([...base, "--voters", "9", "--format", "soi"]).stderr).toContain(
      "needs --top",
    );
    expect(runCliInProcess([...base, "--voters", "9", "--top", "5"]).stderr).toContain(
      "--top takes a whole number from 1 to 4",
    );
    const cat = runCliInProcess([
      "sim",
      "profile",
      "--model",
      "approval-impartial-culture",
      "--p",
      "0.4",
      "--candidates",
      "5",
      "--voters",
      "40",
      "--format",
      "cat",
    ]);
    expect(cat.code).toBe(0);
    expect(cat.stdout).toContain("# DATA TYPE: cat");
    const approvals = readElection("drawn.cat", cat.stdout);
    expect(approvals.ok && approvals.value.type).toBe("approval");
    const pav = runCliInProcess(["tally", "drawn.cat", "--method", "pav", "--seats", "2"], {
      "drawn.cat": cat.stdout,
    });
    expect(pav.code).toBe(0);
  });

  it("profile: every model of the module, ordinal and approval, drawn from its flags and read back with every voter", () => {
    const ordinal = [
      ["--model", "impartial-anonymous-culture"],
      ["--model", "mallows-normalized", "--normalized-phi", "0.3"],
      ["--model", "urn", "--alpha", "0.2"],
      ["--model", "single-crossing"],
      ["--model", "group-separable", "--tree", "caterpillar"],
      ["--model", "euclidean", "--dimensions", "2", "--space", "gaussian"],
    ];
    for (const model of ordinal) {
      const drawn = runCliInProcess([
        "sim",
        "profile",
        ...model,
        "--candidates",
        "5",
        "--voters",
        "60",
      ]);
      expect(drawn.code, model.join(" ")).toBe(0);
      const read = parsePreflib(drawn.stdout);
      expect(read.ok && read.value.ballots.reduce((sum, b) => sum + b.weight, 0)).toBe(60);
    }
    const approval = [
      ["--model", "disjoint-resampling", "--p", "0.4", "--phi", "0.2", "--groups", "2"],
      ["--model", "approval-noise", "--p", "0.4", "--phi", "0.2"],
      ["--model", "euclidean-approval", "--dimensions", "2", "--radius", "0.3"],
      ["--model", "euclidean-approval", "--dimensions", "1", "--threshold", "1.5"],
    ];
    for (const model of approval) {
      const drawn = runCliInProcess([
        "sim",
        "profile",
        ...model,
        "--candidates",
        "6",
        "--voters",
        "40",
        "--format",
        "cat",
      ]);
      expect(drawn.code, model.join(" ")).toBe(0);
      const read = readElection("drawn.cat", drawn.stdout);
      if (!read.ok || read.value.type !== "approval") throw new Error(model.join(" "));
      expect(read.value.profile.ballots.reduce((sum, b) => sum + b.weight, 0)).toBe(40);
    }
    const euclid = ["sim", "profile", "--model", "euclidean", "--candidates", "4", "--voters", "3"];
    expect(runCliInProcess([...euclid, "--dimensions", "2"]).stderr).toContain(
      "--space takes uniform or gaussian",
    );
    expect(
      runCliInProcess([
        "sim",
        "profile",
        "--model",
        "euclidean-approval",
        "--dimensions",
        "2",
        "--candidates",
        "4",
        "--voters",
        "3",
      ]).stderr,
    ).toContain("--radius R or --threshold T");
  });

  it("run: --format csv writes the same rows as CSV, measures as columns; progress goes to stderr once a run is slow", () => {
    const measured = JSON.stringify({
      ...JSON.parse(experiment),
      measures: ["monotonicity", "condorcet-loser"],
    });
    let clock = 0;
    const slowClock = () => {
      clock += 1_000;
      return clock;
    };
    const json = runCliInProcess(["sim", "run", "exp.json"], { "exp.json": measured });
    const csv = runCliInProcess(
      ["sim", "run", "exp.json", "--format", "csv"],
      { "exp.json": measured },
      slowClock,
    );
    expect(csv.code).toBe(0);
    const [header, ...records] = csv.stdout.trim().split("\n");
    const spec = experimentFromJson(JSON.parse(measured));
    if (!spec.ok) throw new Error("bad experiment");
    expect(header).toBe(experimentCsvHeader(spec.value));
    expect(header).toMatch(/,violates_monotonicity,violates_condorcet-loser$/);
    const rows = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(rows.length);
    records.forEach((record, k) => {
      const row = rows[k];
      expect(Object.keys(row.violates)).toEqual(["monotonicity", "condorcet-loser"]);
      const fields = splitDelimitedRecord(record as string, ",");
      expect(fields).toEqual([
        String(row.unit),
        row.generator,
        String(row.candidates),
        String(row.voters),
        String(row.repetition),
        row.method,
        row.winners.join(" "),
        row.condorcetWinner ?? "",
        String(row.electsCondorcetWinner),
        String(row.violates.monotonicity),
        String(row.violates["condorcet-loser"]),
      ]);
    });
    // Five profiles; from the third call on the clock says more than two seconds have passed.
    expect(csv.stderr).toMatch(/^\[\d\/5\] \d of 5 profiles \(\d+\.\d s\)$/m);
    expect(json.stderr).toBe("");
    expect(
      runCliInProcess(["sim", "run", "exp.json", "--format", "tsv"], { "exp.json": experiment })
        .stderr,
    ).toContain("--format jsonl (the default) or csv");
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
