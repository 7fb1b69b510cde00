import { parseArgs } from "node:util";
import {
  parseJsonText,
  writeAbcvoting,
  writePabulib,
  writePreflib,
  writePreflibCategories,
} from "../io/index.js";
import {
  approvalImpartialCulture,
  budgetElection,
  EXPERIMENT_CSV_HEADER,
  type Experiment,
  experimentFromJson,
  experimentRowCsv,
  experimentUnits,
  impartialCulture,
  mallows,
  resampling,
  runExperiment,
  singlePeakedConitzer,
  singlePeakedWalsh,
  urn,
} from "../simulation/index.js";
import type { RankedProfile } from "../tally/index.js";
import { type CliIo, progress, readParsed, UsageError, withJson } from "./cliSupport.js";

const MODELS = [
  "impartial-culture",
  "mallows",
  "urn",
  "single-peaked-walsh",
  "single-peaked-conitzer",
];
const APPROVAL_MODELS = ["approval-impartial-culture", "resampling"];

/** A whole number option, within limits. */
function count(name: string, text: string | undefined, low: number, high: number): number {
  const value = Number(text);
  if (text === undefined || !Number.isInteger(value) || value < low || value > high)
    throw new UsageError(`--${name} takes a whole number from ${low} to ${high}`);
  return value;
}

/** A number option in [0, ∞) or [0, 1]. */
function share(name: string, text: string | undefined, high = 1): number {
  const value = Number(text);
  if (text === undefined || !(value >= 0 && value <= high))
    throw new UsageError(`--${name} takes a number from 0 to ${high}`);
  return value;
}

function profileOf(values: Record<string, string | boolean | undefined>): RankedProfile {
  const options = {
    candidates: count("candidates", values.candidates as string | undefined, 2, 10),
    voters: count("voters", values.voters as string | undefined, 1, 100_000_000),
    seed: (values.seed as string | undefined) ?? "1",
  };
  switch (values.model) {
    case "impartial-culture":
      return impartialCulture(options);
    case "mallows":
      return mallows({ ...options, phi: share("phi", values.phi as string | undefined) });
    case "urn":
      return urn({ ...options, alpha: share("alpha", values.alpha as string | undefined, 1e9) });
    case "single-peaked-walsh":
      return singlePeakedWalsh(options);
    case "single-peaked-conitzer":
      return singlePeakedConitzer(options);
    default:
      throw new UsageError(`--model takes one of ${MODELS.join(", ")}`);
  }
}

/** `sim profile --model budget`: a participatory budget as a Pabulib file. */
function budgetProfile(values: Record<string, string | boolean | undefined>, io: CliIo): number {
  if ((values.format ?? "pb") !== "pb") throw new UsageError("the budget model writes --format pb");
  const budget = count("budget", values.budget as string | undefined, 1, Number.MAX_SAFE_INTEGER);
  const election = budgetElection({
    projects: count("projects", values.projects as string | undefined, 1, 10_000),
    voters: count("voters", values.voters as string | undefined, 1, 10_000_000),
    seed: (values.seed as string | undefined) ?? "1",
    budget: BigInt(budget),
    costs: {
      uniform: [
        BigInt(Math.max(1, Math.floor(budget / 50))),
        BigInt(Math.max(1, Math.floor(budget / 5))),
      ],
    },
    approve: values.p === undefined ? 0.5 : share("p", values.p as string),
  });
  const written = writePabulib(election);
  if (!written.ok) throw new Error(written.issues[0]?.message);
  io.stdout(written.value);
  return 0;
}

/** The rows of an earlier run (JSON lines), for `--resume`. */
function earlierRows(file: string, io: CliIo) {
  return readParsed(file, io, (text) => {
    const rows: { unit: number; method: string }[] = [];
    for (const [k, line] of text.split("\n").entries()) {
      if (line.trim() === "") continue;
      const row = parseJsonText(line);
      if (!row.ok)
        return {
          ...row,
          issues: row.issues.map((issue) => ({
            ...issue,
            message: `line ${k + 1}: ${issue.message}`,
          })),
        };
      rows.push(row.value as { unit: number; method: string });
    }
    return { ok: true, value: rows, warnings: [] };
  });
}

/** `civitas sim profile …` (a drawn profile as a PrefLib file or JSON ballots) and `civitas sim run EXPERIMENT.json`. */
export function simCommand(args: string[], cli: CliIo): number {
  const [command, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      model: { type: "string" },
      p: { type: "string" },
      seats: { type: "string" },
      projects: { type: "string" },
      budget: { type: "string" },
      phi: { type: "string" },
      alpha: { type: "string" },
      candidates: { type: "string" },
      voters: { type: "string" },
      seed: { type: "string" },
      top: { type: "string" },
      format: { type: "string" },
      resume: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const io = withJson(cli, values.json);
  if (command === "profile") {
    if (values.model === "budget") return budgetProfile(values, io);
    if (APPROVAL_MODELS.includes(values.model ?? "")) {
      const format = values.format ?? "abc.yaml";
      if (format !== "abc.yaml" && format !== "cat")
        throw new UsageError("approval models write --format abc.yaml or cat");
      const options = {
        candidates: count("candidates", values.candidates, 2, 64),
        voters: count("voters", values.voters, 1, 10_000_000),
        seed: values.seed ?? "1",
        p: share("p", values.p),
      };
      const profile =
        values.model === "resampling"
          ? resampling({ ...options, phi: share("phi", values.phi) })
          : approvalImpartialCulture(options);
      if (format === "cat") io.stdout(writePreflibCategories(profile));
      else {
        const seats = count("seats", values.seats ?? "1", 1, options.candidates);
        io.stdout(writeAbcvoting({ profile: { ...profile, seats }, expected: [] }));
      }
      return 0;
    }
    const format = values.format ?? (values.top === undefined ? "soc" : "soi");
    if (!["soc", "soi", "json"].includes(format))
      throw new UsageError("ordinal models write --format soc, soi or json");
    if ((format === "soi") !== (values.top !== undefined) && format !== "json")
      throw new UsageError(
        "--format soi writes each voter's first --top K candidates (and needs --top); soc writes whole rankings",
      );
    let profile = profileOf(values);
    if (values.top !== undefined) {
      const top = count("top", values.top, 1, profile.candidates.length - 1);
      profile = {
        ...profile,
        ballots: profile.ballots.map((ballot) => ({
          ...ballot,
          ranking: ballot.ranking.slice(0, top),
        })),
      };
    }
    if (format === "json") io.stdout(`${JSON.stringify({ type: "ranked", profile })}\n`);
    else io.stdout(writePreflib(profile));
    return 0;
  }
  if (command === "run") {
    const [file] = positionals;
    if (file === undefined) throw new UsageError("sim run needs an EXPERIMENT.json");
    const spec: Experiment | undefined = readParsed(file, io, (text) => {
      const json = parseJsonText(text);
      return json.ok ? experimentFromJson(json.value) : json;
    });
    if (spec === undefined) return 1;
    let done: { unit: number; method: string }[] | undefined;
    if (values.resume !== undefined) {
      done = earlierRows(values.resume, io);
      if (done === undefined) return 1;
    }
    const format = values.format ?? "jsonl";
    if (format !== "jsonl" && format !== "csv")
      throw new UsageError("sim run writes --format jsonl (the default) or csv");
    if (format === "csv" && values.resume !== undefined)
      throw new UsageError("--resume reads and continues JSON lines: leave out --format csv");
    const report = progress(io, experimentUnits(spec));
    if (format === "csv") io.stdout(`${EXPERIMENT_CSV_HEADER}\n`);
    runExperiment(spec, {
      onRow: (row) =>
        io.stdout(`${format === "csv" ? experimentRowCsv(row) : JSON.stringify(row)}\n`),
      onProgress: (done, total) => report(done, `${done} of ${total} profiles`),
      done,
    });
    return 0;
  }
  throw new UsageError(`unknown command "sim ${command ?? ""}"`);
}
