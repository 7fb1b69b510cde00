import type { Issue } from "../../core/issue.js";
import { formatMoney, parseMoney } from "../../core/money.js";
import {
  type BudgetingIssueCode,
  type BudgetingIssueParams,
  budgetingWarning,
} from "../budgetingIssues.js";
import { ballotValues } from "./ballotValues.js";
import type { PbElection } from "./election.js";
import { projectSupport } from "./projectSupport.js";

/** At most this many ballot-level issues of one kind are listed; a summary follows. */
const MAX_BALLOT_ISSUES_PER_CODE = 20;

function metaInteger(meta: Readonly<Record<string, string>>, key: string): number | undefined {
  const text = meta[key]?.trim();
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Checks that an election is consistent with itself, as the Pabulib checker does:
 * every ballot names known projects at most once; META `num_projects` and `num_votes`
 * match the data; the PROJECTS `votes` and `score` columns match the ballots; the
 * projects marked `selected` fit the budget; voter ids are unique; and every ballot keeps
 * the META ballot constraints (`min_length`, `max_length`, `min_sum_cost`,
 * `max_sum_cost`, `min_points`, `max_points`, `min_sum_points`, `max_sum_points`).
 *
 * Paths point into the data (`["VOTES", 12]` is `profile.ballots[12]`,
 * `["PROJECTS", 3, "votes"]` the votes column of `instance.projects[3]`). Every issue is
 * a warning (the election can still be counted; `civitas pb run` prints them and
 * `--strict` refuses the file); an election without ballots gets the warning
 * `no-ballots`. An empty list means the election is consistent. With `ballots: false`
 * only the counts and columns are checked, not each ballot (what a count says about a file
 * before counting it: quick on a million ballots).
 *
 * @category Model
 * @example
 * ```ts
 * checkPbElection(election).map((issue) => issue.code); //=> [] for a consistent file
 * ```
 */
export function checkPbElection(
  election: PbElection,
  options: { readonly ballots?: boolean } = {},
): Issue[] {
  return [
    ...checkCounts(election),
    ...(options.ballots === false ? [] : checkBallots(election)),
    ...checkColumns(election),
  ];
}

/** No ballots at all, and META `num_projects` and `num_votes` against the data. */
function checkCounts({ instance, profile }: PbElection): Issue[] {
  const issues: Issue[] = [];
  if (profile.ballots.every((ballot) => ballot.multiplicity === 0))
    issues.push(
      budgetingWarning(
        "no-ballots",
        ["VOTES"],
        "the election has no ballots: every rule selects nothing or only free projects",
      ),
    );
  const numProjects = metaInteger(instance.meta, "num_projects");
  if (numProjects !== undefined && numProjects !== instance.projects.length)
    issues.push(
      budgetingWarning(
        "meta-count-mismatch",
        ["META", "num_projects"],
        `META num_projects is ${numProjects} but PROJECTS lists ${instance.projects.length}`,
        { key: "num_projects", meta: numProjects, actual: instance.projects.length },
      ),
    );
  const voters = profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0);
  const numVotes = metaInteger(instance.meta, "num_votes");
  if (numVotes !== undefined && numVotes !== voters)
    issues.push(
      budgetingWarning(
        "meta-count-mismatch",
        ["META", "num_votes"],
        `META num_votes is ${numVotes} but VOTES holds ${voters}`,
        { key: "num_votes", meta: numVotes, actual: voters },
      ),
    );
  return issues;
}

/** The META ballot constraints (absent: no limit). */
interface BallotLimits {
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly minSumCost: bigint | undefined;
  readonly maxSumCost: bigint | undefined;
  readonly minPoints: number | undefined;
  readonly maxPoints: number | undefined;
  readonly minSumPoints: number | undefined;
  readonly maxSumPoints: number | undefined;
}

function ballotLimits({ instance }: PbElection): BallotLimits {
  const limit = (key: string) => metaInteger(instance.meta, key);
  const money = (key: string) => {
    const text = instance.meta[key]?.trim();
    return text === undefined ? undefined : parseMoney(text, instance.scale);
  };
  return {
    minLength: limit("min_length"),
    maxLength: limit("max_length"),
    minSumCost: money("min_sum_cost"),
    maxSumCost: money("max_sum_cost"),
    minPoints: limit("min_points"),
    maxPoints: limit("max_points"),
    minSumPoints: limit("min_sum_points"),
    maxSumPoints: limit("max_sum_points"),
  };
}

/** Reports one vote's problem: at most a few per code, then a summary (more-ballot-issues). */
type BallotReport = <C extends BudgetingIssueCode>(
  code: C,
  message: string,
  params: Omit<BudgetingIssueParams[C], "voter">,
) => void;

/** Every vote: known projects named once, unique voter ids, the META ballot constraints. */
function checkBallots(election: PbElection): Issue[] {
  const { instance, profile } = election;
  const issues: Issue[] = [];
  const counts = new Map<string, number>();
  const projects = new Map(instance.projects.map((project) => [project.id, project]));
  const limits = ballotLimits(election);
  const scored = profile.voteType === "cumulative" || profile.voteType === "scoring";
  const valuesOf = ballotValues(instance, profile);
  const voterIds = new Set<string>();
  for (const [index, ballot] of profile.ballots.entries()) {
    const report: BallotReport = (code, message, params) => {
      const seen = (counts.get(code) ?? 0) + 1;
      counts.set(code, seen);
      if (seen > MAX_BALLOT_ISSUES_PER_CODE) return;
      const voter = ballot.voterId;
      issues.push(
        budgetingWarning(code, ["VOTES", index], `vote ${voter ?? index + 1}: ${message}`, {
          voter,
          ...params,
        } as BudgetingIssueParams[typeof code]),
      );
    };
    if (ballot.voterId !== undefined) {
      if (voterIds.has(ballot.voterId))
        report("duplicate-voter", "this voter id appears more than once", {});
      voterIds.add(ballot.voterId);
    }
    let sumCost = 0n;
    const named = new Set<string>();
    for (const id of ballot.projects) {
      const project = projects.get(id);
      if (project === undefined)
        report("unknown-project", `vote for unknown project "${id}"`, { project: id });
      else if (named.has(id))
        report("repeated-project-in-vote", `project "${id}" appears twice`, { project: id });
      else sumCost += project.cost;
      named.add(id);
    }
    checkBallotLimits(ballot.projects.length, sumCost, instance.scale, limits, report);
    if (scored) checkBallotPoints(valuesOf(ballot), limits, report);
  }
  for (const [code, seen] of counts)
    if (seen > MAX_BALLOT_ISSUES_PER_CODE)
      issues.push(
        budgetingWarning(
          "more-ballot-issues",
          ["VOTES"],
          `${seen - MAX_BALLOT_ISSUES_PER_CODE} more votes with the issue ${code}`,
          { code, count: seen },
        ),
      );
  return issues;
}

/** min_length, max_length, min_sum_cost and max_sum_cost for one vote. */
function checkBallotLimits(
  length: number,
  sumCost: bigint,
  scale: number,
  { minLength, maxLength, minSumCost, maxSumCost }: BallotLimits,
  report: BallotReport,
): void {
  if (minLength !== undefined && length < minLength)
    report("ballot-too-short", `names ${length} projects, fewer than min_length ${minLength}`, {
      length,
      minLength,
    });
  if (maxLength !== undefined && length > maxLength)
    report("ballot-too-long", `names ${length} projects, more than max_length ${maxLength}`, {
      length,
      maxLength,
    });
  const cost = formatMoney(sumCost, scale);
  if (minSumCost !== undefined && sumCost < minSumCost)
    report("ballot-cost-too-low", `selects ${cost}, less than min_sum_cost`, { sumCost: cost });
  if (maxSumCost !== undefined && sumCost > maxSumCost)
    report("ballot-cost-too-high", `selects ${cost}, more than max_sum_cost`, { sumCost: cost });
}

/** min_points, max_points, min_sum_points and max_sum_points for one cumulative or scoring vote. */
function checkBallotPoints(
  values: readonly number[],
  { minPoints, maxPoints, minSumPoints, maxSumPoints }: BallotLimits,
  report: BallotReport,
): void {
  for (const value of values)
    if (
      (minPoints !== undefined && value < minPoints) ||
      (maxPoints !== undefined && value > maxPoints)
    )
      report("points-out-of-range", `gives ${value} points, outside min_points..max_points`, {
        value,
      });
  const sum = values.reduce((total, value) => total + value, 0);
  if (
    (minSumPoints !== undefined && sum < minSumPoints) ||
    (maxSumPoints !== undefined && sum > maxSumPoints)
  )
    report(
      "points-sum-out-of-range",
      `gives ${sum} points in all, outside min_sum_points..max_sum_points`,
      {
        sum,
      },
    );
}

/** The PROJECTS `votes` and `score` columns against the ballots; `selected` against the budget. */
function checkColumns({ instance, profile }: PbElection): Issue[] {
  const issues: Issue[] = [];
  const support = projectSupport(instance, profile);
  let selectedCost = 0n;
  let anySelected = false;
  for (const [index, project] of instance.projects.entries()) {
    const counted = support.get(project.id);
    const votesText = project.fields.votes?.trim();
    if (
      votesText !== undefined &&
      votesText !== "" &&
      counted !== undefined &&
      votesText !== String(counted.votes)
    ) {
      issues.push(
        budgetingWarning(
          "votes-column-mismatch",
          ["PROJECTS", index, "votes"],
          `project ${project.id}: the votes column says ${votesText} but the ballots give ${counted.votes}`,
          { project: project.id, column: votesText, counted: counted.votes },
        ),
      );
    }
    const scoreText = project.fields.score?.trim();
    const countedScore =
      counted === undefined
        ? undefined
        : counted.score.den === 1n
          ? counted.score.num.toString()
          : undefined;
    if (
      scoreText !== undefined &&
      scoreText !== "" &&
      profile.voteType !== "approval" &&
      countedScore !== undefined &&
      scoreText !== countedScore
    ) {
      issues.push(
        budgetingWarning(
          "score-column-mismatch",
          ["PROJECTS", index, "score"],
          `project ${project.id}: the score column says ${scoreText} but the ballots give ${countedScore}`,
          { project: project.id, column: scoreText, counted: countedScore },
        ),
      );
    }
    if (project.fields.selected?.trim() === "1") {
      anySelected = true;
      selectedCost += project.cost;
    }
  }
  if (anySelected && selectedCost > instance.budget) {
    issues.push(
      budgetingWarning(
        "selected-over-budget",
        ["PROJECTS"],
        `the selected projects cost ${formatMoney(selectedCost, instance.scale)}, more than the budget ${formatMoney(instance.budget, instance.scale)}`,
        {
          cost: formatMoney(selectedCost, instance.scale),
          budget: formatMoney(instance.budget, instance.scale),
        },
      ),
    );
  }
  return issues;
}
