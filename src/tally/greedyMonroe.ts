import { ownValue } from "../core/idRecord.js";
import { makeIssue } from "../core/issue.js";
import { fail, type Result } from "../core/result.js";
import type { ApprovalProfile } from "./approvalProfile.js";
import { ballotsOf, outcome, sizeCheck } from "./committeeSearch.js";
import type { TallyOutcome } from "./outcome.js";

/**
 * Greedy Monroe (Skowron, Faliszewski and Slinko 2015; abcvoting `greedy-monroe`): voters
 * are split into `seats` groups of ⌊n / seats⌋ or ⌈n / seats⌉. Each step elects the
 * candidate approved by most voters not yet assigned (ties: the earlier candidate), and
 * assigns to it up to a group's size of those approvers, in ballot order (the first
 * n mod seats groups are the larger ones). One committee (resolute). Ballot weights must be
 * whole numbers: a ballot of weight w counts as w voters in a row.
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
  const voters: number[] = [];
  for (const [b, weight] of ballots.weights.entries()) {
    if (!Number.isSafeInteger(weight) || weight < 0)
      return fail([
        makeIssue(
          "invalid-weight",
          ["ballots", b],
          `greedy Monroe counts voters: ballot ${b + 1} has weight ${weight}, not a whole number`,
        ),
      ]);
    for (let k = 0; k < weight; k++) voters.push(ballots.masks[b] as number);
  }
  const total = voters.length;
  let remaining = voters.map((_, v) => v);
  let committee = 0;
  const steps: string[] = [];
  for (let t = 0; t < seats; t++) {
    let selected = -1;
    let most = -1;
    for (let c = 0; c < n; c++) {
      if ((committee >> c) & 1) continue;
      const approvals = remaining.filter((v) => ((voters[v] as number) >> c) & 1).length;
      if (approvals > most) {
        most = approvals;
        selected = c;
      }
    }
    const size =
      Math.floor(total / seats) + (t < total - seats * Math.floor(total / seats) ? 1 : 0);
    const assigned = remaining
      .filter((v) => ((voters[v] as number) >> selected) & 1)
      .slice(0, size);
    const taken = new Set(assigned);
    remaining = remaining.filter((v) => !taken.has(v));
    committee |= 1 << selected;
    steps.push(
      `${ownValue(profile.names, profile.candidates[selected] as string) ?? profile.candidates[selected]} (${assigned.length} of ${most} approvers assigned)`,
    );
  }
  return outcome(
    "greedy-monroe",
    profile,
    [committee],
    `each step elects the candidate most unassigned voters approve and assigns a group of them: ${steps.join("; ")}`,
  );
}
