import { parseArgs } from "node:util";
import { ownValue } from "../core/idRecord.js";
import {
  type CliIo,
  instantArgument,
  loadProcess,
  readParsed,
  readText,
  reported,
  UsageError,
} from "./cliSupport.js";
import { proposalsCommand } from "./proposalsCommand.js";

export type { CliIo } from "./cliSupport.js";

import {
  analyzeOutcome,
  cardinalitySatisfaction,
  costSatisfaction,
  defaultSatisfaction,
  type EqualSharesCompletion,
  equalSharesCompletions,
  type PbElection,
  type PbOutcome,
  type PbRule,
  type PbRuleOptions,
  pbElectionToJson,
  pbOutcomeToJson,
  pbRules,
  pbTieBreakingDirections,
  pointsSatisfaction,
  projectSupport,
} from "../budgeting/index.js";
import { nextTransition, phaseAt, toICalendar } from "../calendar/index.js";
import { makeIssue } from "../core/issue.js";
import type { MethodInfo } from "../core/methodInfo.js";
import { formatMoney } from "../core/money.js";
import { formatRational } from "../core/rational.js";
import { fail, ok, type Result } from "../core/result.js";
import { parseTieBreakingPolicy } from "../core/tieBreaking.js";
import {
  checkPbElectionText,
  parseAbcvoting,
  parseBallotsJson,
  parseBlt,
  parsePreflib,
  parseRankedCsv,
  readPbElection,
  readPbElectionChecked,
  writePabulib,
} from "../io/index.js";
import {
  type ApprovalProfile,
  committeeMethods,
  methodCatalogue,
  type RankedProfile,
  referendumQuestions,
  resolveTies,
  type ScoreMethod,
  type StvArithmeticSpec,
  scoreMethods,
  type TallyOutcome,
  type TallyTieBreak,
  tallyMethods,
} from "../tally/index.js";

/** Progress lines on stderr once a batch has run longer than this. */
const PROGRESS_AFTER_MS = 2000;

/** Reports `[k/n] what` on stderr for batches that have taken longer than a couple of seconds. */
function progress(io: CliIo, total: number): (done: number, what: string) => void {
  const start = io.now?.();
  return (done, what) => {
    if (start === undefined || io.now === undefined || done >= total) return;
    const elapsed = io.now() - start;
    if (elapsed > PROGRESS_AFTER_MS) {
      io.stderr(`[${done}/${total}] ${what} (${(elapsed / 1000).toFixed(1)} s)\n`);
    }
  };
}

const USAGE = `Usage:
  civitas pb run FILE... --rule <rule> [--sat cost|cardinality|points] [--completion <completion>]
                         [--tie-break cost,votes,id] [--json] [--explain] [--strict]
  civitas pb compare FILE --rules <rule>,<rule>,... [--sat cost|cardinality|points] [--json] [--strict]
  civitas pb check FILE...                      (Pabulib or JSON; warnings and problems, exit 1 if any)
  civitas pb convert FILE --to json|pabulib [--strict]
  civitas pb rules [--json]
  civitas tally FILE... --method <method> [--seats N] [--arithmetic rational|fixed:P|guarded:P[:G]] [--tie-break order|reverse|random:SEED|ID,...] [--irresolute] [--json] [--explain] [--strict]
  civitas tally FILE.json --method <score method|referendum|…>  (JSON ballots: ranked, approval, score, referendum)
  civitas tally methods [--json]
  civitas process check FILE.json...            (a process definition: issues, exit 1 if invalid)
  civitas process at FILE.json --at <ISO instant> [--json]
  civitas process ics FILE.json [--stamp <ISO instant>]
  civitas proposals apply COMMANDS.json [--process FILE.json]   (prints the event log; refusals on stderr)
  civitas proposals replay EVENTS.json [--process FILE.json] [--json]   (proposals, supports, figures by phase and scope)
  civitas proposals budget EVENTS.json --budget <amount> [--scale N] [--description TEXT]   (accepted proposals as a Pabulib file)

Rules: ${pbRules.map((rule) => rule.metadata.id).join(", ")}
Tally files: .blt, PrefLib (.soc .soi .toc .toi .cat), CSV of ranked ballots (ballot_id,rank,choice), abcvoting .abc.yaml, JSON ballots.
Methods: ${tallyMethods.map((method) => method.id).join(", ")}
Committee methods (abcvoting .abc.yaml or approval JSON): ${committeeMethods.map((method) => method.id).join(", ")}
Score methods (score JSON): ${scoreMethods.map((method) => method.id).join(", ")}; referendum (referendum JSON)
Completions (mes): ${equalSharesCompletions.join(", ")}; in --rules write mes/add1 and so on.
Warnings (what was assumed to read a file, or what in it is inconsistent) go to stderr as
"FILE: warning: …"; --strict makes them errors.
Exit codes: 0 success, 1 bad input (one line per problem on stderr), 2 usage error.`;

/**
 * Reads an election file of either form; prints its problems and warnings. For counting
 * (`checked`), identical votes are grouped: the rules count them the same, and a file of
 * a hundred thousand votes then holds a few hundred ballots.
 */
function load(file: string, io: CliIo, strict: boolean, checked = true): PbElection | undefined {
  return readParsed(
    file,
    io,
    checked ? (text) => readPbElectionChecked(text, { grouped: true }) : readPbElection,
    strict,
  );
}

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths =
    rows[0]?.map((_, k) => Math.max(...rows.map((row) => (row[k] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, k) =>
          rightAligned.has(k) ? cell.padStart(widths[k] ?? 0) : cell.padEnd(widths[k] ?? 0),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function humanOutcome(file: string, election: PbElection, outcome: PbOutcome): string {
  const { instance, profile } = election;
  const scale = instance.scale;
  const support = projectSupport(instance, profile);
  const byId = new Map(instance.projects.map((project) => [project.id, project]));
  const scored = profile.voteType !== "approval" && profile.voteType !== "choose-1";
  const header = ["#", "id", "name", "cost", "votes", ...(scored ? ["score"] : [])];
  const rows = outcome.selected.map((id, k) => {
    const project = byId.get(id);
    const counted = support.get(id);
    const name = project?.name ?? "";
    return [
      String(k + 1),
      id,
      name.length > 48 ? `${name.slice(0, 47)}…` : name,
      formatMoney(project?.cost ?? 0n, scale),
      String(counted?.votes ?? 0),
      ...(scored ? [formatRational(counted?.score ?? { num: 0n, den: 1n })] : []),
    ];
  });
  const currency = instance.meta.currency ? ` ${instance.meta.currency}` : "";
  return [
    `${file} — rule ${outcome.rule}: ${outcome.selected.length} of ${instance.projects.length} projects selected`,
    table([header, ...rows], new Set([0, 3, 4, 5])),
    `Total cost: ${formatMoney(outcome.cost, scale)}${currency} of ${formatMoney(outcome.budget, scale)}${currency}; left ${formatMoney(outcome.budget - outcome.cost, scale)}${currency}`,
    ...outcome.notes.map((note) => `Note: ${note}`),
    "",
  ].join("\n");
}

/** The explanation, one line per step, payments summarised per class of voters. */
function humanExplanation(outcome: PbOutcome, scale: number): string {
  const lines = outcome.explanation.map((step, k) => {
    const head = `${String(k + 1).padStart(3)}. ${step.action} ${step.project} (${step.reason}; ${step.measure} ${step.value}; cost ${formatMoney(step.cost, scale)}; left ${formatMoney(step.budgetLeft, scale)})`;
    if (step.payments === undefined || step.payments.length === 0) return head;
    const shown = step.payments
      .slice(0, 6)
      .map(
        (payment) => `${payment.voters} × ${payment.amount}${payment.all ? " (all they had)" : ""}`,
      );
    const more = step.payments.length > 6 ? `, … ${step.payments.length - 6} more classes` : "";
    return `${head}\n       paid by ${shown.join(", ")}${more}`;
  });
  return ["Explanation:", ...lines, ""].join("\n");
}

/** Satisfaction from --sat; none: each rule's default (points for cumulative and scoring ballots, else cost). */
function satisfactionOf(name: string | undefined) {
  if (name === undefined) return undefined;
  if (name === "cost") return costSatisfaction;
  if (name === "cardinality") return cardinalitySatisfaction;
  if (name === "points") return pointsSatisfaction;
  throw new UsageError(`unknown satisfaction "${name}" (cost, cardinality or points)`);
}

/** A rule written as `id` or `mes/<completion>`. */
function ruleOf(
  spec: string,
  completion: string | undefined,
): { rule: PbRule; completion?: EqualSharesCompletion } {
  const [id, inline] = spec.split("/");
  const rule = pbRules.find((candidate) => candidate.metadata.id === id);
  if (rule === undefined) throw new UsageError(`unknown rule "${spec}"`);
  const chosen = inline ?? completion;
  if (chosen === undefined) return { rule };
  if (id !== "mes") throw new UsageError(`only mes takes a completion, not "${spec}"`);
  if (!(equalSharesCompletions as readonly string[]).includes(chosen)) {
    throw new UsageError(`unknown completion "${chosen}" (${equalSharesCompletions.join(", ")})`);
  }
  return { rule, completion: chosen as EqualSharesCompletion };
}

function runCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rule: { type: "string" },
      sat: { type: "string" },
      "tie-break": { type: "string" },
      completion: { type: "string" },
      json: { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
    },
  });
  if (values.rule === undefined) throw new UsageError("pb run needs --rule");
  const { rule, completion } = ruleOf(values.rule, values.completion);
  if (positionals.length === 0) throw new UsageError("pb run needs at least one FILE");
  const sat = satisfactionOf(values.sat);
  let tieBreaking: ReturnType<typeof parseTieBreakingPolicy> | undefined;
  if (values["tie-break"] !== undefined) {
    tieBreaking = parseTieBreakingPolicy(values["tie-break"], pbTieBreakingDirections);
    if (!tieBreaking.ok) throw new UsageError(tieBreaking.issues.map((i) => i.message).join("; "));
  }
  let failed = false;
  const report = progress(io, positionals.length);
  for (const [done, file] of positionals.entries()) {
    report(done, file);
    const election = load(file, io, values.strict);
    if (election === undefined) {
      failed = true;
      continue;
    }
    const { instance, profile } = election;
    const outcome = rule.run(instance, profile, {
      ...(sat === undefined ? {} : { sat }),
      completion,
      ...(tieBreaking?.ok ? { tieBreaking: tieBreaking.value } : {}),
    });
    const counted = reported(file, outcome, io, values.strict);
    if (counted === undefined) {
      failed = true;
      continue;
    }
    if (values.json) {
      io.stdout(`${JSON.stringify({ file, ...pbOutcomeToJson(counted, instance.scale) })}\n`);
    } else {
      io.stdout(humanOutcome(file, election, counted));
      if (values.explain) io.stdout(humanExplanation(counted, instance.scale));
    }
  }
  return failed ? 1 : 0;
}

function compareCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rules: { type: "string" },
      sat: { type: "string" },
      json: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError("pb compare takes exactly one FILE");
  if (values.rules === undefined)
    throw new UsageError("pb compare needs --rules, e.g. greedy,mes/add1,phragmen");
  const specs = values.rules
    .split(",")
    .map((spec) => spec.trim())
    .filter((spec) => spec !== "");
  const rules = specs.map((spec) => ({ spec, ...ruleOf(spec, undefined) }));
  const sat = satisfactionOf(values.sat);
  const file = positionals[0] as string;
  const election = load(file, io, values.strict);
  if (election === undefined) return 1;
  const { instance, profile } = election;
  const report = progress(io, rules.length);
  const results: { spec: string; outcome: PbOutcome }[] = [];
  let failed = false;
  for (const [done, { spec, rule, completion }] of rules.entries()) {
    report(done, spec);
    const options: PbRuleOptions = { ...(sat === undefined ? {} : { sat }), completion };
    const outcome = rule.run(instance, profile, options);
    if (!outcome.ok) {
      for (const issue of outcome.issues) io.stderr(`${file}: ${spec}: ${issue.message}\n`);
      failed = true;
      continue;
    }
    results.push({ spec, outcome: outcome.value });
  }
  const analyses = results.map(({ outcome }) =>
    analyzeOutcome(instance, profile, outcome.selected, { sat }),
  );
  const satId = (sat ?? defaultSatisfaction(profile)).id;
  const scale = instance.scale;
  if (values.json) {
    io.stdout(
      `${JSON.stringify({
        file,
        rules: results.map(({ spec, outcome }, k) => ({
          rule: spec,
          selected: [...outcome.selected],
          cost: formatMoney(outcome.cost, scale),
          budget: formatMoney(outcome.budget, scale),
          analysis: analyses[k],
        })),
      })}\n`,
    );
    return failed ? 1 : 0;
  }
  const chosenBy = results.map(({ outcome }) => new Set(outcome.selected));
  const projects = instance.projects.filter((project) =>
    chosenBy.some((set) => set.has(project.id)),
  );
  const support = projectSupport(instance, profile);
  const header = ["id", "name", "cost", "votes", ...results.map(({ spec }) => spec)];
  const rows = projects.map((project) => [
    project.id,
    project.name.length > 36 ? `${project.name.slice(0, 35)}…` : project.name,
    formatMoney(project.cost, scale),
    String(support.get(project.id)?.votes ?? 0),
    ...chosenBy.map((set) => (set.has(project.id) ? "x" : "")),
  ]);
  const summary = (label: string, cell: (k: number) => string) => [
    label,
    "",
    "",
    "",
    ...results.map((_, k) => cell(k)),
  ];
  const numeric = new Set([2, 3, ...results.map((_, k) => 4 + k)]);
  io.stdout(
    [
      `${file} — ${results.length} rules, ${projects.length} projects funded by at least one`,
      table(
        [
          header,
          ...rows,
          summary("projects", (k) => String(results[k]?.outcome.selected.length ?? 0)),
          summary("cost", (k) => formatMoney(results[k]?.outcome.cost ?? 0n, scale)),
          summary("with a funded project", (k) => analyses[k]?.shareWithFunded ?? ""),
          summary(
            `${satId} satisfaction, median`,
            (k) => analyses[k]?.satisfaction.quantiles.median ?? "",
          ),
          summary("Gini of satisfaction", (k) => analyses[k]?.satisfaction.gini ?? ""),
          summary("reached fair share", (k) => analyses[k]?.fairShare.reached ?? ""),
          summary("category gap (0: spending follows support)", (k) => {
            const categories = analyses[k]?.proportionality.categories;
            return categories === undefined || categories.groups.length === 0
              ? "-"
              : categories.distance;
          }),
        ],
        numeric,
      ),
      "",
    ].join("\n"),
  );
  return failed ? 1 : 0;
}

function checkCommand(args: string[], io: CliIo): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length === 0) throw new UsageError("pb check needs at least one FILE");
  let failed = false;
  for (const file of positionals) {
    const read = readText(file, io);
    if (!read.ok) {
      io.stderr(`${read.line}\n`);
      failed = true;
      continue;
    }
    const issues = checkPbElectionText(read.text);
    for (const issue of issues)
      io.stderr(`${file}: ${issue.severity === "warning" ? "warning: " : ""}${issue.message}\n`);
    if (issues.length > 0) failed = true;
    else io.stdout(`${file}: ok\n`);
  }
  return failed ? 1 : 0;
}

function convertCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: "string" }, strict: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new UsageError("pb convert takes exactly one FILE");
  if (values.to !== "json" && values.to !== "pabulib") {
    throw new UsageError("pb convert needs --to json or --to pabulib");
  }
  const file = positionals[0] as string;
  const election = load(file, io, values.strict, false);
  if (election === undefined) return 1;
  if (values.to === "json") {
    io.stdout(`${JSON.stringify(pbElectionToJson(election))}\n`);
    return 0;
  }
  const written = writePabulib(election);
  if (!written.ok) {
    for (const issue of written.issues) io.stderr(`${file}: ${issue.message}\n`);
    return 1;
  }
  io.stdout(written.value);
  return 0;
}

function rulesCommand(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
  printMethods(
    methodCatalogue.filter((method) => method.kind === "budget"),
    values.json,
    io,
  );
  return 0;
}

/** Catalogue entries, one a line: words, or JSON objects (`--json`). */
function printMethods(methods: readonly MethodInfo[], json: boolean, io: CliIo): void {
  for (const method of methods) {
    const several = method.kind === "committee";
    io.stdout(
      json
        ? `${JSON.stringify({ id: method.id, name: method.name, kind: method.kind, ballot_types: method.ballotTypes, multi_winner: several, properties: method.properties, notes: method.notes, reference: method.reference })}\n`
        : `${method.id.padEnd(18)} ${method.name} [${method.ballotTypes.join(", ")}${several ? ", several seats" : ""}]\n`,
    );
  }
}

/** `order` (the file's), `reverse`, `random:SEED` or a list of ids, as `--tie-break` takes it. */
function tallyTieBreak(text: string | undefined, candidates: readonly string[]): TallyTieBreak {
  if (text === undefined || text === "order") return { by: "order" };
  if (text === "reverse") return { by: "order", order: [...candidates].reverse() };
  if (text.startsWith("random:") && text.length > 7) return { by: "random", seed: text.slice(7) };
  const order = text.split(",").map((id) => id.trim());
  const unknown = order.find((id) => !candidates.includes(id));
  if (unknown !== undefined || order.length === 0)
    throw new UsageError(
      `--tie-break must be order, reverse, random:SEED or candidate ids separated by commas; "${unknown}" is not a candidate`,
    );
  return { by: "order", order };
}

/** `rational`, `fixed:9` or `guarded:18[:9]`, as `--arithmetic` takes it. */
function stvArithmetic(text: string): StvArithmeticSpec {
  if (text === "rational") return { kind: "rational" };
  const match = /^(fixed|guarded):(\d{1,3})(?::(\d{1,3}))?$/.exec(text);
  if (match === null || (match[1] === "fixed" && match[3] !== undefined))
    throw new UsageError(
      `--arithmetic must be rational, fixed:PLACES or guarded:PLACES[:GUARD], not "${text}"`,
    );
  const precision = Number(match[2]);
  return match[1] === "fixed"
    ? { kind: "fixed", precision }
    : {
        kind: "guarded",
        precision,
        ...(match[3] === undefined ? {} : { guard: Number(match[3]) }),
      };
}

/** Reads a ranked-ballot file by its extension. */
function rankedFromText(file: string, text: string): Result<RankedProfile> {
  const extension = file.toLowerCase().split(".").pop() ?? "";
  if (extension === "json") {
    const json = parseBallotsJson(text);
    if (!json.ok) return json;
    if (json.value.type !== "ranked")
      return fail([
        makeIssue(
          "wrong-ballot-type",
          ["type"],
          `the file holds ${json.value.type} ballots, which this method does not count`,
        ),
      ]);
    return ok(json.value.profile, json.warnings);
  }
  if (extension === "blt") return parseBlt(text);
  if (extension === "csv") return parseRankedCsv(text);
  if (["soc", "soi", "toc", "toi", "cat"].includes(extension)) return parsePreflib(text);
  return fail([
    makeIssue(
      "unknown-file-type",
      [],
      `unknown ballot file type ".${extension}" (blt, soc, soi, toc, toi, cat, csv, json)`,
    ),
  ]);
}

function humanTally(
  file: string,
  profile: RankedProfile,
  outcome: TallyOutcome,
  explain: boolean,
  tied: boolean,
): string {
  const name = (id: string) => ownValue(profile.names, id) ?? id;
  const lines = [
    `${file} — ${outcome.method}: ${outcome.winners.length === 0 ? "no winner" : outcome.winners.map(name).join(", ")}${tied ? " (tied)" : ""}`,
    ...outcome.notes.map((note) => `Note: ${note}`),
  ];
  if (explain) {
    outcome.rounds.forEach((round, k) => {
      lines.push(`Round ${k + 1}: ${round.note}`);
      if (round.tallies !== undefined) {
        const rows = Object.entries(round.tallies)
          .sort((a, b) => b[1] - a[1])
          .map(([id, votes]) => [name(id), String(Math.round(votes * 100000) / 100000)]);
        lines.push(table(rows, new Set([1])).replace(/^/gm, "  "));
      }
    });
  }
  return `${lines.join("\n")}\n`;
}

/** An approval profile from a JSON ballots file. */
function approvalFromJson(text: string): Result<ApprovalProfile> {
  const json = parseBallotsJson(text);
  if (!json.ok) return json;
  if (json.value.type !== "approval")
    return fail([
      makeIssue(
        "wrong-ballot-type",
        ["type"],
        `the file holds ${json.value.type} ballots; committee rules count approval ballots`,
      ),
    ]);
  return ok(json.value.profile);
}

/** Score methods and referendums, on JSON ballots files. */
function jsonBallotsCommand(
  method: ScoreMethod | undefined,
  files: readonly string[],
  values: {
    json?: boolean | undefined;
    "tie-break"?: string | undefined;
    irresolute?: boolean | undefined;
    strict?: boolean | undefined;
  },
  io: CliIo,
): number {
  if (files.length === 0) throw new UsageError("tally needs at least one FILE");
  const id = method?.id ?? "referendum";
  let failed = false;
  for (const file of files) {
    const document = readParsed(file, io, parseBallotsJson, values.strict);
    if (document === undefined) {
      failed = true;
      continue;
    }
    if (method !== undefined && document.type === "score") {
      const counted = method.run(document.profile);
      if (!counted.ok) {
        for (const issue of counted.issues) io.stderr(`${file}: ${issue.message}\n`);
        failed = true;
        continue;
      }
      const tied = counted.value.winners.length > 1;
      const result =
        tied && !values.irresolute
          ? resolveTies(
              counted.value,
              document.profile.candidates,
              tallyTieBreak(values["tie-break"], document.profile.candidates),
            )
          : counted.value;
      const names = document.profile.names;
      io.stdout(
        values.json
          ? `${JSON.stringify({
              file,
              method: id,
              winners: result.winners.map((winner) => ownValue(names, winner) ?? winner),
              winner_ids: result.winners,
              ...(result.ranking === undefined ? {} : { ranking: result.ranking }),
              rounds: result.rounds,
              ...(values.irresolute
                ? { tied: counted.value.winners.map((winner) => [winner]) }
                : {}),
              notes: result.notes,
            })}\n`
          : `${file} — ${id}: ${result.winners.map((winner) => ownValue(names, winner) ?? winner).join(", ")}${tied && values.irresolute ? " (tied)" : ""}\n`,
      );
    } else if (method === undefined && document.type === "referendum") {
      const decided = referendumQuestions(document.ballots, document.rules ?? {});
      if (!decided.ok) {
        for (const issue of decided.issues) io.stderr(`${file}: ${issue.message}\n`);
        failed = true;
        continue;
      }
      for (const { question, count, outcome } of decided.value)
        io.stdout(
          values.json
            ? `${JSON.stringify({ file, method: id, question, count, passed: outcome.winners[0] === "yes", rounds: outcome.rounds, notes: outcome.notes })}\n`
            : `${file} — ${question}: ${outcome.notes[0] ?? ""} (yes ${count.yes}, no ${count.no}, abstain ${count.abstain})\n`,
        );
    } else {
      io.stderr(`${file}: the file holds ${document.type} ballots, which ${id} does not count\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** Approval committees from abcvoting files: the committee, or every tied one with --irresolute. */
function committeeCommand(
  method: (typeof committeeMethods)[number],
  files: readonly string[],
  values: {
    seats?: string | undefined;
    "tie-break"?: string | undefined;
    irresolute?: boolean | undefined;
    json?: boolean | undefined;
    strict?: boolean | undefined;
  },
  io: CliIo,
): number {
  if (files.length === 0) throw new UsageError("tally needs at least one FILE");
  let failed = false;
  for (const file of files) {
    const loaded = readParsed(
      file,
      io,
      (text): Result<ApprovalProfile> => {
        if (file.toLowerCase().endsWith(".json")) return approvalFromJson(text);
        const instance = parseAbcvoting(text);
        return instance.ok ? ok(instance.value.profile, instance.warnings) : instance;
      },
      values.strict,
    );
    if (loaded === undefined) {
      failed = true;
      continue;
    }
    const profile: ApprovalProfile = loaded;
    const seats = values.seats === undefined ? profile.seats : Number(values.seats);
    if (seats === undefined || !Number.isInteger(seats) || seats < 1) {
      io.stderr(`${file}: the committee size is missing: give --seats\n`);
      failed = true;
      continue;
    }
    const counted = method.run(profile, seats);
    if (!counted.ok) {
      for (const issue of counted.issues) io.stderr(`${file}: ${issue.message}\n`);
      failed = true;
      continue;
    }
    const outcome = {
      ...counted,
      value: resolveTies(
        counted.value,
        profile.candidates,
        tallyTieBreak(values["tie-break"], profile.candidates),
        { committee: true },
      ),
    };
    const winners = outcome.value.winners;
    if (values.json) {
      io.stdout(
        `${JSON.stringify({
          file,
          method: method.id,
          seats,
          winners: winners.map((id) => ownValue(profile.names, id) ?? id),
          winner_ids: winners,
          rounds: outcome.value.rounds,
          ...(values.irresolute ? { tied: outcome.value.committees ?? [winners] } : {}),
          notes: outcome.value.notes,
        })}\n`,
      );
    } else {
      io.stdout(`${file} — ${method.id}: ${winners.join(", ")}\n`);
      if (values.irresolute)
        for (const tied of outcome.value.committees ?? [])
          io.stdout(`  tied: ${tied.join(", ")}\n`);
    }
  }
  return failed ? 1 : 0;
}

function tallyCommand(args: string[], io: CliIo): number {
  if (args[0] === "methods") {
    const { values } = parseArgs({
      args: args.slice(1),
      options: { json: { type: "boolean", default: false } },
    });
    printMethods(
      methodCatalogue.filter((method) => method.kind !== "budget"),
      values.json,
      io,
    );
    return 0;
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      method: { type: "string" },
      seats: { type: "string" },
      arithmetic: { type: "string" },
      "tie-break": { type: "string" },
      irresolute: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
    },
  });
  if (values.method === undefined)
    throw new UsageError("tally needs --method (see civitas tally methods)");
  const arithmetic = values.arithmetic === undefined ? undefined : stvArithmetic(values.arithmetic);
  const committee = committeeMethods.find((candidate) => candidate.id === values.method);
  if (committee !== undefined) return committeeCommand(committee, positionals, values, io);
  const scoring = scoreMethods.find((candidate) => candidate.id === values.method);
  if (scoring !== undefined || values.method === "referendum")
    return jsonBallotsCommand(scoring, positionals, values, io);
  const method = tallyMethods.find((candidate) => candidate.id === values.method);
  if (method === undefined)
    throw new UsageError(`unknown method "${values.method}" (see civitas tally methods)`);
  if (positionals.length === 0) throw new UsageError("tally needs at least one FILE");
  const seats = values.seats === undefined ? undefined : Number(values.seats);
  if (seats !== undefined && (!Number.isInteger(seats) || seats < 1))
    throw new UsageError(`--seats must be a positive whole number, not "${values.seats}"`);
  let failed = false;
  const report = progress(io, positionals.length);
  for (const [done, file] of positionals.entries()) {
    report(done, file);
    const profile = readParsed(file, io, (text) => rankedFromText(file, text), values.strict);
    if (profile === undefined) {
      failed = true;
      continue;
    }
    const seatCount = seats ?? (method.multiWinner ? profile.seats : 1) ?? 1;
    const outcome = method.run(profile, {
      seats: seatCount,
      ...(arithmetic === undefined ? {} : { arithmetic }),
    });
    if (!outcome.ok) {
      for (const issue of outcome.issues) io.stderr(`${file}: ${issue.message}\n`);
      failed = true;
      continue;
    }
    const result = outcome.value;
    // A single-winner tie is resolved by --tie-break (default: the file's candidate order)
    // unless --irresolute.
    const tied = !method.multiWinner && result.winners.length > 1;
    const resolved =
      tied && !values.irresolute
        ? resolveTies(
            result,
            profile.candidates,
            tallyTieBreak(values["tie-break"], profile.candidates),
          )
        : result;
    const winnerIds = [...resolved.winners];
    if (values.json) {
      io.stdout(
        `${JSON.stringify({
          file,
          method: method.id,
          seats: seatCount,
          winners: winnerIds.map((id) => ownValue(profile.names, id) ?? id),
          winner_ids: winnerIds,
          rounds: result.rounds,
          ...(values.irresolute
            ? {
                tied: method.multiWinner ? [[...result.winners]] : result.winners.map((id) => [id]),
              }
            : {}),
          notes: resolved.notes,
        })}\n`,
      );
    } else {
      io.stdout(humanTally(file, profile, resolved, values.explain, tied && values.irresolute));
    }
  }
  return failed ? 1 : 0;
}

/** An instant as the process's local time with its offset: `2026-10-11 23:59 (+02:00, Europe/Paris)`. */
function localTimeIn(instant: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const offset = (parts.timeZoneName ?? "").replace("GMT", "") || "+00:00";
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (${offset}, ${zone})`;
}

function processCommand(args: string[], io: CliIo): number {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      at: { type: "string" },
      stamp: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError(`process ${command ?? ""} needs a FILE`);
  if (command === "check") {
    let failed = false;
    for (const file of positionals) {
      const process = loadProcess(file, io);
      if (process === undefined) failed = true;
      else
        io.stdout(
          `${file}: ${process.definition.title}, ${process.definition.phases.length} phases in ${process.definition.timeZone}: valid\n`,
        );
    }
    return failed ? 1 : 0;
  }
  if (command === "at") {
    const instant = instantArgument("at", values.at);
    let failed = false;
    for (const file of positionals) {
      const process = loadProcess(file, io);
      if (process === undefined) {
        failed = true;
        continue;
      }
      const { phase, permits } = phaseAt(process, instant);
      const next = nextTransition(process, instant);
      io.stdout(
        values.json
          ? `${JSON.stringify({ file, at: new Date(instant).toISOString(), phase: phase?.id ?? null, title: phase?.title ?? null, permits, next: next === undefined ? null : { ...next, at: new Date(next.at).toISOString(), local: localTimeIn(next.at, process.definition.timeZone) } })}\n`
          : `${file}: ${phase === undefined ? "no phase is running" : `${phase.title} (${phase.id})${permits.length > 0 ? `; permits ${permits.join(", ")}` : ""}`}${next === undefined ? "" : `; next change ${localTimeIn(next.at, process.definition.timeZone)} (${new Date(next.at).toISOString()})`}\n`,
      );
    }
    return failed ? 1 : 0;
  }
  if (command === "ics") {
    const stamp =
      values.stamp === undefined ? (io.clock?.() ?? 0) : instantArgument("stamp", values.stamp);
    let failed = false;
    for (const file of positionals) {
      const process = loadProcess(file, io);
      if (process === undefined) failed = true;
      else io.stdout(toICalendar(process, { stamp }));
    }
    return failed ? 1 : 0;
  }
  throw new UsageError(`unknown command "process ${command ?? ""}"`);
}

/**
 * Runs the `civitas` command with the given arguments and returns its exit code.
 * Never throws on bad input or usage: it prints one clear line per problem.
 */
export function runCli(args: readonly string[], io: CliIo): number {
  const [group, command, ...rest] = args;
  try {
    if (group === undefined || group === "--help" || group === "-h" || group === "help") {
      io.stdout(`${USAGE}\n`);
      return group === undefined ? 2 : 0;
    }
    if (group === "tally")
      return tallyCommand(
        [command ?? "", ...rest].filter((arg, k) => k > 0 || arg !== ""),
        io,
      );
    if (group === "process") return processCommand([command ?? "", ...rest], io);
    if (group === "proposals") return proposalsCommand([command ?? "", ...rest], io);
    if (group !== "pb") throw new UsageError(`unknown command "${group}"`);
    switch (command) {
      case "run":
        return runCommand(rest, io);
      case "compare":
        return compareCommand(rest, io);
      case "check":
        return checkCommand(rest, io);
      case "convert":
        return convertCommand(rest, io);
      case "rules":
        return rulesCommand(rest, io);
      case "--help":
      case "-h":
        io.stdout(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(
          command === undefined ? "pb needs a command" : `unknown command "pb ${command}"`,
        );
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      io.stderr(`civitas: ${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`civitas: internal error: ${(error as Error).message}\n`);
    return 70;
  }
}
