/** The previous Split Cycle, on every candidate (no top-cycle restriction), kept to check the fast one. */
import type { Result } from "../../../src/core/result.js";
import { marginOutcome, margins } from "../../../src/tally/ballots/marginHelpers.js";
import { pairwiseMatrix } from "../../../src/tally/ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import type { TallyOutcome } from "../../../src/tally/outcome.js";

/**
 * Split Cycle: in every cycle of majority preferences the weakest links are discarded; a
 * defeats b when a beats b by more than the weakest margin of every cycle through a→b.
 * Every undefeated candidate wins.
 *
 * @category Condorcet
 * @example
 * ```ts
 * splitCycle(profile).ok;
 * ```
 */
export function referenceSplitCycle(profile: RankedProfile): Result<TallyOutcome> {
  const matrix = pairwiseMatrix(profile);
  const m = margins(matrix);
  const n = matrix.candidates.length;
  // a defeats b iff margin(a,b) > 0 and no path b ⇝ a uses only margins ≥ margin(a,b).
  const reaches = (from: number, to: number, threshold: number) => {
    const seen = new Uint8Array(n);
    const stack = [from];
    seen[from] = 1;
    while (stack.length > 0) {
      const u = stack.pop() as number;
      if (u === to) return true;
      for (let v = 0; v < n; v++) {
        if (seen[v] === 0 && ((m[u] as number[])[v] as number) >= threshold) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return false;
  };
  const defeated = new Uint8Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const value = (m[a] as number[])[b] as number;
      if (value > 0 && !reaches(b, a, value)) defeated[b] = 1;
    }
  }
  const winners = matrix.candidates.filter((_, i) => defeated[i] === 0);
  return marginOutcome(
    "split-cycle",
    matrix,
    winners,
    "the winners are defeated by nobody once each cycle's weakest links are split",
  );
}
