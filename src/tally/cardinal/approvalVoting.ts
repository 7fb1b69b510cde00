import { addRational, rational, rationalFromNumber } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import { totalsOutcome } from "../ballots/totalsOutcome.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * Approval voting for one seat: the candidate approved by the most voters (weights
 * included, exactly) wins; every tied winner is returned and the ranking orders all
 * candidates by approvals.
 *
 * @category Cardinal
 * @example
 * ```ts
 * approvalVoting({ candidates: ["a", "b"], names: {}, ballots: [{ approved: ["a"], weight: 2 }] }).ok;
 * ```
 */
export function approvalVoting(profile: ApprovalProfile): Result<TallyOutcome> {
  const totals = profile.candidates.map((candidate) =>
    profile.ballots.reduce(
      (sum, ballot) =>
        ballot.approved.includes(candidate)
          ? addRational(sum, rationalFromNumber(ballot.weight))
          : sum,
      rational(0),
    ),
  );
  return totalsOutcome("approval", profile.candidates, totals, "approvals per candidate");
}
