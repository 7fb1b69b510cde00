import { compareRational, type Rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import {
  ballotsOf,
  bits,
  membersOf,
  outcome,
  sizeCheck,
  thiele,
  thieleScore,
} from "./committeeSearch.js";

/**
 * Sequential (`seq`) and reverse sequential (`revseq`) Thiele rules: add the candidate
 * with the largest marginal score until the committee is full, or start from everyone and
 * remove the candidate with the smallest marginal loss. Ties are followed in every
 * direction, so `committees` holds every committee the rule can produce.
 *
 * @category Committees
 * @example
 * ```ts
 * sequentialThiele("pav", "seq", profile, 3); // seq-PAV
 * ```
 */
export function sequentialThiele(
  rule: "av" | "pav" | "slav" | "cc",
  direction: "seq" | "revseq",
  profile: ApprovalProfile,
  seats: number,
): Result<TallyOutcome> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const weight = thiele[rule] as (j: number) => Rational;
  const ballots = ballotsOf(profile);
  const results = new Set<number>();
  const seen = new Set<number>();
  const explore = (committee: number) => {
    if (seen.has(committee)) return;
    seen.add(committee);
    const size = bits(committee);
    if (size === seats) {
      results.add(committee);
      return;
    }
    const options = membersOf(direction === "seq" ? ~committee & ((1 << n) - 1) : committee, n).map(
      (c) => {
        const next = direction === "seq" ? committee | (1 << c) : committee & ~(1 << c);
        const score = thieleScore(weight, ballots, next);
        return { next, change: score };
      },
    );
    // seq: the largest resulting score; revseq: the largest score after removal (smallest loss).
    let best: Rational | undefined;
    for (const option of options)
      if (best === undefined || compareRational(option.change, best) > 0) best = option.change;
    for (const option of options)
      if (best !== undefined && compareRational(option.change, best) === 0) explore(option.next);
  };
  explore(direction === "seq" ? 0 : (1 << n) - 1);
  return outcome(
    `${direction}${rule}`,
    profile,
    [...results],
    `${direction === "seq" ? "adding" : "removing"} one candidate at a time by ${rule} score`,
  );
}
