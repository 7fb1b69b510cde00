import * as z from "zod/mini";
import { idRecordSchema } from "../../core/idRecordSchema.js";
import type { Issue } from "../../core/issue.js";
import { lazySchema } from "../../core/lazySchema.js";
import { formatMoney, parseMoney } from "../../core/money.js";
import { parseSchema } from "../../core/parseSchema.js";
import { fail, ok, type Result } from "../../core/result.js";
import { schemaIssues } from "../../core/schemaIssues.js";
import { budgetingIssue } from "../budgetingIssues.js";
import type { PbElection } from "./election.js";
import { voteTypes } from "./profile.js";
import { mergeRepeatedInProfile, validatePbElection } from "./validatePbElection.js";

const decimalText = lazySchema(() =>
  z
    .string()
    .check(z.regex(/^\d+(?:\.\d+)?$/, "must be a non-negative decimal number written as a string")),
);

/**
 * The zod schema of an election as JSON: amounts as decimal strings in major units
 * (`"2828094.61"`), so no precision is lost in transit. `civitas pb convert --to json`
 * writes this form.
 *
 * @category Model
 * @example
 * ```ts
 * parseSchema(pbElectionJsonSchema, JSON.parse(text)).success; //=> true
 * ```
 */
export const pbElectionJsonSchema = lazySchema(() =>
  z.object({
    instance: z.object({
      budget: decimalText,
      scale: z.int().check(z.gte(0)).check(z.lte(18)),
      projects: z.array(
        z.object({
          id: z.string().check(z.minLength(1)),
          cost: decimalText,
          name: z.string(),
          categories: z.array(z.string()),
          targets: z.array(z.string()),
          fields: idRecordSchema(z.string()),
        }),
      ),
      meta: idRecordSchema(z.string()),
      projectColumns: z.array(z.string()),
    }),
    profile: z.object({
      voteType: z.enum(voteTypes as [string, ...string[]]),
      ballots: z.array(
        z.object({
          projects: z.array(z.string()),
          points: z.optional(z.array(z.number())),
          multiplicity: z.int().check(z.gte(1)).check(z.lte(Number.MAX_SAFE_INTEGER)),
          voterId: z.optional(z.string()),
          fields: z.optional(idRecordSchema(z.string())),
        }),
      ),
      voteColumns: z.array(z.string()),
    }),
  }),
);

/**
 * An election in its JSON form.
 *
 * @category Model
 * @example
 * ```ts
 * const json: PbElectionJson = pbElectionToJson(election);
 * json.instance.budget; //=> "2828094.61"
 * ```
 */
export type PbElectionJson = z.infer<typeof pbElectionJsonSchema>;

/**
 * Turns an election into plain JSON data (amounts as decimal strings).
 *
 * @category Model
 * @example
 * ```ts
 * JSON.stringify(pbElectionToJson(election));
 * ```
 */
export function pbElectionToJson(election: PbElection): PbElectionJson {
  const { instance, profile } = election;
  return {
    instance: {
      budget: formatMoney(instance.budget, instance.scale),
      scale: instance.scale,
      projects: instance.projects.map((project) => ({
        id: project.id,
        cost: formatMoney(project.cost, instance.scale),
        name: project.name,
        categories: [...project.categories],
        targets: [...project.targets],
        fields: { ...project.fields },
      })),
      meta: { ...instance.meta },
      projectColumns: [...instance.projectColumns],
    },
    profile: {
      voteType: profile.voteType,
      ballots: profile.ballots.map((ballot) => ({
        projects: [...ballot.projects],
        ...(ballot.points === undefined ? {} : { points: [...ballot.points] }),
        multiplicity: ballot.multiplicity,
        ...(ballot.voterId === undefined ? {} : { voterId: ballot.voterId }),
        ...(ballot.fields === undefined ? {} : { fields: { ...ballot.fields } }),
      })),
      voteColumns: [...profile.voteColumns],
    },
  };
}

/**
 * Reads an election from untrusted JSON data, validating it with
 * {@link pbElectionJsonSchema} and then as strictly as `parsePabulib` reads a file:
 * distinct project ids, ballots naming known projects, points matching projects (and
 * present on cumulative and scoring ballots), whole multiplicities below 2^53, at most
 * 2^53 − 1 voters in all, choose-1 ballots naming one project. A ballot that names a
 * project twice is read as the parser reads it (approval once, cumulative points added),
 * with a warning; every problem comes back as an issue with its path
 * (`["instance", "projects", 3, "cost"]`).
 *
 * @category Model
 * @example
 * ```ts
 * const result = pbElectionFromJson(JSON.parse(text));
 * if (!result.ok) console.log(result.issues.map((issue) => issue.message));
 * ```
 */
export function pbElectionFromJson(data: unknown): Result<PbElection> {
  const parsed = parseSchema(pbElectionJsonSchema, data);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-election", "election"));
  const json = parsed.data;
  const scale = json.instance.scale;
  const issues: Issue[] = [];
  const amount = (text: string, path: (string | number)[]): bigint => {
    const value = parseMoney(text, scale);
    if (value === undefined) {
      issues.push(
        budgetingIssue(
          "amount-exceeds-scale",
          path,
          `${path.join(".")}: "${text}" has more decimals than scale ${scale}`,
          { value: text, scale },
        ),
      );
      return 0n;
    }
    return value;
  };
  const voteType = json.profile.voteType as PbElection["profile"]["voteType"];
  const election: PbElection = {
    instance: {
      ...json.instance,
      budget: amount(json.instance.budget, ["instance", "budget"]),
      projects: json.instance.projects.map((project, index) => ({
        ...project,
        cost: amount(project.cost, ["instance", "projects", index, "cost"]),
      })),
    },
    profile: {
      voteType,
      voteColumns: json.profile.voteColumns,
      ballots: json.profile.ballots.map((ballot) => ({
        projects: ballot.projects,
        multiplicity: ballot.multiplicity,
        ...(ballot.points === undefined ? {} : { points: ballot.points }),
        ...(ballot.voterId === undefined ? {} : { voterId: ballot.voterId }),
        ...(ballot.fields === undefined ? {} : { fields: ballot.fields }),
      })),
    },
  };
  if (issues.length > 0) return fail(issues);
  const merged = mergeRepeatedInProfile(election.profile, (b) => [
    "profile",
    "ballots",
    b,
    "projects",
  ]);
  if (merged.errors.length > 0) return fail(merged.errors);
  const result: PbElection = { instance: election.instance, profile: merged.profile };
  const invalid = validatePbElection(result);
  return invalid.length > 0 ? fail(invalid) : ok(result, merged.warnings);
}
