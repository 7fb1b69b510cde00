import { compareRational, type Rational, rational } from "../../core/rational.js";

/**
 * The lowest possible maximal load when the approvers of a committee share its members
 * (each member costs 1, paid only by voters approving it): max over subsets T of |T| /
 * (voters approving some member of T), by Hall's theorem; `undefined` (infinite) when a
 * member has no approver. Exhaustive over subsets: for committees of up to 20 members.
 *
 * @internal
 */
export function committeeLoad(
  members: readonly number[],
  masks: readonly number[],
  weights: readonly number[],
): Rational | undefined {
  let worst: Rational | undefined = rational(0);
  for (let subset = 1; subset < 1 << members.length; subset++) {
    let chosen = 0;
    let size = 0;
    members.forEach((c, k) => {
      if ((subset >> k) & 1) {
        chosen |= 1 << c;
        size++;
      }
    });
    let supporters = 0;
    masks.forEach((mask, v) => {
      if ((mask & chosen) !== 0) supporters += weights[v] as number;
    });
    if (supporters === 0) return undefined;
    const load = rational(size, supporters);
    if (worst !== undefined && compareRational(load, worst) > 0) worst = load;
  }
  return worst;
}
