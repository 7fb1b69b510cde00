import { fail, ok, type Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import { tallyIssue } from "../tallyIssues.js";
import {
  approvedCandidates,
  ballotsOf,
  type CommitteeSearchOptions,
  checkEnumeration,
  committeesOf,
  membersOf,
} from "./committeeSearch.js";

/**
 * Every committee whose costs (1 per member, shared by its approvers) are best spread,
 * for the Phragmén optimisation rules: members nobody approves cost nobody anything, so
 * committees with fewer of them come first; among the rest, `load` measures the spread
 * of the approved members' costs and `compare` orders it (lower is better). Exhaustive,
 * for committees of at most 16 (each load looks at subsets of the members).
 *
 * @internal
 */
export function loadOptimalCommittees<L>(
  profile: ApprovalProfile,
  seats: number,
  rule: string,
  load: (members: readonly number[], masks: readonly number[], weights: readonly number[]) => L,
  compare: (a: L, b: L) => number,
  options: CommitteeSearchOptions = {},
): Result<number[]> {
  const checked = checkEnumeration(profile, seats, options);
  if (!checked.ok) return checked;
  const n = checked.value;
  if (seats > 16) {
    return fail([
      tallyIssue(
        "committee-search-too-large",
        ["seats"],
        `${rule} here takes committees of at most 16`,
        { limit: 16 },
      ),
    ]);
  }
  const ballots = ballotsOf(profile);
  const approved = approvedCandidates(ballots);
  let best: { unapproved: number; spread: L } | undefined;
  let winners: number[] = [];
  committeesOf(
    n,
    seats,
    (committee) => {
      const members = membersOf(committee, n).filter((c) => (approved >> c) & 1);
      const unapproved = seats - members.length;
      const spread = load(members, ballots.masks, ballots.weights);
      const order =
        best === undefined ? -1 : unapproved - best.unapproved || compare(spread, best.spread);
      if (order < 0) {
        best = { unapproved, spread };
        winners = [committee];
      } else if (order === 0) winners.push(committee);
    },
    options.onProgress,
  );
  return ok(winners);
}
