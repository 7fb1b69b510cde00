import { compareRational, type Rational, rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { type CommitteeSearchOptions, outcome } from "./committeeSearch.js";
import { loadOptimalCommittees } from "./loadOptimalCommittees.js";

/** A committee's most balanced loads: `mass` voters (by weight) carry `load` each, highest first. */
type Loads = { readonly load: Rational; readonly mass: number }[];

/**
 * The lexicographically most balanced way to share a committee's costs (1 per member,
 * paid by its approvers): the densest group of members — the most members per unit of
 * approver weight — puts that load on its approvers; those members and voters are set
 * aside and the rest is shared in the same way. `undefined` when a member has no approver.
 */
function balancedLoads(
  members: readonly number[],
  masks: readonly number[],
  weights: readonly number[],
): Loads | undefined {
  const loads: Loads = [];
  let left = members;
  let voters = masks.map((_, v) => v);
  while (left.length > 0) {
    let best: { load: Rational; chosen: number } | undefined;
    for (let subset = 1; subset < 1 << left.length; subset++) {
      let chosen = 0;
      let size = 0;
      left.forEach((c, k) => {
        if ((subset >> k) & 1) {
          chosen |= 1 << c;
          size++;
        }
      });
      const supporters = voters.reduce(
        (sum, v) => (((masks[v] as number) & chosen) !== 0 ? sum + (weights[v] as number) : sum),
        0,
      );
      if (supporters === 0) return undefined;
      const load = rational(size, supporters);
      const order = best === undefined ? 1 : compareRational(load, best.load);
      // Ties: the union of two densest groups is densest too; keep the largest.
      if (order > 0) best = { load, chosen };
      else if (order === 0 && best !== undefined) best = { load, chosen: best.chosen | chosen };
    }
    if (best === undefined) break;
    const { chosen, load } = best;
    const paying = voters.filter((v) => ((masks[v] as number) & chosen) !== 0);
    loads.push({ load, mass: paying.reduce((sum, v) => sum + (weights[v] as number), 0) });
    left = left.filter((c) => !((chosen >> c) & 1));
    voters = voters.filter((v) => !paying.includes(v));
  }
  return loads;
}

/** Compares two load profiles, highest loads first: negative when `a` is more balanced. */
function compareLoads(a: Loads, b: Loads): number {
  let i = 0;
  let j = 0;
  let leftA = a[0]?.mass ?? 0;
  let leftB = b[0]?.mass ?? 0;
  while (i < a.length && j < b.length) {
    const order = compareRational((a[i] as Loads[number]).load, (b[j] as Loads[number]).load);
    if (order !== 0) return order;
    const step = Math.min(leftA, leftB);
    leftA -= step;
    leftB -= step;
    if (leftA === 0) leftA = a[++i]?.mass ?? 0;
    if (leftB === 0) leftB = b[++j]?.mass ?? 0;
  }
  // Whoever still has loaded voters left is worse (the other has zeros there).
  return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
}

/**
 * Leximax Phragmén (Brill, Freeman, Janson and Lackner), exact: the committees whose
 * costs (1 per member) can be shared by their approvers with the lexicographically
 * smallest loads — the lowest maximal load, then the fewest voters carrying it, then the
 * lowest next load, and so on. Each committee's most balanced sharing comes from its
 * densest groups of members; every optimal committee is returned. Committees with fewer
 * members nobody approves come first. Tractable for small elections: committees of at most 16,
 * and the enumeration limit of the exact committee rules.
 *
 * @category Committees
 * @example
 * ```ts
 * leximaxPhragmen(profile, 3).ok;
 * ```
 */
export function leximaxPhragmen(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const winners = loadOptimalCommittees(
    profile,
    seats,
    "leximax Phragmén",
    (members, masks, weights) => balancedLoads(members, masks, weights) ?? [],
    compareLoads,
    options,
  );
  if (!winners.ok) return winners;
  return outcome(
    "leximaxphragmen",
    profile,
    winners.value,
    "the lexicographically smallest loads over all committees",
  );
}
