import type { Issue } from "../../core/issue.js";
import { formatMoney, type Money } from "../../core/money.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { BallotRules, BudgetBallot, VotingProject } from "./ballotRules.js";
import { votingIssue } from "./votingIssues.js";

/** An amount as a voter reads it: major units and the currency. */
function shown(rules: BallotRules, amount: Money): string {
  const text = formatMoney(amount, rules.scale);
  return rules.currency === undefined ? text : `${text} ${rules.currency}`;
}

/** The rules with their projects by id, for checks that look projects up often. */
interface IndexedRules {
  readonly rules: BallotRules;
  readonly byId: ReadonlyMap<string, VotingProject>;
}

function indexed(rules: BallotRules): IndexedRules {
  return { rules, byId: new Map(rules.projects.map((project) => [project.id, project])) };
}

/** The ballot's projects that the rules know, once each. */
function chosen(index: IndexedRules, ballot: BudgetBallot): VotingProject[] {
  const seen = new Set<string>();
  const projects: VotingProject[] = [];
  for (const id of ballot.projects) {
    const project = index.byId.get(id);
    if (project !== undefined && !seen.has(id)) projects.push(project);
    seen.add(id);
  }
  return projects;
}

function costOf(projects: readonly VotingProject[]): Money {
  return projects.reduce((sum, project) => sum + project.cost, 0n);
}

/** The limits that hold while a ballot is filled: what adding `project` would break. */
function limitIssues(
  rules: BallotRules,
  projects: readonly VotingProject[],
  added?: VotingProject,
  cost = costOf(projects),
): Issue[] {
  const rule = rules.rule;
  const name = added === undefined ? {} : { project: added.id };
  const issues: Issue[] = [];
  switch (rule.type) {
    case "threshold-percent":
    case "minimum-projects":
      if (cost > rule.budget)
        issues.push(
          votingIssue("over-budget", {
            ...name,
            over: shown(rules, cost - rule.budget),
            limit: shown(rules, rule.budget),
          }),
        );
      break;
    case "selected-projects":
      if (projects.length > rule.maximum)
        issues.push(votingIssue("too-many-projects", { ...name, maximum: rule.maximum }));
      break;
    case "knapsack":
    case "approval": {
      const headingOf = new Map(rule.headings.map((heading) => [heading.id, heading]));
      // One heading per group: the first heading of each group in the ballot holds it.
      const held = new Map<string, string>();
      for (const project of projects) {
        const heading = headingOf.get(project.heading ?? "");
        if (heading === undefined) continue;
        const chosenHeading = held.get(heading.group);
        if (chosenHeading === undefined) held.set(heading.group, heading.id);
        else if (chosenHeading !== heading.id)
          issues.push(
            votingIssue("different-heading-assigned", {
              project: project.id,
              heading: heading.id,
              chosen: chosenHeading,
              group: heading.group,
            }),
          );
      }
      for (const heading of rule.headings) {
        const inHeading = projects.filter((project) => project.heading === heading.id);
        if ("price" in heading) {
          const spent = costOf(inHeading);
          if (spent > heading.price)
            issues.push(
              votingIssue("insufficient-funds", {
                ...name,
                heading: heading.id,
                over: shown(rules, spent - heading.price),
                limit: shown(rules, heading.price),
              }),
            );
        } else if (inHeading.length > heading.maxBallotLines)
          issues.push(
            votingIssue("insufficient-votes", {
              heading: heading.id,
              maximum: heading.maxBallotLines,
            }),
          );
      }
      break;
    }
    case "constraints": {
      if (rule.maxLength !== undefined && projects.length > rule.maxLength)
        issues.push(votingIssue("too-many-projects", { ...name, maximum: rule.maxLength }));
      if (rule.maxSumCost !== undefined && cost > rule.maxSumCost)
        issues.push(
          votingIssue("over-budget", {
            ...name,
            over: shown(rules, cost - rule.maxSumCost),
            limit: shown(rules, rule.maxSumCost),
          }),
        );
      for (const [category, cap] of Object.entries(rule.maxSumCostPerCategory ?? {})) {
        const spent = costOf(projects.filter((project) => project.categories?.includes(category)));
        if (spent > cap)
          issues.push(
            votingIssue("category-over-budget", {
              ...name,
              category,
              over: shown(rules, spent - cap),
              limit: shown(rules, cap),
            }),
          );
      }
      break;
    }
  }
  return issues;
}

/**
 * Whether a project may be added to a ballot: it exists, is not in the ballot yet, and
 * adding it keeps every limit that holds while the ballot is filled (the budget or the
 * heading's price, the most projects, one heading per group, category caps). Ok, or the
 * issues a voting page can show ("adding tram goes 1200 EUR over the budget of …").
 *
 * @category Voting
 * @example
 * ```ts
 * canAdd(rules, { projects: ["tram"] }, "park").ok; //=> false when the park does not fit
 * ```
 */
export function canAdd(rules: BallotRules, ballot: BudgetBallot, project: string): Result<void> {
  return addCheck(indexed(rules), ballot, project);
}

function addCheck(index: IndexedRules, ballot: BudgetBallot, project: string): Result<void> {
  const added = index.byId.get(project);
  if (added === undefined) return fail([votingIssue("unknown-project", { project })]);
  if (ballot.projects.includes(project))
    return fail([votingIssue("already-in-ballot", { project })]);
  const issues = limitIssues(index.rules, [...chosen(index, ballot), added], added);
  return issues.length === 0 ? ok(undefined) : fail(issues);
}

/**
 * Whether a project may be removed from a ballot: it must be in it (removing never breaks
 * a limit that holds while filling; submission checks the minimums).
 *
 * @category Voting
 * @example
 * ```ts
 * canRemove(rules, { projects: ["tram"] }, "park").ok; //=> false: not in the ballot
 * ```
 */
export function canRemove(
  _rules: BallotRules,
  ballot: BudgetBallot,
  project: string,
): Result<void> {
  return ballot.projects.includes(project)
    ? ok(undefined)
    : fail([votingIssue("not-in-ballot", { project })]);
}

/**
 * Whether a ballot may be submitted (Decidim's checkout): known projects, each once; not
 * empty; every limit of filling; and the minimums — Decidim's threshold (the total at least
 * `budget × percent / 100`, rounded down as Decidim does), minimum number of projects,
 * selected projects' minimum, Pabulib's minimum length and cost, and points in range.
 * Ok, or every issue.
 *
 * @category Voting
 * @example
 * ```ts
 * canSubmit(rules, { projects: [] }); //=> refused: "the ballot has no project: choose at least one"
 * ```
 */
export function canSubmit(rules: BallotRules, ballot: BudgetBallot): Result<void> {
  return submitCheck(indexed(rules), ballot);
}

/**
 * The checks of one set of rules, made once (projects indexed by id): for services that
 * check many ballots, such as every checkout of a vote.
 *
 * @category Voting
 * @example
 * ```ts
 * const check = ballotChecker(rules);
 * const refused = orders.filter((order) => !check.canSubmit(order).ok);
 * ```
 */
export function ballotChecker(rules: BallotRules): {
  readonly canAdd: (ballot: BudgetBallot, project: string) => Result<void>;
  readonly canRemove: (ballot: BudgetBallot, project: string) => Result<void>;
  readonly canSubmit: (ballot: BudgetBallot) => Result<void>;
} {
  const index = indexed(rules);
  return {
    canAdd: (ballot, project) => addCheck(index, ballot, project),
    canRemove: (ballot, project) => canRemove(rules, ballot, project),
    canSubmit: (ballot) => submitCheck(index, ballot),
  };
}

function submitCheck(index: IndexedRules, ballot: BudgetBallot): Result<void> {
  const rules = index.rules;
  const issues: Issue[] = [];
  // One pass: the known projects once each, their cost, and the unknown or repeated ones.
  const projects: VotingProject[] = [];
  let cost = 0n;
  for (const id of ballot.projects) {
    const project = index.byId.get(id);
    if (project === undefined) issues.push(votingIssue("unknown-project", { project: id }));
    else if (projects.includes(project))
      issues.push(votingIssue("already-in-ballot", { project: id }));
    else {
      projects.push(project);
      cost += project.cost;
    }
  }
  if (ballot.projects.length === 0) issues.push(votingIssue("empty-ballot", {}));
  issues.push(...limitIssues(rules, projects, undefined, cost));
  const rule = rules.rule;
  switch (rule.type) {
    case "threshold-percent": {
      const minimum = (rule.budget * BigInt(rule.percent)) / 100n;
      if (cost < minimum)
        issues.push(
          votingIssue("below-threshold", {
            missing: shown(rules, minimum - cost),
            minimum: shown(rules, minimum),
            percent: rule.percent,
          }),
        );
      break;
    }
    case "minimum-projects":
      if (projects.length < rule.minimum)
        issues.push(
          votingIssue("too-few-projects", { minimum: rule.minimum, count: projects.length }),
        );
      break;
    case "selected-projects":
      if (projects.length < rule.minimum)
        issues.push(
          votingIssue("too-few-projects", { minimum: rule.minimum, count: projects.length }),
        );
      break;
    case "constraints":
      if (rule.minLength !== undefined && projects.length < rule.minLength)
        issues.push(
          votingIssue("too-few-projects", { minimum: rule.minLength, count: projects.length }),
        );
      if (rule.minSumCost !== undefined && cost < rule.minSumCost)
        issues.push(
          votingIssue("below-minimum-cost", {
            missing: shown(rules, rule.minSumCost - cost),
            minimum: shown(rules, rule.minSumCost),
          }),
        );
      issues.push(...pointIssues(rule, projects, ballot));
      break;
    default:
      break;
  }
  return issues.length === 0 ? ok(undefined) : fail(issues);
}

/** Points per project and in total, where the constraints count points. */
function pointIssues(
  rule: Extract<BallotRules["rule"], { type: "constraints" }>,
  projects: readonly VotingProject[],
  ballot: BudgetBallot,
): Issue[] {
  const counts =
    rule.minPoints !== undefined ||
    rule.maxPoints !== undefined ||
    rule.minSumPoints !== undefined ||
    rule.maxSumPoints !== undefined;
  if (!counts) return [];
  const issues: Issue[] = [];
  let sum = 0;
  for (const project of projects) {
    const points = ballot.points?.[project.id];
    if (points === undefined) {
      issues.push(votingIssue("missing-points", { project: project.id }));
      continue;
    }
    sum += points;
    if (
      (rule.minPoints !== undefined && points < rule.minPoints) ||
      (rule.maxPoints !== undefined && points > rule.maxPoints)
    )
      issues.push(
        votingIssue("points-out-of-range", {
          project: project.id,
          points,
          ...(rule.minPoints === undefined ? {} : { minimum: rule.minPoints }),
          ...(rule.maxPoints === undefined ? {} : { maximum: rule.maxPoints }),
        }),
      );
  }
  if (
    (rule.minSumPoints !== undefined && sum < rule.minSumPoints) ||
    (rule.maxSumPoints !== undefined && sum > rule.maxSumPoints)
  )
    issues.push(
      votingIssue("points-sum-out-of-range", {
        sum,
        ...(rule.minSumPoints === undefined ? {} : { minimum: rule.minSumPoints }),
        ...(rule.maxSumPoints === undefined ? {} : { maximum: rule.maxSumPoints }),
      }),
    );
  return issues;
}
