import { makeIssue } from "../core/issue.js";
import { compareRational, type Rational } from "../core/rational.js";
import { fail, type Result } from "../core/result.js";
import type { ApprovalProfile } from "./approvalProfile.js";
import { committeeLoad } from "./committeeLoad.js";
import {
  ballotsOf,
  checkEnumeration,
  committeesOf,
  membersOf,
  outcome,
} from "./committeeSearch.js";
import type { TallyOutcome } from "./outcome.js";

/**
 * Minimax Phragmén, exact: the committees whose members' costs (1 each) can be shared by
 * their approvers with the lowest possible maximal load. Every optimal committee is
 * returned; committees with a member nobody approves come last.
 *
 * @category Committees
 * @example
 * ```ts
 * minimaxPhragmen(profile, 3).ok;
 * ```
 */
export function minimaxPhragmen(profile: ApprovalProfile, seats: number): Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  // Each committee's load looks at every subset of its members.
  if (seats > 16) {
    return fail([
      makeIssue(
        "committee-search-too-large",
        ["seats"],
        "minimax Phragmén here takes committees of at most 16",
      ),
    ]);
  }
  const ballots = ballotsOf(profile);
  let best: Rational | undefined | null = null;
  let winners: number[] = [];
  committeesOf(n, seats, (committee) => {
    const load = committeeLoad(membersOf(committee, n), ballots.masks, ballots.weights);
    const order =
      best === null
        ? -1
        : load === undefined
          ? best === undefined
            ? 0
            : 1
          : best === undefined
            ? -1
            : compareRational(load, best);
    if (order < 0) {
      best = load;
      winners = [committee];
    } else if (order === 0) winners.push(committee);
  });
  return outcome(
    "minimaxphragmen",
    profile,
    winners,
    "the lowest possible maximal load over all committees",
  );
}
