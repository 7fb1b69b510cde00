import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import {
  ballotsOf,
  bits,
  type CommitteeSearchOptions,
  checkEnumeration,
  committeesOf,
  outcome,
} from "./committeeSearch.js";

/**
 * Minimax approval: the committees whose largest Hamming distance to a ballot is smallest.
 *
 * @category Committees
 * @example
 * ```ts
 * minimaxApproval(profile, 3);
 * ```
 */
export function minimaxApproval(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats, options);
  if (!checked.ok) return checked;
  const n = checked.value;
  const ballots = ballotsOf(profile);
  let best = Number.POSITIVE_INFINITY;
  let winners: number[] = [];
  committeesOf(
    n,
    seats,
    (committee) => {
      const worst = ballots.masks.reduce((max, mask) => Math.max(max, bits(mask ^ committee)), 0);
      if (worst < best) {
        best = worst;
        winners = [committee];
      } else if (worst === best) winners.push(committee);
    },
    options.onProgress,
  );
  return outcome("minimaxav", profile, winners, `the largest distance to a ballot is ${best}`);
}
