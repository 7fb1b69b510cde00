/** The previous Ranked Pairs (every source of each locked graph wins), kept to check the fast one on small profiles. */
import { ok, type Result } from "../../../src/core/result.js";
import { describeMargins, margins } from "../../../src/tally/ballots/marginHelpers.js";
import { pairwiseMatrix } from "../../../src/tally/ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import type { TallyOutcome } from "../../../src/tally/outcome.js";

/** Locks pairs from the strongest margin down, skipping any that would close a cycle. */
function lockedWinners(n: number, order: readonly (readonly [number, number])[]): number[] {
  const locked: boolean[][] = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  const reaches = (from: number, to: number): boolean => {
    const seen = new Uint8Array(n);
    const stack = [from];
    seen[from] = 1;
    while (stack.length > 0) {
      const u = stack.pop() as number;
      if (u === to) return true;
      for (let v = 0; v < n; v++) {
        if ((locked[u] as boolean[])[v] && seen[v] === 0) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return false;
  };
  for (const [a, b] of order) {
    if (!reaches(b, a)) (locked[a] as boolean[])[b] = true;
  }
  // Every source of the locked graph wins (pref_voting's ranked_pairs).
  return Array.from({ length: n }, (_, c) => c).filter((c) => locked.every((row) => !row[c]));
}

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
export function referenceRankedPairs(profile: RankedProfile): Result<TallyOutcome> {
  const matrix = pairwiseMatrix(profile);
  const m = margins(matrix);
  const n = matrix.candidates.length;
  const pairs: [number, number, number][] = [];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const value = (m[a] as number[])[b] as number;
      if (value > 0) pairs.push([a, b, value]);
    }
  }
  pairs.sort((x, y) => y[2] - x[2]);
  const groups: [number, number][][] = [];
  for (const [a, b, value] of pairs) {
    const last = groups[groups.length - 1];
    if (
      last !== undefined &&
      (m[(last[0] as [number, number])[0]] as number[])[(last[0] as [number, number])[1]] === value
    )
      last.push([a, b]);
    else groups.push([[a, b]]);
  }
  const permutations = <T>(items: readonly T[]): T[][] =>
    items.length <= 1
      ? [[...items]]
      : items.flatMap((item, k) =>
          permutations([...items.slice(0, k), ...items.slice(k + 1)]).map((rest) => [
            item,
            ...rest,
          ]),
        );
  const winners = new Set<number>();
  const notes: string[] = [];
  const explore = (g: number, order: [number, number][]) => {
    if (g === groups.length) {
      for (const c of lockedWinners(n, order)) winners.add(c);
      return;
    }
    const group = groups[g] as [number, number][];
    if (group.length > 7) {
      notes.push(`${group.length} pairs share a margin; tried in candidate order only`);
      explore(g + 1, [...order, ...group]);
      return;
    }
    for (const arrangement of permutations(group)) explore(g + 1, [...order, ...arrangement]);
  };
  explore(0, []);
  const chosen = matrix.candidates.filter((_, i) => winners.has(i));
  return ok({
    method: "ranked-pairs",
    winners: chosen,
    rounds: [{ note: describeMargins(matrix) }],
    notes: ["pairs locked from the largest margin down, skipping cycles", ...notes],
  });
}
