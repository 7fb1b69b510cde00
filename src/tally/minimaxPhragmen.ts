import { makeIssue } from "../core/issue.js";
import { compareRational, type Rational, rational } from "../core/rational.js";
import { fail, type Result } from "../core/result.js";
import type { ApprovalProfile } from "./approvalProfile.js";
import { committeeLoad } from "./committeeLoad.js";
import {
  approvedCandidates,
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
 * returned. Committees with fewer members nobody approves come first (when fewer
 * candidates are approved than seats, all of them are elected and the rest tie).
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
  const approved = approvedCandidates(ballots);
  let best: { unapproved: number; load: Rational } | undefined;
  let winners: number[] = [];
  committeesOf(n, seats, (committee) => {
    // Members nobody approves cost nobody anything: fewer of them first, then the load.
    const members = membersOf(committee, n).filter((c) => (approved >> c) & 1);
    const unapproved = seats - members.length;
    const load = committeeLoad(members, ballots.masks, ballots.weights) ?? rational(0);
    const order =
      best === undefined ? -1 : unapproved - best.unapproved || compareRational(load, best.load);
    if (order < 0) {
      best = { unapproved, load };
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
