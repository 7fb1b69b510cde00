import type { MethodInfo } from "../core/methodInfo.js";
import type { Money } from "../core/money.js";
import type { TieBreakingPolicy } from "../core/tieBreaking.js";
import type { VoteType } from "./election/profile.js";

/**
 * One step of a rule's explanation: the project considered, what happened to it and why,
 * and the budget left afterwards.
 *
 * Reasons: `fits` (selected), `over-budget` (skipped: it costs more than is left),
 * `stop` (greedy-no-skip ends here), `withdrawn` (cost 999999999 marks a withdrawn
 * project), `below-threshold` (its score is under META `min_project_score_threshold`),
 * `optimal` (part of the best-welfare set), `not-optimal` (left out of it),
 * `equal-shares` (bought by its supporters at the lowest price per unit of satisfaction),
 * `unaffordable` (its supporters' money left is less than its cost), `completion` (added
 * by a completion after equal shares), `lowest-load` (sequential Phragmén and maximin
 * support: the project whose purchase leaves the lowest maximal load).
 *
 * @category Rules
 * @example
 * ```ts
 * outcome.explanation[0];
 * //=> { project: "618", action: "selected", reason: "fits", cost: 500000n, measure: "votes", value: "14732", budgetLeft: 7000000n }
 * ```
 */
export interface PbStep {
  readonly project: string;
  readonly action: "selected" | "skipped";
  readonly reason:
    | "fits"
    | "over-budget"
    | "stop"
    | "withdrawn"
    | "below-threshold"
    | "optimal"
    | "not-optimal"
    | "equal-shares"
    | "unaffordable"
    | "completion"
    | "lowest-load";
  readonly cost: Money;
  /** What ranked the project: `votes`, `score`, `welfare-per-cost` or `welfare`. */
  readonly measure: string;
  /** The measure's value, exact (`"14732"`, `"3/4"`). */
  readonly value: string;
  readonly budgetLeft: Money;
  /** Who paid for the project (equal shares): per class of voters, how much each paid. */
  readonly payments?: readonly PbPayment[];
  /**
   * Projects that tied with this one on the measure and lost to it only by the
   * tie-breaking policy (sequential Phragmén, maximin support with `reportTies`, equal
   * shares); absent when there was no tie.
   */
  readonly tiedWith?: readonly string[];
}

/**
 * A class of voters who paid the same for a project under equal shares: how many they
 * are, what each paid (in major units, exact as a fraction or decimal), and whether it was
 * all the money they had left.
 *
 * @category Rules
 * @example
 * ```ts
 * const payment: PbPayment = { voters: 120, amount: "83.25", all: false };
 * ```
 */
export interface PbPayment {
  readonly voters: number;
  readonly amount: string;
  readonly all: boolean;
}

/**
 * What a rule returns: the selected projects in selection order, their total cost, the
 * budget, the step-by-step explanation, and how ties were broken.
 *
 * @category Rules
 * @example
 * ```ts
 * const result = greedy(instance, profile);
 * if (result.ok) console.log(result.value.selected, result.value.cost);
 * ```
 */
export interface PbOutcome {
  readonly rule: string;
  readonly selected: readonly string[];
  readonly cost: Money;
  readonly budget: Money;
  readonly explanation: readonly PbStep[];
  /** The policy that decided ties: plain data, so anyone can reproduce the count. */
  readonly tieBreaking: TieBreakingPolicy;
  /** Plain-language remarks (the welfare reached, which META rule was applied…). */
  readonly notes: readonly string[];
}

/**
 * What a rule is: its id (as used by the CLI and in META `rule`), the ballots it takes,
 * the axioms it satisfies (checked by property tests), how it counts and where it is defined.
 *
 * @category Rules
 * @example
 * ```ts
 * greedyMetadata.ballotTypes; //=> ["approval", "choose-1", "cumulative", "scoring", "ordinal"]
 * ```
 */
export interface PbRuleMetadata extends MethodInfo {
  readonly kind: "budget";
  readonly ballotTypes: readonly VoteType[];
  readonly description: string;
}
