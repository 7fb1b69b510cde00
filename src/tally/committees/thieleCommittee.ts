import { compareRational, type Rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import {
  ballotsOf,
  checkEnumeration,
  committeesOf,
  outcome,
  thiele,
  thieleScore,
} from "./committeeSearch.js";

/**
 * An optimal Thiele rule by exhaustive search over all committees (exact; up to
 * 2,000,000 committees, beyond which the issue `committee-search-too-large`): `av`
 * (approval voting), `pav` (proportional approval: 1 + 1/2 + … + 1/j for j approved
 * members), `slav` (Sainte-Laguë approval: 1 + 1/3 + … ), `cc` (Chamberlin–Courant: a
 * voter counts once represented), `geom2` (geometric: 1 + 1/2 + 1/4 + …). Every optimal
 * committee is returned (`committees`).
 *
 * @category Committees
 * @example
 * ```ts
 * thieleCommittee("pav", profile, 3); // committees: every PAV-optimal committee of 3
 * ```
 */
export function thieleCommittee(
  rule: "av" | "pav" | "slav" | "cc" | "geom2",
  profile: ApprovalProfile,
  seats: number,
): Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const weight = thiele[rule] as (j: number) => Rational;
  const ballots = ballotsOf(profile);
  let best: Rational | undefined;
  let winners: number[] = [];
  committeesOf(n, seats, (committee) => {
    const score = thieleScore(weight, ballots, committee);
    const order = best === undefined ? 1 : compareRational(score, best);
    if (order > 0) {
      best = score;
      winners = [committee];
    } else if (order === 0) winners.push(committee);
  });
  return outcome(
    rule,
    profile,
    winners,
    `the highest ${rule} score over all committees of ${seats}`,
  );
}
