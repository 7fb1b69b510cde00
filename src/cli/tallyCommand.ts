import { parseArgs } from "node:util";
import { ownValue } from "../core/idRecord.js";
import { makeIssue } from "../core/issue.js";
import type { Result } from "../core/result.js";
import { readElection, readElectionOf } from "../io/index.js";
import {
  type CommitteeMethod,
  committeeMethods,
  methodCatalogue,
  parseStvArithmetic,
  parseTallyTieBreak,
  type RankedProfile,
  referendumQuestions,
  type ScoreMethod,
  scoreMethods,
  settleTies,
  type TallyMethod,
  type TallyOutcome,
  type TiePolicy,
  tallyMethods,
  tallyOutcomeToJson,
} from "../tally/index.js";
import {
  type CliIo,
  printIssue,
  printMethods,
  progress,
  readParsed,
  table,
  UsageError,
  unknownId,
  withJson,
} from "./cliSupport.js";

/** The options `civitas tally` takes. */
interface TallyFlags {
  readonly seats?: string | undefined;
  readonly arithmetic?: string | undefined;
  readonly "tie-break"?: string | undefined;
  readonly irresolute: boolean;
  readonly json: boolean;
  readonly explain: boolean;
  readonly strict: boolean;
}

/** A library result the command cannot go on without: its issues as a usage error. */
function required<T>(result: Result<T>, flag: string): T {
  if (!result.ok) throw new UsageError(`${flag}: ${result.issues[0]?.message ?? "invalid"}`);
  return result.value;
}

function tiePolicy(flags: TallyFlags, candidates: readonly string[]): TiePolicy {
  return {
    tieBreak: required(parseTallyTieBreak(flags["tie-break"], candidates), "--tie-break"),
    irresolute: flags.irresolute,
  };
}

function humanTally(
  file: string,
  names: Readonly<Record<string, string>>,
  outcome: TallyOutcome,
  explain: boolean,
  tied: boolean,
): string {
  const name = (id: string) => ownValue(names, id) ?? id;
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

/** Prints one counted file: JSON (one object a line) or words. */
function printTally(
  file: string,
  counted: Result<TallyOutcome>,
  context: {
    readonly method: string;
    readonly kind: "single-winner" | "committee" | "stv";
    readonly candidates: readonly string[];
    readonly names: Readonly<Record<string, string>>;
    readonly seats?: number | undefined;
  },
  flags: TallyFlags,
  io: CliIo,
): boolean {
  if (!counted.ok) {
    for (const issue of counted.issues) printIssue(io, file, issue);
    return false;
  }
  const settled = settleTies(
    counted.value,
    context.candidates,
    context.kind,
    tiePolicy(flags, context.candidates),
  );
  if (flags.json) {
    const json = tallyOutcomeToJson(settled.outcome, {
      method: context.method,
      names: context.names,
      seats: context.seats,
      tied: settled.options,
    });
    io.stdout(`${JSON.stringify({ file, ...json })}\n`);
  } else if (context.kind === "committee") {
    io.stdout(`${file} — ${context.method}: ${settled.outcome.winners.join(", ")}\n`);
    if (flags.irresolute)
      for (const tied of settled.outcome.committees ?? [])
        io.stdout(`  tied: ${tied.join(", ")}\n`);
  } else {
    io.stdout(
      humanTally(
        file,
        context.names,
        settled.outcome,
        flags.explain,
        settled.tied && flags.irresolute,
      ),
    );
  }
  return true;
}

/** Ranked rules (single winner and STV) on ranked ballot files. */
function rankedCommand(
  method: TallyMethod,
  files: readonly string[],
  flags: TallyFlags,
  io: CliIo,
): number {
  const arithmetic =
    flags.arithmetic === undefined
      ? undefined
      : required(parseStvArithmetic(flags.arithmetic), "--arithmetic");
  const seats = flags.seats === undefined ? undefined : Number(flags.seats);
  if (seats !== undefined && (!Number.isInteger(seats) || seats < 1))
    throw new UsageError(`--seats must be a positive whole number, not "${flags.seats}"`);
  let failed = false;
  const report = progress(io, files.length);
  for (const [done, file] of files.entries()) {
    report(done, file);
    const profile: RankedProfile | undefined = readParsed(
      file,
      io,
      (text) => readElectionOf(file, text, "ranked"),
      flags.strict,
    );
    if (profile === undefined) {
      failed = true;
      continue;
    }
    const seatCount = seats ?? (method.multiWinner ? profile.seats : 1) ?? 1;
    const counted = method.run(profile, {
      seats: seatCount,
      ...(arithmetic === undefined ? {} : { arithmetic }),
    });
    const context = {
      method: method.id,
      kind: method.multiWinner ? ("stv" as const) : ("single-winner" as const),
      candidates: profile.candidates,
      names: profile.names,
      seats: seatCount,
    };
    if (!printTally(file, counted, context, flags, io)) failed = true;
  }
  return failed ? 1 : 0;
}

/**
 * Progress of a search over every committee, on stderr: nothing for the first two
 * seconds, then a line at most every second (`pav: 1,048,576 of 3,268,760 committees
 * (32%), 4.1 s`).
 */
function searchProgress(io: CliIo, method: string): (done: number, total: number) => void {
  const start = io.now?.();
  let shown: number | undefined;
  return (done, total) => {
    if (start === undefined || io.now === undefined || done >= total) return;
    const now = io.now();
    if (now - start < 2_000 || (shown !== undefined && now - shown < 1_000)) return;
    shown = now;
    const share = Math.floor((100 * done) / total);
    io.stderr(
      `${method}: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} committees (${share}%), ${((now - start) / 1000).toFixed(1)} s\n`,
    );
  };
}

/** Approval committees on abcvoting or approval JSON files. */
function committeeCommand(
  method: CommitteeMethod,
  files: readonly string[],
  flags: TallyFlags,
  io: CliIo,
): number {
  let failed = false;
  for (const file of files) {
    const profile = readParsed(
      file,
      io,
      (text) => readElectionOf(file, text, "approval"),
      flags.strict,
    );
    if (profile === undefined) {
      failed = true;
      continue;
    }
    const seats = flags.seats === undefined ? profile.seats : Number(flags.seats);
    if (seats === undefined || !Number.isInteger(seats) || seats < 1) {
      printIssue(
        io,
        file,
        makeIssue("missing-seats", ["seats"], "the committee size is missing: give --seats"),
      );
      failed = true;
      continue;
    }
    const context = {
      method: method.id,
      kind: "committee" as const,
      candidates: profile.candidates,
      names: profile.names,
      seats,
    };
    const outcome = method.run(profile, seats, { onProgress: searchProgress(io, method.id) });
    if (!printTally(file, outcome, context, flags, io)) failed = true;
  }
  return failed ? 1 : 0;
}

/** Score methods and referendums on JSON ballots files. */
function jsonBallotsCommand(
  method: ScoreMethod | undefined,
  files: readonly string[],
  flags: TallyFlags,
  io: CliIo,
): number {
  const id = method?.id ?? "referendum";
  let failed = false;
  for (const file of files) {
    const document = readParsed(file, io, (text) => readElection(file, text), flags.strict);
    if (document === undefined) {
      failed = true;
    } else if (method !== undefined && document.type === "score") {
      const { profile } = document;
      const context = {
        method: id,
        kind: "single-winner" as const,
        candidates: profile.candidates,
        names: profile.names,
      };
      if (!printTally(file, method.run(profile), context, flags, io)) failed = true;
    } else if (method === undefined && document.type === "referendum") {
      const decided = referendumQuestions(document.ballots, document.rules ?? {});
      if (!decided.ok) {
        for (const issue of decided.issues) printIssue(io, file, issue);
        failed = true;
        continue;
      }
      for (const { question, count, outcome } of decided.value)
        io.stdout(
          flags.json
            ? `${JSON.stringify({ file, method: id, question, count, passed: outcome.winners[0] === "yes", rounds: outcome.rounds, notes: outcome.notes })}\n`
            : `${file} — ${question}: ${outcome.notes[0] ?? ""} (yes ${count.yes}, no ${count.no}, abstain ${count.abstain})\n`,
        );
    } else {
      printIssue(
        io,
        file,
        makeIssue(
          "wrong-ballot-type",
          ["type"],
          `the file holds ${document.type} ballots, which ${id} does not count`,
          {
            found: document.type,
          },
        ),
      );
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** `civitas tally FILE… --method M …` and `civitas tally methods`. */
export function tallyCommand(args: string[], cli: CliIo): number {
  if (args[0] === "methods") {
    const { values } = parseArgs({
      args: args.slice(1),
      options: { json: { type: "boolean", default: false } },
    });
    printMethods(
      methodCatalogue.filter((method) => method.kind !== "budget"),
      values.json,
      cli,
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
  const io = withJson(cli, values.json);
  if (values.method === undefined)
    throw new UsageError("tally needs --method (see civitas tally methods)");
  const ids = methodCatalogue
    .filter((method) => method.kind !== "budget")
    .map((method) => method.id);
  if (!ids.includes(values.method)) throw unknownId("method", values.method, ids);
  if (positionals.length === 0) throw new UsageError("tally needs at least one FILE");
  const committee = committeeMethods.find((candidate) => candidate.id === values.method);
  if (committee !== undefined) return committeeCommand(committee, positionals, values, io);
  const ranked = tallyMethods.find((candidate) => candidate.id === values.method);
  if (ranked !== undefined) return rankedCommand(ranked, positionals, values, io);
  const scoring = scoreMethods.find((candidate) => candidate.id === values.method);
  return jsonBallotsCommand(scoring, positionals, values, io);
}
