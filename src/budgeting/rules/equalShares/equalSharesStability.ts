import {
  addRational,
  compareRational,
  divideRational,
  multiplyRational,
  type Rational,
  rational,
  subtractRational,
} from "../../../core/rational.js";
import type { EqualSharesData, EqualSharesRun } from "./equalSharesEngine.js";

/*
 * How far the per-voter budget can rise before an equal-shares run can change.
 *
 * Every quantity of a run is piecewise affine in the per-voter budget b: each voter class
 * starts with b, a purchase takes from each supporter either all it has (capped) or the
 * price times its weight, and the price is (cost − what the capped pay) / (the others'
 * weight). Following the run the engine made at b0, with each budget kept as an affine
 * function a + c·b, every decision the run took is an inequality between affine functions
 * that holds at b0: a project is or is not affordable, a supporter is or is not capped,
 * the winner's price is below every other affordable project's (or equal and first in the
 * tie order). Each such inequality holds up to the point where its two sides meet. The
 * run, and so its selection, is the same for every budget from b0 up to (not including)
 * the nearest of those points: `stableUntil`.
 *
 * A decision that is tight at b0 (two sides equal, and not a tie the order settles the same
 * way on both sides) gives no room: the run is only known at b0.
 */

/** a + c·b. */
interface Affine {
  readonly a: Rational;
  readonly c: Rational;
}

const ZERO = rational(0);
const ZERO_AFFINE: Affine = { a: ZERO, c: ZERO };

const at = (f: Affine, b: Rational): Rational => addRational(f.a, multiplyRational(f.c, b));
const plus = (f: Affine, g: Affine): Affine => ({
  a: addRational(f.a, g.a),
  c: addRational(f.c, g.c),
});
const minus = (f: Affine, g: Affine): Affine => ({
  a: subtractRational(f.a, g.a),
  c: subtractRational(f.c, g.c),
});
const scaled = (f: Affine, k: Rational): Affine => ({
  a: multiplyRational(f.a, k),
  c: multiplyRational(f.c, k),
});

/** Tracks the nearest budget above b0 at which some decision could turn. */
class Horizon {
  /** `undefined`: no decision turns at any higher budget. */
  limit: Rational | undefined;
  /** A decision is tight at b0: nothing is known above it. */
  tight = false;
  constructor(private readonly b0: Rational) {}

  /**
   * `f` is ≥ 0 at b0 (> 0 unless `allowZero`, where a zero stays a zero or grows): the
   * decision holds while f stays on its side.
   */
  keepNonNegative(f: Affine, allowZero = false): void {
    const value = at(f, this.b0);
    const sign = compareRational(value, ZERO);
    const slope = compareRational(f.c, ZERO);
    if (sign === 0) {
      if (!allowZero || slope < 0) this.tight = true;
      return;
    }
    if (slope >= 0) return;
    // value + slope·(b − b0) = 0 at b = b0 + value / (−slope).
    this.bound(addRational(this.b0, divideRational(value, rational(-f.c.num, f.c.den))));
  }

  /** `f` is < 0 at b0: the decision holds while it stays negative. */
  keepNegative(f: Affine): void {
    this.keepNonNegative(scaled(f, rational(-1)));
  }

  private bound(point: Rational): void {
    if (this.limit === undefined || compareRational(point, this.limit) < 0) this.limit = point;
  }
}

function weightOf(data: EqualSharesData, p: number, k: number): bigint {
  const wi = data.supWeight.length > 0 ? (data.supWeight[k] as number) : 0;
  return (data.weightExact[p] as readonly bigint[])[wi] as bigint;
}

/** A project's price at b0 as an affine function of b, or that it is unaffordable. */
interface Pricing {
  readonly affordable: boolean;
  /** Price per unit of satisfaction (ρ̃ / σ), affine in b; only when affordable. */
  readonly rho?: Affine;
  /** ρ̃ per unit of weight, affine; only when affordable. */
  readonly rhoTilde?: Affine;
  /** The supporters (entry indices) who pay all they have. */
  readonly capped?: ReadonlySet<number>;
}

function price(
  data: EqualSharesData,
  p: number,
  budgets: readonly Affine[],
  b0: Rational,
  horizon: Horizon,
): Pricing {
  const start = data.supStart[p] as number;
  const end = data.supStart[p + 1] as number;
  const cost = rational((data.projects[p] as { cost: bigint }).cost);
  let money = ZERO_AFFINE;
  for (let k = start; k < end; k++) {
    const g = data.supGroup[k] as number;
    money = plus(money, scaled(budgets[g] as Affine, rational(data.multiplicity[g] as number)));
  }
  const moneyLeft = minus(money, { a: cost, c: ZERO });
  if (compareRational(at(moneyLeft, b0), ZERO) < 0) {
    horizon.keepNegative(moneyLeft);
    return { affordable: false };
  }
  horizon.keepNonNegative(moneyLeft, true);
  // Water-filling at b0: supporters in order of budget per weight; the lowest ones pay all.
  const entries: { k: number; ratio: Rational; weight: bigint; m: number; g: number }[] = [];
  let weightLeft = 0n;
  for (let k = start; k < end; k++) {
    const g = data.supGroup[k] as number;
    const weight = weightOf(data, p, k);
    const m = data.multiplicity[g] as number;
    entries.push({
      k,
      g,
      m,
      weight,
      ratio: divideRational(at(budgets[g] as Affine, b0), rational(weight)),
    });
    weightLeft += weight * BigInt(m);
  }
  entries.sort((x, y) => compareRational(x.ratio, y.ratio));
  let costLeft = cost;
  let cappedMoney = ZERO_AFFINE;
  const capped = new Set<number>();
  let rhoTilde = divideRational(costLeft, rational(weightLeft));
  for (const entry of entries) {
    if (compareRational(entry.ratio, rhoTilde) >= 0) break;
    capped.add(entry.k);
    const paid = scaled(budgets[entry.g] as Affine, rational(entry.m));
    cappedMoney = plus(cappedMoney, paid);
    costLeft = subtractRational(costLeft, at(paid, b0));
    weightLeft -= entry.weight * BigInt(entry.m);
    if (weightLeft === 0n) break;
    rhoTilde = divideRational(costLeft, rational(weightLeft));
  }
  if (weightLeft === 0n) {
    // Everyone pays all they have: the money exactly covers the cost (else unaffordable).
    horizon.tight = true;
    return { affordable: true, rho: ZERO_AFFINE, rhoTilde: ZERO_AFFINE, capped };
  }
  // ρ̃(b) = (cost − capped money(b)) / remaining weight.
  const rhoTildeAffine = scaled(minus({ a: cost, c: ZERO }, cappedMoney), rational(1n, weightLeft));
  for (const entry of entries) {
    // Capped: budget ≤ ρ̃·w; the others: budget ≥ ρ̃·w.
    const gap = minus(budgets[entry.g] as Affine, scaled(rhoTildeAffine, rational(entry.weight)));
    if (capped.has(entry.k)) horizon.keepNonNegative(scaled(gap, rational(-1)), false);
    else horizon.keepNonNegative(gap, false);
  }
  const sigma = data.sigma[p] as Rational;
  return {
    affordable: true,
    rho: scaled(rhoTildeAffine, divideRational(rational(1), sigma)),
    rhoTilde: rhoTildeAffine,
    capped,
  };
}

/**
 * The per-voter budget up to which (not including it) an equal-shares run at `perVoter`
 * makes exactly the same purchases: `undefined` when it never changes at any higher
 * budget, `perVoter` itself when a decision is tight there. Used by the add1 completion to
 * jump over budgets at which nothing can change; the add1 property test checks that
 * jumping gives what stepping one unit at a time gives.
 *
 * @internal
 */
export function equalSharesStableUntil(
  data: EqualSharesData,
  run: EqualSharesRun,
  perVoter: Rational,
): Rational | undefined {
  const horizon = new Horizon(perVoter);
  const budgets: Affine[] = Array.from({ length: data.groups }, () => ({
    a: ZERO,
    c: rational(1),
  }));
  const alive = new Set<number>();
  const P = data.projects.length;
  for (let p = 0; p < P; p++) {
    const supported = (data.supStart[p + 1] as number) > (data.supStart[p] as number);
    const project = data.projects[p] as { cost: bigint };
    if (supported && project.cost > 0n && (data.sigma[p] as Rational).num > 0n) alive.add(p);
  }
  const bought = run.selected.filter((p) => alive.has(p));
  for (const winner of [...bought, -1]) {
    let best: { p: number; rho: Affine; value: Rational } | undefined;
    const prices = new Map<number, Pricing>();
    for (const p of alive) {
      const pricing = price(data, p, budgets, perVoter, horizon);
      if (horizon.tight) return perVoter;
      if (!pricing.affordable) {
        alive.delete(p);
        continue;
      }
      prices.set(p, pricing);
      const value = at(pricing.rho as Affine, perVoter);
      const order = best === undefined ? -1 : compareRational(value, best.value);
      if (
        best === undefined ||
        order < 0 ||
        (order === 0 && (data.rank[p] as number) < (data.rank[best.p] as number))
      )
        best = { p, rho: pricing.rho as Affine, value };
    }
    // The engine must have made the same choice; if not, claim nothing beyond b0.
    if ((best?.p ?? -1) !== winner) return perVoter;
    if (best === undefined) break;
    for (const [p, pricing] of prices) {
      if (p === best.p) continue;
      const gap = minus(pricing.rho as Affine, best.rho);
      const tieGoesToWinner = (data.rank[best.p] as number) < (data.rank[p] as number);
      horizon.keepNonNegative(gap, tieGoesToWinner);
      if (horizon.tight) return perVoter;
    }
    const chosen = prices.get(best.p) as Pricing;
    const start = data.supStart[best.p] as number;
    const end = data.supStart[best.p + 1] as number;
    for (let k = start; k < end; k++) {
      const g = data.supGroup[k] as number;
      budgets[g] = chosen.capped?.has(k)
        ? ZERO_AFFINE
        : minus(
            budgets[g] as Affine,
            scaled(chosen.rhoTilde as Affine, rational(weightOf(data, best.p, k))),
          );
    }
    alive.delete(best.p);
  }
  return horizon.limit;
}
