// The exact tie-following search this rule had before it ran on budgeting's engines (civitas
// b08d5af), kept as the reference of the differential test in ../committeeAsBudget.test.ts.
import { addRational, type Rational, rational } from "../../../../src/core/rational.js";
import type { Result } from "../../../../src/core/result.js";
import type { ApprovalProfile } from "../../../../src/tally/ballots/approvalProfile.js";
import {
  ballotsOf,
  bits,
  outcome,
  sizeCheck,
} from "../../../../src/tally/committees/committeeSearch.js";
import type { TallyOutcome } from "../../../../src/tally/outcome.js";
import { lowestLoadOptions } from "./lowestLoadOptions.js";

/**
 * Sequential Phragmén for committees: voters share the cost (1) of each elected candidate;
 * each step elects the candidate whose supporters would then carry the lowest maximal
 * load. Ties are followed in every direction (`committees`). Candidates nobody approves
 * are elected last, in every order.
 *
 * @category Committees
 * @example
 * ```ts
 * sequentialPhragmenCommittee(profile, 3);
 * ```
 */
export function referenceSequentialPhragmen(
  profile: ApprovalProfile,
  seats: number,
): Result<TallyOutcome> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const ballots = ballotsOf(profile);
  const results = new Set<number>();
  const explore = (committee: number, loads: readonly Rational[]) => {
    if (bits(committee) === seats) {
      results.add(committee);
      return;
    }
    const options: { c: number; load: Rational | undefined }[] = [];
    for (let c = 0; c < n; c++) {
      if ((committee >> c) & 1) continue;
      let support = 0;
      let total = rational(1);
      ballots.masks.forEach((mask, v) => {
        if ((mask >> c) & 1) {
          const w = ballots.weights[v] as number;
          support += w;
          total = addRational(total, {
            num: (loads[v] as Rational).num * BigInt(w),
            den: (loads[v] as Rational).den,
          });
        }
      });
      options.push({
        c,
        load: support === 0 ? undefined : rational(total.num, total.den * BigInt(support)),
      });
    }
    for (const option of lowestLoadOptions(options)) {
      const next = loads.map((load, v) =>
        option.load !== undefined && ((ballots.masks[v] as number) >> option.c) & 1
          ? option.load
          : load,
      );
      explore(committee | (1 << option.c), next);
    }
  };
  explore(
    0,
    ballots.masks.map(() => rational(0)),
  );
  return outcome(
    "seqphragmen",
    profile,
    [...results],
    "each step elects the candidate whose supporters then carry the lowest maximal load",
  );
}
