import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { axioms } from "../../src/core/index.js";
import { methodCatalogue } from "../../src/tally/index.js";
import { examplesDataDir, fixturesDir, repoRoot } from "../helpers/data.js";
import { runCliInProcess } from "../helpers/runCliInProcess.js";

const run = runCliInProcess;

const bielany = join(examplesDataDir, "Poland_Warszawa_2026_Stare_Bielany.pb");
const krakow = join(examplesDataDir, "Poland_Krakow_2025_Pradnik_Bialy.pb");

describe("civitas pb run", () => {
  it("prints one JSON object per file, per line, with the documented fields", () => {
    const { code, stdout, stderr } = run([
      "pb",
      "run",
      bielany,
      krakow,
      "--rule",
      "official",
      "--json",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: bielany,
      rule: "greedy-threshold",
      selected: ["456", "2113", "1498", "12", "645"],
      cost: "473415",
      budget: "483736",
    });
    expect(lines[1]).toMatchObject({ file: krakow, rule: "greedy", budget: "2828094.61" });
    expect(lines[1].explanation[0]).toEqual({
      project: "BO.D4.85/25",
      action: "selected",
      reason: "fits",
      cost: "661000",
      measure: "score",
      value: "4009",
      budget_left: "2167094.61",
    });
  });

  it("prints a readable table by default", () => {
    const { code, stdout } = run(["pb", "run", bielany, "--rule", "greedy"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Bezpłatny punkt pomocy psychologicznej");
    expect(stdout).toMatch(/Total cost: \d+ PLN of 483736 PLN; left \d+ PLN/);
  });

  it("takes --sat and --tie-break", () => {
    const { code, stdout } = run([
      "pb",
      "run",
      bielany,
      "--rule",
      "utilitarian",
      "--sat",
      "cardinality",
      "--tie-break",
      "votes,cost",
      "--json",
    ]);
    expect(code).toBe(0);
    const outcome = JSON.parse(stdout);
    expect(outcome.tie_breaking).toEqual([
      { by: "votes", prefer: "higher" },
      { by: "cost", prefer: "lower" },
    ]);
    expect(outcome.notes[0]).toMatch(/^maximum cardinality welfare: \d+$/);
  });

  it("exits 1 with file, line and column on bad input, and still counts the good files", () => {
    const { code, stdout, stderr } = run(
      ["pb", "run", "bad.pb", bielany, "--rule", "greedy", "--json"],
      {
        "bad.pb":
          "META\nkey;value\nbudget;-5\nvote_type;approval\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n",
      },
    );
    expect(code).toBe(1);
    // Under --json the problem is a JSON object too.
    expect(JSON.parse(stderr)).toMatchObject({
      file: "bad.pb",
      line: 3,
      column: 8,
      message: 'line 3, column 8: the budget "-5" is not a non-negative number',
    });
    expect(stdout.trim().split("\n")).toHaveLength(1);
  });

  it("reports binary data and missing files without a stack trace", () => {
    const binary = run(["pb", "run", "x.pb", "--rule", "greedy"], {
      "x.pb": new Uint8Array([0xff, 0xfe, 0x00, 0x81]),
    });
    expect(binary.code).toBe(1);
    expect(binary.stderr).toBe(
      "x.pb: line 1, column 1: the file is not UTF-8 text (binary data?)\n",
    );
    // A byte-order mark is not text: the file reads as without it.
    const small =
      "META\nkey;value\nnum_projects;1\nnum_votes;1\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n1;1\n";
    const withMark = run(["pb", "run", "x.pb", "--rule", "greedy"], { "x.pb": `\uFEFF${small}` });
    expect([withMark.code, withMark.stdout]).toEqual([
      0,
      run(["pb", "run", "x.pb", "--rule", "greedy"], { "x.pb": small }).stdout,
    ]);
    // A truncated multi-byte character is not UTF-8 either.
    expect(
      run(["pb", "run", "x.pb", "--rule", "greedy"], { "x.pb": new Uint8Array([0x4d, 0xc3]) }).code,
    ).toBe(1);
    const missing = run(["pb", "run", "/nonexistent.pb", "--rule", "greedy"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("/nonexistent.pb: no such file\n");
  });

  it("exits 2 on usage errors", () => {
    expect(run(["pb", "run", bielany]).code).toBe(2);
    expect(run(["pb", "run", bielany, "--rule", "nope"]).code).toBe(2);
    expect(run(["pb", "run", bielany, "--rule", "greedy", "--tie-break", "age"]).code).toBe(2);
    expect(run(["pb", "run", bielany, "--rule", "greedy", "--bogus"]).code).toBe(2);
    expect(run(["pb", "frobnicate"]).code).toBe(2);
    expect(run([]).code).toBe(2);
  });
});

describe("civitas pb check", () => {
  it("passes a sound file", () => {
    const { code, stdout } = run(["pb", "check", bielany]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${bielany}: ok\n`);
  });

  it("lists inconsistencies with their lines", () => {
    const text = readFileSync(bielany, "utf8").replace("num_votes;487", "num_votes;500");
    const { code, stderr } = run(["pb", "check", "edited.pb"], { "edited.pb": text });
    expect(code).toBe(1);
    expect(stderr).toBe(
      "edited.pb: warning: line 10, column 1: META num_votes is 500 but VOTES holds 487\n",
    );
  });

  it("flags a score column that does not match the ballots", () => {
    const { code, stderr } = run(["pb", "check", join(fixturesDir, "Switzerland_Zurich_S5R.pb")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /line \d+, column 1: project 24: the score column says 198 but the ballots give 202/,
    );
  });
});

describe("civitas pb convert", () => {
  it("converts to JSON and back to the same Pabulib data", () => {
    const json = run(["pb", "convert", krakow, "--to", "json"]);
    expect(json.code).toBe(0);
    const back = run(["pb", "convert", "k.json", "--to", "pabulib"], { "k.json": json.stdout });
    expect(back.code).toBe(0);
    const again = run(["pb", "convert", "k.pb", "--to", "json"], { "k.pb": back.stdout });
    expect(again.stdout).toBe(json.stdout);
  });

  it("validates JSON input with a path for every problem", () => {
    const { code, stderr } = run(["pb", "convert", "e.json", "--to", "pabulib"], {
      "e.json": JSON.stringify({ instance: { budget: 5 }, profile: {} }),
    });
    expect(code).toBe(1);
    expect(stderr).toContain("e.json: instance.budget:");
  });
});

describe("civitas pb run with proportional rules", () => {
  const assen = join(fixturesDir, "Netherlands_Assen_2024.pb");

  it("runs equal shares with a completion and prints the payments in JSON", () => {
    const { code, stdout, stderr } = run([
      "pb",
      "run",
      assen,
      "--rule",
      "mes",
      "--completion",
      "add1",
      "--json",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const line = JSON.parse(stdout);
    expect(line).toMatchObject({ file: assen, rule: "mes/add1", cost: "76700", budget: "100000" });
    expect([...line.selected].sort()).toEqual(["11", "12", "13", "14", "2", "3", "5", "6", "9"]);
    const first = line.explanation.find((step: { action: string }) => step.action === "selected");
    expect(first).toMatchObject({
      project: "3",
      reason: "equal-shares",
      payments: [{ voters: 43, all: false }],
    });
  });

  it("explains in words with --explain, and takes mes/<completion> as a rule name", () => {
    const { code, stdout } = run(["pb", "run", assen, "--rule", "mes/add1", "--explain"]);
    expect(code).toBe(0);
    expect(stdout).toContain("rule mes/add1: 9 of 14 projects selected");
    expect(stdout).toContain("Explanation:");
    expect(stdout).toMatch(/selected 3 \(equal-shares; price-per-satisfaction 0\.023255814;/);
    expect(stdout).toContain("paid by 43 × 167.44186");
  });

  it("refuses an unknown completion or a completion on another rule (exit 2)", () => {
    expect(run(["pb", "run", assen, "--rule", "mes", "--completion", "add2"])).toMatchObject({
      code: 2,
    });
    const other = run(["pb", "run", assen, "--rule", "greedy", "--completion", "add1"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('only mes takes a completion, not "greedy"');
  });

  it("says in one line when a rule does not take the file's ballots (exit 1)", () => {
    const { code, stderr } = run(["pb", "run", krakow, "--rule", "phragmen"]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `${krakow}: sequential Phragmén needs approval ballots, not ordinal`,
    );
  });

  it("shows progress on stderr once a batch runs longer than two seconds, never on stdout", () => {
    let clock = 0;
    let stdout = "";
    let stderr = "";
    const code = runCli(["pb", "run", bielany, bielany, bielany, "--rule", "greedy", "--json"], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      readFile: (path) => readFileSync(path),
      now: () => {
        clock += 1500;
        return clock;
      },
    });
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n")).toHaveLength(3);
    expect(stderr).toMatch(/^\[1\/3\] .*Stare_Bielany\.pb \(3\.0 s\)\n\[2\/3\] .*\(4\.5 s\)\n$/);
  });
});

describe("civitas pb compare", () => {
  const swiecie = join(fixturesDir, "Poland_Swiecie_2023.pb");

  it("prints a side-by-side table with the analytics", () => {
    const { code, stdout } = run(["pb", "compare", swiecie, "--rules", "greedy,mes/add1,phragmen"]);
    expect(code).toBe(0);
    expect(stdout).toContain("3 rules, 20 projects funded by at least one");
    expect(stdout).toMatch(/cost\s+1067287\s+1040337\s+979337/);
    expect(stdout).toMatch(/with a funded project\s+0\.909127\s+0\.998433\s+0\.998825/);
  });

  it("prints one JSON object with each rule's selection, cost and analysis", () => {
    const { code, stdout } = run([
      "pb",
      "compare",
      swiecie,
      "--rules",
      "greedy,mes/add1",
      "--json",
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.rules.map((rule: { rule: string }) => rule.rule)).toEqual(["greedy", "mes/add1"]);
    expect(result.rules[1]).toMatchObject({
      cost: "1040337",
      analysis: { voters: 2553, shareWithFunded: "0.998433" },
    });
  });

  it("needs --rules (exit 2)", () => {
    expect(run(["pb", "compare", swiecie]).code).toBe(2);
  });
});

describe("civitas tally", () => {
  const calton = join(fixturesDir, "stv", "Calton-2007.blt");
  const debian = join(fixturesDir, "preflib", "00002-00000001.soi");

  it("counts a BLT file by Scottish STV with the file's seats, one JSON object per file", () => {
    const { code, stdout, stderr } = run([
      "tally",
      calton,
      debian,
      "--method",
      "scottish-stv",
      "--seats",
      "3",
      "--json",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const [first] = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      file: calton,
      method: "scottish-stv",
      seats: 3,
      winners: ["George Redmond", "Alison E Thewliss", "Ruth Simpson"],
      winner_ids: ["8", "10", "9"],
    });
    expect(first.rounds[1].note).toBe("surplus of George Redmond (682) transferred");
  });

  it("counts Meek STV in the arithmetic asked for, and refuses an unknown one", () => {
    const vegetables = join(fixturesDir, "stv", "stv-rs", "ballots", "vegetables.blt");
    const fixed = run([
      "tally",
      vegetables,
      "--method",
      "meek-stv",
      "--arithmetic",
      "fixed:9",
      "--json",
    ]);
    expect(fixed.code).toBe(0);
    const outcome = JSON.parse(fixed.stdout);
    // stv-rs's transcript of the same count elects these four.
    expect([...outcome.winners].sort()).toEqual(["Eggplant", "Grape", "Hazelnut", "Jalapeno"]);
    expect(outcome.notes[0]).toContain("fixed-point decimals, 9 places");
    const prf = run(["tally", vegetables, "--method", "prf-meek-stv"]);
    expect(prf.stdout).toMatch(/^.* — prf-meek-stv: [^()]*\n/);
    const bad = run(["tally", vegetables, "--method", "meek-stv", "--arithmetic", "float"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "--arithmetic: the arithmetic is rational, fixed:PLACES or guarded:PLACES[:GUARD]",
    );
  });

  it("takes the seats from the BLT header by default and explains in words", () => {
    const { code, stdout } = run(["tally", calton, "--method", "scottish-stv", "--explain"]);
    expect(code).toBe(0);
    expect(stdout).toContain("scottish-stv: George Redmond, Alison E Thewliss, Ruth Simpson");
    expect(stdout).toContain("Round 2: surplus of George Redmond (682) transferred");
    expect(stdout).toMatch(/Alison E Thewliss\s+1175\.68855/);
  });

  it("reports every tied winner with --irresolute and resolves by file order otherwise", () => {
    const tie = "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 2\n1: 1,2\n1: 2,1\n";
    const irresolute = run(
      ["tally", "tie.soc", "--method", "plurality", "--irresolute", "--json"],
      { "tie.soc": tie },
    );
    expect(JSON.parse(irresolute.stdout)).toMatchObject({
      winner_ids: ["1", "2"],
      tied: [["1"], ["2"]],
    });
    const resolute = run(["tally", "tie.soc", "--method", "plurality", "--json"], {
      "tie.soc": tie,
    });
    expect(JSON.parse(resolute.stdout)).toMatchObject({ winner_ids: ["1"] });
    const reverse = run(
      ["tally", "tie.soc", "--method", "plurality", "--tie-break", "reverse", "--json"],
      { "tie.soc": tie },
    );
    const reversed = JSON.parse(reverse.stdout);
    expect(reversed.winner_ids).toEqual(["2"]);
    expect(reversed.notes.at(-1)).toContain("is chosen by the order");
    const listed = run(
      ["tally", "tie.soc", "--method", "plurality", "--tie-break", "2,1", "--json"],
      {
        "tie.soc": tie,
      },
    );
    expect(JSON.parse(listed.stdout).winner_ids).toEqual(["2"]);
    const draws = ["a", "a", "b"].map((seed) =>
      JSON.parse(
        run(
          ["tally", "tie.soc", "--method", "plurality", "--tie-break", `random:${seed}`, "--json"],
          {
            "tie.soc": tie,
          },
        ).stdout,
      ).notes.at(-1),
    );
    expect(draws[0]).toBe(draws[1]);
    expect(draws[0]).toContain('seeded lottery (seed "a"');
    const unknown = run(["tally", "tie.soc", "--method", "plurality", "--tie-break", "9"], {
      "tie.soc": tie,
    });
    expect(unknown.code).toBe(2);
  });

  it("counts score ballots and referendums from JSON ballots files, checked by their schemas", () => {
    const scores = JSON.stringify({
      type: "score",
      profile: {
        candidates: ["a", "b", "c"],
        names: { a: "Ana", b: "Ben", c: "Chloé" },
        maxScore: 5,
        ballots: [
          { scores: { a: 5, b: 3 }, weight: 2 },
          { scores: { b: 5, c: 1 }, weight: 1 },
          { scores: { a: 0, c: 4 }, weight: 1 },
        ],
      },
    });
    const files = { "scores.json": scores };
    const total = JSON.parse(
      run(["tally", "scores.json", "--method", "score", "--json"], files).stdout,
    );
    expect(total).toMatchObject({
      method: "score",
      winners: ["Ben"],
      ranking: [["b"], ["a"], ["c"]],
    });
    // STAR: Ben and Ana lead on score; two voters prefer Ana, one Ben.
    expect(run(["tally", "scores.json", "--method", "star"], files).stdout).toBe(
      "scores.json — star: Ana\n",
    );
    const referendum = JSON.stringify({
      type: "referendum",
      ballots: {
        questions: ["tram"],
        electorate: 20,
        ballots: [
          { answers: { tram: "yes" }, weight: 6 },
          { answers: { tram: "no" }, weight: 3 },
        ],
      },
      rules: { majority: [2, 3], strict: false, participationQuorum: [1, 2] },
    });
    const decided = JSON.parse(
      run(["tally", "ref.json", "--method", "referendum", "--json"], { "ref.json": referendum })
        .stdout,
    );
    expect(decided).toMatchObject({ question: "tram", passed: false });
    expect(decided.notes[0]).toBe("the question fails: participation quorum not met");
    const wrong = run(["tally", "scores.json", "--method", "irv"], files);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      "scores.json: the file holds score ballots; this method counts ranked ballots\n",
    );
    const invalid = run(["tally", "bad.json", "--method", "star"], {
      "bad.json": JSON.stringify({
        type: "score",
        profile: {
          candidates: ["a"],
          names: {},
          maxScore: 5,
          ballots: [{ scores: { a: 7 }, weight: 1 }],
        },
      }),
    });
    expect(invalid.stderr).toBe(
      "bad.json: profile.ballots.0.scores.a: score 7 is above the maximum 5\n",
    );
  });

  it("chooses one of tied committees by --tie-break, all listed with --irresolute", () => {
    const instance = join(fixturesDir, "abcvoting", "instanceS0003.abc.yaml");
    const first = JSON.parse(run(["tally", instance, "--method", "sav", "--json"]).stdout);
    expect(first.winner_ids).toEqual(["0", "2", "3", "4"]);
    const preferFive = JSON.parse(
      run(["tally", instance, "--method", "sav", "--tie-break", "5", "--json"]).stdout,
    );
    expect(preferFive.winner_ids).toEqual(["0", "3", "4", "5"]);
    expect(preferFive.notes.at(-1)).toContain("2 committees tie; chosen by the order 5, 0, 1");
  });

  it("elects approval committees from abcvoting files, every tied committee with --irresolute", () => {
    const instance = join(fixturesDir, "abcvoting", "instanceS0003.abc.yaml");
    const { code, stdout } = run(["tally", instance, "--method", "sav", "--irresolute", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ method: "sav", seats: 4, winner_ids: ["0", "2", "3", "4"] });
    expect(result.tied).toEqual([
      ["0", "2", "3", "4"],
      ["0", "3", "4", "5"],
    ]);
  });

  it("shows how far a search over every committee has come on stderr, after two seconds and at most once a second", () => {
    // 19 candidates, 9 seats: 92,378 committees, a report after the first 65,536.
    const candidates = Array.from({ length: 19 }, (_, c) => c);
    const text = [
      `{"type": "approval", "profile": {"candidates": ${JSON.stringify(candidates.map(String))}, "names": {}, "seats": 9,`,
      ` "ballots": [{"approved": ["0", "1", "2"], "weight": 2}, {"approved": ["3", "4"], "weight": 1}]}}`,
    ].join("");
    let clock = 0;
    const tick = () => {
      clock += 3_000;
      return clock;
    };
    const slow = runCliInProcess(
      ["tally", "wide.json", "--method", "av"],
      { "wide.json": text },
      tick,
    );
    expect(slow.code).toBe(0);
    expect(slow.stderr).toBe("av: 65,536 of 92,378 committees (70%), 3.0 s\n");
    // A fast clock: nothing to report.
    const fast = runCliInProcess(
      ["tally", "wide.json", "--method", "av"],
      { "wide.json": text },
      () => 0,
    );
    expect(fast.stderr).toBe("");
  });

  it("lists the methods", () => {
    const { code, stdout } = run(["tally", "methods", "--json"]);
    expect(code).toBe(0);
    const ids = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "plurality",
        "irv",
        "schulze",
        "ranked-pairs",
        "split-cycle",
        "scottish-stv",
        "pav",
        "equal-shares",
      ]),
    );
  });

  it("lists every method of the catalogue with its kind and axioms (tally methods and pb rules, --json)", () => {
    const lines = (args: string[]) =>
      run(args)
        .stdout.trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line));
    const listed = [...lines(["tally", "methods", "--json"]), ...lines(["pb", "rules", "--json"])];
    expect(listed.map((method) => `${method.kind}/${method.id}`).sort()).toEqual(
      methodCatalogue.map((method) => `${method.kind}/${method.id}`).sort(),
    );
    for (const method of listed) {
      expect(["single-winner", "committee", "budget"]).toContain(method.kind);
      for (const axiom of method.properties) expect(Object.keys(axioms)).toContain(axiom);
    }
    expect(listed.find((method) => method.id === "schulze")).toMatchObject({
      kind: "single-winner",
      properties: ["condorcet", "smith", "monotonic", "independence-of-clones"],
    });
    expect(lines(["pb", "rules", "--json"]).every((method) => method.kind === "budget")).toBe(true);
  });

  it("says in one located line what is wrong with a file (exit 1), and refuses unknown methods (exit 2)", () => {
    const broken = run(["tally", "bad.blt", "--method", "irv"], {
      "bad.blt": '3 1\n1 1 9 0\n0\n"a"\n"b"\n"c"\n',
    });
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim()).toBe('bad.blt: line 2, column 5: "9" is not a candidate');
    expect(run(["tally", debian, "--method", "coin-toss"]).code).toBe(2);
  });

  it("answers an unknown method or rule with the valid ids, not the whole usage", () => {
    const method = run(["tally", debian, "--method", "coin-toss"]);
    expect(method.stderr.trim().split("\n")).toHaveLength(1);
    expect(method.stderr).toContain('unknown method "coin-toss"; the methods are: av, sav,');
    expect(method.stderr).toContain("schulze");
    const rule = run(["pb", "run", bielany, "--rule", "lottery"]);
    expect(rule.code).toBe(2);
    expect(rule.stderr.trim()).toBe(
      'civitas: unknown rule "lottery"; the rules are: greedy, greedy-no-skip, greedy-threshold, utilitarian, mes, phragmen, maximin-support, official',
    );
  });
});

describe("civitas --json errors", () => {
  it("prints each problem as one JSON object on stderr, with code, file, line and column", () => {
    const broken = run(["tally", "bad.blt", "--method", "irv", "--json"], {
      "bad.blt": '3 1\n1 1 9 0\n0\n"a"\n"b"\n"c"\n',
    });
    expect(broken.code).toBe(1);
    const lines = broken.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      file: "bad.blt",
      severity: "error",
      line: 2,
      column: 5,
      message: 'line 2, column 5: "9" is not a candidate',
    });
    const missing = run(["pb", "run", "nowhere.pb", "--rule", "greedy", "--json"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ file: "nowhere.pb", code: "no-such-file" });
    const words = run(["pb", "run", "nowhere.pb", "--rule", "greedy"]);
    expect(words.stderr).toBe("nowhere.pb: no such file\n");
  });
});

describe("civitas budget check-ballot", () => {
  const voting = join(repoRoot, "examples", "voting");
  const rulesFile = join(voting, "angers-threshold.rules.json");

  it("exits 0 for a ballot that may be submitted and 1 with its issues otherwise", () => {
    const accepted = run(["budget", "check-ballot", rulesFile, join(voting, "ballot-ok.json")]);
    expect(accepted).toMatchObject({ code: 0 });
    expect(accepted.stdout).toContain("may be submitted");
    const refused = run([
      "budget",
      "check-ballot",
      rulesFile,
      join(voting, "ballot-short.json"),
      "--json",
    ]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({
      code: "below-threshold",
      params: { missing: "350000 EUR", minimum: "700000 EUR", percent: 70 },
    });
    const empty = run(["budget", "check-ballot", "rules.json", "ballot.json"], {
      "rules.json": readFileSync(rulesFile, "utf8"),
      "ballot.json": '{"projects": []}',
    });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("the ballot has no project");
  });
});

describe("civitas budget results", () => {
  const voting = join(repoRoot, "examples", "voting");

  it("counts orders as Decidim does, by any pb rule, and a CONSUL heading", () => {
    const decidim = run([
      "budget",
      "results",
      join(voting, "angers-orders.json"),
      "--rule",
      "decidim",
      "--json",
    ]);
    expect(decidim.code).toBe(0);
    expect(JSON.parse(decidim.stdout).votes.slice(0, 2)).toEqual([
      { project: "i7", votes: 4 },
      { project: "i4", votes: 3 },
    ]);
    const greedy = run([
      "budget",
      "results",
      join(voting, "angers-orders.json"),
      "--rule",
      "greedy",
      "--json",
    ]);
    expect(JSON.parse(greedy.stdout)).toMatchObject({
      selected: ["i7", "i4", "i2", "i1"],
      cost: "97500",
    });
    const consul = run([
      "budget",
      "results",
      join(voting, "consul-heading.json"),
      "--rule",
      "consul",
      "--json",
    ]);
    expect(JSON.parse(consul.stdout)).toMatchObject({
      heading: "north",
      winners: ["7", "9"],
      spent: "950",
    });
    const unknown = run([
      "budget",
      "results",
      join(voting, "angers-orders.json"),
      "--rule",
      "lottery",
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown rule "lottery"; the rules are: consul, decidim, greedy',
    );
  });

  it("refuses an order naming an unknown project, with its path", () => {
    const bad = run(["budget", "results", "orders.json", "--rule", "decidim", "--json"], {
      "orders.json": JSON.stringify({
        rules: { rule: { type: "selected-projects" }, projects: [{ id: "a", cost: 1 }] },
        orders: [{ projects: ["zz"], checkedOut: true }],
      }),
    });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({
      code: "unknown-project",
      path: ["orders", 0, "projects", 0],
    });
  });
});

describe("civitas --version", () => {
  it("prints the version (dev when run from source)", () => {
    expect(run(["--version"])).toMatchObject({ code: 0, stdout: "civitas dev\n" });
  });
});

describe("civitas process", () => {
  const angers = join(repoRoot, "examples", "calendar", "angers-budget-participatif-2026.json");

  it("checks definitions, says which phase runs at an instant, exports iCalendar", () => {
    const checked = run(["process", "check", angers]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("5 phases in Europe/Paris: valid");
    const at = JSON.parse(
      run(["process", "at", angers, "--at", "2026-09-20T12:00:00Z", "--json"]).stdout,
    );
    expect(at).toMatchObject({ phase: "vote", permits: ["budget.vote"], next: { ends: "vote" } });
    const ics = run(["process", "ics", angers, "--stamp", "2026-01-01T00:00:00Z"]);
    expect(ics.stdout).toContain("UID:angers-bp-2026/vote@civitas\r\n");
  });

  it("reports a broken definition with its path and exits 1; a bad instant is a usage error", () => {
    const broken = run(["process", "check", "p.json"], {
      "p.json": JSON.stringify({
        id: "p",
        title: "P",
        timeZone: "Europe/Paris",
        phases: [{ id: "a", title: "A", start: "2026-03-29T02:30", end: "2026-04-01" }],
      }),
    });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(
      'p.json: phases.0.start: phase "a" starts at 2026-03-29T02:30, which does not exist in Europe/Paris (the clocks skip it)\n',
    );
    const syntax = run(["process", "check", "q.json"], { "q.json": '{"id": ' });
    expect(syntax.stderr).toMatch(/^q.json: line 1, column 8: not valid JSON/);
    expect(run(["process", "at", angers, "--at", "tomorrow"]).code).toBe(2);
  });
});
