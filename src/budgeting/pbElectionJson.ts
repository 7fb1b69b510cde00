import { z } from "zod";
import type { Issue } from "../core/issue.js";
import { formatMoney, parseMoney } from "../core/money.js";
import { fail, ok, type Result } from "../core/result.js";
import type { PbElection } from "./election.js";
import { voteTypes } from "./profile.js";

const decimalText = z
  .string()
  .regex(/^\d+(?:\.\d+)?$/, "must be a non-negative decimal number written as a string");

/**
 * The zod schema of an election as JSON: amounts as decimal strings in major units
 * (`"2828094.61"`), so no precision is lost in transit. `civitas pb convert --to json`
 * writes this form.
 *
 * @category Model
 * @example
 * ```ts
 * pbElectionJsonSchema.safeParse(JSON.parse(text)).success; //=> true
 * ```
 */
export const pbElectionJsonSchema = z.object({
  instance: z.object({
    budget: decimalText,
    scale: z.number().int().min(0).max(18),
    projects: z.array(
      z.object({
        id: z.string().min(1),
        cost: decimalText,
        name: z.string(),
        categories: z.array(z.string()),
        targets: z.array(z.string()),
        fields: z.record(z.string(), z.string()),
      }),
    ),
    meta: z.record(z.string(), z.string()),
    projectColumns: z.array(z.string()),
  }),
  profile: z.object({
    voteType: z.enum(voteTypes as [string, ...string[]]),
    ballots: z.array(
      z.object({
        projects: z.array(z.string()),
        points: z.array(z.number().finite()).optional(),
        multiplicity: z.number().int().min(1),
        voterId: z.string().optional(),
        fields: z.record(z.string(), z.string()).optional(),
      }),
    ),
    voteColumns: z.array(z.string()),
  }),
});

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
 * {@link pbElectionJsonSchema}: every problem comes back as an issue with its path
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
  const parsed = pbElectionJsonSchema.safeParse(data);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map(
        (issue): Issue => ({
          code: `schema-${issue.code}`,
          path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
          message: `${issue.path.join(".") || "(root)"}: ${issue.message}`,
          params: {},
        }),
      ),
    );
  }
  const json = parsed.data;
  const scale = json.instance.scale;
  const issues: Issue[] = [];
  const amount = (text: string, path: (string | number)[]): bigint => {
    const value = parseMoney(text, scale);
    if (value === undefined) {
      issues.push({
        code: "amount-exceeds-scale",
        path,
        message: `${path.join(".")}: "${text}" has more decimals than scale ${scale}`,
        params: { value: text, scale },
      });
      return 0n;
    }
    return value;
  };
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
      voteType: json.profile.voteType as PbElection["profile"]["voteType"],
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
  return issues.length > 0 ? fail(issues) : ok(election);
}
