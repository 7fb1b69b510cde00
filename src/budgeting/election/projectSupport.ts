import {
  addRational,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
} from "../../core/rational.js";
import { approvalSupport } from "./approvalGroups.js";
import { ballotValues } from "./ballotValues.js";
import type { PbInstance } from "./instance.js";
import type { PbProfile } from "./profile.js";

/**
 * How many voters name a project (`votes`) and the total value their ballots give it
 * (`score`: points for cumulative, scoring and ordinal ballots; equal to `votes` for
 * approval and choose-1). Both count multiplicities; `score` is exact.
 *
 * @category Analysis
 * @example
 * ```ts
 * const support: ProjectSupport = { votes: 3, score: rational(7) };
 * ```
 */
export interface ProjectSupport {
  readonly votes: number;
  readonly score: Rational;
}

/**
 * Counts {@link ProjectSupport} for every project of the instance (projects nobody names
 * get zero), in one pass over the ballots.
 *
 * @category Analysis
 * @example
 * ```ts
 * const support = projectSupport(instance, profile);
 * support.get("618"); //=> { votes: 14732, score: { num: 14732n, den: 1n } }
 * ```
 */
export function projectSupport(
  instance: PbInstance,
  profile: PbProfile,
): ReadonlyMap<string, ProjectSupport> {
  const index = new Map(instance.projects.map((project, k) => [project.id, k]));
  const scored = profile.voteType !== "approval" && profile.voteType !== "choose-1";
  if (!scored) {
    const counted = approvalVotes(profile, index, instance.projects.length);
    if (counted !== undefined) return approvalSupport(instance.projects, counted);
  }
  const votes = new Array<number>(instance.projects.length).fill(0);
  const wholeScores = new Array<number>(instance.projects.length).fill(0);
  let exactScores: Rational[] | undefined;
  const valuesOf = ballotValues(instance, profile);
  for (const ballot of profile.ballots) {
    const values = scored ? valuesOf(ballot) : undefined;
    for (let k = 0; k < ballot.projects.length; k++) {
      const at = index.get(ballot.projects[k] as string);
      if (at === undefined) continue;
      votes[at] = (votes[at] as number) + ballot.multiplicity;
      const value = values === undefined ? 1 : (values[k] as number);
      const whole = (wholeScores[at] as number) + value * ballot.multiplicity;
      if (exactScores !== undefined || !Number.isInteger(value) || !Number.isSafeInteger(whole)) {
        exactScores ??= wholeScores.map((score) => rational(score));
        exactScores[at] = addRational(
          exactScores[at] as Rational,
          multiplyRational(rationalFromNumber(value), rational(ballot.multiplicity)),
        );
      } else {
        wholeScores[at] = whole;
      }
    }
  }
  return new Map(
    instance.projects.map((project, k) => {
      const score = exactScores?.[k] ?? rational(wholeScores[k] as number);
      return [project.id, { votes: votes[k] as number, score }];
    }),
  );
}

/**
 * Approval and choose-1 ballots: every value is 1, so the score is the number of votes,
 * counted in one tight pass (a large file is counted here on every check and printout).
 * Undefined when some count leaves the safe integers or a multiplicity is negative (the
 * general pass then counts exactly).
 */
function approvalVotes(
  profile: PbProfile,
  index: ReadonlyMap<string, number>,
  size: number,
): Float64Array | undefined {
  const votes = new Float64Array(size);
  for (const ballot of profile.ballots) {
    const { projects, multiplicity } = ballot;
    // Sums of non-negative counts that end safe were exact all along.
    if (!(multiplicity >= 0)) return undefined;
    for (let k = 0; k < projects.length; k++) {
      const at = index.get(projects[k] as string);
      if (at !== undefined) votes[at] = (votes[at] as number) + multiplicity;
    }
  }
  return votes.every(Number.isSafeInteger) ? votes : undefined;
}
