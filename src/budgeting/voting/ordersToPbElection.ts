import { formatMoney, type Money } from "../../core/money.js";
import { fail, ok, type Result } from "../../core/result.js";
import { budgetingIssue } from "../budgetingIssues.js";
import type { PbElection } from "../election/election.js";
import type { BallotRules, VotingProject } from "./ballotRules.js";
import { decidimVotes } from "./decidimVotes.js";
import type { Order } from "./orders.js";

/** What the META of the exported file says about the ballots, from the rules. */
function ballotMeta(
  rules: BallotRules,
  budget: Money,
  projects: readonly VotingProject[],
): Record<string, string> {
  const money = (amount: Money) => formatMoney(amount, rules.scale);
  const rule = rules.rule;
  switch (rule.type) {
    case "threshold-percent":
      return {
        min_sum_cost: money((rule.budget * BigInt(rule.percent)) / 100n),
        max_sum_cost: money(rule.budget),
        min_length: "1",
      };
    case "minimum-projects":
      return { min_length: String(Math.max(1, rule.minimum)), max_sum_cost: money(rule.budget) };
    case "selected-projects":
      return { min_length: String(Math.max(1, rule.minimum)), max_length: String(rule.maximum) };
    case "knapsack":
      return { min_length: "1", max_sum_cost: money(budget) };
    case "approval":
      return {
        min_length: "1",
        max_length: String(rule.headings[0]?.maxBallotLines ?? projects.length),
      };
    case "constraints":
      return Object.fromEntries(
        [
          [
            "min_length",
            rule.minLength === undefined ? undefined : String(Math.max(1, rule.minLength)),
          ],
          ["max_length", rule.maxLength === undefined ? undefined : String(rule.maxLength)],
          ["min_sum_cost", rule.minSumCost === undefined ? undefined : money(rule.minSumCost)],
          ["max_sum_cost", rule.maxSumCost === undefined ? undefined : money(rule.maxSumCost)],
        ].filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
  }
}

/**
 * The checked-out orders of one budget as a Pabulib election, as Decidim exports them: the
 * order's number as voter id (not the voter: anonymity), each vote the order's projects;
 * PROJECTS with cost and votes (checked-out orders containing the project); META with the
 * budget, the number of votes and the ballot rules as `min_length`, `max_length`,
 * `min_sum_cost`, `max_sum_cost`. Orders are numbered 1, 2, … in the order given unless
 * `orderIds` says otherwise; pending orders are left out. For a CONSUL heading, pass
 * `heading`: its projects and price. `civitas pb run` and `pb check` read the file as it is.
 *
 * @category Voting
 * @example
 * ```ts
 * const election = ordersToPbElection(rules, orders, { description: "Angers 2026, quartier nord" });
 * if (election.ok) writePabulib(election.value);
 * ```
 */
export function ordersToPbElection(
  rules: BallotRules,
  orders: readonly Order[],
  options: {
    readonly description?: string;
    readonly heading?: string;
    readonly orderIds?: readonly string[];
    /** The budget in META when the rule has none (selected projects); default the projects' total cost. */
    readonly budget?: Money;
  } = {},
): Result<PbElection> {
  const rule = rules.rule;
  const heading =
    rule.type === "knapsack" || rule.type === "approval"
      ? rule.headings.find(
          (candidate) => candidate.id === (options.heading ?? rule.headings[0]?.id),
        )
      : undefined;
  if ((rule.type === "knapsack" || rule.type === "approval") && heading === undefined)
    return fail([
      budgetingIssue("unknown-heading", ["heading"], `there is no heading ${options.heading}`, {
        heading: options.heading ?? null,
      }),
    ]);
  const projects = rules.projects.filter(
    (project) => heading === undefined || project.heading === heading.id,
  );
  const known = new Set(projects.map((project) => project.id));
  const total = projects.reduce((sum, project) => sum + project.cost, 0n);
  const budget =
    rule.type === "threshold-percent" || rule.type === "minimum-projects"
      ? rule.budget
      : heading !== undefined && "price" in heading
        ? heading.price
        : (options.budget ?? (rule.type === "constraints" ? (rule.maxSumCost ?? total) : total));
  const ballots: { projects: string[]; multiplicity: number; voterId: string }[] = [];
  for (const [index, order] of orders.entries()) {
    if (!order.checkedOut) continue;
    ballots.push({
      projects: order.projects.filter((id) => known.has(id)),
      multiplicity: 1,
      voterId: options.orderIds?.[index] ?? String(ballots.length + 1),
    });
  }
  const votes = new Map(
    decidimVotes(
      projects.map((project) => project.id),
      ballots.map((ballot) => ({ projects: ballot.projects, checkedOut: true })),
    ).map(({ project, votes: count }) => [project, count]),
  );
  return ok({
    instance: {
      budget,
      scale: rules.scale,
      projects: projects.map((project) => ({
        id: project.id,
        cost: project.cost,
        name: project.id,
        categories: [...(project.categories ?? [])],
        targets: [],
        fields: { votes: String(votes.get(project.id) ?? 0) },
      })),
      meta: {
        description: options.description ?? "Checked-out orders",
        num_projects: String(projects.length),
        num_votes: String(ballots.length),
        budget: formatMoney(budget, rules.scale),
        vote_type: "approval",
        ...(rules.currency === undefined ? {} : { currency: rules.currency }),
        ...ballotMeta(rules, budget, projects),
      },
      projectColumns: ["project_id", "cost", "votes", "name"],
    },
    profile: { voteType: "approval", ballots, voteColumns: ["voter_id", "vote"] },
  });
}
