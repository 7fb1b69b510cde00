import * as z from "zod/mini";
import { jsonSchemaOf } from "../../core/idRecordSchema.js";
import type { Issue } from "../../core/issue.js";
import { lazySchema } from "../../core/lazySchema.js";
import { type Money, parseMoney } from "../../core/money.js";
import { parseSchema } from "../../core/parseSchema.js";
import { fail, ok, type Result } from "../../core/result.js";
import { schemaIssues } from "../../core/schemaIssues.js";
import { budgetingIssue } from "../budgetingIssues.js";
import type { PbInstance } from "../election/instance.js";

/**
 * How a budget's ballot may be filled, as data: one of Decidim's three voting rules
 * (`threshold-percent`, `minimum-projects`, `selected-projects`), CONSUL's voting styles
 * per heading (`knapsack`, `approval`, with groups of headings) or Pabulib's ballot
 * constraints (`constraints`). Amounts are minor units at `scale`.
 *
 * - `threshold-percent` (Decidim's default): each project costs its amount; the total may
 *   not exceed `budget`, and must reach `budget × percent / 100` (rounded down, as Decidim
 *   computes it) to be submitted.
 * - `minimum-projects`: at least `minimum` projects, total within `budget`.
 * - `selected-projects`: each project counts 1; `minimum ≤ count ≤ maximum`.
 * - `knapsack` and `approval` (CONSUL): per heading, the sum of prices within the heading's
 *   price ("insufficient funds"), or the number of lines within its `maxBallotLines`
 *   ("insufficient votes"); a ballot holds lines in one heading per group.
 * - `constraints` (Pabulib META): `minLength`, `maxLength`, `minSumCost`, `maxSumCost`,
 *   `maxSumCostPerCategory` (Amsterdam), and points per project and in total.
 *
 * An empty ballot is never submitted (Decidim ignores orders without projects).
 *
 * @category Voting
 * @example
 * ```ts
 * const rules: BallotRules = {
 *   scale: 0, currency: "EUR",
 *   rule: { type: "threshold-percent", budget: 1_000_000n, percent: 70 },
 *   projects: [{ id: "tram", cost: 400_000n }, { id: "park", cost: 350_000n }],
 * };
 * ```
 */
export interface BallotRules {
  /** Decimal places of the amounts (0 for whole euros, 2 for cents). */
  readonly scale: number;
  /** Shown after amounts in messages ("EUR"); none: amounts alone. */
  readonly currency?: string | undefined;
  readonly rule: BallotRule;
  readonly projects: readonly VotingProject[];
}

/**
 * One of the voting rules of {@link BallotRules}.
 *
 * @category Voting
 * @example
 * ```ts
 * const rule: BallotRule = { type: "selected-projects", minimum: 1, maximum: 3 };
 * ```
 */
export type BallotRule =
  | { readonly type: "threshold-percent"; readonly budget: Money; readonly percent: number }
  | { readonly type: "minimum-projects"; readonly budget: Money; readonly minimum: number }
  | { readonly type: "selected-projects"; readonly minimum: number; readonly maximum: number }
  | {
      readonly type: "knapsack";
      readonly headings: readonly {
        readonly id: string;
        readonly group: string;
        readonly price: Money;
      }[];
    }
  | {
      readonly type: "approval";
      readonly headings: readonly {
        readonly id: string;
        readonly group: string;
        readonly maxBallotLines: number;
      }[];
    }
  | {
      readonly type: "constraints";
      readonly minLength?: number | undefined;
      readonly maxLength?: number | undefined;
      readonly minSumCost?: Money | undefined;
      readonly maxSumCost?: Money | undefined;
      readonly maxSumCostPerCategory?: Readonly<Record<string, Money>> | undefined;
      readonly minPoints?: number | undefined;
      readonly maxPoints?: number | undefined;
      readonly minSumPoints?: number | undefined;
      readonly maxSumPoints?: number | undefined;
    };

/**
 * A project a ballot may name: its id, cost (minor units), CONSUL heading and categories.
 *
 * @category Voting
 * @example
 * ```ts
 * const project: VotingProject = { id: "tram", cost: 400_000n, heading: "north", categories: ["mobility"] };
 * ```
 */
export interface VotingProject {
  readonly id: string;
  readonly cost: Money;
  readonly heading?: string | undefined;
  readonly categories?: readonly string[] | undefined;
}

/**
 * A voter's ballot while it is filled: the projects chosen, in the order added, and the
 * points given to each where the rules count points.
 *
 * @category Voting
 * @example
 * ```ts
 * const ballot: BudgetBallot = { projects: ["tram"] };
 * ```
 */
export interface BudgetBallot {
  readonly projects: readonly string[];
  readonly points?: Readonly<Record<string, number>> | undefined;
}

const amount = lazySchema(() =>
  z.union([
    z.string().check(z.regex(/^\d+(?:\.\d+)?$/, "must be a non-negative decimal number")),
    z.number().check(z.gte(0)),
  ]),
);
const count = lazySchema(() => z.int().check(z.gte(0)));
const id = lazySchema(() => z.string().check(z.minLength(1)));

/**
 * The zod schema of {@link BallotRules} as JSON: amounts in major units (decimal strings
 * or numbers), counts whole, Decidim's defaults filled in (percent 70, minimum 1, selected
 * projects 0 to 1, CONSUL's one ballot line).
 *
 * @category Voting
 * @example
 * ```ts
 * parseSchema(ballotRulesJsonSchema, { scale: 0, rule: { type: "selected-projects" }, projects: [] }).success; //=> true
 * ```
 */
export const ballotRulesJsonSchema = lazySchema(() =>
  z.object({
    scale: z._default(z.int().check(z.gte(0)).check(z.lte(18)), 0),
    currency: z.optional(z.string()),
    rule: z.discriminatedUnion("type", [
      z.object({
        type: z.literal("threshold-percent"),
        budget: amount,
        percent: z._default(z.int().check(z.gte(0)).check(z.lte(100)), 70),
      }),
      z.object({
        type: z.literal("minimum-projects"),
        budget: amount,
        minimum: z._default(count, 1),
      }),
      z.object({
        type: z.literal("selected-projects"),
        minimum: z._default(count, 0),
        maximum: z._default(count, 1),
      }),
      z.object({
        type: z.literal("knapsack"),
        headings: z.array(z.object({ id, group: z._default(id, "default"), price: amount })),
      }),
      z.object({
        type: z.literal("approval"),
        headings: z.array(
          z.object({
            id,
            group: z._default(id, "default"),
            maxBallotLines: z._default(z.int().check(z.gte(1)), 1),
          }),
        ),
      }),
      z.object({
        type: z.literal("constraints"),
        minLength: z.optional(count),
        maxLength: z.optional(count),
        minSumCost: z.optional(amount),
        maxSumCost: z.optional(amount),
        maxSumCostPerCategory: z.optional(z.record(z.string(), amount)),
        minPoints: z.optional(z.number()),
        maxPoints: z.optional(z.number()),
        minSumPoints: z.optional(z.number()),
        maxSumPoints: z.optional(z.number()),
      }),
    ]),
    projects: z.array(
      z.object({
        id,
        cost: amount,
        heading: z.optional(id),
        categories: z.optional(z.array(z.string())),
      }),
    ),
  }),
);

/**
 * Reads {@link BallotRules} from JSON (already parsed): schema problems with their paths,
 * amounts with more decimals than `scale` (`invalid-amount`), a project listed twice, a
 * heading no project can use, and minimums above maximums are issues.
 *
 * @category Voting
 * @example
 * ```ts
 * const rules = ballotRulesFromJson({ scale: 0, rule: { type: "threshold-percent", budget: "1000000" }, projects: [] });
 * rules.ok && rules.value.rule; //=> { type: "threshold-percent", budget: 1000000n, percent: 70 }
 * ```
 */
export function ballotRulesFromJson(input: unknown): Result<BallotRules> {
  const parsed = parseSchema(ballotRulesJsonSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-ballot-rules", "rules"));
  const data = parsed.data;
  const issues: Issue[] = [];
  const money = (value: string | number, path: (string | number)[]): Money => {
    const read = parseMoney(String(value), data.scale);
    if (read === undefined) {
      issues.push(
        budgetingIssue(
          "invalid-amount",
          path,
          `${path.join(".")}: ${value} has more than ${data.scale} decimals`,
          {
            value: String(value),
            scale: data.scale,
          },
        ),
      );
      return 0n;
    }
    return read;
  };
  const seen = new Set<string>();
  const projects = data.projects.map((project, k): VotingProject => {
    if (seen.has(project.id))
      issues.push(
        budgetingIssue(
          "duplicate-project",
          ["projects", k, "id"],
          `project ${project.id} is listed twice`,
          {
            project: project.id,
          },
        ),
      );
    seen.add(project.id);
    return {
      id: project.id,
      cost: money(project.cost, ["projects", k, "cost"]),
      ...(project.heading === undefined ? {} : { heading: project.heading }),
      ...(project.categories === undefined ? {} : { categories: project.categories }),
    };
  });
  const read = readRule(data.rule, money, issues);
  if (read.type === "knapsack" || read.type === "approval") {
    const headings = new Set(read.headings.map((heading) => heading.id));
    projects.forEach((project, k) => {
      if (project.heading === undefined || !headings.has(project.heading))
        issues.push(
          budgetingIssue(
            "unknown-heading",
            ["projects", k, "heading"],
            `project ${project.id} has no heading of the rule`,
            {
              project: project.id,
              heading: project.heading ?? null,
            },
          ),
        );
    });
  }
  if (issues.length > 0) return fail(issues);
  return ok({
    scale: data.scale,
    ...(data.currency === undefined ? {} : { currency: data.currency }),
    rule: read,
    projects,
  });
}

/**
 * The zod schema of a {@link BudgetBallot} as JSON: project ids and, where points count,
 * points by project.
 *
 * @category Voting
 * @example
 * ```ts
 * parseSchema(budgetBallotSchema, { projects: ["tram", "park"] }).success; //=> true
 * ```
 */
export const budgetBallotSchema = lazySchema(() =>
  z.object({
    projects: z.array(id),
    points: z.optional(z.record(z.string(), z.number())),
  }),
);

/**
 * Reads a {@link BudgetBallot} from JSON (already parsed), issues with paths.
 *
 * @category Voting
 * @example
 * ```ts
 * budgetBallotFromJson({ projects: ["tram"] }).ok; //=> true
 * ```
 */
export function budgetBallotFromJson(input: unknown): Result<BudgetBallot> {
  const parsed = parseSchema(budgetBallotSchema, input);
  return parsed.success
    ? ok(parsed.data)
    : fail(schemaIssues(parsed.error, "invalid-ballot", "ballot"));
}

/** The rule of a parsed JSON document, its amounts read at the rules' scale. */
function readRule(
  rule: z.output<typeof ballotRulesJsonSchema>["rule"],
  money: (value: string | number, path: (string | number)[]) => Money,
  issues: Issue[],
): BallotRule {
  let read: BallotRule;
  switch (rule.type) {
    case "threshold-percent":
      read = {
        type: rule.type,
        budget: money(rule.budget, ["rule", "budget"]),
        percent: rule.percent,
      };
      break;
    case "minimum-projects":
      read = {
        type: rule.type,
        budget: money(rule.budget, ["rule", "budget"]),
        minimum: rule.minimum,
      };
      break;
    case "selected-projects":
      if (rule.minimum > rule.maximum)
        issues.push(
          budgetingIssue(
            "minimum-above-maximum",
            ["rule", "minimum"],
            `rule.minimum ${rule.minimum} is above rule.maximum ${rule.maximum}`,
            {
              minimum: rule.minimum,
              maximum: rule.maximum,
            },
          ),
        );
      read = { type: rule.type, minimum: rule.minimum, maximum: rule.maximum };
      break;
    case "knapsack":
      read = {
        type: rule.type,
        headings: rule.headings.map((heading, k) => ({
          id: heading.id,
          group: heading.group,
          price: money(heading.price, ["rule", "headings", k, "price"]),
        })),
      };
      break;
    case "approval":
      read = { type: rule.type, headings: rule.headings };
      break;
    case "constraints": {
      const optionalMoney = (value: string | number | undefined, key: string) =>
        value === undefined ? undefined : money(value, ["rule", key]);
      read = {
        type: rule.type,
        minLength: rule.minLength,
        maxLength: rule.maxLength,
        minSumCost: optionalMoney(rule.minSumCost, "minSumCost"),
        maxSumCost: optionalMoney(rule.maxSumCost, "maxSumCost"),
        ...(rule.maxSumCostPerCategory === undefined
          ? {}
          : {
              maxSumCostPerCategory: Object.fromEntries(
                Object.entries(rule.maxSumCostPerCategory).map(([category, value]) => [
                  category,
                  money(value, ["rule", "maxSumCostPerCategory", category]),
                ]),
              ),
            }),
        minPoints: rule.minPoints,
        maxPoints: rule.maxPoints,
        minSumPoints: rule.minSumPoints,
        maxSumPoints: rule.maxSumPoints,
      };
      break;
    }
  }
  return read;
}

/**
 * Ballot rules for the projects of a budget instance (for example the one
 * `toBudgetInstance` makes from accepted proposals): its projects with their costs and
 * categories, at its scale, under the rule given.
 *
 * @category Voting
 * @example
 * ```ts
 * const rules = ballotRulesFor(instance, { type: "threshold-percent", budget: instance.budget, percent: 70 }, "EUR");
 * ```
 */
export function ballotRulesFor(
  instance: PbInstance,
  rule: BallotRule,
  currency?: string,
): BallotRules {
  return {
    scale: instance.scale,
    ...(currency === undefined ? {} : { currency }),
    rule,
    projects: instance.projects.map((project) => ({
      id: project.id,
      cost: project.cost,
      categories: [...project.categories],
    })),
  };
}

/**
 * The JSON Schema (draft 2020-12) of ballot rules as a host writes them (defaults
 * optional), generated from {@link ballotRulesJsonSchema} so the two never disagree.
 *
 * @category Voting
 * @example
 * ```ts
 * ballotRulesJsonSchemaDocument().properties.rule; // one of the six rule shapes
 * ```
 */
export function ballotRulesJsonSchemaDocument(): Record<string, unknown> & {
  readonly properties: Record<string, unknown>;
} {
  return jsonSchemaOf(ballotRulesJsonSchema, "input") as Record<string, unknown> & {
    readonly properties: Record<string, unknown>;
  };
}
