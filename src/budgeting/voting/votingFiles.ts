import * as z from "zod/mini";
import type { makeIssue } from "../../core/issue.js";
import { lazySchema } from "../../core/lazySchema.js";
import { type Money, parseMoney } from "../../core/money.js";
import { parseSchema } from "../../core/parseSchema.js";
import { fail, ok, type Result } from "../../core/result.js";
import { schemaIssues } from "../../core/schemaIssues.js";
import { budgetingIssue } from "../budgetingIssues.js";
import { type BallotRules, ballotRulesFromJson } from "./ballotRules.js";
import type { Order } from "./orders.js";

/**
 * The zod schema of an orders file (`civitas budget results`): the ballot rules and the
 * orders, each with its projects and whether it was checked out (pending orders are kept
 * but never counted).
 *
 * @category Voting
 * @example
 * ```ts
 * parseSchema(ordersFileSchema, { rules: {...}, orders: [{ projects: ["tram"], checkedOut: true }] });
 * ```
 */
export const ordersFileSchema = lazySchema(() =>
  z.object({
    rules: z.unknown(),
    orders: z.array(
      z.object({
        voter: z._default(z.string(), ""),
        budget: z._default(z.string(), ""),
        projects: z.array(z.string().check(z.minLength(1))),
        checkedOut: z.boolean(),
      }),
    ),
  }),
);

/**
 * Reads an orders file (already parsed JSON): the rules (checked as `ballotRulesFromJson`
 * does, paths under `rules`) and the orders; an order naming a project the rules do not
 * list is the issue `unknown-project` with its path.
 *
 * @category Voting
 * @example
 * ```ts
 * const file = ordersFileFromJson(JSON.parse(text));
 * if (file.ok) decidimVotes(file.value.rules.projects.map((p) => p.id), file.value.orders);
 * ```
 */
export function ordersFileFromJson(
  input: unknown,
): Result<{ readonly rules: BallotRules; readonly orders: readonly Order[] }> {
  const parsed = parseSchema(ordersFileSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-orders", "orders"));
  const rules = ballotRulesFromJson(parsed.data.rules);
  if (!rules.ok)
    return fail(
      rules.issues.map((issue) => ({
        ...issue,
        path: ["rules", ...issue.path],
        message: `rules.${issue.message}`,
      })),
    );
  const known = new Set(rules.value.projects.map((project) => project.id));
  const issues = parsed.data.orders.flatMap((order, k) =>
    order.projects.flatMap((project, j) =>
      known.has(project)
        ? []
        : [
            budgetingIssue(
              "unknown-project",
              ["orders", k, "projects", j],
              `orders.${k}.projects.${j}: there is no project ${project}`,
              { project },
            ),
          ],
    ),
  );
  return issues.length > 0 ? fail(issues) : ok({ rules: rules.value, orders: parsed.data.orders });
}

const amount = lazySchema(() =>
  z.union([
    z.string().check(z.regex(/^\d+(?:\.\d+)?$/, "must be a non-negative decimal number")),
    z.number().check(z.gte(0)),
  ]),
);

/**
 * The zod schema of a CONSUL ballots file: headings with their prices, investments (heading,
 * price, selected, compatible) and the ballots' lines.
 *
 * @category Voting
 * @example
 * ```ts
 * parseSchema(consulFileSchema, { headings: [], investments: [], ballots: [] }).success; //=> true
 * ```
 */
export const consulFileSchema = lazySchema(() =>
  z.object({
    scale: z._default(z.int().check(z.gte(0)).check(z.lte(18)), 0),
    hideMoney: z._default(z.boolean(), false),
    headings: z.array(z.object({ id: z.string().check(z.minLength(1)), price: amount })),
    investments: z.array(
      z.object({
        id: z.string().check(z.minLength(1)),
        heading: z.string(),
        price: amount,
        selected: z._default(z.boolean(), true),
        compatible: z._default(z.boolean(), true),
      }),
    ),
    ballots: z.array(z.object({ investments: z.array(z.string()) })),
  }),
);

/**
 * Reads a CONSUL ballots file (already parsed JSON): amounts at its scale, investments in
 * known headings, ballot lines naming known investments.
 *
 * @category Voting
 * @example
 * ```ts
 * const file = consulFileFromJson(JSON.parse(text));
 * ```
 */
export function consulFileFromJson(input: unknown): Result<{
  readonly scale: number;
  readonly hideMoney: boolean;
  readonly headings: readonly { readonly id: string; readonly price: Money }[];
  readonly investments: readonly {
    readonly id: string;
    readonly heading: string;
    readonly price: Money;
    readonly selected: boolean;
    readonly compatible: boolean;
  }[];
  readonly ballots: readonly { readonly investments: readonly string[] }[];
}> {
  const parsed = parseSchema(consulFileSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-consul-ballots", "file"));
  const data = parsed.data;
  const issues: ReturnType<typeof makeIssue>[] = [];
  const money = (value: string | number, path: (string | number)[]): Money => {
    const read = parseMoney(String(value), data.scale);
    if (read !== undefined) return read;
    issues.push(
      budgetingIssue(
        "invalid-amount",
        path,
        `${path.join(".")}: ${value} has more than ${data.scale} decimals`,
        { value: String(value), scale: data.scale },
      ),
    );
    return 0n;
  };
  const headings = data.headings.map((heading, k) => ({
    id: heading.id,
    price: money(heading.price, ["headings", k, "price"]),
  }));
  const headingIds = new Set(headings.map((heading) => heading.id));
  const investments = data.investments.map((investment, k) => {
    if (!headingIds.has(investment.heading))
      issues.push(
        budgetingIssue(
          "unknown-heading",
          ["investments", k, "heading"],
          `investments.${k}.heading: there is no heading ${investment.heading}`,
          {
            heading: investment.heading,
          },
        ),
      );
    return { ...investment, price: money(investment.price, ["investments", k, "price"]) };
  });
  const ids = new Set(investments.map((investment) => investment.id));
  for (const [k, ballot] of data.ballots.entries())
    for (const [j, id] of ballot.investments.entries())
      if (!ids.has(id))
        issues.push(
          budgetingIssue(
            "unknown-project",
            ["ballots", k, "investments", j],
            `ballots.${k}.investments.${j}: there is no investment ${id}`,
            { project: id },
          ),
        );
  if (issues.length > 0) return fail(issues);
  return ok({
    scale: data.scale,
    hideMoney: data.hideMoney,
    headings,
    investments,
    ballots: data.ballots,
  });
}
