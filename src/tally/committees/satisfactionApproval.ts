import { addRational, compareRational, type Rational, rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import {
  ballotsOf,
  bits,
  checkEnumeration,
  committeesOf,
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
): Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats);
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
  let best: Rational | undefined;
  let winners: number[] = [];
  committeesOf(n, seats, (committee) => {
    let score = rational(0);
    for (const c of membersOf(committee, n)) score = addRational(score, scores[c] as Rational);
    const order = best === undefined ? 1 : compareRational(score, best);
    if (order > 0) {
      best = score;
      winners = [committee];
    } else if (order === 0) winners.push(committee);
  });
  return outcome("sav", profile, winners, "the highest total satisfaction score");
}
