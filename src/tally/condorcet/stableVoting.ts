import { fail, type Result } from "../../core/result.js";
import { marginOutcome, margins } from "../ballots/marginHelpers.js";
import { boundedPairwiseMatrix } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";

/** Subsets of candidates Stable Voting may evaluate before giving up with an issue. */
const SUBSET_LIMIT = 1 << 20;

/**
 * Stable Voting (Holliday and Pacuit 2023): with one candidate, it wins. Otherwise the
 * head-to-head matches a vs. b are taken from the largest margin down; the winners are the
 * candidates a of the first margin level at which a wins Stable Voting once b is removed.
 * Margins do not depend on the other candidates, so the election restricted to fewer
 * candidates is counted from the same head-to-head table (each subset once). Every tied
 * winner is returned. Past 2^20 subsets the count stops with `stable-voting-too-large`.
 *
 * @category Condorcet
 * @example
 * ```ts
 * stableVoting(profile).ok;
 * ```
 */
export function stableVoting(profile: RankedProfile): Result<TallyOutcome> {
  const counted = boundedPairwiseMatrix(profile);
  if (!counted.ok) return counted;
  const matrix = counted.value;
  const m = margins(matrix);
  const n = matrix.candidates.length;
  if (n > 30) return tooLarge(n);
  const memo = new Map<number, number>();
  let evaluated = 0;
  /** The Stable Voting winners among the candidates of `set`, as a bitmask. */
  const winnersOf = (set: number): number | undefined => {
    const known = memo.get(set);
    if (known !== undefined) return known;
    if (++evaluated > SUBSET_LIMIT) return undefined;
    const members: number[] = [];
    for (let c = 0; c < n; c++) if ((set >>> c) & 1) members.push(c);
    if (members.length <= 1) {
      memo.set(set, set);
      return set;
    }
    const matches: [number, number, number][] = [];
    for (const a of members)
      for (const b of members) if (a !== b) matches.push([(m[a] as number[])[b] as number, a, b]);
    matches.sort((x, y) => y[0] - x[0]);
    let found = 0;
    for (let k = 0; k < matches.length; ) {
      const level = (matches[k] as [number, number, number])[0];
      for (; k < matches.length && (matches[k] as [number, number, number])[0] === level; k++) {
        const [, a, b] = matches[k] as [number, number, number];
        if ((found >>> a) & 1) continue;
        const rest = winnersOf(set & ~(1 << b));
        if (rest === undefined) return undefined;
        if ((rest >>> a) & 1) found |= 1 << a;
      }
      if (found !== 0) break;
    }
    memo.set(set, found);
    return found;
  };
  const all = n === 0 ? 0 : n === 32 ? -1 : (1 << n) - 1;
  const result = winnersOf(all);
  if (result === undefined) return tooLarge(n);
  return marginOutcome(
    "stable-voting",
    matrix,
    matrix.candidates.filter((_, c) => (result >>> c) & 1),
    "from the largest margin down, the first a that beats b and still wins once b is removed",
  );
}

function tooLarge(candidates: number): Result<TallyOutcome> {
  return fail([
    tallyIssue(
      "stable-voting-too-large",
      ["candidates"],
      `Stable Voting here evaluates at most ${SUBSET_LIMIT} sets of candidates; this election with ${candidates} candidates needs more`,
      { candidates },
    ),
  ]);
}
