import type { Result } from "../../../../src/core/result.js";
import type { ApprovalProfile } from "../../../../src/tally/ballots/approvalProfile.js";
import { committeeLoad } from "../../../../src/tally/committees/committeeLoad.js";
import {
  ballotsOf,
  bits,
  membersOf,
  outcome,
  sizeCheck,
} from "../../../../src/tally/committees/committeeSearch.js";
import type { TallyOutcome } from "../../../../src/tally/outcome.js";
import { lowestLoadOptions } from "./lowestLoadOptions.js";

/**
 * Maximin support for committees: each step adds the candidate after which the
 * committee's costs (1 each) can be shared with the lowest possible maximal load; ties are
 * followed in every direction (`committees`).
 *
 * @category Committees
 * @example
 * ```ts
 * maximinSupportCommittee(profile, 3).ok;
 * ```
 */
export function referenceMaximinSupport(
  profile: ApprovalProfile,
  seats: number,
): Result<TallyOutcome> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const ballots = ballotsOf(profile);
  const results = new Set<number>();
  const seen = new Set<number>();
  const explore = (committee: number) => {
    if (seen.has(committee)) return;
    seen.add(committee);
    if (bits(committee) === seats) {
      results.add(committee);
      return;
    }
    const options = membersOf(~committee & ((1 << n) - 1), n).map((c) => ({
      next: committee | (1 << c),
      load: committeeLoad(membersOf(committee | (1 << c), n), ballots.masks, ballots.weights),
    }));
    for (const option of lowestLoadOptions(options)) explore(option.next);
  };
  explore(0);
  return outcome(
    "maximin-support",
    profile,
    [...results],
    "each step adds the candidate that keeps the lowest possible maximal load",
  );
}
