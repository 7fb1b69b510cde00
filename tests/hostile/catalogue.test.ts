import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  greedyNoSkip,
  maximinSupport,
  methodOfEqualShares,
  type PbElection,
  pbElectionFromJson,
  pbElectionToJson,
  pbRules,
} from "../../src/budgeting/index.js";
import { changeSchedule, toICalendar, validateProcess } from "../../src/calendar/index.js";
import { makeIssue } from "../../src/core/index.js";
import { parseAbcvoting, parseBlt, parsePabulib, writePabulib } from "../../src/io/index.js";
import {
  emptyConsultation,
  participationFigures,
  replay,
  toBudgetInstance,
  transition,
} from "../../src/proposals/index.js";
import {
  committeeMethods,
  greedyMonroe,
  meekStv,
  monroe,
  plurality,
  type RankedProfile,
  rankedPairs,
  referendumQuestions,
  tallyMethods,
  wigmStv,
} from "../../src/tally/index.js";
import { fixturesDir, repoRoot } from "../helpers/data.js";
import { approvalElection } from "../helpers/elections.js";
import { runCliInProcess } from "../helpers/runCliInProcess.js";
import { during, context as proposalsContext } from "../proposals/fixture.js";

/**
 * One case for every class of input found to be refused, wrongly counted, crashing or
 * hanging by the outside checks of issue 13 (each failed before the fix). The corpora
 * themselves are read by `npm run corpora`; ids named after Object.prototype's members are
 * covered by prototypeIds.property.test.ts.
 */

const cli = runCliInProcess;

const pabulib = (meta: string, projects: string, votes: string) =>
  `META\nkey;value\n${meta}PROJECTS\n${projects}VOTES\n${votes}`;

describe("1. real files its peers read", () => {
  it("Pabulib: an approval vote that lists a project twice counts it once, with a warning", () => {
    const text = pabulib(
      "budget;100\nvote_type;approval\nrule;greedy\n",
      "project_id;cost\na;60\nb;50\n",
      "voter_id;vote\n1;a,a,b\n2;b\n",
    );
    const parsed = parsePabulib(text);
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(parsed.value.profile.ballots[0]?.projects).toEqual(["a", "b"]);
    expect(parsed.warnings[0]).toMatchObject({
      code: "repeated-project-in-vote",
      severity: "warning",
    });
    expect(parsed.warnings[0]?.message).toMatch(/^line \d+, column 3: .*counted once$/);
    // --strict refuses what was assumed.
    const run = cli(["pb", "run", "f.pb", "--rule", "official", "--strict"], { "f.pb": text });
    expect(run.code).toBe(1);
  });

  it("Pabulib: a cumulative vote that lists a project twice adds its points (Częstochowa 2020)", () => {
    const parsed = parsePabulib(
      pabulib(
        "budget;100\nvote_type;cumulative\n",
        "project_id;cost\na;60\nb;50\n",
        "voter_id;vote;points\n1;a,b,a;1,2,3\n",
      ),
    );
    expect(parsed.ok && parsed.value.profile.ballots[0]).toMatchObject({
      projects: ["a", "b"],
      points: [4, 2],
    });
  });

  it("BLT: names given only as '# ALTERNATIVE NAME' comments after an unquoted title", () => {
    const parsed = parseBlt(
      "2 1\n3 1 2 0\n2 2 0\n0\n# ALTERNATIVE NAME 1: Ann Smith (Lab)\n# ALTERNATIVE NAME 2: Bo Lee (SNP)\nCalton ward",
    );
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(parsed.value.names).toEqual({ "1": "Ann Smith (Lab)", "2": "Bo Lee (SNP)" });
    expect(parsed.value.title).toBe("Calton ward");
    expect(parsed.warnings.map((warning) => warning.code)).toEqual(["names-from-comments"]);
  });

  it("BLT: commas after the numbers (a Perth and Kinross by-election)", () => {
    const parsed = parseBlt('2 1,\n786 1 0,\n87 1 2 0,\n0,\n"A",\n"B",\n"Ward 9",\n');
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(parsed.value.ballots).toEqual([
      { ranking: [["1"]], weight: 786 },
      { ranking: [["1"], ["2"]], weight: 87 },
    ]);
    expect(parsed.warnings.map((warning) => warning.code)).toEqual(["commas-as-separators"]);
  });

  it("abcvoting: a double-quoted string folded over two lines (366 of its 480 test instances)", () => {
    const parsed = parseAbcvoting(
      "description: \"profile generated via prob_distribution={'id': 'Truncated Mallows'}, num_voters=8,\n  num_cand=6\"\nprofile: [[0, 2], [1]]\nnum_cand: 6\ncommitteesize: 3\ncompute:\n- rule_id: av\n  result: [[0, 1, 2]]\n  resolute: false\n",
    );
    expect(parsed.ok && parsed.value.profile.seats).toBe(3);
    expect(parsed.ok && parsed.value.expected[0]?.committees).toEqual([["0", "1", "2"]]);
  });

  it("abcvoting: an alias to no anchor is an invalid-yaml issue, not a thrown ReferenceError", () => {
    for (const text of ["*-", "profile: [[0]]\nnum_cand: *n\ncommitteesize: 1\n"]) {
      const parsed = parseAbcvoting(text);
      expect(!parsed.ok && parsed.issues.map((issue) => issue.code)).toEqual(["invalid-yaml"]);
    }
  });

  it("abcvoting: the rules lexcc, geom2, lexminimaxav, eph, consensus-rule, trivial and adams", () => {
    const ids = committeeMethods.map((method) => method.id);
    for (const id of [
      "lexcc",
      "geom2",
      "lexminimaxav",
      "eph",
      "consensus-rule",
      "trivial",
      "adams",
    ])
      expect(ids).toContain(id);
  });

  it("abcvoting: fractional voter weights are counted by every committee method, never a crash", () => {
    const parsed = parseAbcvoting(
      readFileSync(join(fixturesDir, "hostile", "test7.abc.yaml"), "utf8"),
    );
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    for (const method of committeeMethods) {
      const outcome = method.run(parsed.value.profile, 2);
      if (outcome.ok) continue;
      // Only the rules that count voters refuse fractions, as abcvoting does.
      expect(outcome.issues[0]?.code, method.id).toBe("fractional-weights");
      expect(["monroe", "greedy-monroe", "lexminimaxav"]).toContain(method.id);
    }
  });

  it("greedy-no-skip applies META min_project_score_threshold (Gdynia)", () => {
    const e = approvalElection(21n, { a: 8n, b: 5n, c: 8n }, [
      ["a"],
      ["a"],
      ["a"],
      ["b"],
      ["c"],
      ["c"],
    ]);
    const withThreshold = {
      ...e.instance,
      meta: { rule: "greedy-no-skip", min_project_score_threshold: "2" },
    };
    const outcome = greedyNoSkip(withThreshold, e.profile);
    // b (1 vote) is below the threshold: passed over although it fits (a, c and b cost 21).
    expect(outcome.ok && outcome.value.selected).toEqual(["a", "c"]);
  });

  it("cumulative ballots: rules use the points by default, and --sat points exists", () => {
    // Two voters give all their points to b, one spreads them; b and a cost the same.
    const e: PbElection = {
      instance: {
        budget: 10n,
        scale: 0,
        projects: ["a", "b"].map((id) => ({
          id,
          cost: 10n,
          name: id,
          categories: [],
          targets: [],
          fields: {},
        })),
        meta: {},
        projectColumns: ["project_id", "cost"],
      },
      profile: {
        voteType: "cumulative",
        ballots: [
          { projects: ["a", "b"], points: [9, 1], multiplicity: 1 },
          { projects: ["a", "b"], points: [9, 1], multiplicity: 1 },
          { projects: ["b"], points: [10], multiplicity: 1 },
        ],
        voteColumns: ["voter_id", "vote", "points"],
      },
    };
    const outcome = methodOfEqualShares(e.instance, e.profile);
    expect(outcome.ok && outcome.value.notes[0]).toMatch(/points satisfaction/);
    const text = writePabulib(e);
    if (!text.ok) throw new Error(text.issues[0]?.message);
    const run = cli(["pb", "run", "c.pb", "--rule", "mes", "--sat", "points", "--json"], {
      "c.pb": text.value,
    });
    expect(run.code).toBe(0);
  });

  it("Meek and WIGM default to an arithmetic that finishes on Glasgow's Canal ward; exact on request is bounded", () => {
    const parsed = parseBlt(readFileSync(join(fixturesDir, "stv", "Canal-2007.blt"), "utf8"));
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    const meek = meekStv(parsed.value);
    expect(meek.ok && meek.value.winners.length).toBe(4);
    expect(meek.ok && meek.value.notes.join(" ")).toMatch(/guarded/);
    expect(wigmStv(parsed.value).ok).toBe(true);
    const exact = meekStv(parsed.value, { arithmetic: { kind: "rational" }, workLimit: 200_000 });
    expect(!exact.ok && exact.issues[0]?.code).toBe("stv-work-limit");
  });
});

describe("2. every entry point validates", () => {
  const json = (election: PbElection) => JSON.parse(JSON.stringify(pbElectionToJson(election)));
  const base = approvalElection(100n, { a: 60n, b: 70n }, [["a"], ["b"]]);

  it("pbElectionFromJson refuses what the Pabulib reader refuses", () => {
    const duplicate = json(base);
    duplicate.instance.projects.push({ ...duplicate.instance.projects[0] });
    const unknown = json(base);
    unknown.profile.ballots[0].projects = ["z"];
    const points = json({ ...base, profile: { ...base.profile, voteType: "cumulative" } });
    points.profile.ballots[0].points = [1, 2];
    const huge = json(base);
    huge.profile.ballots[0].multiplicity = 2 ** 60;
    for (const [data, code] of [
      [duplicate, "duplicate-project"],
      [unknown, "unknown-project"],
      [points, "points-mismatch"],
      [huge, "invalid-election"],
    ] as const) {
      const read = pbElectionFromJson(data);
      expect(!read.ok && read.issues[0]?.code).toBe(code);
    }
  });

  it("a vote repeated in JSON is read as the parser reads it, and no rule spends more than the budget", () => {
    const repeated = json(base);
    repeated.profile.ballots[0].projects = ["a", "a"];
    const read = pbElectionFromJson(repeated);
    if (!read.ok) throw new Error(read.issues[0]?.message);
    expect(read.warnings[0]?.code).toBe("repeated-project-in-vote");
    for (const rule of pbRules) {
      const outcome = rule.run(read.value.instance, read.value.profile, {});
      if (outcome.ok) expect(outcome.value.cost).toBeLessThanOrEqual(100n);
    }
  });

  it("rules refuse instances built in code with a negative cost or multiplicity", () => {
    const withThreshold = {
      ...base.instance,
      meta: { rule: "greedy", min_project_score_threshold: "1" },
    };
    const negativeCost: PbElection = {
      ...base,
      instance: {
        ...withThreshold,
        projects: base.instance.projects.map((p) => ({ ...p, cost: -30n })),
      },
    };
    const negativeMultiplicity: PbElection = {
      instance: withThreshold,
      profile: {
        ...base.profile,
        ballots: base.profile.ballots.map((b) => ({ ...b, multiplicity: -5 })),
      },
    };
    for (const [e, code] of [
      [negativeCost, "negative-cost"],
      [negativeMultiplicity, "invalid-multiplicity"],
    ] as const)
      for (const rule of pbRules) {
        const outcome = rule.run(e.instance, e.profile, {});
        expect(!outcome.ok && outcome.issues[0]?.code, rule.metadata.id).toBe(code);
      }
  });

  it("pb check reads JSON; pb run warns on an inconsistent file and an empty profile", () => {
    const text = JSON.stringify(pbElectionToJson(base));
    expect(cli(["pb", "check", "e.json"], { "e.json": text }).stdout).toBe("e.json: ok\n");
    const inconsistent = pabulib(
      "budget;100\nvote_type;approval\nnum_votes;9\nrule;greedy\n",
      "project_id;cost;votes\na;60;5\n",
      "voter_id;vote\n1;a\n",
    );
    const run = cli(["pb", "run", "i.pb", "--rule", "official"], { "i.pb": inconsistent });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /i\.pb: warning: line \d+, column 1: META num_votes is 9 but VOTES holds 1/,
    );
    expect(run.stderr).toMatch(/warning: .*the votes column says 5 but the ballots give 1/);
    const empty = pabulib(
      "budget;100\nvote_type;approval\nrule;greedy\n",
      "project_id;cost\na;60\n",
      "voter_id;vote\n",
    );
    expect(cli(["pb", "run", "z.pb", "--rule", "official"], { "z.pb": empty }).stderr).toMatch(
      /warning: the election has no ballots/,
    );
  });

  it("pb convert never writes what pb check then rejects (points such as 1e-22)", () => {
    const tiny = json({ ...base, profile: { ...base.profile, voteType: "cumulative" } });
    tiny.profile.ballots[0].points = [1e-22];
    tiny.profile.ballots[1].points = [2];
    tiny.profile.voteColumns = ["voter_id", "vote", "points"];
    const converted = cli(["pb", "convert", "t.json", "--to", "pabulib"], {
      "t.json": JSON.stringify(tiny),
    });
    expect(converted.code).toBe(0);
    expect(converted.stdout).toContain("0.0000000000000000000001");
    expect(parsePabulib(converted.stdout).ok).toBe(true);
    // An id a Pabulib file cannot hold is refused, not written wrong.
    const comma = json(base);
    comma.instance.projects[0].id = "a,b";
    comma.profile.ballots[0].projects = ["a,b"];
    const refused = cli(["pb", "convert", "c.json", "--to", "pabulib"], {
      "c.json": JSON.stringify(comma),
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds a comma/);
  });
});

describe("3. ids are data, never object keys", () => {
  it("replaying an event log that names a proposal __proto__ leaves Object.prototype alone", () => {
    const step = transition(
      emptyConsultation,
      { type: "create", proposal: "__proto__", author: "ana", title: "Bancs" },
      proposalsContext,
    );
    if (!step.ok) throw new Error(step.issues[0]?.message);
    const state = replay(JSON.parse(JSON.stringify(step.value.events)));
    expect(Object.keys(state.proposals)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("a candidate __proto__ keeps its votes (plurality)", () => {
    const profile: RankedProfile = {
      candidates: ["__proto__", "b"],
      names: {},
      ballots: [
        { ranking: [["__proto__"]], weight: 3 },
        { ranking: [["b"]], weight: 2 },
      ],
    };
    const counted = plurality(profile);
    expect(counted.ok && counted.value.winners).toEqual(["__proto__"]);
    for (const method of tallyMethods.filter((m) => !m.multiWinner)) {
      const outcome = method.run(profile, {});
      if (outcome.ok) expect(outcome.value.winners, method.id).toEqual(["__proto__"]);
    }
  });

  it("a referendum question named constructor keeps its supermajority", () => {
    const decided = referendumQuestions(
      {
        questions: ["constructor"],
        ballots: [
          { answers: { constructor: "yes" as const }, weight: 60 },
          { answers: { constructor: "no" as const }, weight: 40 },
        ],
      },
      { majority: [2, 3] },
    );
    expect(decided.ok && decided.value[0]?.outcome.winners).toEqual(["no"]);
  });

  it("a participant named constructor can support a proposal", () => {
    let state = emptyConsultation;
    for (const command of [
      { type: "create", proposal: "p1", author: "ana", title: "Bancs" },
      { type: "publish", proposal: "p1", actor: "ana" },
      { type: "support", proposal: "p1", participant: "constructor" },
    ]) {
      const step = transition(state, command, { ...proposalsContext, instant: during });
      if (!step.ok) throw new Error(step.issues[0]?.message);
      state = step.value.state;
    }
    expect(state.proposals.p1?.supporters).toEqual(["constructor"]);
  });

  it("a display name is never Object's constructor", () => {
    const ballots = {
      type: "ranked",
      profile: {
        candidates: ["constructor", "toString"],
        names: {},
        ballots: [
          { ranking: [["constructor"]], weight: 2 },
          { ranking: [["toString"]], weight: 1 },
        ],
      },
    };
    const run = cli(["tally", "c.json", "--method", "plurality"], {
      "c.json": JSON.stringify(ballots),
    });
    expect(run.stdout).toContain(": constructor");
    expect(run.stdout).not.toContain("function");
  });

  it("one issue is one line: control characters from the input are escaped", () => {
    const parsed = parsePabulib(
      pabulib(
        "budget;100\nvote_type;approval\n",
        "project_id;cost\na;60\n",
        'voter_id;vote\n1;"x\ny\u001b[31m"\n',
      ),
    );
    // The message names the bad vote on one line, its control characters made harmless.
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.message).not.toMatch(/\p{Cc}/u);
    expect(makeIssue("c", [], "a\rb").message).toBe("a\\rb");
  });

  it("iCalendar text holds no control character RFC 5545 forbids", () => {
    const process = validateProcess({
      id: "p",
      title: "Budget\u0007 participatif\u0000",
      timeZone: "Europe/Paris",
      phases: [
        { id: "a", title: "Vote\u001b", start: "2026-03-01", end: "2026-03-31", permits: [] },
      ],
    });
    if (!process.ok) throw new Error(process.issues[0]?.message);
    const ics = toICalendar(process.value, { stamp: 0 });
    const controls = [...ics.replace(/\r\n/g, "")].filter((c) => {
      const code = c.charCodeAt(0);
      return (code < 0x20 && code !== 0x09) || code === 0x7f;
    });
    expect(controls).toEqual([]);
  });
});

describe("4. bounded work", () => {
  it("a BLT header announcing 2^31 candidates in a 5-line file is refused before allocating", () => {
    const parsed = parseBlt('2147483648 1\n1 1 0\n0\n"A"\n"t"\n');
    expect(!parsed.ok && parsed.issues[0]?.code).toBe("invalid-header");
  });

  it("a 29-digit ballot weight is refused, not expanded into 10^13 ballots", () => {
    const parsed = parseBlt('2 1\n12345678901234567890123456789 1 0\n0\n"A"\n"B"\n"t"\n');
    expect(!parsed.ok && parsed.issues[0]?.code).toBe("weight-too-large");
  });

  it("Monroe and greedy Monroe count a weight of 10^21 without copying voters (an issue, no crash)", () => {
    const profile = {
      candidates: ["a", "b", "c"],
      names: {},
      ballots: [
        { approved: ["a"], weight: 1e21 },
        { approved: ["b"], weight: 1 },
      ],
    };
    for (const rule of [monroe, greedyMonroe]) {
      const outcome = rule(profile, 2);
      expect(!outcome.ok && outcome.issues[0]?.code).toBe("invalid-weight");
    }
    const whole = {
      ...profile,
      ballots: [
        { approved: ["a"], weight: 2 ** 40 },
        { approved: ["b"], weight: 3 },
      ],
    };
    expect(monroe(whole, 2).ok && greedyMonroe(whole, 2).ok).toBe(true);
  });

  it("pb convert --to pabulib refuses a multiplicity of 2^31 instead of writing two billion rows", () => {
    const big = JSON.parse(
      JSON.stringify(pbElectionToJson(approvalElection(100n, { a: 60n }, [["a"]]))),
    );
    big.profile.ballots[0].multiplicity = 2 ** 31;
    const run = cli(["pb", "convert", "b.json", "--to", "pabulib"], {
      "b.json": JSON.stringify(big),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/too-many-rows|more than 20000000 rows/);
  });

  it("Ranked Pairs with many equal margins on 8 candidates finishes (every order tried, or an issue)", () => {
    // Eight candidates in one cycle of majorities, the 28 margins in four groups of seven
    // equal ones (McGarvey's construction: a ballot and its reverse with one pair kept
    // in order leave that pair alone with a margin). The plain search tried 7!^4 orders.
    const candidates = Array.from({ length: 8 }, (_, c) => `c${c}`);
    const ballots: { ranking: string[][]; weight: number }[] = [];
    let pair = 0;
    for (let a = 0; a < 8; a++)
      for (let b = a + 1; b < 8; b++) {
        const forward = (b - a) % 8 <= 3 || (b - a === 4 && a < 4);
        const [winner, loser] = forward ? [a, b] : [b, a];
        const rest = candidates.filter((_, c) => c !== winner && c !== loser);
        const margin = 1 + Math.floor(pair / 7);
        const head = [[`c${winner}`], [`c${loser}`]];
        ballots.push({ ranking: [...head, ...rest.map((c) => [c])], weight: margin });
        ballots.push({
          ranking: [...[...rest].reverse().map((c) => [c]), ...head],
          weight: margin,
        });
        pair++;
      }
    const profile: RankedProfile = { candidates, names: {}, ballots };
    const outcome = rankedPairs(profile);
    if (outcome.ok) expect(outcome.value.winners.length).toBeGreaterThan(0);
    else expect(outcome.issues[0]?.code).toBe("ranked-pairs-work-limit");
  });

  it("maximin support stops at its work limit with an issue", () => {
    const projects = Object.fromEntries(
      Array.from({ length: 40 }, (_, k) => [`p${k}`, BigInt(1 + k)]),
    );
    const ballots = Array.from({ length: 60 }, (_, v) => [
      `p${v % 40}`,
      `p${(v + 1 + (v % 7)) % 40}`,
    ]);
    const e = approvalElection(400n, projects, ballots);
    const outcome = maximinSupport(e.instance, e.profile, { workLimit: 1000 });
    expect(!outcome.ok && outcome.issues[0]?.code).toBe("maximin-support-work-limit");
    expect(maximinSupport(e.instance, e.profile).ok).toBe(true);
  });

  it("the add1 completion finishes Veszprém 2025 (over 100,000 budget steps)", () => {
    const parsed = parsePabulib(
      readFileSync(join(fixturesDir, "Hungary_Veszprem_2025.pb"), "utf8"),
    );
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    const outcome = methodOfEqualShares(parsed.value.instance, parsed.value.profile, {
      completion: "add1",
    });
    expect(outcome.ok && outcome.value.selected).toEqual(["02", "53", "45", "24"]);
  });
});

describe("6. found by acceptance checks", () => {
  const definition = (start: string, end = "2026-11-30") => ({
    id: "p",
    title: "P",
    timeZone: "Europe/Paris",
    phases: [{ id: "a", title: "A", start, end, permits: [] }],
  });

  it("calendar: an impossible date or time is refused, not moved", () => {
    for (const start of ["2026-04-31", "2026-02-29", "2026-03-01T10:75"]) {
      const checked = validateProcess(definition(start));
      expect(!checked.ok && checked.issues[0]?.message, start).toMatch(/is not a day and time/);
    }
    expect(validateProcess(definition("2028-02-29", "2028-03-30")).ok).toBe(true);
  });

  it("calendar: close-now during a repeated hour ends the phase at that instant", () => {
    const process = validateProcess(definition("2026-10-01"));
    if (!process.ok) throw new Error(process.issues[0]?.message);
    // 25 October 2026, 02:30 after the clocks went back (01:30 UTC).
    const at = Date.parse("2026-10-25T01:30:00Z");
    const changed = changeSchedule(process.value, { kind: "close-now", phase: "a", at }, "reject");
    expect(changed.ok && changed.value.intervals[0]?.end).toBe(at);
  });

  it("proposals: withdrawn proposals are not open; budget projects keep creation order", () => {
    const log = [];
    let state = emptyConsultation;
    for (const command of [
      { type: "create", proposal: "10", author: "ana", title: "Ten" },
      { type: "create", proposal: "9", author: "bo", title: "Nine" },
      { type: "withdraw", proposal: "10", actor: "ana" },
    ]) {
      const step = transition(state, command, proposalsContext);
      if (!step.ok) throw new Error(step.issues[0]?.message);
      state = step.value.state;
      log.push(...step.value.events);
    }
    expect(participationFigures(log).total.proposals).toBe(1);
    expect(Object.values(replay(log).proposals).map((p) => p.sequence)).toEqual([1, 0]);
    const ordered = toBudgetInstance(state, { budget: 10n, scale: 0 });
    expect(ordered.ok).toBe(true);
  });

  it("cli: process at shows the next change in the process's local time", () => {
    const run = cli([
      "process",
      "at",
      join(repoRoot, "examples", "calendar", "angers-budget-participatif-2026.json"),
      "--at",
      "2026-09-20T12:00:00Z",
    ]);
    expect(run.stdout).toMatch(/next change 2026-10-11 23:59 \(\+02:00, Europe\/Paris\)/);
  });

  it("cli: tally --explain names candidates in the round notes as in the tallies", () => {
    const run = cli([
      "tally",
      join(fixturesDir, "stv", "Calton-2007.blt"),
      "--method",
      "irv",
      "--explain",
    ]);
    expect(run.stdout).toMatch(/Round 1: Kenny Murray has the fewest votes/);
  });

  it("package: a LICENSE file", () => {
    expect(existsSync(join(repoRoot, "LICENSE"))).toBe(true);
  });
});
