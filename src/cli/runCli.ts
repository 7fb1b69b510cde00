import { parseArgs } from "node:util";
import {
  cardinalitySatisfaction,
  costSatisfaction,
  type PbElection,
  type PbOutcome,
  pbElectionFromJson,
  pbElectionToJson,
  pbOutcomeToJson,
  pbRules,
  pbTieBreakingDirections,
  projectSupport,
} from "../budgeting/index.js";
import { formatMoney } from "../core/money.js";
import { formatRational } from "../core/rational.js";
import { parseTieBreakingPolicy } from "../core/tieBreaking.js";
import { checkPabulib, parsePabulib, writePabulib } from "../io/index.js";

/** Where the CLI writes: injected so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Uint8Array;
}

const USAGE = `Usage:
  civitas pb run FILE... --rule <rule> [--sat cost|cardinality] [--tie-break cost,votes,id] [--json]
  civitas pb check FILE...
  civitas pb convert FILE --to json|pabulib
  civitas pb rules

Rules: ${pbRules.map((rule) => rule.metadata.id).join(", ")}
Exit codes: 0 success, 1 bad input (one line per problem on stderr), 2 usage error.`;

class UsageError extends Error {}

type Loaded = { ok: true; election: PbElection } | { ok: false; lines: string[] };

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Reads a file as UTF-8 text, or the one line that says why it cannot be read. */
function readText(
  file: string,
  io: CliIo,
): { ok: true; text: string } | { ok: false; line: string } {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot read the file";
    return { ok: false, line: `${file}: ${reason}` };
  }
  const text = decode(bytes);
  return text === undefined
    ? { ok: false, line: `${file}: line 1, column 1: the file is not UTF-8 text (binary data?)` }
    : { ok: true, text };
}

function load(file: string, io: CliIo): Loaded {
  const read = readText(file, io);
  if (!read.ok) return { ok: false, lines: [read.line] };
  const text = read.text;
  if (text.trimStart().startsWith("{")) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { ok: false, lines: [`${file}: invalid JSON: ${(error as Error).message}`] };
    }
    const result = pbElectionFromJson(data);
    return result.ok
      ? { ok: true, election: result.value }
      : { ok: false, lines: result.issues.map((issue) => `${file}: ${issue.message}`) };
  }
  const result = parsePabulib(text);
  return result.ok
    ? { ok: true, election: result.value }
    : { ok: false, lines: result.issues.map((issue) => `${file}: ${issue.message}`) };
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

function runCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rule: { type: "string" },
      sat: { type: "string" },
      "tie-break": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const rule = pbRules.find((candidate) => candidate.metadata.id === values.rule);
  if (values.rule === undefined) throw new UsageError("pb run needs --rule");
  if (rule === undefined) throw new UsageError(`unknown rule "${values.rule}"`);
  if (positionals.length === 0) throw new UsageError("pb run needs at least one FILE");
  const sat =
    values.sat === undefined || values.sat === "cost"
      ? costSatisfaction
      : values.sat === "cardinality"
        ? cardinalitySatisfaction
        : undefined;
  if (sat === undefined)
    throw new UsageError(`unknown satisfaction "${values.sat}" (cost or cardinality)`);
  let tieBreaking: ReturnType<typeof parseTieBreakingPolicy> | undefined;
  if (values["tie-break"] !== undefined) {
    tieBreaking = parseTieBreakingPolicy(values["tie-break"], pbTieBreakingDirections);
    if (!tieBreaking.ok) throw new UsageError(tieBreaking.issues.map((i) => i.message).join("; "));
  }
  let failed = false;
  for (const file of positionals) {
    const loaded = load(file, io);
    if (!loaded.ok) {
      for (const line of loaded.lines) io.stderr(`${line}\n`);
      failed = true;
      continue;
    }
    const { instance, profile } = loaded.election;
    const outcome = rule.run(instance, profile, {
      sat,
      ...(tieBreaking?.ok ? { tieBreaking: tieBreaking.value } : {}),
    });
    if (!outcome.ok) {
      for (const issue of outcome.issues) io.stderr(`${file}: ${issue.message}\n`);
      failed = true;
      continue;
    }
    if (values.json) {
      io.stdout(`${JSON.stringify({ file, ...pbOutcomeToJson(outcome.value, instance.scale) })}\n`);
    } else {
      io.stdout(humanOutcome(file, loaded.election, outcome.value));
    }
  }
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
    const issues = checkPabulib(read.text);
    for (const issue of issues) io.stderr(`${file}: ${issue.message}\n`);
    if (issues.length > 0) failed = true;
    else io.stdout(`${file}: ok\n`);
  }
  return failed ? 1 : 0;
}

function convertCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UsageError("pb convert takes exactly one FILE");
  if (values.to !== "json" && values.to !== "pabulib") {
    throw new UsageError("pb convert needs --to json or --to pabulib");
  }
  const file = positionals[0] as string;
  const loaded = load(file, io);
  if (!loaded.ok) {
    for (const line of loaded.lines) io.stderr(`${line}\n`);
    return 1;
  }
  io.stdout(
    values.to === "json"
      ? `${JSON.stringify(pbElectionToJson(loaded.election))}\n`
      : writePabulib(loaded.election),
  );
  return 0;
}

function rulesCommand(io: CliIo): number {
  for (const { metadata } of pbRules) {
    io.stdout(
      `${metadata.id.padEnd(18)} ${metadata.description} [${metadata.ballotTypes.join(", ")}]\n`,
    );
  }
  return 0;
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
    if (group !== "pb") throw new UsageError(`unknown command "${group}"`);
    switch (command) {
      case "run":
        return runCommand(rest, io);
      case "check":
        return checkCommand(rest, io);
      case "convert":
        return convertCommand(rest, io);
      case "rules":
        return rulesCommand(io);
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
