import { compareRational, rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { committeeLoad } from "./committeeLoad.js";
import { type CommitteeSearchOptions, outcome } from "./committeeSearch.js";
import { loadOptimalCommittees } from "./loadOptimalCommittees.js";

/**
 * Minimax Phragmén, exact: the committees whose members' costs (1 each) can be shared by
 * their approvers with the lowest possible maximal load. Every optimal committee is
 * returned. Committees with fewer members nobody approves come first (when fewer
 * candidates are approved than seats, all of them are elected and the rest tie).
 *
 * @category Committees
 * @example
 * ```ts
 * minimaxPhragmen(profile, 3).ok;
 * ```
 */
export function minimaxPhragmen(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const winners = loadOptimalCommittees(
    profile,
    seats,
    "minimax Phragmén",
    (members, masks, weights) => committeeLoad(members, masks, weights) ?? rational(0),
    compareRational,
    options,
  );
  if (!winners.ok) return winners;
  return outcome(
    "minimaxphragmen",
    profile,
    winners.value,
    "the lowest possible maximal load over all committees",
  );
}
