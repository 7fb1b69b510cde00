import type { Result } from "../../core/result.js";
import { topCycle, widestPaths } from "../ballots/majorityGraph.js";
import { marginOutcome, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";

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
export function splitCycle(profile: RankedProfile): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  // a defeats b iff margin(a,b) > 0 and no path b ⇝ a uses only margins ≥ margin(a,b):
  // iff margin(a,b) > the widest path from b to a. Candidates outside the top cycle are
  // defeated by its members, and its members' cycles stay within it.
  const members = topCycle(m);
  const s = members.length;
  const widest = widestPaths(m, members);
  const defeated = new Uint8Array(s);
  for (let i = 0; i < s; i++) {
    const row = m[members[i] as number] as number[];
    for (let j = 0; j < s; j++) {
      const value = row[members[j] as number] as number;
      if (value > 0 && value > (widest[j * s + i] as number)) defeated[j] = 1;
    }
  }
  const winners = members
    .filter((_, i) => defeated[i] === 0)
    .map((c) => matrix.candidates[c] as string);
  return marginOutcome(
    "split-cycle",
    matrix,
    winners,
    "the winners are defeated by nobody once each cycle's weakest links are split",
  );
}
