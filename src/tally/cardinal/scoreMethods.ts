import { ownValue } from "../../core/idRecord.js";
import type { MethodInfo } from "../../core/methodInfo.js";
import { fail, type Result } from "../../core/result.js";
import type { ScoreProfile } from "../ballots/scoreProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";
import { cumulativeVoting } from "./cumulativeVoting.js";
import { majorityJudgment } from "./majorityJudgment.js";
import { scoreVoting } from "./scoreVoting.js";
import { star } from "./star.js";

/**
 * A counting method for score (grade) ballots with its metadata, callable as
 * `(profile)`.
 *
 * @category Methods
 * @example
 * ```ts
 * scoreMethods.find((method) => method.id === "star")?.run(profile);
 * ```
 */
export interface ScoreMethod extends MethodInfo {
  readonly run: (profile: ScoreProfile) => Result<TallyOutcome>;
}

/** Majority Judgment on score ballots: grades 0 … maxScore, a candidate left out graded 0. */
function majorityJudgmentOfScores(profile: ScoreProfile): Result<TallyOutcome> {
  const fractional = profile.ballots.findIndex((ballot) => !Number.isSafeInteger(ballot.weight));
  if (fractional >= 0)
    return fail([
      tallyIssue(
        "invalid-weight",
        ["ballots", fractional],
        `Majority Judgment counts voters: ballot ${fractional + 1} has weight ${profile.ballots[fractional]?.weight}`,
      ),
    ]);
  const tallies = profile.candidates.map((candidate) => {
    const row = new Array<number>(profile.maxScore + 1).fill(0);
    for (const ballot of profile.ballots) {
      const grade = ownValue(ballot.scores, candidate) ?? 0;
      row[grade] = (row[grade] ?? 0) + ballot.weight;
    }
    return row;
  });
  return majorityJudgment({ candidates: profile.candidates, tallies });
}

/**
 * Every counting method for score ballots, for hosts and the CLI to dispatch on.
 *
 * @category Methods
 * @example
 * ```ts
 * scoreMethods.map((method) => method.id); //=> ["score", "score-mean", "star", "majority-judgment", "cumulative"]
 * ```
 */
export const scoreMethods: readonly ScoreMethod[] = [
  {
    id: "score",
    name: "Score voting (total)",
    kind: "single-winner",
    ballotTypes: ["score"],
    properties: ["monotonic"],
    notes: ["exact"],
    reference: "range voting; pref_voting `score_voting`",
    run: (profile) => scoreVoting(profile),
  },
  {
    id: "score-mean",
    name: "Score voting (mean over the ballots that score the candidate)",
    kind: "single-winner",
    ballotTypes: ["score"],
    properties: [],
    notes: ["exact"],
    reference: "mean range voting",
    run: (profile) => scoreVoting(profile, { aggregate: "mean" }),
  },
  {
    id: "star",
    name: "STAR voting",
    kind: "single-winner",
    ballotTypes: ["score"],
    properties: [],
    notes: ["official tie protocol"],
    reference: "Equal Vote Coalition, STAR Voting official rules",
    run: star,
  },
  {
    id: "majority-judgment",
    name: "Majority Judgment",
    kind: "single-winner",
    ballotTypes: ["score"],
    properties: [],
    notes: ["exact majority values"],
    reference: "Balinski and Laraki 2011; Mieux Voter reference library",
    run: majorityJudgmentOfScores,
  },
  {
    id: "cumulative",
    name: "Cumulative voting (each voter has maxScore points)",
    kind: "single-winner",
    ballotTypes: ["score"],
    properties: [],
    notes: ["exact"],
    reference: "cumulative voting, one seat",
    run: (profile) => cumulativeVoting(profile, { points: profile.maxScore }),
  },
];
