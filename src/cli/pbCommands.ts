import { parseArgs } from "node:util";
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
import { formatMoney } from "../core/money.js";
import { formatRational } from "../core/rational.js";
import { parseTieBreakingPolicy } from "../core/tieBreaking.js";
import {
  checkPbElectionText,
  readPbElection,
  readPbElectionChecked,
  writePabulib,
} from "../io/index.js";
import { methodCatalogue } from "../tally/index.js";
import {
  type CliIo,
  printIssue,
  printMethods,
  progress,
  readParsed,
  readText,
  reported,
  table,
  UsageError,
  unknownId,
  withJson,
} from "./cliSupport.js";

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
    const head = `${String(k + 1).padStart(3)}. ${step.action} ${step.project} (${step.reason}; ${step.measure} ${step.value}; cost ${formatMoney(step.cost, scale)}; left ${formatMoney(step.budgetLeft, scale)}${step.tiedWith === undefined ? "" : `; tied with ${step.tiedWith.join(", ")}, decided by the tie-breaking policy`})`;
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
  if (rule === undefined)
    throw unknownId(
      "rule",
      spec,
      pbRules.map((candidate) => candidate.metadata.id),
    );
  const chosen = inline ?? completion;
  if (chosen === undefined) return { rule };
  if (id !== "mes") throw new UsageError(`only mes takes a completion, not "${spec}"`);
  if (!(equalSharesCompletions as readonly string[]).includes(chosen)) {
    throw new UsageError(`unknown completion "${chosen}" (${equalSharesCompletions.join(", ")})`);
  }
  return { rule, completion: chosen as EqualSharesCompletion };
}

function runCommand(args: string[], cli: CliIo): number {
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
  const io = withJson(cli, values.json);
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

function compareCommand(args: string[], cli: CliIo): number {
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
  const io = withJson(cli, values.json);
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
      for (const issue of outcome.issues) printIssue(io, file, issue, `${spec}: `);
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
      printIssue(io, file, read.issue);
      failed = true;
      continue;
    }
    const issues = checkPbElectionText(read.text);
    for (const issue of issues) printIssue(io, file, issue);
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
    for (const issue of written.issues) printIssue(io, file, issue);
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

/** `civitas pb COMMAND …`: run, compare, check, convert, rules. */
export function pbCommand(command: string | undefined, args: string[], io: CliIo): number {
  switch (command) {
    case "run":
      return runCommand(args, io);
    case "compare":
      return compareCommand(args, io);
    case "check":
      return checkCommand(args, io);
    case "convert":
      return convertCommand(args, io);
    case "rules":
      return rulesCommand(args, io);
    default:
      throw new UsageError(
        command === undefined ? "pb needs a command" : `unknown command "pb ${command}"`,
      );
  }
}
