import { type Issue, makeWarning as makeIssue } from "../../core/issue.js";
import { formatMoney, parseMoney } from "../../core/money.js";
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
  const { instance, profile } = election;
  const issues: Issue[] = [];
  const counts = new Map<string, number>();
  const ballotIssue = (code: string, index: number, message: string, params: object): void => {
    const seen = (counts.get(code) ?? 0) + 1;
    counts.set(code, seen);
    if (seen <= MAX_BALLOT_ISSUES_PER_CODE) {
      const voter = profile.ballots[index]?.voterId;
      issues.push(
        makeIssue(code, ["VOTES", index], `vote ${voter ?? index + 1}: ${message}`, {
          voter,
          ...params,
        }),
      );
    }
  };

  if (profile.ballots.every((ballot) => ballot.multiplicity === 0)) {
    issues.push(
      makeIssue(
        "no-ballots",
        ["VOTES"],
        "the election has no ballots: every rule selects nothing or only free projects",
      ),
    );
  }
  const projects = new Map(instance.projects.map((project) => [project.id, project]));
  const numProjects = metaInteger(instance.meta, "num_projects");
  if (numProjects !== undefined && numProjects !== instance.projects.length) {
    issues.push(
      makeIssue(
        "meta-count-mismatch",
        ["META", "num_projects"],
        `META num_projects is ${numProjects} but PROJECTS lists ${instance.projects.length}`,
        { key: "num_projects", meta: numProjects, actual: instance.projects.length },
      ),
    );
  }
  const voters = profile.ballots.reduce((sum, ballot) => sum + ballot.multiplicity, 0);
  const numVotes = metaInteger(instance.meta, "num_votes");
  if (numVotes !== undefined && numVotes !== voters) {
    issues.push(
      makeIssue(
        "meta-count-mismatch",
        ["META", "num_votes"],
        `META num_votes is ${numVotes} but VOTES holds ${voters}`,
        { key: "num_votes", meta: numVotes, actual: voters },
      ),
    );
  }

  const meta = instance.meta;
  const limit = (key: string) => metaInteger(meta, key);
  const money = (key: string) => {
    const text = meta[key]?.trim();
    return text === undefined ? undefined : parseMoney(text, instance.scale);
  };
  const minLength = limit("min_length");
  const maxLength = limit("max_length");
  const minSumCost = money("min_sum_cost");
  const maxSumCost = money("max_sum_cost");
  const minPoints = limit("min_points");
  const maxPoints = limit("max_points");
  const minSumPoints = limit("min_sum_points");
  const maxSumPoints = limit("max_sum_points");
  const scored = profile.voteType === "cumulative" || profile.voteType === "scoring";
  const valuesOf = ballotValues(instance, profile);
  const voterIds = new Set<string>();

  for (const [index, ballot] of options.ballots === false ? [] : profile.ballots.entries()) {
    if (ballot.voterId !== undefined) {
      if (voterIds.has(ballot.voterId)) {
        ballotIssue("duplicate-voter", index, "this voter id appears more than once", {});
      }
      voterIds.add(ballot.voterId);
    }
    let sumCost = 0n;
    const named = new Set<string>();
    for (const id of ballot.projects) {
      const project = projects.get(id);
      if (project === undefined) {
        ballotIssue("unknown-project", index, `vote for unknown project "${id}"`, { project: id });
      } else if (named.has(id)) {
        ballotIssue("repeated-project-in-vote", index, `project "${id}" appears twice`, {
          project: id,
        });
      } else {
        sumCost += project.cost;
      }
      named.add(id);
    }
    const length = ballot.projects.length;
    if (minLength !== undefined && length < minLength) {
      ballotIssue(
        "ballot-too-short",
        index,
        `names ${length} projects, fewer than min_length ${minLength}`,
        { length, minLength },
      );
    }
    if (maxLength !== undefined && length > maxLength) {
      ballotIssue(
        "ballot-too-long",
        index,
        `names ${length} projects, more than max_length ${maxLength}`,
        { length, maxLength },
      );
    }
    if (minSumCost !== undefined && sumCost < minSumCost) {
      ballotIssue(
        "ballot-cost-too-low",
        index,
        `selects ${formatMoney(sumCost, instance.scale)}, less than min_sum_cost`,
        { sumCost: formatMoney(sumCost, instance.scale) },
      );
    }
    if (maxSumCost !== undefined && sumCost > maxSumCost) {
      ballotIssue(
        "ballot-cost-too-high",
        index,
        `selects ${formatMoney(sumCost, instance.scale)}, more than max_sum_cost`,
        { sumCost: formatMoney(sumCost, instance.scale) },
      );
    }
    if (scored) {
      const values = valuesOf(ballot);
      const sum = values.reduce((total, value) => total + value, 0);
      for (const value of values) {
        if (
          (minPoints !== undefined && value < minPoints) ||
          (maxPoints !== undefined && value > maxPoints)
        ) {
          ballotIssue(
            "points-out-of-range",
            index,
            `gives ${value} points, outside min_points..max_points`,
            { value },
          );
        }
      }
      if (
        (minSumPoints !== undefined && sum < minSumPoints) ||
        (maxSumPoints !== undefined && sum > maxSumPoints)
      ) {
        ballotIssue(
          "points-sum-out-of-range",
          index,
          `gives ${sum} points in all, outside min_sum_points..max_sum_points`,
          { sum },
        );
      }
    }
  }
  for (const [code, seen] of counts) {
    if (seen > MAX_BALLOT_ISSUES_PER_CODE) {
      issues.push(
        makeIssue(
          `${code}-more`,
          ["VOTES"],
          `${seen - MAX_BALLOT_ISSUES_PER_CODE} more votes with the issue ${code}`,
          { code, count: seen },
        ),
      );
    }
  }

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
        makeIssue(
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
        makeIssue(
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
      makeIssue(
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
