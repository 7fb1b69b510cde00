import {
  findFeasiblePoint,
  LINEAR_SYSTEM_WORK_LIMIT,
  type LinearConstraint,
} from "../../core/linearFeasibility.js";
import { type Rational, rational, rationalFromNumber } from "../../core/rational.js";
import { ok, type Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";

/**
 * A price system for a committee (Peters and Skowron 2020; Lackner and Skowron 2023,
 * Definition 4.8): every elected candidate costs 1; each ballot's voters hold `budget`
 * each (a ballot of weight w holds w × budget) and pay only for elected candidates they
 * approve; every elected candidate is paid exactly 1; and the supporters of each
 * candidate left out hold at most 1 between them, so they could not have bought it.
 *
 * @category Committees
 * @example
 * ```ts
 * const prices: CommitteePriceSystem = { budget: rational(1, 2), payments: [[{ candidate: "a", amount: rational(1, 2) }]] };
 * ```
 */
export interface CommitteePriceSystem {
  readonly budget: Rational;
  /** Per ballot of the profile (same index): what it pays, weight included, per candidate. */
  readonly payments: readonly (readonly {
    readonly candidate: string;
    readonly amount: Rational;
  }[])[];
}

/**
 * Whether a committee is priceable, and the price system that shows it (absent when it is
 * not, or when fewer candidates are approved than there are seats: then, as in
 * abcvoting, it is priceable exactly when it holds every approved candidate).
 *
 * @category Committees
 * @example
 * ```ts
 * const report: CommitteePriceability = { priceable: false };
 * ```
 */
export interface CommitteePriceability {
  readonly priceable: boolean;
  readonly prices?: CommitteePriceSystem;
}

/**
 * Decides exactly whether a committee is priceable (see {@link CommitteePriceSystem}): a
 * linear system in the budget and the payments, solved by {@link findFeasiblePoint} in
 * whole numbers, so the answer and the prices it returns are exact. Fractional ballot
 * weights count as the decimals they print as. Beyond `workLimit` tableau cells, the issue
 * `linear-system-work-limit`.
 *
 * @category Committees
 * @example
 * ```ts
 * const profile = { candidates: ["a", "b", "c"], ballots: [
 *   { approved: ["a", "b"], weight: 2 }, { approved: ["c"], weight: 1 } ] };
 * committeePriceability(profile, ["a", "b"]); // ok: priceable at budget 1
 * committeePriceability(profile, ["a", "c"]); // ok: priceable
 * ```
 */
export function committeePriceability(
  profile: ApprovalProfile,
  committee: readonly string[],
  options: { readonly workLimit?: number } = {},
): Result<CommitteePriceability> {
  const elected = new Set(committee);
  const approved = new Set(
    profile.ballots.filter((ballot) => ballot.weight > 0).flatMap((ballot) => ballot.approved),
  );
  if (approved.size < elected.size)
    return ok({ priceable: [...approved].every((candidate) => elected.has(candidate)) });
  // Variable 0 is the budget; then one payment per ballot and elected candidate it approves.
  const payers: { ballot: number; candidate: string }[] = [];
  const payersOf = profile.ballots.map((ballot, b) =>
    [...new Set(ballot.approved)]
      .filter((candidate) => elected.has(candidate))
      .map((candidate) => {
        payers.push({ ballot: b, candidate });
        return payers.length;
      }),
  );
  const weights = profile.ballots.map((ballot) => rationalFromNumber(ballot.weight));
  const one = rational(1);
  const minusOne = rational(-1);
  const constraints: LinearConstraint[] = profile.ballots.map((_, b) => ({
    terms: [
      [0, { num: -(weights[b] as Rational).num, den: (weights[b] as Rational).den }],
      ...(payersOf[b] as number[]).map((variable) => [variable, one] as const),
    ],
    relation: "<=",
    bound: rational(0),
  }));
  for (const candidate of elected)
    constraints.push({
      terms: payers.flatMap((payer, k) =>
        payer.candidate === candidate ? [[k + 1, one] as const] : [],
      ),
      relation: "=",
      bound: one,
    });
  for (const candidate of approved) {
    if (elected.has(candidate)) continue;
    // Σ over its supporters of (w × budget − what they paid) ≤ 1.
    const terms: (readonly [number, Rational])[] = [];
    profile.ballots.forEach((ballot, b) => {
      if (!ballot.approved.includes(candidate)) return;
      terms.push([0, weights[b] as Rational]);
      for (const variable of payersOf[b] as number[]) terms.push([variable, minusOne]);
    });
    constraints.push({ terms, relation: "<=", bound: one });
  }
  const found = findFeasiblePoint(
    { variables: payers.length + 1, constraints },
    { workLimit: options.workLimit ?? LINEAR_SYSTEM_WORK_LIMIT },
  );
  if (!found.ok) return found;
  if (!found.value.feasible) return ok({ priceable: false });
  const point = found.value.point;
  return ok({
    priceable: true,
    prices: {
      budget: point[0] as Rational,
      payments: payersOf.map((variables) =>
        variables.flatMap((variable) => {
          const amount = point[variable] as Rational;
          const { candidate } = payers[variable - 1] as { candidate: string };
          return amount.num === 0n ? [] : [{ candidate, amount }];
        }),
      ),
    },
  });
}
