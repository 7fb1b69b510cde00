import {
  addRational,
  compareRational,
  divideRational,
  multiplyRational,
  type Rational,
  rational,
  subtractRational,
} from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { ballotsOf, outcome, sizeCheck } from "./committeeSearch.js";

/**
 * Phragmén–Eneström (Camps, Mora and Saumell 2019; abcvoting `phragmen-enestroem`), in
 * exact fractions: each voter starts with a budget equal to their weight, and a seat costs
 * the total weight / seats. Each step elects the candidate whose approvers hold the most
 * budget; if they hold more than the price, each pays the same fraction of their budget
 * (so that together they pay the price), otherwise they all pay everything. Ties are
 * followed in every direction (`committees`).
 *
 * @category Committees
 * @example
 * ```ts
 * phragmenEnestroem(profile, 3);
 * ```
 */
export function phragmenEnestroem(profile: ApprovalProfile, seats: number): Result<TallyOutcome> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const ballots = ballotsOf(profile);
  const price = rational(
    ballots.weights.reduce((sum, weight) => sum + weight, 0),
    seats,
  );
  let states = new Map<string, { committee: number; budgets: readonly Rational[] }>([
    ["", { committee: 0, budgets: ballots.weights.map((weight) => rational(weight)) }],
  ]);
  for (let step = 0; step < seats; step++) {
    const next = new Map<string, { committee: number; budgets: readonly Rational[] }>();
    for (const { committee, budgets } of states.values()) {
      const support: Rational[] = [];
      for (let c = 0; c < n; c++) {
        let held = rational(0);
        if (!((committee >> c) & 1))
          ballots.masks.forEach((mask, v) => {
            const budget = budgets[v] as Rational;
            if ((mask >> c) & 1 && budget.num > 0n) held = addRational(held, budget);
          });
        support.push(held);
      }
      let best: Rational | undefined;
      for (let c = 0; c < n; c++)
        if (
          !((committee >> c) & 1) &&
          (best === undefined || compareRational(support[c] as Rational, best) > 0)
        )
          best = support[c];
      for (let c = 0; c < n; c++) {
        if ((committee >> c) & 1 || best === undefined) continue;
        if (compareRational(support[c] as Rational, best) !== 0) continue;
        // Approvers pay the price as the same share of their budgets, or all they have.
        const factor =
          compareRational(best, price) > 0
            ? divideRational(subtractRational(best, price), best)
            : rational(0);
        const budgets2 = budgets.map((budget, v) =>
          ((ballots.masks[v] as number) >> c) & 1 ? multiplyRational(budget, factor) : budget,
        );
        const grown = committee | (1 << c);
        next.set(`${grown}:${budgets2.map((b) => `${b.num}/${b.den}`).join(",")}`, {
          committee: grown,
          budgets: budgets2,
        });
      }
    }
    states = next;
  }
  return outcome(
    "phragmen-enestroem",
    profile,
    [...states.values()].map((state) => state.committee),
    `each step elects the candidate whose approvers hold the most budget; a seat costs ${price.num}/${price.den}, paid as the same share of each approver's budget`,
  );
}
