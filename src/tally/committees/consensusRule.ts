import {
  addRational,
  compareRational,
  multiplyRational,
  type Rational,
  rational,
  subtractRational,
} from "../../core/rational.js";
import { fail, type Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";
import { ballotsOf, outcome, sizeCheck } from "./committeeSearch.js";

/** Partial committees the consensus rule may follow through its ties before an issue. */
const CONSENSUS_BRANCH_LIMIT = 200_000;

/**
 * The consensus rule (abcvoting `consensus-rule`, after Lackner's Perpetual Consensus,
 * AAAI 2020): every round each voter's budget grows by its weight; the candidate whose
 * approvers (those with a positive budget) hold the most budget is elected, and its
 * approvers pay the total weight between them, each in proportion to its weight. Every tie
 * is followed, so all committees any tie-breaking could give are returned; exact
 * fractions. At most 200,000 partial committees are followed (the issue
 * `consensus-rule-work-limit` beyond).
 *
 * @category Committees
 * @example
 * ```ts
 * consensusRule(profile, 3).ok;
 * ```
 */
export function consensusRule(profile: ApprovalProfile, seats: number): Result<TallyOutcome> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const { masks, weights } = ballotsOf(profile);
  const total = rational(weights.reduce((sum, w) => sum + w, 0));
  const found = new Set<number>();
  const stack: { committee: number; size: number; budget: Rational[] }[] = [
    { committee: 0, size: 0, budget: weights.map(() => rational(0)) },
  ];
  let followed = 0;
  while (stack.length > 0) {
    const { committee, size, budget: before } = stack.pop() as (typeof stack)[number];
    if (++followed > CONSENSUS_BRANCH_LIMIT)
      return fail([
        tallyIssue(
          "consensus-rule-work-limit",
          ["ballots"],
          `the consensus rule's ties lead to more than ${CONSENSUS_BRANCH_LIMIT} partial committees`,
          { limit: CONSENSUS_BRANCH_LIMIT },
        ),
      ]);
    const budget = before.map((value, v) => addRational(value, rational(weights[v] as number)));
    const support = new Array<Rational>(n).fill(rational(0));
    for (let v = 0; v < masks.length; v++) {
      if (compareRational(budget[v] as Rational, rational(0)) <= 0) continue;
      const mask = masks[v] as number;
      for (let c = 0; c < n; c++)
        if ((mask >> c) & 1 && !((committee >> c) & 1))
          support[c] = addRational(support[c] as Rational, budget[v] as Rational);
    }
    let most: Rational | undefined;
    for (let c = 0; c < n; c++)
      if (
        !((committee >> c) & 1) &&
        (most === undefined || compareRational(support[c] as Rational, most) > 0)
      )
        most = support[c] as Rational;
    const tied: number[] = [];
    for (let c = 0; c < n; c++)
      if (
        !((committee >> c) & 1) &&
        compareRational(support[c] as Rational, most as Rational) === 0
      )
        tied.push(c);
    const next: typeof stack = [];
    for (const c of tied) {
      const payers: number[] = [];
      let payersWeight = 0;
      for (let v = 0; v < masks.length; v++) {
        if (compareRational(budget[v] as Rational, rational(0)) <= 0) continue;
        if (((masks[v] as number) >> c) & 1) {
          payers.push(v);
          payersWeight += weights[v] as number;
        }
      }
      const paid = [...budget];
      for (const v of payers)
        paid[v] = subtractRational(
          paid[v] as Rational,
          multiplyRational(
            rational(weights[v] as number),
            rational(total.num, BigInt(payersWeight)),
          ),
        );
      const grown = committee | (1 << c);
      if (size + 1 === seats) found.add(grown);
      else next.push({ committee: grown, size: size + 1, budget: paid });
    }
    // Later ties are explored first, as abcvoting does, so its resolute committee is first.
    stack.push(...next.reverse());
  }
  return outcome(
    "consensus-rule",
    profile,
    [...found],
    "each round every voter's budget grows by its weight; the most supported candidate is elected and its supporters pay the total weight",
  );
}
