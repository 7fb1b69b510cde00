import { type Rational, rational } from "../../../core/rational.js";
import { fail, ok, type Result } from "../../../core/result.js";
import { budgetingIssue } from "../../budgetingIssues.js";
import type { PbInstance, PbProject } from "../../election/instance.js";
import type { PbProfile } from "../../election/profile.js";
import { computeEqualShares, type EqualSharesOptions } from "./methodOfEqualShares.js";

/**
 * A price system showing an equal-shares outcome is priceable: every voter had the same
 * budget, paid only for funded projects they support, never more than that budget, each
 * funded project was paid in full, and no unfunded project's supporters have its cost
 * left between them. Check it with `checkPriceability`; anyone can, from the ballots.
 *
 * @category Analysis
 * @example
 * ```ts
 * const certificate = equalSharesCertificate(instance, profile, { completion: "add1" });
 * if (certificate.ok) certificate.value.payments[0]; // what the first ballot's voter paid
 * ```
 */
export interface PriceabilityCertificate {
  /** Each voter's budget, in minor units. */
  readonly perVoterBudget: Rational;
  /** The projects equal shares bought, in order. */
  readonly selected: readonly string[];
  /** Per ballot of the profile (same index): what each of its voters paid, per project. */
  readonly payments: readonly (readonly {
    readonly project: string;
    readonly amount: Rational;
  }[])[];
}

/**
 * The prices behind an equal-shares outcome (see {@link PriceabilityCertificate}), at the
 * per-voter budget the completion ended with. Completions that add projects without
 * prices (`greedy`, or a comparison won by greedy) have no certificate: the issue
 * `not-priceable`.
 *
 * @category Analysis
 * @example
 * ```ts
 * const certificate = equalSharesCertificate(instance, profile);
 * if (certificate.ok) checkPriceability(instance, profile, certificate.value);
 * ```
 */
export function equalSharesCertificate(
  instance: PbInstance,
  profile: PbProfile,
  options: EqualSharesOptions = {},
): Result<PriceabilityCertificate> {
  const computed = computeEqualShares(instance, profile, options);
  if (!computed.ok) return computed;
  const { data, perVoter, mesSelected, completed, explained } = computed.value;
  if (completed.length > 0 || explained?.paymentsOf === undefined) {
    return fail([
      budgetingIssue(
        "not-priceable",
        ["completion"],
        "this outcome includes projects added without prices (greedy completion or comparison), so it has no price system",
        { completion: options.completion ?? "none" },
      ),
    ]);
  }
  const paymentsOf = explained.paymentsOf;
  const byGroup = new Map<number, { project: string; amount: Rational }[]>();
  const payments = profile.ballots.map((_, b) => {
    const g = data.groupOfBallot[b] as number;
    if (g < 0) return [];
    let paid = byGroup.get(g);
    if (paid === undefined) {
      paid = paymentsOf(g).map(({ project, amount }) => ({
        project: (data.projects[project] as PbProject).id,
        amount: rational(amount.num, amount.den),
      }));
      byGroup.set(g, paid);
    }
    return paid;
  });
  return ok({
    perVoterBudget: perVoter,
    selected: mesSelected.map((p) => (data.projects[p] as PbProject).id),
    payments,
  });
}
