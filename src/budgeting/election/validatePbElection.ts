import { formatDecimal, parseDecimal, rescaleDecimal } from "../../core/decimal.js";
import { type Issue, makeIssue, makeWarning } from "../../core/issue.js";
import { budgetingIssue, budgetingWarning } from "../budgetingIssues.js";
import type { PbElection } from "./election.js";
import type { PbBallot, PbProfile, VoteType } from "./profile.js";
import { voteTypes } from "./profile.js";

/** At most this many issues of one kind are listed; a summary follows. */
const MAX_PER_CODE = 20;

/**
 * The most voters an election may hold: their number, and every vote count, stay exact
 * in a double.
 *
 * @category Model
 * @example
 * ```ts
 * MAX_VOTERS === Number.MAX_SAFE_INTEGER; //=> true
 * ```
 */
export const MAX_VOTERS = Number.MAX_SAFE_INTEGER;

/** Collects issues, listing at most {@link MAX_PER_CODE} per code and counting the rest. */
class IssueList {
  readonly issues: Issue[] = [];
  private readonly counts = new Map<string, number>();
  add(issue: Issue): void {
    const seen = (this.counts.get(issue.code) ?? 0) + 1;
    this.counts.set(issue.code, seen);
    if (seen <= MAX_PER_CODE) this.issues.push(issue);
  }
  done(): Issue[] {
    for (const [code, seen] of this.counts) {
      if (seen > MAX_PER_CODE) {
        const warning = this.issues.find((issue) => issue.code === code)?.severity === "warning";
        this.issues.push(
          (warning ? makeWarning : makeIssue)(code, [], `${seen - MAX_PER_CODE} more: ${code}`, {
            count: seen,
          }),
        );
      }
    }
    return this.issues;
  }
}

/**
 * The checks every rule makes before counting, in one pass without allocation per ballot:
 * a known vote type, a budget and costs that are not negative, distinct non-empty project
 * ids, multiplicities that are whole numbers from 0 to 2^53 − 1 (and at most that many
 * voters in all), ballots naming only known projects, each at most once, with as many
 * finite points as projects where points are given (cumulative and scoring ballots must
 * give them), and choose-1 ballots naming at most one project. An empty list means a rule can count the election; otherwise each issue
 * says what is wrong, with its path into the data (`["profile", "ballots", 12]`).
 *
 * File readers and {@link pbElectionFromJson} make the same checks (and read a project
 * listed twice where the meaning is clear, with a warning); this is for elections built
 * in code.
 *
 * @category Model
 * @example
 * ```ts
 * const issues = validatePbElection({ instance, profile });
 * if (issues.length > 0) return fail(issues); // e.g. "project "a" has a negative cost (-5)"
 * ```
 */
export function validatePbElection(election: PbElection): Issue[] {
  // Long by design: one pass over every ballot with no allocation per ballot, checking all the
  // constraints at once so a million ballots validate quickly.
  const { instance, profile } = election;
  const list = new IssueList();
  if (!(voteTypes as readonly string[]).includes(profile.voteType)) {
    list.add(
      budgetingIssue(
        "unknown-vote-type",
        ["profile", "voteType"],
        `unknown vote type "${String(profile.voteType)}" (known: ${voteTypes.join(", ")})`,
        { value: profile.voteType },
      ),
    );
  }
  if (typeof instance.budget !== "bigint" || instance.budget < 0n) {
    list.add(
      budgetingIssue(
        "invalid-budget",
        ["instance", "budget"],
        "the budget is negative or not a whole number of minor units",
        {
          value: String(instance.budget),
        },
      ),
    );
  }
  const index = new Map<string, number>();
  for (const [k, project] of instance.projects.entries()) {
    if (typeof project.id !== "string" || project.id === "") {
      list.add(
        budgetingIssue(
          "missing-project-id",
          ["instance", "projects", k, "id"],
          `project ${k + 1} has no id`,
        ),
      );
      continue;
    }
    if (index.has(project.id)) {
      list.add(
        budgetingIssue(
          "duplicate-project",
          ["instance", "projects", k, "id"],
          `project "${project.id}" is listed twice`,
          {
            project: project.id,
          },
        ),
      );
      continue;
    }
    index.set(project.id, k);
    if (typeof project.cost !== "bigint" || project.cost < 0n) {
      list.add(
        budgetingIssue(
          "negative-cost",
          ["instance", "projects", k, "cost"],
          `project "${project.id}" has a negative cost (${String(project.cost)})`,
          { project: project.id, value: String(project.cost) },
        ),
      );
    }
  }
  const scored = profile.voteType === "cumulative" || profile.voteType === "scoring";
  // seenIn[p] = 1 + the last ballot that named project p: a repeat within a ballot, found
  // without a set per ballot.
  const seenIn = new Float64Array(instance.projects.length);
  let voters = 0;
  for (let b = 0; b < profile.ballots.length; b++) {
    const ballot = profile.ballots[b] as PbBallot;
    const at = ["profile", "ballots", b];
    const m = ballot.multiplicity;
    if (!Number.isSafeInteger(m) || m < 0) {
      list.add(
        budgetingIssue(
          "invalid-multiplicity",
          [...at, "multiplicity"],
          `ballot ${b + 1} has multiplicity ${String(m)}: it must be a whole number from 0 to 2^53 − 1`,
          { value: String(m) },
        ),
      );
    } else voters += m;
    const projects = ballot.projects;
    for (let k = 0; k < projects.length; k++) {
      const id = projects[k] as string;
      const p = index.get(id);
      if (p === undefined) {
        list.add(
          budgetingIssue(
            "unknown-project",
            [...at, "projects", k],
            `ballot ${b + 1} names unknown project "${id}"`,
            {
              project: id,
            },
          ),
        );
      } else if (seenIn[p] === b + 1) {
        list.add(
          budgetingIssue(
            "repeated-project-in-vote",
            [...at, "projects", k],
            `ballot ${b + 1} names project "${id}" more than once`,
            { project: id },
          ),
        );
      } else seenIn[p] = b + 1;
    }
    if (ballot.points === undefined) {
      if (scored && projects.length > 0)
        list.add(
          budgetingIssue(
            "missing-points",
            [...at, "points"],
            `ballot ${b + 1} is a ${profile.voteType} ballot without the points it gives`,
          ),
        );
    } else {
      if (ballot.points.length !== projects.length) {
        list.add(
          budgetingIssue(
            "points-mismatch",
            [...at, "points"],
            `ballot ${b + 1} gives ${ballot.points.length} points for ${projects.length} projects`,
            { points: ballot.points.length, projects: projects.length },
          ),
        );
      } else if (!ballot.points.every((value) => Number.isFinite(value))) {
        list.add(
          budgetingIssue(
            "invalid-points",
            [...at, "points"],
            `ballot ${b + 1} gives points that are not finite numbers`,
          ),
        );
      }
    }
    if (profile.voteType === "choose-1" && projects.length > 1) {
      list.add(
        budgetingIssue(
          "too-many-choices",
          [...at, "projects"],
          `a choose-1 ballot names ${projects.length} projects`,
          {
            count: projects.length,
          },
        ),
      );
    }
  }
  if (voters > MAX_VOTERS) {
    list.add(
      budgetingIssue(
        "too-many-voters",
        ["profile", "ballots"],
        `the ballots count ${voters} voters, more than 2^53 − 1, beyond which counts are not exact`,
        { voters },
      ),
    );
  }
  return list.done();
}

/**
 * A ballot that lists a project more than once, read the one way its meaning allows: an
 * approval or choose-1 ballot approves it once; a cumulative ballot gives it the sum of its
 * points (as Częstochowa 2020's published scores add them up); a scoring ballot that gives
 * every copy the same score scores it once. `undefined` when no reading is sure: a ranking
 * that names a project twice, or different scores for one project. `assumption` says what
 * was done, for a warning.
 *
 * @category Model
 * @example
 * ```ts
 * mergeRepeatedProjects("cumulative", ["a", "b", "a"], [1, 2, 3]);
 * //=> { projects: ["a", "b"], points: [4, 2], assumption: "its points are added up (4)" }
 * ```
 */
export function mergeRepeatedProjects(
  voteType: VoteType,
  projects: readonly string[],
  points: readonly number[] | undefined,
): { projects: string[]; points: number[] | undefined; assumption: string } | undefined {
  if (voteType === "ordinal") return undefined;
  const merged: string[] = [];
  const values: number[] = [];
  const firstAt = new Map<string, number>();
  let repeated: string | undefined;
  for (const [k, id] of projects.entries()) {
    const at = firstAt.get(id);
    const value = points?.[k];
    if (at === undefined) {
      firstAt.set(id, merged.length);
      merged.push(id);
      if (value !== undefined) values.push(value);
      continue;
    }
    repeated ??= id;
    if (value === undefined) continue;
    if (voteType === "cumulative") values[at] = addPoints(values[at] as number, value);
    else if (values[at] !== value) return undefined;
  }
  const summed = voteType === "cumulative" && points !== undefined;
  const total =
    summed && repeated !== undefined ? values[firstAt.get(repeated) as number] : undefined;
  return {
    projects: merged,
    points: points === undefined ? undefined : values,
    assumption: summed ? `its points are added up (${total})` : "counted once",
  };
}

/** The sum of two point values read from decimal text, as exact as a double allows. */
function addPoints(a: number, b: number): number {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a + b;
  const x = parseDecimal(plainNumber(a));
  const y = parseDecimal(plainNumber(b));
  if (x === undefined || y === undefined) return a + b;
  const scale = Math.max(x.scale, y.scale);
  const units = (rescaleDecimal(x, scale) ?? 0n) + (rescaleDecimal(y, scale) ?? 0n);
  return Number(formatDecimal(units, scale));
}

/**
 * A finite number written as a plain decimal, never in exponent form: `1e-22` becomes
 * `"0.0000000000000000000001"`, `1e21` becomes `"1000000000000000000000"`. The digits are
 * those of the shortest form that reads back to the same number.
 *
 * @category Model
 * @example
 * ```ts
 * plainNumber(1e-7); //=> "0.0000001"
 * plainNumber(2.5); //=> "2.5"
 * ```
 */
export function plainNumber(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign, whole, fraction = "", exponentText] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Merges repeated projects of every ballot (see {@link mergeRepeatedProjects}), returning
 * the profile and a warning per merged ballot, or the ballots that cannot be read one way.
 *
 * @internal
 */
export function mergeRepeatedInProfile(
  profile: PbProfile,
  pathOf: (ballot: number) => (string | number)[],
): { profile: PbProfile; warnings: Issue[]; errors: Issue[] } {
  const warnings = new IssueList();
  const errors = new IssueList();
  let ballots: PbBallot[] | undefined;
  for (const [b, ballot] of profile.ballots.entries()) {
    if (new Set(ballot.projects).size === ballot.projects.length) continue;
    const merged = mergeRepeatedProjects(profile.voteType, ballot.projects, ballot.points);
    const [repeated] = ballot.projects.filter((id, k) => ballot.projects.indexOf(id) !== k);
    if (merged === undefined) {
      errors.add(
        budgetingIssue(
          "repeated-project-in-vote",
          pathOf(b),
          `ballot ${b + 1} names project "${repeated}" more than once, which a ${profile.voteType} ballot cannot mean one way only`,
          { project: repeated },
        ),
      );
      continue;
    }
    ballots ??= [...profile.ballots];
    const { points: mergedPoints, projects } = merged;
    ballots[b] =
      mergedPoints === undefined
        ? { ...ballot, projects }
        : { ...ballot, projects, points: mergedPoints };
    warnings.add(
      budgetingWarning(
        "repeated-project-in-vote",
        pathOf(b),
        `ballot ${b + 1} names project "${repeated}" more than once; ${merged.assumption}`,
        { project: repeated },
      ),
    );
  }
  return {
    profile: ballots === undefined ? profile : { ...profile, ballots },
    warnings: warnings.done(),
    errors: errors.done(),
  };
}
