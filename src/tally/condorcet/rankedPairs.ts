import { fail, ok, type Result } from "../../core/result.js";
import { topCycle } from "../ballots/majorityGraph.js";
import { describeMargins, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";

/**
 * Ranked Pairs (Tideman): lock head-to-head wins from the largest margin down, skipping
 * any that would make a cycle; the source of the locked graph wins. Equal margins are
 * tried in every order (up to 7 tied pairs at a time) and every resulting winner is
 * returned, so ties are reported, not broken silently.
 *
 * @category Condorcet
 * @example
 * ```ts
 * rankedPairs(profile).ok;
 * ```
 */
export function rankedPairs(
  profile: RankedProfile,
  options: { readonly workLimit?: number } = {},
): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  // The winners are in the top cycle, and cycles among its members stay within it.
  const members = topCycle(m);
  const s = members.length;
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < s; i++) {
    const row = m[members[i] as number] as number[];
    for (let j = 0; j < s; j++) {
      const value = row[members[j] as number] as number;
      if (value > 0) pairs.push([i, j, value]);
    }
  }
  pairs.sort((x, y) => y[2] - x[2]);
  const groups: [number, number][][] = [];
  for (let k = 0; k < pairs.length; k++) {
    const [a, b, value] = pairs[k] as [number, number, number];
    if (k > 0 && (pairs[k - 1] as [number, number, number])[2] === value)
      (groups[groups.length - 1] as [number, number][]).push([a, b]);
    else groups.push([[a, b]]);
  }
  const found = lockedWinners(s, groups, options.workLimit ?? RANKED_PAIRS_WORK_LIMIT);
  if (found === undefined) {
    return fail([
      tallyIssue(
        "ranked-pairs-work-limit",
        ["ballots"],
        `Ranked Pairs must try every order of equal margins, and here that is more than ${options.workLimit ?? RANKED_PAIRS_WORK_LIMIT} steps (${s} candidates in the top cycle, at most ${Math.max(...groups.map((group) => group.length))} pairs with one margin): no winner is claimed`,
        { limit: options.workLimit ?? RANKED_PAIRS_WORK_LIMIT, topCycle: s },
      ),
    ]);
  }
  const chosen = members.filter((_, i) => found.has(i)).map((c) => matrix.candidates[c] as string);
  return ok({
    method: "ranked-pairs",
    winners: chosen,
    rounds: [{ note: describeMargins(matrix) }],
    notes: [
      "pairs locked from the largest margin down, skipping cycles; every order of equal margins tried",
    ],
  });
}

/**
 * The most steps (pairs locked or passed over, and orders of equal margins tried) a Ranked
 * Pairs count may take before it returns the issue `ranked-pairs-work-limit`: finding
 * every winner when margins tie is NP-hard (Brill and Fischer 2012), so the search is
 * bounded, never cut short with an unproven answer.
 *
 * @category Condorcet
 * @example
 * ```ts
 * RANKED_PAIRS_WORK_LIMIT; //=> 2_000_000
 * ```
 */
export const RANKED_PAIRS_WORK_LIMIT = 2_000_000;

/**
 * Every candidate some order of the equal-margin pairs makes the winner: pairs are locked
 * group by group (one group per margin, largest first); within a group every order is
 * covered by choosing, again and again, which pair that can still be locked without a
 * cycle is locked next (a pair that closes a cycle now always will). Reachability is kept
 * as bit sets; states already explored (group and reachability) are not explored again.
 * `undefined` past the work limit.
 */
function lockedWinners(
  n: number,
  groups: readonly (readonly [number, number])[][],
  limit: number,
): Set<number> | undefined {
  const words = (n + 31) >>> 5;
  const winners = new Set<number>();
  const seen = new Set<string>();
  let work = 0;
  const reaches = (closure: Uint32Array, from: number, to: number) =>
    (((closure[from * words + (to >>> 5)] as number) >>> (to & 31)) & 1) === 1;
  const lock = (closure: Uint32Array, a: number, b: number): Uint32Array => {
    const next = closure.slice();
    // Everyone who reaches a now reaches everything b reaches.
    for (let x = 0; x < n; x++) {
      if (!reaches(next, x, a)) continue;
      const xRow = x * words;
      const bRow = b * words;
      for (let w = 0; w < words; w++)
        next[xRow + w] = (next[xRow + w] as number) | (next[bRow + w] as number);
    }
    work += n;
    return next;
  };
  const start = new Uint32Array(n * words);
  for (let c = 0; c < n; c++) start[c * words + (c >>> 5)] = 1 << (c & 31);
  const explore = (g: number, closure: Uint32Array): boolean => {
    for (; g < groups.length; g++) {
      const group = groups[g] as readonly (readonly [number, number])[];
      const open = group.filter(([a, b]) => !reaches(closure, b, a) && !reaches(closure, a, b));
      work += group.length;
      if (work > limit) return false;
      if (open.length === 0) continue;
      if (open.length === 1) {
        const [a, b] = open[0] as [number, number];
        closure = lock(closure, a, b);
        g--; // the same group again: locking may close others' cycles
        continue;
      }
      const key = `${g}:${closure.join(",")}`;
      if (seen.has(key)) return true;
      seen.add(key);
      for (const [a, b] of open) if (!explore(g, lock(closure, a, b))) return false;
      return true;
    }
    // The winner: the candidate no other reaches.
    for (let c = 0; c < n; c++) {
      let reached = false;
      for (let x = 0; x < n && !reached; x++) reached = x !== c && reaches(closure, x, c);
      if (!reached) winners.add(c);
    }
    work += n * n;
    return work <= limit;
  };
  return explore(0, start) ? winners : undefined;
}
