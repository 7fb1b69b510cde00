import type { Result } from "../core/result.js";
import type { ApprovalProfile } from "./approvalProfile.js";
import {
  ballotsOf,
  checkEnumeration,
  committeesOf,
  membersOf,
  outcome,
} from "./committeeSearch.js";
import type { TallyOutcome } from "./outcome.js";

/**
 * The Monroe score of a committee: voters are split among its members as evenly as
 * possible (⌊n/k⌋ or ⌈n/k⌉ each), and the score counts voters assigned to a member they
 * approve, maximised over all splits: a maximum flow where each member takes ⌊n/k⌋
 * voters plus, for n mod k of them, one more (the voters left unrepresented fill the
 * remaining places).
 */
function monroeScore(voters: readonly number[], committee: readonly number[], n: number): number {
  const k = committee.length;
  const base = Math.floor(n / k);
  const extra = n % k;
  // Nodes: source 0, voters 1..V, members V+1..V+k, bonus V+k+1, sink V+k+2.
  const V = voters.length;
  const size = V + k + 3;
  const source = 0;
  const bonus = V + k + 1;
  const sink = V + k + 2;
  const capacity = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  voters.forEach((mask, v) => {
    (capacity[source] as number[])[1 + v] = 1;
    committee.forEach((c, m) => {
      if ((mask >> c) & 1) (capacity[1 + v] as number[])[V + 1 + m] = 1;
    });
  });
  for (let m = 0; m < k; m++) {
    (capacity[V + 1 + m] as number[])[sink] = base;
    (capacity[V + 1 + m] as number[])[bonus] = 1;
  }
  (capacity[bonus] as number[])[sink] = extra;
  let flow = 0;
  for (;;) {
    // Breadth-first search for an augmenting path.
    const previous = new Array<number>(size).fill(-1);
    previous[source] = source;
    const queue = [source];
    for (let at = 0; at < queue.length && previous[sink] === -1; at++) {
      const u = queue[at] as number;
      for (let w = 0; w < size; w++) {
        if (previous[w] === -1 && ((capacity[u] as number[])[w] as number) > 0) {
          previous[w] = u;
          queue.push(w);
        }
      }
    }
    if (previous[sink] === -1) return flow;
    for (let w = sink; w !== source; w = previous[w] as number) {
      const u = previous[w] as number;
      (capacity[u] as number[])[w] = ((capacity[u] as number[])[w] as number) - 1;
      (capacity[w] as number[])[u] = ((capacity[w] as number[])[u] as number) + 1;
    }
    flow++;
  }
}

/**
 * Monroe's rule for approval committees, exact: every committee is scored by its best
 * balanced assignment of voters to members (voters with weight count as that many
 * voters), and every committee with the highest score is returned. Up to 2,000,000
 * committees (`committee-search-too-large` beyond).
 *
 * @category Committees
 * @example
 * ```ts
 * monroe(profile, 3).ok;
 * ```
 */
export function monroe(profile: ApprovalProfile, seats: number): Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const ballots = ballotsOf(profile);
  const voters: number[] = [];
  ballots.masks.forEach((mask, v) => {
    const weight = ballots.weights[v] as number;
    for (let copy = 0; copy < weight; copy++) voters.push(mask);
  });
  let best = -1;
  let winners: number[] = [];
  committeesOf(n, seats, (committee) => {
    const score = monroeScore(voters, membersOf(committee, n), voters.length);
    if (score > best) {
      best = score;
      winners = [committee];
    } else if (score === best) winners.push(committee);
  });
  return outcome(
    "monroe",
    profile,
    winners,
    `the best balanced assignment represents ${best} voters`,
  );
}
