import { type Rational, rationalFromDecimal } from "../../core/rational.js";
import { fail, ok, type Result } from "../../core/result.js";
import { budgetingIssue } from "../budgetingIssues.js";
import type { PbInstance } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import type { PbOutcome, PbRuleMetadata } from "../outcome.js";
import { type GreedyOptions, greedyEngine } from "./greedy.js";

/**
 * Options of {@link greedyThreshold}.
 *
 * @category Rules
 * @example
 * ```ts
 * greedyThreshold(instance, profile, { threshold: rational(100) });
 * ```
 */
export interface GreedyThresholdOptions extends GreedyOptions {
  /** The minimum score (votes for approval); default META `min_project_score_threshold`. */
  readonly threshold?: Rational | undefined;
}

/**
 * Greedy with a minimum score, as Łódź, Warsaw and Katowice count: only projects whose
 * score (votes for approval ballots) reaches the threshold can be funded; among them,
 * greedy with skipping.
 *
 * Returns an issue `missing-threshold` when neither the options nor META
 * `min_project_score_threshold` give a threshold.
 *
 * @category Rules
 * @example
 * ```ts
 * greedyThreshold(instance, profile, { threshold: rational(100) });
 * ```
 */
export function greedyThreshold(
  instance: PbInstance,
  profile: PbProfile,
  options: GreedyThresholdOptions = {},
): Result<PbOutcome> {
  const threshold = scoreThreshold(instance, options.threshold);
  if (!threshold.ok) return threshold;
  if (threshold.value === undefined) {
    return fail([
      budgetingIssue(
        "missing-threshold",
        ["meta", "min_project_score_threshold"],
        "greedy-threshold needs a threshold: META min_project_score_threshold or the threshold option",
      ),
    ]);
  }
  return greedyEngine(instance, profile, {
    ...options,
    rule: greedyThresholdMetadata.id,
    stopAtFirstUnaffordable: false,
    skipWithdrawn: false,
    threshold: threshold.value,
  });
}

/**
 * The minimum score a project needs: the option, else META `min_project_score_threshold`,
 * else none (`undefined`); an issue when META's is not a number.
 *
 * @internal
 */
export function scoreThreshold(
  instance: PbInstance,
  option: Rational | undefined,
): Result<Rational | undefined> {
  if (option !== undefined) return ok(option);
  const metaText = instance.meta.min_project_score_threshold?.trim();
  if (metaText === undefined || metaText === "") return ok(undefined);
  const threshold = rationalFromDecimal(metaText);
  if (threshold === undefined) {
    return fail([
      budgetingIssue(
        "invalid-threshold",
        ["meta", "min_project_score_threshold"],
        `META min_project_score_threshold "${metaText}" is not a number`,
        { value: metaText },
      ),
    ]);
  }
  return ok(threshold);
}

/**
 * Metadata of {@link greedyThreshold}.
 *
 * @category Rules
 * @example
 * ```ts
 * greedyThresholdMetadata.id; //=> "greedy-threshold"
 * ```
 */
export const greedyThresholdMetadata: PbRuleMetadata = {
  id: "greedy-threshold",
  name: "Greedy utilitarian with a minimum score",
  kind: "budget",
  ballotTypes: ["approval", "choose-1", "cumulative", "scoring", "ordinal"],
  properties: ["budget-feasible"],
  notes: [],
  reference: "Pabulib format, rule `greedy-threshold`: https://pabulib.org/format",
  description: "Funds, in order of votes, each project that fits and reaches the minimum score.",
};
