import { addRational, type Rational, rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import {
  ballotsOf,
  bits,
  type CommitteeSearchOptions,
  checkEnumeration,
  highestScoring,
  membersOf,
  outcome,
} from "./committeeSearch.js";

/**
 * Satisfaction approval voting: each voter gives 1/|approved| to each approved candidate;
 * the committees of the highest total win (every tie returned).
 *
 * @category Committees
 * @example
 * ```ts
 * satisfactionApproval(profile, 3);
 * ```
 */
export function satisfactionApproval(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats, options);
  if (!checked.ok) return checked;
  const n = checked.value;
  const ballots = ballotsOf(profile);
  const scores = Array.from({ length: n }, () => rational(0));
  ballots.masks.forEach((mask, v) => {
    const size = bits(mask);
    if (size === 0) return;
    for (const c of membersOf(mask, n))
      scores[c] = addRational(scores[c] as Rational, rational(ballots.weights[v] as number, size));
  });
  const winners = highestScoring(
    n,
    seats,
    (committee) => {
      let score = rational(0);
      for (const c of membersOf(committee, n)) score = addRational(score, scores[c] as Rational);
      return score;
    },
    options.onProgress,
  );
  return outcome("sav", profile, winners, "the highest total satisfaction score");
}
