import type { Rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import {
  ballotsOf,
  type CommitteeSearchOptions,
  checkEnumeration,
  highestScoring,
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
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats, options);
  if (!checked.ok) return checked;
  const n = checked.value;
  const weight = thiele[rule] as (j: number) => Rational;
  const ballots = ballotsOf(profile);
  const winners = highestScoring(
    n,
    seats,
    (committee) => thieleScore(weight, ballots, committee),
    options.onProgress,
  );
  return outcome(
    rule,
    profile,
    winners,
    `the highest ${rule} score over all committees of ${seats}`,
  );
}
