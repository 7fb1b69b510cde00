import { ownValue } from "../../core/idRecord.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { ballotsOf, outcome, sizeCheck } from "./committeeSearch.js";
import { fractional } from "./monroe.js";

/**
 * Greedy Monroe (Skowron, Faliszewski and Slinko 2015; abcvoting `greedy-monroe`): voters
 * are split into `seats` groups of ⌊n / seats⌋ or ⌈n / seats⌉. Each step elects the
 * candidate approved by most voters not yet assigned (ties: the earlier candidate), and
 * assigns to it up to a group's size of those approvers, in ballot order (the first
 * n mod seats groups are the larger ones). One committee (resolute). Ballot weights must be
 * whole numbers: a ballot of weight w counts as w voters in a row (counted, not copied).
 *
 * @category Committees
 * @example
 * ```ts
 * greedyMonroe(profile, 3);
 * ```
 */
export function greedyMonroe(profile: ApprovalProfile, seats: number): Result<TallyOutcome> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const ballots = ballotsOf(profile);
  if (ballots.scale !== 1n) return fractional("greedy Monroe");
  // Voters left unassigned per ballot: a weight is a count, never expanded into copies.
  const left = [...ballots.weights];
  const total = left.reduce((sum, weight) => sum + weight, 0);
  let committee = 0;
  const steps: string[] = [];
  for (let t = 0; t < seats; t++) {
    let selected = -1;
    let most = -1;
    for (let c = 0; c < n; c++) {
      if ((committee >> c) & 1) continue;
      let approvals = 0;
      ballots.masks.forEach((mask, b) => {
        if ((mask >> c) & 1) approvals += left[b] as number;
      });
      if (approvals > most) {
        most = approvals;
        selected = c;
      }
    }
    const size =
      Math.floor(total / seats) + (t < total - seats * Math.floor(total / seats) ? 1 : 0);
    // Assign up to a group's size of the approvers, in ballot order.
    let need = size;
    let assigned = 0;
    for (let b = 0; b < left.length && need > 0; b++) {
      if (!(((ballots.masks[b] as number) >> selected) & 1)) continue;
      const take = Math.min(need, left[b] as number);
      left[b] = (left[b] as number) - take;
      need -= take;
      assigned += take;
    }
    committee |= 1 << selected;
    steps.push(
      `${ownValue(profile.names, profile.candidates[selected] as string) ?? profile.candidates[selected]} (${assigned} of ${most} approvers assigned)`,
    );
  }
  return outcome(
    "greedy-monroe",
    profile,
    [committee],
    `each step elects the candidate most unassigned voters approve and assigns a group of them: ${steps.join("; ")}`,
  );
}
