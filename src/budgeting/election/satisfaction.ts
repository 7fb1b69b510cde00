import { type Rational, rational } from "../../core/rational.js";
import type { PbProject } from "./instance.js";
import type { PbBallot, PbProfile } from "./profile.js";

/**
 * How much a voter gains from a funded project, additively over projects.
 *
 * A voter's `value` for a project is what the ballot gives it: 1 for an approval or a
 * choose-1 ballot, the points for cumulative and scoring ballots, and the positional
 * points for a ranking. A `linear` satisfaction is `value × factor(project)` (civitas can
 * then sum values once per project); an `additive` one is any function of the project,
 * the value and the ballot.
 *
 * @category Satisfaction
 * @example
 * ```ts
 * const byCost: SatisfactionFunction = costSatisfaction;
 * const custom = additiveSatisfaction("double", (_project, value) => multiplyRational(value, rational(2)));
 * ```
 */
export type SatisfactionFunction =
  | {
      readonly id: string;
      readonly kind: "linear";
      readonly factor: (project: PbProject) => Rational;
    }
  | {
      readonly id: string;
      readonly kind: "additive";
      readonly satisfaction: (project: PbProject, value: Rational, ballot: PbBallot) => Rational;
    };

/**
 * Cost satisfaction: a voter gains the cost of each funded project they support, times
 * their value for it. Greedy by welfare per cost under it is greedy by votes (or score),
 * as cities count.
 *
 * @category Satisfaction
 * @example
 * ```ts
 * costSatisfaction.kind === "linear" && costSatisfaction.factor(project); // project.cost
 * ```
 */
export const costSatisfaction: SatisfactionFunction = {
  id: "cost",
  kind: "linear",
  factor: (project) => rational(project.cost),
};

/**
 * Cardinality satisfaction: a voter gains their value (1 per approved project) for each
 * funded project.
 *
 * @category Satisfaction
 * @example
 * ```ts
 * cardinalitySatisfaction.kind === "linear" && cardinalitySatisfaction.factor(project);
 * //=> { num: 1n, den: 1n }
 * ```
 */
export const cardinalitySatisfaction: SatisfactionFunction = {
  id: "cardinality",
  kind: "linear",
  factor: () => rational(1),
};

/**
 * Points satisfaction: a voter gains the points they gave each funded project (cumulative
 * points, a score, or the positional points of a ranking; 1 per approved project), as
 * pabutools' additive cardinal satisfaction. The default of every rule but greedy on
 * cumulative and scoring ballots ({@link defaultSatisfaction}).
 *
 * @category Satisfaction
 * @example
 * ```ts
 * methodOfEqualShares(instance, profile, { sat: pointsSatisfaction });
 * ```
 */
export const pointsSatisfaction: SatisfactionFunction = {
  id: "points",
  kind: "linear",
  factor: () => rational(1),
};

/**
 * The satisfaction a rule uses when none is given: {@link pointsSatisfaction} for
 * cumulative and scoring ballots (what the points mean), {@link costSatisfaction}
 * otherwise. Greedy rules rank by votes or score either way, as cities count.
 *
 * @category Satisfaction
 * @example
 * ```ts
 * defaultSatisfaction({ voteType: "cumulative", ballots: [], voteColumns: [] }).id; //=> "points"
 * ```
 */
export function defaultSatisfaction(profile: Pick<PbProfile, "voteType">): SatisfactionFunction {
  return profile.voteType === "cumulative" || profile.voteType === "scoring"
    ? pointsSatisfaction
    : costSatisfaction;
}

/**
 * Wraps any additive satisfaction as a {@link SatisfactionFunction}.
 *
 * @category Satisfaction
 * @example
 * ```ts
 * // Square-root-of-cost satisfaction, rounded down to whole units:
 * const sqrtCost = additiveSatisfaction("sqrt-cost", (project, value) =>
 *   multiplyRational(value, rational(BigInt(Math.floor(Math.sqrt(Number(project.cost)))))),
 * );
 * ```
 */
export function additiveSatisfaction(
  id: string,
  satisfaction: (project: PbProject, value: Rational, ballot: PbBallot) => Rational,
): SatisfactionFunction {
  return { id, kind: "additive", satisfaction };
}
