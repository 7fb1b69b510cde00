import { fail, type Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";
import {
  ballotsOf,
  type CommitteeSearchOptions,
  checkEnumeration,
  committeesOf,
  membersOf,
  outcome,
} from "./committeeSearch.js";

/** Voters with the same ballot, as a mask of candidates, and how many they are. */
type VoterGroups = readonly { mask: number; voters: number }[];

/** A committee's Monroe score: how many voters its best balanced assignment represents. */
type MonroeScore = (groups: VoterGroups, committee: readonly number[], n: number) => number;

/** Each member's share of n voters: ⌊n/k⌋, and one more for n mod k of the members. */
const sharesOf = (n: number, k: number) => ({ base: Math.floor(n / k), extra: n % k });

/**
 * The Monroe score of a committee: voters are split among its members as evenly as
 * possible (⌊n/k⌋ or ⌈n/k⌉ each), and the score counts voters assigned to a member they
 * approve, maximised over all splits: a maximum flow where each member takes ⌊n/k⌋
 * voters plus, for n mod k of them, one more (the voters left unrepresented fill the
 * remaining places). Voters with the same ballot are one node whose capacity is their
 * number, so a weight is never expanded into copies.
 *
 * @internal
 */
export function monroeScoreByFlow(
  groups: VoterGroups,
  committee: readonly number[],
  n: number,
): number {
  const k = committee.length;
  const { base, extra } = sharesOf(n, k);
  // Nodes: source 0, groups 1..G, members G+1..G+k, bonus G+k+1, sink G+k+2.
  const G = groups.length;
  const size = G + k + 3;
  const source = 0;
  const bonus = G + k + 1;
  const sink = G + k + 2;
  const capacity = new Float64Array(size * size);
  groups.forEach(({ mask, voters }, g) => {
    capacity[source * size + 1 + g] = voters;
    committee.forEach((c, m) => {
      if ((mask >> c) & 1) capacity[(1 + g) * size + G + 1 + m] = voters;
    });
  });
  for (let m = 0; m < k; m++) {
    capacity[(G + 1 + m) * size + sink] = base;
    capacity[(G + 1 + m) * size + bonus] = 1;
  }
  capacity[bonus * size + sink] = extra;
  let flow = 0;
  const previous = new Int32Array(size);
  const queue = new Int32Array(size);
  for (;;) {
    // Breadth-first search for a shortest augmenting path (Edmonds–Karp).
    previous.fill(-1);
    previous[source] = source;
    let tail = 0;
    queue[tail++] = source;
    for (let at = 0; at < tail && previous[sink] === -1; at++) {
      const u = queue[at] as number;
      for (let w = 0; w < size; w++) {
        if (previous[w] === -1 && (capacity[u * size + w] as number) > 0) {
          previous[w] = u;
          queue[tail++] = w;
        }
      }
    }
    if (previous[sink] === -1) return flow;
    let push = Number.POSITIVE_INFINITY;
    for (let w = sink; w !== source; w = previous[w] as number)
      push = Math.min(push, capacity[(previous[w] as number) * size + w] as number);
    for (let w = sink; w !== source; w = previous[w] as number) {
      const u = previous[w] as number;
      capacity[u * size + w] = (capacity[u * size + w] as number) - push;
      capacity[w * size + u] = (capacity[w * size + u] as number) + push;
    }
    flow += push;
  }
}

/** Up to this many seats, a committee's score is its minimum cut, enumerated. */
const CUT_SEATS = 12;

/**
 * The same score as {@link monroeScoreByFlow}, as the network's minimum cut: members X on
 * the source's side cost ⌊n/k⌋·|X| + min(|X|, n mod k), and voters who approve a member
 * outside X cost their number. Voters are first counted by which members they approve
 * (2^k kinds), the voters approving only members within X summed for every X at once (a
 * subset-sum transform): k·2^k steps a committee instead of a flow over every ballot.
 *
 * @internal
 */
export const monroeScoreByCuts: MonroeScore = (groups, committee, n) => {
  const k = committee.length;
  const { base, extra } = sharesOf(n, k);
  const within = new Float64Array(1 << k);
  let approving = 0;
  for (const { mask, voters } of groups) {
    let kind = 0;
    for (let m = 0; m < k; m++) if ((mask >> (committee[m] as number)) & 1) kind |= 1 << m;
    if (kind === 0) continue;
    within[kind] = (within[kind] as number) + voters;
    approving += voters;
  }
  for (let m = 0; m < k; m++)
    for (let set = 0; set < 1 << k; set++)
      if (set & (1 << m))
        within[set] = (within[set] as number) + (within[set ^ (1 << m)] as number);
  let best = Number.POSITIVE_INFINITY;
  for (let set = 0; set < 1 << k; set++) {
    let size = 0;
    for (let rest = set; rest !== 0; rest &= rest - 1) size++;
    const cut = base * size + Math.min(size, extra) + approving - (within[set] as number);
    if (cut < best) best = cut;
  }
  return best;
};

/**
 * Monroe's rule for approval committees, exact: every committee is scored by its best
 * balanced assignment of voters to members (a voter with weight w counts as w voters, without
 * being copied; weights must be whole numbers), and every committee with the highest score is returned. Up to 2,000,000
 * committees (`committee-search-too-large` beyond).
 *
 * @category Committees
 * @example
 * ```ts
 * monroe(profile, 3).ok;
 * ```
 */
export function monroe(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats, options);
  if (!checked.ok) return checked;
  const n = checked.value;
  const ballots = ballotsOf(profile);
  if (ballots.scale !== 1n) return fractional("monroe");
  // Voters with the same ballot together, their number as the node's capacity.
  const byMask = new Map<number, number>();
  let voters = 0;
  ballots.masks.forEach((mask, v) => {
    const weight = ballots.weights[v] as number;
    if (weight === 0) return;
    byMask.set(mask, (byMask.get(mask) ?? 0) + weight);
    voters += weight;
  });
  const groups = [...byMask].map(([mask, count]) => ({ mask, voters: count }));
  let best = -1;
  let winners: number[] = [];
  committeesOf(
    n,
    seats,
    (committee) => {
      const members = membersOf(committee, n);
      const score =
        members.length <= CUT_SEATS
          ? monroeScoreByCuts(groups, members, voters)
          : monroeScoreByFlow(groups, members, voters);
      if (score > best) {
        best = score;
        winners = [committee];
      } else if (score === best) winners.push(committee);
    },
    options.onProgress,
  );
  return outcome(
    "monroe",
    profile,
    winners,
    `the best balanced assignment represents ${best} voters`,
  );
}

/**
 * The issue for a rule that counts voters, given fractional weights (abcvoting defines
 * Monroe, greedy Monroe and lexicographic minimax approval for unit weights only).
 *
 * @internal
 */
export function fractional(rule: string): Result<TallyOutcome> {
  return fail([
    tallyIssue(
      "fractional-weights",
      ["ballots"],
      `${rule} counts voters: it is defined for whole-number weights only`,
      { rule },
    ),
  ]);
}
