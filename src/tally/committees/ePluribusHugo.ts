import { addRational, compareRational, type Rational, rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import { fail } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";
import { ballotsOf, binomial, COMMITTEE_LIMIT, outcome, sizeCheck } from "./committeeSearch.js";

/**
 * E Pluribus Hugo (abcvoting `eph`; Quinn and Schneier's single divisible vote with
 * least-popular elimination, the Hugo Awards' shortlisting rule): each round every voter
 * divides its weight equally among its approved candidates still in the running (SDV
 * points) and also gives each its whole weight (approval points); of the two candidates
 * with the fewest SDV points (and any tied with the second), those with the fewest
 * approval points are eliminated. When that would leave the committee size or fewer,
 * every way of eliminating just enough of them is a winning committee. Exact fractions
 * (abcvoting's default counts in doubles).
 *
 * @category Committees
 * @example
 * ```ts
 * ePluribusHugo(profile, 5).ok;
 * ```
 */
export function ePluribusHugo(profile: ApprovalProfile, seats: number): Result<TallyOutcome> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const n = checked.value;
  const { masks, weights } = ballotsOf(profile);
  let remaining = (n === 31 ? 0x7fffffff : (1 << n) - 1) >>> 0;
  const members = (mask: number) => {
    const list: number[] = [];
    for (let c = 0; c < n; c++) if ((mask >>> c) & 1) list.push(c);
    return list;
  };
  for (;;) {
    const alive = members(remaining);
    const sdv = new Map<number, Rational>(alive.map((c) => [c, rational(0)]));
    const av = new Map<number, number>(alive.map((c) => [c, 0]));
    masks.forEach((mask, v) => {
      const approved = members((mask & remaining) >>> 0);
      const weight = weights[v] as number;
      for (const c of approved) {
        sdv.set(c, addRational(sdv.get(c) as Rational, rational(weight, approved.length)));
        av.set(c, (av.get(c) as number) + weight);
      }
    });
    const sorted = [...sdv.values()].sort(compareRational);
    const cutoff = (sorted[1] ?? sorted[0]) as Rational;
    const low = alive.filter((c) => compareRational(sdv.get(c) as Rational, cutoff) <= 0);
    const fewest = Math.min(...low.map((c) => av.get(c) as number));
    const out = low.filter((c) => av.get(c) === fewest);
    if (alive.length - out.length <= seats) {
      const drop = alive.length - seats;
      if (binomial(out.length, drop) > COMMITTEE_LIMIT)
        return fail([
          tallyIssue(
            "committee-search-too-large",
            ["seats"],
            `more than ${COMMITTEE_LIMIT} tied committees`,
            { limit: COMMITTEE_LIMIT },
          ),
        ]);
      const committees: number[] = [];
      const choose = (start: number, left: number, kept: number) => {
        if (left === 0) {
          committees.push(kept >>> 0);
          return;
        }
        for (let k = start; k <= out.length - left; k++)
          choose(k + 1, left - 1, (kept & ~(1 << (out[k] as number))) >>> 0);
      };
      choose(0, drop, remaining);
      return outcome(
        "eph",
        profile,
        committees,
        "rounds of single divisible vote with least-popular elimination until the committee size is reached",
      );
    }
    for (const c of out) remaining = (remaining & ~(1 << c)) >>> 0;
  }
}
