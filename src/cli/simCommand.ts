import { parseArgs } from "node:util";
import { parseSchema } from "../core/parseSchema.js";
import { schemaIssues } from "../core/schemaIssues.js";
import {
  parseJsonText,
  writeAbcvoting,
  writePabulib,
  writePreflib,
  writePreflibCategories,
} from "../io/index.js";
import {
  approvalImpartialCulture,
  approvalNoise,
  budgetElection,
  disjointResampling,
  drawOrdinalProfile,
  type Experiment,
  euclideanApproval,
  experimentCsvHeader,
  experimentFromJson,
  experimentRowCsv,
  experimentUnits,
  ordinalGeneratorSchema,
  resampling,
  runExperiment,
} from "../simulation/index.js";
import type { RankedProfile } from "../tally/index.js";
import { type CliIo, progress, readParsed, UsageError, withJson } from "./cliSupport.js";

const APPROVAL_MODELS = [
  "approval-impartial-culture",
  "resampling",
  "disjoint-resampling",
  "approval-noise",
  "euclidean-approval",
];

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

/** A number option, when given. */
const numberOption = (text: unknown) => (text === undefined ? undefined : Number(text));

/** An ordinal model's profile, its parameters read from the flags and checked by the model's schema. */
function profileOf(values: Record<string, string | boolean | undefined>): RankedProfile {
  const size = {
    candidates: count("candidates", values.candidates as string | undefined, 2, 10),
    voters: count("voters", values.voters as string | undefined, 1, 100_000_000),
  };
  const spec = Object.fromEntries(
    Object.entries({
      model: values.model,
      phi: numberOption(values.phi),
      normalizedPhi: numberOption(values["normalized-phi"]),
      alpha: numberOption(values.alpha),
      tree: values.tree,
      dimensions: numberOption(values.dimensions),
      space: values.space,
    }).filter(([, value]) => value !== undefined),
  );
  const generator = parseSchema(ordinalGeneratorSchema, spec);
  if (!generator.success) {
    const [issue] = schemaIssues(generator.error, "invalid-experiment", "generator");
    const field = String(issue?.path[0] ?? "model");
    throw new UsageError(PARAMETER_HINTS[field] ?? `--model takes one of ${ORDINAL_MODELS}`);
  }
  return drawOrdinalProfile(generator.data, size, (values.seed as string | undefined) ?? "1");
}

/** What each ordinal model's flag takes, said when it is missing or out of range. */
const PARAMETER_HINTS: Readonly<Record<string, string>> = {
  phi: "--phi takes a number from 0 to 1",
  normalizedPhi: "--normalized-phi takes a number from 0 to 1",
  alpha: "--alpha takes a number from 0",
  tree: "--tree takes balanced, caterpillar or random",
  dimensions: "--dimensions takes a whole number from 1 to 100",
  space: "--space takes uniform or gaussian",
};

const ORDINAL_MODELS =
  "impartial-culture, impartial-anonymous-culture, mallows (--phi), mallows-normalized (--normalized-phi), urn (--alpha), single-peaked-walsh, single-peaked-conitzer, single-crossing, group-separable (--tree balanced|caterpillar|random), euclidean (--dimensions D --space uniform|gaussian)";

/** An approval model's profile from the flags. */
function approvalProfileOf(values: Record<string, string | boolean | undefined>) {
  const options = {
    candidates: count("candidates", values.candidates as string | undefined, 2, 64),
    voters: count("voters", values.voters as string | undefined, 1, 10_000_000),
    seed: (values.seed as string | undefined) ?? "1",
  };
  const p = () => share("p", values.p as string | undefined);
  const phi = () => share("phi", values.phi as string | undefined);
  switch (values.model) {
    case "resampling":
      return resampling({ ...options, p: p(), phi: phi() });
    case "disjoint-resampling": {
      const groups = count("groups", values.groups as string | undefined, 1, options.candidates);
      const chance = p();
      if (chance * groups > 1) throw new UsageError("--p times --groups must be at most 1");
      return disjointResampling({ ...options, p: chance, phi: phi(), groups });
    }
    case "approval-noise":
      return approvalNoise({ ...options, p: p(), phi: phi() });
    case "euclidean-approval": {
      const dimensions = count("dimensions", values.dimensions as string | undefined, 1, 100);
      if ((values.radius === undefined) === (values.threshold === undefined))
        throw new UsageError("euclidean-approval takes --radius R or --threshold T");
      return values.radius !== undefined
        ? euclideanApproval({
            ...options,
            dimensions,
            radius: share("radius", values.radius as string, 1e9),
          })
        : euclideanApproval({
            ...options,
            dimensions,
            threshold: share("threshold", values.threshold as string, 1e9),
          });
    }
    default:
      return approvalImpartialCulture({ ...options, p: p() });
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
      "normalized-phi": { type: "string" },
      tree: { type: "string" },
      dimensions: { type: "string" },
      space: { type: "string" },
      groups: { type: "string" },
      radius: { type: "string" },
      threshold: { type: "string" },
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
      const profile = approvalProfileOf(values);
      if (format === "cat") io.stdout(writePreflibCategories(profile));
      else {
        const seats = count("seats", values.seats ?? "1", 1, profile.candidates.length);
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
    if (format === "csv") io.stdout(`${experimentCsvHeader(spec)}\n`);
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
