import * as z from "zod/mini";
import { csvField } from "../core/csvField.js";
import type { Issue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import type { RankedProfile } from "../tally/ballots/rankedProfile.js";
import { condorcetWinner } from "../tally/condorcet/condorcetWinner.js";
import { tallyMethods } from "../tally/tallyMethods.js";
import {
  type SingleWinnerAxiom,
  singleWinnerAxioms,
  winnersOf,
} from "./axioms/singleWinnerAxioms.js";
import { euclidean } from "./ordinal/euclidean.js";
import { groupSeparable } from "./ordinal/groupSeparable.js";
import { impartialAnonymousCulture } from "./ordinal/impartialAnonymousCulture.js";
import { impartialCulture } from "./ordinal/impartialCulture.js";
import { mallows } from "./ordinal/mallows.js";
import { singleCrossing } from "./ordinal/singleCrossing.js";
import { singlePeakedConitzer, singlePeakedWalsh } from "./ordinal/singlePeaked.js";
import { urn } from "./ordinal/urn.js";
import { simulationIssue } from "./simulationIssues.js";

const unit = z.number().check(z.gte(0), z.lte(1));

/** The axioms an experiment can measure, by id. */
const AXIOM_IDS = singleWinnerAxioms.map((axiom) => axiom.id) as [string, ...string[]];

/**
 * The ordinal models an experiment (or `civitas sim profile`) can draw from, as data: a
 * model id and its parameters.
 *
 * @category Experiments
 * @example
 * ```ts
 * parseSchema(ordinalGeneratorSchema, { model: "mallows", phi: 0.5 }).success; //=> true
 * ```
 */
export const ordinalGeneratorSchema = z.discriminatedUnion("model", [
  z.object({ model: z.literal("impartial-culture") }),
  z.object({ model: z.literal("impartial-anonymous-culture") }),
  z.object({ model: z.literal("mallows"), phi: unit }),
  z.object({ model: z.literal("mallows-normalized"), normalizedPhi: unit }),
  z.object({ model: z.literal("urn"), alpha: z.number().check(z.gte(0)) }),
  z.object({ model: z.literal("single-peaked-walsh") }),
  z.object({ model: z.literal("single-peaked-conitzer") }),
  z.object({ model: z.literal("single-crossing") }),
  z.object({
    model: z.literal("group-separable"),
    tree: z.enum(["balanced", "caterpillar", "random"]),
  }),
  z.object({
    model: z.literal("euclidean"),
    dimensions: z.int().check(z.gte(1), z.lte(100)),
    space: z.enum(["uniform", "gaussian"]),
  }),
]);

/**
 * The zod schema of an experiment: ordinal models, sizes, single-winner methods (ids of
 * `tallyMethods`), how many profiles of each model and size, the seed every profile's
 * own seed derives from, and optionally measures: ids of {@link singleWinnerAxioms} whose
 * violation by each method on each profile the rows report.
 *
 * @category Experiments
 * @example
 * ```ts
 * parseSchema(experimentSchema, { seed: 1, repetitions: 10, generators: [{ model: "impartial-culture" }], sizes: [{ candidates: 4, voters: 99 }], methods: ["irv"] }).success; //=> true
 * ```
 */
export const experimentSchema = lazySchema(() =>
  z.object({
    seed: z.union([z.int(), z.string()]),
    repetitions: z.int().check(z.gte(1), z.lte(10_000_000)),
    generators: z.array(ordinalGeneratorSchema).check(z.minLength(1)),
    sizes: z
      .array(
        z.object({
          candidates: z.int().check(z.gte(2), z.lte(10)),
          voters: z.int().check(z.gte(1), z.lte(1_000_000)),
        }),
      )
      .check(z.minLength(1)),
    methods: z.array(z.string()).check(z.minLength(1)),
    /** Single-winner axioms whose violations each row reports (`violates`). */
    measures: z.optional(z.array(z.enum(AXIOM_IDS))),
  }),
);

/**
 * An experiment, as {@link experimentSchema} reads it.
 *
 * @category Experiments
 * @example
 * ```ts
 * const spec: Experiment = { seed: 1, repetitions: 10, generators: [{ model: "urn", alpha: 0.1 }], sizes: [{ candidates: 5, voters: 101 }], methods: ["plurality", "irv"] };
 * ```
 */
export type Experiment = z.infer<typeof experimentSchema>;

/**
 * One row of an experiment's results: which profile (its unit: generator, size and
 * repetition), which method, the winners, the profile's Condorcet winner if any, whether
 * the method elected it alone, and, for each measure the experiment names, whether the
 * method breaks that axiom on the profile.
 *
 * @category Experiments
 * @example
 * ```ts
 * const row: ExperimentRow = { unit: 0, generator: "mallows(phi=0.5)", candidates: 4, voters: 99, repetition: 0, method: "irv", winners: ["c1"], condorcetWinner: "c1", electsCondorcetWinner: true };
 * ```
 */
export interface ExperimentRow {
  readonly unit: number;
  readonly generator: string;
  readonly candidates: number;
  readonly voters: number;
  readonly repetition: number;
  readonly method: string;
  readonly winners: readonly string[];
  readonly condorcetWinner: string | null;
  readonly electsCondorcetWinner: boolean;
  /** Per measured axiom: true when the method breaks it on this profile (absent without measures). */
  readonly violates?: Readonly<Record<string, boolean>>;
}

/**
 * The header of an experiment's rows as CSV (snake case, as the JSON lines name them in
 * camel case; a `violates_<axiom>` column per measure), for {@link experimentRowCsv}.
 *
 * @category Experiments
 * @example
 * ```ts
 * experimentCsvHeader({ ...spec, measures: ["monotonicity"] });
 * //=> "unit,generator,candidates,voters,repetition,method,winners,condorcet_winner,elects_condorcet_winner,violates_monotonicity"
 * ```
 */
export function experimentCsvHeader(spec: Experiment): string {
  return [
    "unit,generator,candidates,voters,repetition,method,winners,condorcet_winner,elects_condorcet_winner",
    ...(spec.measures ?? []).map((id) => `violates_${id}`),
  ].join(",");
}

/**
 * One experiment row as a CSV record under {@link experimentCsvHeader} (RFC 4180
 * quoting; tied winners separated by spaces; no Condorcet winner an empty field).
 *
 * @category Experiments
 * @example
 * ```ts
 * runExperiment(spec, { onRow: (row) => process.stdout.write(`${experimentRowCsv(row)}\n`) });
 * ```
 */
export function experimentRowCsv(row: ExperimentRow): string {
  return [
    String(row.unit),
    row.generator,
    String(row.candidates),
    String(row.voters),
    String(row.repetition),
    row.method,
    row.winners.join(" "),
    row.condorcetWinner ?? "",
    String(row.electsCondorcetWinner),
    ...Object.values(row.violates ?? {}).map(String),
  ]
    .map((field) => csvField(field))
    .join(",");
}

/** A generator's label: its model and parameters. */
function labelOf(generator: OrdinalGenerator): string {
  const { model, ...parameters } = generator;
  const list = Object.entries(parameters).map(([key, value]) => `${key}=${String(value)}`);
  return list.length === 0 ? model : `${model}(${list.join(",")})`;
}

/**
 * An ordinal model with its parameters, as {@link ordinalGeneratorSchema} reads it.
 *
 * @category Experiments
 * @example
 * ```ts
 * const generator: OrdinalGenerator = { model: "urn", alpha: 0.1 };
 * ```
 */
export type OrdinalGenerator = z.infer<typeof ordinalGeneratorSchema>;

/**
 * Draws a profile from an ordinal model given as data ({@link OrdinalGenerator}): the
 * generator of this module it names, with its parameters, size and seed.
 *
 * @category Experiments
 * @example
 * ```ts
 * drawOrdinalProfile({ model: "euclidean", dimensions: 2, space: "gaussian" }, { candidates: 5, voters: 100 }, "1");
 * ```
 */
export function drawOrdinalProfile(
  generator: OrdinalGenerator,
  size: { candidates: number; voters: number },
  seed: string,
): RankedProfile {
  const options = { ...size, seed };
  switch (generator.model) {
    case "impartial-culture":
      return impartialCulture(options);
    case "impartial-anonymous-culture":
      return impartialAnonymousCulture(options);
    case "mallows":
      return mallows({ ...options, phi: generator.phi });
    case "mallows-normalized":
      return mallows({ ...options, normalizedPhi: generator.normalizedPhi });
    case "urn":
      return urn({ ...options, alpha: generator.alpha });
    case "single-peaked-walsh":
      return singlePeakedWalsh(options);
    case "single-peaked-conitzer":
      return singlePeakedConitzer(options);
    case "single-crossing":
      return singleCrossing(options);
    case "group-separable":
      return groupSeparable({ ...options, tree: generator.tree });
    case "euclidean":
      return euclidean({ ...options, dimensions: generator.dimensions, space: generator.space });
  }
}

/**
 * Reads an experiment from JSON (already parsed): issues with paths for a malformed one,
 * `unknown-method` for a method that is not a single-winner method of `tallyMethods`.
 *
 * @category Experiments
 * @example
 * ```ts
 * const spec = experimentFromJson(JSON.parse(text));
 * if (!spec.ok) spec.issues.map((issue) => issue.message);
 * ```
 */
export function experimentFromJson(input: unknown): Result<Experiment> {
  const parsed = parseSchema(experimentSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-experiment", "experiment"));
  const singleWinner = tallyMethods.filter((method) => method.kind === "single-winner");
  const issues: Issue[] = parsed.data.methods.flatMap((method, k) =>
    singleWinner.some((known) => known.id === method)
      ? []
      : [
          simulationIssue("unknown-method", ["methods", k], {
            method,
            known: singleWinner.map((known) => known.id).join(", "),
          }),
        ],
  );
  return issues.length > 0 ? fail(issues) : ok(parsed.data);
}

/**
 * How many profiles (units) an experiment draws: generators × sizes × repetitions. Unit u
 * is generator ⌊u / (sizes × repetitions)⌋, then size, then repetition.
 *
 * @category Experiments
 * @example
 * ```ts
 * experimentUnits(spec); //=> 2 generators × 3 sizes × 100 repetitions = 600
 * ```
 */
export function experimentUnits(spec: Experiment): number {
  return spec.generators.length * spec.sizes.length * spec.repetitions;
}

/**
 * The rows of one unit of an experiment: its profile drawn from the seed
 * `<seed>/<generator>/<size>/<repetition>` (so a unit's rows are the same whichever order,
 * thread or run computes them), counted by every method in the order listed.
 *
 * @category Experiments
 * @example
 * ```ts
 * experimentUnitRows(spec, 0).map((row) => row.winners);
 * ```
 */
export function experimentUnitRows(spec: Experiment, unitIndex: number): ExperimentRow[] {
  const perGenerator = spec.sizes.length * spec.repetitions;
  const g = Math.floor(unitIndex / perGenerator);
  const s = Math.floor((unitIndex % perGenerator) / spec.repetitions);
  const repetition = unitIndex % spec.repetitions;
  const generator = spec.generators[g] as OrdinalGenerator;
  const size = spec.sizes[s] as { candidates: number; voters: number };
  const profile = drawOrdinalProfile(
    generator,
    size,
    `${String(spec.seed)}/${g}/${s}/${repetition}`,
  );
  const condorcet = condorcetWinner(profile);
  const cw =
    condorcet.ok && condorcet.value.winners.length === 1
      ? (condorcet.value.winners[0] as string)
      : null;
  return spec.methods.map((id) => {
    const method = tallyMethods.find((known) => known.id === id);
    const outcome = method?.run(profile, {});
    const winners = outcome?.ok === true ? outcome.value.winners : [];
    const measured = measuredAxioms(spec);
    const violates =
      method === undefined || measured.length === 0
        ? undefined
        : Object.fromEntries(
            measured.map((axiom) => [
              axiom.id,
              axiom.violation(
                winnersOf((p) => method.run(p, {})),
                profile,
              ) !== undefined,
            ]),
          );
    return {
      unit: unitIndex,
      generator: labelOf(generator),
      candidates: size.candidates,
      voters: size.voters,
      repetition,
      method: id,
      winners,
      condorcetWinner: cw,
      electsCondorcetWinner: cw !== null && winners.length === 1 && winners[0] === cw,
      ...(violates === undefined ? {} : { violates }),
    };
  });
}

/** The axioms an experiment measures, in its order. */
const measuredAxioms = (spec: Experiment): SingleWinnerAxiom[] =>
  (spec.measures ?? []).map(
    (id) => singleWinnerAxioms.find((axiom) => axiom.id === id) as SingleWinnerAxiom,
  );

/**
 * Runs an experiment unit by unit, handing each row to `onRow` and reporting progress
 * after each unit. Rows in `done` (written by an earlier, interrupted run) are not written
 * again: a unit whose rows are all there is not even drawn, one cut off midway gives only
 * its missing rows, so a resumed run adds exactly what is missing.
 *
 * @category Experiments
 * @example
 * ```ts
 * runExperiment(spec, { onRow: (row) => out.write(`${JSON.stringify(row)}\n`), done: earlierRows });
 * ```
 */
export function runExperiment(
  spec: Experiment,
  handlers: {
    readonly onRow: (row: ExperimentRow) => void;
    readonly onProgress?: ((done: number, total: number) => void) | undefined;
    readonly done?: readonly { readonly unit: number; readonly method: string }[] | undefined;
  },
): void {
  const total = experimentUnits(spec);
  const finished = finishedUnits(spec, handlers.done ?? []);
  const written = new Set((handlers.done ?? []).map((row) => `${row.unit}/${row.method}`));
  for (let u = 0; u < total; u++) {
    if (!finished.has(u))
      for (const row of experimentUnitRows(spec, u))
        if (!written.has(`${u}/${row.method}`)) handlers.onRow(row);
    handlers.onProgress?.(u + 1, total);
  }
}

/**
 * The units whose rows are all in `rows` (one per method): what a resumed run need not
 * draw again.
 *
 * @category Experiments
 * @example
 * ```ts
 * finishedUnits(spec, earlierRows).size; // profiles already counted by every method
 * ```
 */
export function finishedUnits(
  spec: Experiment,
  rows: readonly { readonly unit: number; readonly method: string }[],
): Set<number> {
  const methods = new Map<number, Set<string>>();
  for (const { unit: u, method } of rows) {
    const seen = methods.get(u) ?? new Set<string>();
    seen.add(method);
    methods.set(u, seen);
  }
  return new Set(
    [...methods]
      .filter(([, seen]) => spec.methods.every((method) => seen.has(method)))
      .map(([u]) => u),
  );
}
