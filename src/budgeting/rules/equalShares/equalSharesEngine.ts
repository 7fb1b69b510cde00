import { type Rational, rationalToNumber } from "../../../core/rational.js";
import type { PbProject } from "../../election/instance.js";
import { EqualSharesClasses, type Estimate, type ExactPrice } from "./equalSharesClasses.js";
import type {
  EqualSharesData,
  EqualSharesFraction,
  EqualSharesRound,
  EqualSharesRun,
} from "./equalSharesData.js";
import {
  type Aggregation,
  type AggregationArena,
  CLASS_ERROR,
  classStore,
  type EqualSharesWorkspace,
  emptyArena,
  emptyArrayOf,
  equalSharesWorkspace,
  GUESS,
  ULP,
} from "./equalSharesWorkspace.js";

export {
  type EqualSharesData,
  type EqualSharesFraction,
  type EqualSharesRound,
  type EqualSharesRun,
  prepareEqualShares,
} from "./equalSharesData.js";
export { type EqualSharesWorkspace, equalSharesWorkspace } from "./equalSharesWorkspace.js";

import { lowestBoundProject } from "../lowestBoundProject.js";

/*
 * The Method of Equal Shares, exact at float speed.
 *
 * Model. Every voter starts with the same budget b. A project p is bought at the lowest
 * price per unit of satisfaction ρ its supporters can pay: supporter i pays
 * min(budget_i, ρ·u_i(p)), and the payments add up to cost(p). Each round buys the
 * project with the lowest ρ (ties by the tie-breaking policy) until nothing is affordable.
 *
 * Voter classes. Voters who have paid the same amounts so far have the same budget, so the
 * engine keeps one budget per class, not per voter: all voters start in one class, and
 * buying a project gives every class that supports it a child class (budget zero for those
 * who paid all they had). Identical ballots are merged first (a group), and each group
 * belongs to one class. Classes depend only on which projects were bought in which order,
 * never on the budget, so reruns at other budgets (add1) reuse the groupings.
 *
 * Exact budgets. A class budget is an integer numerator over the denominator D_e of the
 * purchase (epoch) that created it; buying a project with remaining weight W makes
 * D = D_before × W, so every payment has a whole numerator, and D_a / D_b is an exact
 * quotient. Numerators are computed only when a decision needs them: from the parent's,
 * the purchase's X (cost × D minus what the capped classes paid, itself computed on
 * demand) and W, and the weight paid with. No gcd is ever taken.
 *
 * Floats for speed, exactness for decisions. Every class also has a double with a bound on
 * its absolute error (refreshed from the exact value past 2^-26 of the per-voter budget,
 * after the whole purchase is recorded). Each evaluation computes ρ in doubles by
 * water-filling, with an error bound built from the classes' errors and k
 * ulps per sum of k terms, and the price's sensitivity to capped budgets (capped error over
 * the remaining weight, doubled; see docs/equal-shares.md). That gives an interval
 * [lo, hi] certain to hold the exact ρ. A project whose lo is above the smallest hi cannot
 * win; if one project remains it wins, and when every entry's budget per weight is clearly
 * on one side of its price its capped set is certain; otherwise the candidates' prices are
 * computed exactly and compared exactly, ties going to the policy. Affordability is
 * decided the same way. Prices only rise as budgets fall, so a project's last lo is a
 * valid lower bound in later rounds: only projects whose bound could beat the current best
 * are recomputed.
 */

/**
 * One run of equal shares at a per-voter budget (in minor units, possibly fractional).
 * Pass a workspace to reuse work across runs on the same data.
 *
 * @internal
 */
export function runEqualShares(
  data: EqualSharesData,
  perVoterBudget: Rational,
  explain: boolean,
  workspace?: EqualSharesWorkspace,
  costLimit?: bigint,
): EqualSharesRun {
  const shared = workspace ?? equalSharesWorkspace();
  let runner = shared.runner?.data === data ? shared.runner : undefined;
  if (runner === undefined) {
    runner = new EqualSharesRunner(data, shared, workspace !== undefined);
    shared.runner = runner;
  }
  const result = runner.run(perVoterBudget, explain, explain ? undefined : costLimit);
  if (explain) {
    // The explanation's paymentsOf reads this runner's classes: later runs get their own.
    shared.runner = undefined;
    shared.store = classStore(16);
  }
  return result;
}
/**
 * Runs equal shares on one election's data at any per-voter budget: its buffers are made
 * once and each run resets the state it uses. With `onPath`, runs share the workspace's
 * memory of aggregations along the path of purchases. A class rather than closures: every
 * runner shares the same optimised methods (closures made anew for each election made the
 * optimiser's inlined call targets wrong for every new one).
 *
 * @internal
 */
export class EqualSharesRunner extends EqualSharesClasses {
  /** The arena of the current depth, with room for `more` entries. */
  arenaWithRoom(more: number): AggregationArena {
    while (this.workspace.arenas.length <= this.depth) this.workspace.arenas.push(emptyArena());
    const arena = this.workspace.arenas[this.depth] as AggregationArena;
    if (arena.used + more > arena.classes.length) {
      // Fresh buffers: the aggregations already made keep the old ones through their views.
      let size = 2 * arena.classes.length;
      while (size < more) size *= 2;
      arena.classes = new Int32Array(size);
      arena.counts = new Float64Array(size);
      arena.used = 0;
    }
    return arena;
  }

  /** Groups the project's supporters by (class, weight), from memory when the path allows. */
  aggregate(p: number) {
    if (this.aggregated === p) return;
    this.aggregated = p;
    // Without a path (a single run) the memory serves only this run; the code is the same.
    const memory = this.workspace.aggregations[this.depth] as Map<number, Aggregation>;
    let found = memory.get(p);
    if (found === undefined) {
      this.syncGroupClass();
      const weights = this.weightFloat[p] as Float64Array;
      const start = this.supStart[p] as number;
      const end = this.supStart[p + 1] as number;
      // Entries go to a scratch buffer (at most one per supporter), then to the depth's arena.
      if (this.scratchClasses.length < end - start) {
        this.scratchClasses = new Int32Array(2 * (end - start));
        this.scratchCounts = new Float64Array(2 * (end - start));
      }
      const { scratchClasses: classes, scratchCounts: counts } = this;
      let length = 0;
      let weightOf: Int32Array;
      if (weights.length === 1) {
        if (this.slotStamp.length < this.classCount) {
          let size = this.slotStamp.length;
          while (size < this.classCount) size *= 2;
          this.slotStamp = new Int32Array(size);
          this.slotOf = new Int32Array(size);
          this.stamp = 0;
        }
        // Stamps carry over from run to run; start again long before they overflow.
        if (this.stamp >= 2 ** 30) {
          this.slotStamp.fill(0);
          this.stamp = 0;
        }
        const stamp = ++this.stamp;
        const { supGroup, groupClass, multiplicity, slotStamp, slotOf } = this;
        for (let k = start; k < end; k++) {
          const g = supGroup[k] as number;
          const c = groupClass[g] as number;
          if (slotStamp[c] === stamp) {
            const slot = slotOf[c] as number;
            counts[slot] = (counts[slot] as number) + (multiplicity[g] as number);
          } else {
            slotStamp[c] = stamp;
            slotOf[c] = length;
            classes[length] = c;
            counts[length] = multiplicity[g] as number;
            length++;
          }
        }
        if (this.zeros.length < length) this.zeros = new Int32Array(2 * length);
        weightOf = this.zeros.subarray(0, length);
      } else {
        if (this.scratchWeights.length < end - start) {
          this.scratchWeights = new Int32Array(2 * (end - start));
        }
        const scratchWeights = this.scratchWeights;
        this.slotMap.clear();
        for (let k = start; k < end; k++) {
          const g = this.supGroup[k] as number;
          const c = this.groupClass[g] as number;
          const wi = this.supWeight[k] as number;
          const key = c * weights.length + wi;
          const slot = this.slotMap.get(key);
          if (slot !== undefined)
            counts[slot] = (counts[slot] as number) + (this.multiplicity[g] as number);
          else {
            this.slotMap.set(key, length);
            classes[length] = c;
            scratchWeights[length] = wi;
            counts[length] = this.multiplicity[g] as number;
            length++;
          }
        }
        weightOf = scratchWeights.slice(0, length);
      }
      // Exactly as many entries as there are go to the arena: the aggregation views them.
      const arena = this.arenaWithRoom(length);
      const base = arena.used;
      arena.classes.set(classes.subarray(0, length), base);
      arena.counts.set(counts.subarray(0, length), base);
      arena.used = base + length;
      found = {
        classes: arena.classes.subarray(base, base + length),
        weights: weightOf,
        counts: arena.counts.subarray(base, base + length),
        // NaN (no guess yet) keeps the field a double from the start: an object whose number
        // field changes representation later is a different shape to the optimiser.
        rho: Number.NaN,
      };
      memory.set(p, found);
    }
    this.entAggregation = found;
    this.entClass = found.classes;
    this.entWeight = found.weights;
    this.entCount = found.counts;
    this.entries = this.entClass.length;
    this.reserveEntries();
  }

  /** Makes each per-entry buffer hold the aggregated project's entries. */
  reserveEntries() {
    const size = (length: number) => {
      let grown = Math.max(1, length);
      while (grown < this.entries) grown *= 2;
      return grown;
    };
    const current = this.current;
    if (current.side.length < this.entries)
      current.side = new Int32Array(size(current.side.length));
    if (current.sideRatio.length < this.entries)
      current.sideRatio = new Float64Array(size(current.sideRatio.length));
    if (this.entLive.length < this.entries)
      this.entLive = new Int32Array(size(this.entLive.length));
    if (this.entLiveRatio.length < this.entries)
      this.entLiveRatio = new Float64Array(size(this.entLiveRatio.length));
  }

  /**
   * Water-filling without sorting. Every entry whose budget per weight is below a lower
   * bound of the price is capped whatever happens, and every entry at or above an upper
   * bound never is: the pass that sums the budgets caps the former at once and sets the
   * latter aside, keeping only the entries in between (the side list). Then cap every
   * side entry below the price, recompute, and repeat while the cheapest live one is below
   * the price. The price only rises and the capped set only grows, so it ends at the exact
   * solution of the doubles: the capped entries are those whose budget per weight is
   * below the price (nothing per entry is stored but the side list).
   *
   * The bounds: cost over the project's total weight is always a lower bound (the price
   * if nobody were capped), with no upper bound. When the same aggregation was estimated
   * before (a rerun at a nearby budget, or the same round), its last price ± GUESS
   * brackets the new one in most cases; whether it did is checked at the end (the price
   * found is in the bracket), and if not the estimate is made again with the sure bounds.
   * Returns undefined for a failed guess.
   *
   * Error bound: each class double is within its recorded error of the exact budget; a
   * sum of k terms adds at most k ulps of the sum of magnitudes; the price of a capped set
   * moves by at most the change of the capped budgets divided by the remaining
   * weight (doubled for safety), so the exact price lies within the returned error.
   */
  waterFill(p: number, guess: number): Estimate | undefined {
    // Long by design: the engine's hottest loop, water-filling over typed arrays with its error
    // bound computed alongside; calls inside it cost measurably (docs/equal-shares.md).
    const { entClass, entCount, entWeight, classBudget, entLive, entLiveRatio, entries } = this;
    const { side: entSide, sideRatio: entSideRatio } = this.current;
    const cost = Number((this.projects[p] as PbProject).cost);
    const weights = this.weightFloat[p] as Float64Array;
    // Slightly below cost / total weight, so that rounding never caps an entry too early.
    const sure = (cost / (this.weightTotal[p] as number)) * (1 - 2 ** -30);
    const floor = guess > 0 ? Math.max(sure, guess * (1 - GUESS)) : sure;
    const ceiling = guess > 0 ? guess * (1 + GUESS) : Infinity;
    let total = 0;
    let totalError = 0;
    let weightAll = 0;
    let capped = 0;
    let cappedError = 0;
    let cappedWeight = 0;
    let side = 0;
    let cheapestLive = Infinity;
    let lowest = -Infinity;
    let highest = Infinity;
    // The largest error of a budget capped at once, and of one set aside.
    let lowestError = 0;
    let highestError = 0;
    if (weights.length === 1) {
      // Every supporter has the same weight w (approvals): budgets are compared with the
      // bounds times w, and only side entries are divided. This copy of the general loop
      // below saves about 50 ms of Warsaw 2026's add1 (profiling script, A/B).
      const w = weights[0] as number;
      const floorBudget = floor * w;
      const ceilingBudget = ceiling * w;
      let countAll = 0;
      let cappedCount = 0;
      for (let e = 0; e < entries; e++) {
        const c = entClass[e] as number;
        const budget = classBudget[2 * c] as number;
        const count = entCount[e] as number;
        const money = budget * count;
        const error = classBudget[2 * c + 1] as number;
        const moneyError = error * count;
        total += money;
        totalError += moneyError;
        countAll += count;
        if (budget < floorBudget) {
          capped += money;
          cappedError += moneyError;
          cappedCount += count;
          if (budget > lowest) lowest = budget;
          if (error > lowestError) lowestError = error;
        } else if (budget < ceilingBudget) {
          const ratio = budget / w;
          entSide[side] = e;
          entSideRatio[side] = ratio;
          side++;
          if (ratio < cheapestLive) cheapestLive = ratio;
        } else {
          if (budget < highest) highest = budget;
          if (error > highestError) highestError = error;
        }
      }
      weightAll = countAll * w;
      cappedWeight = cappedCount * w;
      lowest /= w;
      highest /= w;
      lowestError /= w;
      highestError /= w;
    } else {
      for (let e = 0; e < entries; e++) {
        const c = entClass[e] as number;
        const budget = classBudget[2 * c] as number;
        const weight = weights[entWeight[e] as number] as number;
        const count = entCount[e] as number;
        const money = budget * count;
        const error = classBudget[2 * c + 1] as number;
        const moneyError = error * count;
        const weightCount = weight * count;
        const ratio = budget / weight;
        total += money;
        totalError += moneyError;
        weightAll += weightCount;
        if (ratio < floor) {
          capped += money;
          cappedError += moneyError;
          cappedWeight += weightCount;
          if (ratio > lowest) lowest = ratio;
          if (error > lowestError) lowestError = error;
        } else if (ratio < ceiling) {
          entSide[side] = e;
          entSideRatio[side] = ratio;
          side++;
          if (ratio < cheapestLive) cheapestLive = ratio;
        } else {
          if (ratio < highest) highest = ratio;
          if (error > highestError) highestError = error;
        }
      }
      // Errors per unit of weight, bounded with the smallest weight.
      let lightest = Infinity;
      for (const weight of weights) if (weight < lightest) lightest = weight;
      lowestError /= lightest;
      highestError /= lightest;
    }
    const arithmetic = (entries + 8) * ULP;
    const tolerance = 2 * (totalError + arithmetic * (total + cost));
    if (total < cost - tolerance) return { affordable: "no", lo: Infinity, hi: Infinity };
    if (total <= cost + tolerance) return { affordable: "unsure", lo: 0, hi: Infinity };
    let weightLeft = weightAll - cappedWeight;
    if (!(weightLeft > 0) || !(cost - capped > 0)) {
      return guess > 0 ? undefined : { affordable: "unsure", lo: 0, hi: Infinity };
    }
    let rho = (cost - capped) / weightLeft;
    // Each further pass caps what falls below the price and keeps the rest.
    let from = entSide;
    let fromRatio = entSideRatio;
    let live = side;
    while (cheapestLive < rho) {
      let kept = 0;
      cheapestLive = Infinity;
      for (let k = 0; k < live; k++) {
        const e = from[k] as number;
        const ratio = fromRatio[k] as number;
        if (ratio < rho) {
          const c = entClass[e] as number;
          const count = entCount[e] as number;
          capped += (classBudget[2 * c] as number) * count;
          cappedError += (classBudget[2 * c + 1] as number) * count;
          weightLeft -= (weights[entWeight[e] as number] as number) * count;
        } else {
          entLive[kept] = e;
          entLiveRatio[kept] = ratio;
          kept++;
          if (ratio < cheapestLive) cheapestLive = ratio;
        }
      }
      from = entLive;
      fromRatio = entLiveRatio;
      live = kept;
      if (!(weightLeft > 0) || !(cost - capped > 0)) {
        return guess > 0 ? undefined : { affordable: "unsure", lo: 0, hi: Infinity };
      }
      rho = (cost - capped) / weightLeft;
    }
    // The guess held if the price is within its bracket: everything capped at once is below
    // it, everything set aside above it.
    if (guess > 0 && !(rho >= floor && rho <= ceiling)) return undefined;
    const sigma = this.data.sigmaFloat[p] as number;
    const error = (2 * (cappedError + arithmetic * (capped + cost))) / weightLeft + rho * 16 * ULP;
    this.current.unitPrice = rho;
    this.current.unitError = error;
    this.current.weightLeft = weightLeft;
    // How far the entries outside the side list can reach towards the price, with the
    // margins of isClear (see run): up to this from below, down to that from above.
    this.current.lowest = lowest * (1 + 4 * ULP) + 4 * lowestError;
    this.current.highest = highest * (1 - 4 * ULP) - 4 * highestError;
    this.current.sideCount = side;
    return {
      affordable: "yes",
      lo: Math.max(0, ((rho - error) / sigma) * (1 - 4 * ULP)),
      hi: ((rho + error) / sigma) * (1 + 4 * ULP),
    };
  }

  /** Swaps the working estimate with the kept one. */
  swapBest() {
    const best = this.best;
    this.best = this.current;
    this.current = best;
  }

  keepAsBest(p: number) {
    this.swapBest();
    this.bestProject = p;
    this.bestAggregation = this.entAggregation;
    // The buffers now in use may be too small for the aggregated project.
    this.reserveEntries();
  }

  /** Makes the kept estimate the working one again, with its aggregation. */
  restoreBest() {
    this.swapBest();
    const aggregation = this.bestAggregation as Aggregation;
    this.entAggregation = aggregation;
    this.entClass = aggregation.classes;
    this.entWeight = aggregation.weights;
    this.entCount = aggregation.counts;
    this.entries = this.entClass.length;
    this.aggregated = this.bestProject;
  }

  /** Double estimate of ρ for the aggregated project (see waterFill). */
  estimate(p: number): Estimate {
    this.current.unitPrice = Number.NaN;
    this.current.unitError = Infinity;
    const aggregation = this.entAggregation as Aggregation;
    const result =
      (aggregation.rho > 0 ? this.waterFill(p, aggregation.rho) : undefined) ??
      this.waterFill(p, Number.NaN);
    if (result?.affordable === "yes") aggregation.rho = this.current.unitPrice;
    return result as Estimate;
  }

  /** An entry's exact budget numerator over today's denominator. */
  exactBudget(e: number): bigint {
    const c = this.entClass[e] as number;
    return this.materialize(c) * this.lift(this.classEpoch[c] as number, this.epochD.length - 1);
  }

  exactCount(e: number): bigint {
    return BigInt(this.entCount[e] as number);
  }

  /** Exactly: can the aggregated project's supporters pay its cost? */
  exactlyAffordable(p: number): boolean {
    let total = 0n;
    for (let e = 0; e < this.entries; e++) total += this.exactBudget(e) * this.exactCount(e);
    return total >= (this.projects[p] as PbProject).cost * this.denominator;
  }

  exactPrice(p: number): ExactPrice {
    const weights = this.weightExact[p] as readonly bigint[];
    const weightsFloat = this.weightFloat[p] as Float64Array;
    const cost = (this.projects[p] as PbProject).cost * this.denominator;
    const budgets = new Array<bigint | undefined>(this.entries);
    const budgetOf = (e: number): bigint => {
      let value = budgets[e];
      if (value === undefined) {
        value = this.exactBudget(e);
        budgets[e] = value;
      }
      return value;
    };
    const weightOf = (e: number) => weights[this.entWeight[e] as number] as bigint;
    let weightAll = 0n;
    let floatSum = 0;
    for (let e = 0; e < this.entries; e++) {
      floatSum +=
        (weightsFloat[this.entWeight[e] as number] as number) * (this.entCount[e] as number);
    }
    // Whole numbers below 2^53 add exactly in doubles.
    if (floatSum < 2 ** 52) weightAll = BigInt(floatSum);
    else for (let e = 0; e < this.entries; e++) weightAll += weightOf(e) * this.exactCount(e);
    /** X and W for a capped set. */
    const priceFor = (capped: Uint8Array): ExactPrice => {
      let x = cost;
      let w = weightAll;
      let cappedWeight = 0;
      for (let e = 0; e < this.entries; e++) {
        if (capped[e] === 1) {
          if (!this.isExactZero(this.entClass[e] as number)) x -= budgetOf(e) * this.exactCount(e);
          cappedWeight +=
            (weightsFloat[this.entWeight[e] as number] as number) * (this.entCount[e] as number);
        }
      }
      if (cappedWeight < 2 ** 52) w -= BigInt(cappedWeight);
      else
        for (let e = 0; e < this.entries; e++)
          if (capped[e] === 1) w -= weightOf(e) * this.exactCount(e);
      return { x, w, capped };
    };
    // The estimate's capped set (budget per weight below its price; none without one),
    // then a check of every entry against the price it gives.
    const estimated = new Uint8Array(this.entries);
    for (let e = 0; e < this.entries; e++) {
      const budget = this.classBudget[2 * (this.entClass[e] as number)] as number;
      const weight = weightsFloat[this.entWeight[e] as number] as number;
      if (budget / weight < this.current.unitPrice) estimated[e] = 1;
    }
    const guess = priceFor(estimated);
    let valid = guess.x > 0n && guess.w > 0n;
    const priceFloat = valid
      ? rationalToNumber({ num: guess.x, den: guess.w * this.denominator })
      : 0;
    for (let e = 0; valid && e < this.entries; e++) {
      const unitPrice = priceFloat * (weightsFloat[this.entWeight[e] as number] as number);
      const budget = this.classBudget[2 * (this.entClass[e] as number)] as number;
      const margin =
        4 * ((this.classBudget[2 * (this.entClass[e] as number) + 1] as number) + ULP * unitPrice);
      const clear = Math.abs(budget - unitPrice) > margin;
      if (clear) {
        valid = guess.capped[e] === 1 ? budget < unitPrice : budget > unitPrice;
      } else {
        const left = budgetOf(e) * guess.w;
        const right = guess.x * weightOf(e);
        valid = guess.capped[e] === 1 ? left <= right : left >= right;
      }
    }
    if (valid) return guess;
    // Exact water-filling: cap every entry with budget × W < X × weight, until stable.
    const capped = new Uint8Array(this.entries);
    let price = priceFor(capped);
    for (;;) {
      let grew = false;
      for (let e = 0; e < this.entries; e++) {
        if (capped[e] === 0 && budgetOf(e) * price.w < price.x * weightOf(e)) {
          capped[e] = 1;
          grew = true;
        }
      }
      if (!grew) return price;
      price = priceFor(capped);
    }
  }

  /** Compares ρ of two projects exactly (negative: a is cheaper per unit). */
  comparePrices(a: number, pa: ExactPrice, b: number, pb: ExactPrice): number {
    const sa = this.data.sigma[a] as Rational;
    const sb = this.data.sigma[b] as Rational;
    const left = pa.x * sa.den * pb.w * sb.num;
    const right = pb.x * sb.den * pa.w * sa.num;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /**
   * One run at a per-voter budget, explaining or not: rounds until nothing is affordable.
   * With a cost limit, it stops as soon as the outcome's cost is settled against it: above
   * once what it bought costs more, within once what it bought and every project still in
   * play together cost no more and some project was found unaffordable (so the run cannot
   * end up buying every project).
   */
  run(budget: Rational, explaining: boolean, costLimit?: bigint): EqualSharesRun {
    this.startRun(budget, explaining);
    for (;;) {
      if (costLimit !== undefined) {
        if (this.boughtCost > costLimit) return this.finishRun("over");
        if (this.unaffordable.length > 0 && this.boughtCost + this.aliveCost <= costLimit)
          return this.finishRun("within");
      }
      const candidates = this.roundCandidates();
      if (candidates.length === 0) break;
      const { winner, price, unitPrice, unitError } = this.chooseWinner(candidates);
      this.buy(winner, price, unitPrice, unitError);
    }
    return this.finishRun();
  }

  /** Resets what a run changes, then buys the free projects (cost 0) with supporters. */
  startRun(budget: Rational, explaining: boolean) {
    this.perVoterBudget = budget;
    this.explain = explaining;
    this.classNum.clear();
    this.classNum.set(0, this.perVoterBudget.num);
    this.classCount = 1;
    this.classCapped.fill(0);
    this.classParent[0] = -1;
    this.classBudget[0] = rationalToNumber(this.perVoterBudget);
    this.classBudget[1] = ULP * (this.classBudget[0] as number);
    this.denominator = this.perVoterBudget.den;
    this.epochD.length = 0;
    this.epochD.push(this.denominator);
    this.epochX.length = 0;
    this.epochX.push(0n);
    this.epochW.length = 0;
    this.epochW.push(1n);
    this.epochProject.length = 0;
    this.epochProject.push(-1);
    this.epochCapped.length = 0;
    this.epochCapped.push(undefined);
    this.lifts.clear();
    this.groupClass.fill(0);
    this.groupClassDepth = 0;
    this.depth = 0;
    this.alive.fill(0);
    this.lower.fill(0);
    this.selected = [];
    this.rounds = emptyArrayOf<EqualSharesRound>();
    this.unaffordable = emptyArrayOf<{ project: number; after: number }>();
    this.exactDecisions = 0;
    this.aggregated = -1;
    this.entAggregation = undefined;

    // Free projects (cost 0) with supporters go first, in tie order.
    const free: number[] = [];
    this.boughtCost = 0n;
    this.aliveCost = 0n;
    for (let p = 0; p < this.P; p++) {
      const hasSupport = (this.supStart[p + 1] as number) > (this.supStart[p] as number);
      const project = this.projects[p] as PbProject;
      if (!hasSupport) continue;
      if (project.cost === 0n) free.push(p);
      else if ((this.data.sigma[p] as Rational).num > 0n) {
        this.alive[p] = 1;
        this.aliveCost += project.cost;
      }
    }
    free.sort((a, b) => (this.data.rank[a] as number) - (this.data.rank[b] as number));
    for (const p of free) {
      this.selected.push(p);
      if (this.explain) this.rounds.push({ project: p, price: { num: 0n, den: 1n }, payments: [] });
    }
  }

  /**
   * The round's candidates: projects whose price could be the lowest, each evaluated
   * (lazily: only those whose lower bound could beat the best so far); unaffordable ones
   * leave the count.
   */
  roundCandidates(): number[] {
    // Lazy evaluation: recompute projects whose lower bound could beat the best so far.
    // A previous run that bought the same projects so far bought `path[depth]` next: it
    // is likely to win again, so evaluating it first tightens the bound early.
    this.fresh.fill(0);
    let bestHi = Infinity;
    this.bestProject = -1;
    let hint = this.onPath ? (this.workspace.path[this.depth] ?? -1) : -1;
    for (;;) {
      const next =
        hint >= 0 && this.alive[hint] === 1
          ? hint
          : lowestBoundProject(this.alive, this.fresh, this.lower);
      hint = -1;
      if (next < 0 || (this.lower[next] as number) > bestHi) break;
      this.aggregate(next);
      let estimateOf = this.estimate(next);
      if (estimateOf.affordable === "unsure" && !this.exactlyAffordable(next)) {
        estimateOf = { affordable: "no", lo: Infinity, hi: Infinity };
      }
      if (estimateOf.affordable === "no") {
        this.alive[next] = 0;
        this.aliveCost -= (this.projects[next] as PbProject).cost;
        this.unaffordable.push({ project: next, after: this.selected.length });
        continue;
      }
      this.fresh[next] = 1;
      this.lower[next] = estimateOf.lo;
      if (estimateOf.hi < bestHi) {
        bestHi = estimateOf.hi;
        this.keepAsBest(next);
      }
    }
    const candidates: number[] = [];
    for (let p = 0; p < this.P; p++) {
      if (this.alive[p] === 1 && this.fresh[p] === 1 && (this.lower[p] as number) <= bestHi)
        candidates.push(p);
    }
    return candidates;
  }

  /**
   * The round's winner among the candidates: the one clear lowest price, or the exact
   * comparison of their prices (ties to the policy's order); with its exact price when it
   * was needed, and the unit price and its error.
   */
  chooseWinner(candidates: readonly number[]): {
    winner: number;
    price: ExactPrice | undefined;
    unitPrice: number;
    unitError: number;
  } {
    let winner = candidates[0] as number;
    this.lastTies.length = 0;
    if (winner === this.bestProject) this.restoreBest();
    else {
      this.aggregate(winner);
      this.estimate(winner);
    }
    // One clear winner: its capped set is certain when every entry's budget per weight is
    // clearly on one side of the price; then X is left to be computed if ever needed.
    let price: ExactPrice | undefined;
    const unitPrice = this.current.unitPrice;
    const unitError = this.current.unitError;
    if (candidates.length === 1) {
      const winnerWeights = this.weightFloat[winner] as Float64Array;
      /** Whether entry e, with budget per weight `ratio`, is clearly on one side of the price. */
      const isClear = (ratio: number, e: number) => {
        // The class's error per unit of weight, like the ratio.
        const ratioError =
          (this.classBudget[2 * (this.entClass[e] as number) + 1] as number) /
          (winnerWeights[this.entWeight[e] as number] as number);
        const margin = 4 * (ratioError + ULP * ratio) + unitError;
        return Math.abs(ratio - unitPrice) > margin;
      };
      let clear = Number.isFinite(unitError);
      // Entries outside the side list are clear together when the extremes are (their
      // reach, margins included, is clear of the price); otherwise each is checked.
      const outsideClear =
        unitPrice - this.current.lowest > unitError && this.current.highest - unitPrice > unitError;
      if (outsideClear) {
        for (let k = 0; clear && k < this.current.sideCount; k++) {
          clear = isClear(this.current.sideRatio[k] as number, this.current.side[k] as number);
        }
      } else {
        for (let e = 0; clear && e < this.entries; e++) {
          const budget = this.classBudget[2 * (this.entClass[e] as number)] as number;
          clear = isClear(budget / (winnerWeights[this.entWeight[e] as number] as number), e);
        }
      }
      if (!clear) price = this.exactPrice(winner);
    } else {
      price = this.exactPrice(winner);
      if (candidates.length > 1) {
        this.exactDecisions++;
        for (const challenger of candidates.slice(1)) {
          this.aggregate(challenger);
          this.estimate(challenger);
          const challengerPrice = this.exactPrice(challenger);
          const compared = this.comparePrices(challenger, challengerPrice, winner, price);
          if (compared < 0) this.lastTies.length = 0;
          if (
            compared < 0 ||
            (compared === 0 &&
              (this.data.rank[challenger] as number) < (this.data.rank[winner] as number))
          ) {
            if (compared === 0) this.lastTies.push(winner);
            winner = challenger;
            price = challengerPrice;
          } else if (compared === 0) this.lastTies.push(challenger);
        }
        this.aggregate(winner);
      }
    }
    return { winner, price, unitPrice, unitError };
  }

  /**
   * Buys the winner: its capped supporters pay all they have, the others the price per
   * unit of weight; every supporter class gets a child class. Explaining runs record who
   * paid what.
   */
  buy(winner: number, price: ExactPrice | undefined, unitPrice: number, unitError: number) {
    // Long by design: the payment of one purchase over every supporter class, with exact
    // refreshes and the explanation collected in the same pass; a hot loop.
    // Capped: by the exact price's set when there is one, otherwise (every entry clear) the
    // entries whose budget is below their payment at the estimated price.
    const cappedExactly = price?.capped;
    const weights = this.weightExact[winner] as readonly bigint[];
    const winnerWeights = this.weightFloat[winner] as Float64Array;
    let weightLeft: bigint;
    if (price !== undefined) {
      weightLeft = price.w;
      unitPrice = rationalToNumber({ num: price.x, den: price.w * this.denominator });
      unitError = 4 * ULP * unitPrice;
    } else {
      // The estimate's uncapped weight is exact when the project's total weight is below
      // 2^52 (whole numbers add and subtract exactly in doubles).
      if ((this.weightTotal[winner] as number) < 2 ** 52)
        weightLeft = BigInt(this.current.weightLeft);
      else {
        weightLeft = 0n;
        for (let e = 0; e < this.entries; e++) {
          const weight = winnerWeights[this.entWeight[e] as number] as number;
          if (
            !((this.classBudget[2 * (this.entClass[e] as number)] as number) < unitPrice * weight)
          )
            weightLeft += (weights[this.entWeight[e] as number] as bigint) * this.exactCount(e);
        }
      }
    }
    // Pay: capped classes pay everything; the others pay ρ̃ × weight each. Every entry
    // becomes a new class (budget zero for the capped ones).
    const previousDenominator = this.denominator;
    this.denominator = previousDenominator * weightLeft;
    const newEpoch = this.epochD.length;
    this.epochD.push(this.denominator);
    this.epochW.push(weightLeft);
    this.epochX.push(price?.x);
    this.epochProject.push(winner);
    // The entries are never changed once built, and their children record which were
    // capped, so X can be computed from them later.
    this.epochCapped.push(
      price === undefined
        ? { classes: this.entClass, counts: this.entCount, firstChild: this.classCount }
        : undefined,
    );
    // Explaining runs: voters who paid the same amount, keyed by twice its numerator over
    // the new denominator, plus one when it was all they had.
    const paid = this.explain ? new Map<bigint, number>() : undefined;
    const pays = (amount: bigint, all: boolean, voters: number) => {
      const key = amount * 2n + (all ? 1n : 0n);
      paid?.set(key, (paid.get(key) ?? 0) + voters);
    };
    this.reserve(this.entries);
    const firstChild = this.classCount;
    const { entClass, entWeight, entCount, entries, classBudget, classCapped } = this;
    const { classEpoch, classParent, classWeight } = this;
    const explain = this.explain;
    if (this.refresh.length < entries) this.refresh = new Int32Array(2 * entries);
    const refresh = this.refresh;
    let refreshCount = 0;
    const payError = unitError + 2 * ULP * unitPrice;
    const uncappedVoters = explain ? new Float64Array(weights.length) : undefined;
    const errorLimit = CLASS_ERROR * (classBudget[0] as number);
    for (let e = 0; e < entries; e++) {
      const c = entClass[e] as number;
      const wi = entWeight[e] as number;
      const child = firstChild + e;
      classEpoch[child] = newEpoch;
      classParent[child] = c;
      classWeight[child] = wi;
      const weightFloatOf = winnerWeights[wi] as number;
      const pay = unitPrice * weightFloatOf;
      const parentFloat = classBudget[2 * c] as number;
      if (cappedExactly === undefined ? parentFloat < pay : cappedExactly[e] === 1) {
        // Budget exactly zero: float 0 with error 0 (no exact numerator needed).
        classCapped[child] = 1;
        classBudget[2 * child] = 0;
        classBudget[2 * child + 1] = 0;
        if (explain && !this.isExactZero(c)) {
          const amount =
            this.materialize(c) * this.lift(classEpoch[c] as number, newEpoch - 1) * weightLeft;
          pays(amount, true, entCount[e] as number);
        }
        continue;
      }
      classCapped[child] = 0;
      const difference = parentFloat - pay;
      const error =
        (classBudget[2 * c + 1] as number) + payError * weightFloatOf + Math.abs(difference) * ULP;
      // An uncapped budget is never negative: a difference at or below 0 is within its
      // error of the exact budget, and so is 0.
      const value = Math.max(difference, 0);
      if (error > errorLimit || (explain && !(difference > error))) {
        // Recomputed exactly once every child's capped flag is known (X depends on them);
        // explanations also need to know whether a budget near zero is exactly zero (the
        // voter paid all). Until then its error is unbounded: a double 0 with error 0
        // would read as an exact zero budget.
        classBudget[2 * child] = value;
        classBudget[2 * child + 1] = Infinity;
        refresh[refreshCount++] = e;
        continue;
      }
      // Explaining: voters who paid the price in full, by weight (one amount per weight).
      if (uncappedVoters !== undefined) {
        uncappedVoters[wi] = (uncappedVoters[wi] as number) + (entCount[e] as number);
      }
      classBudget[2 * child] = value;
      classBudget[2 * child + 1] = error;
    }
    this.classCount = firstChild + entries;
    uncappedVoters?.forEach((voters, wi) => {
      if (voters > 0) pays(this.priceNumerator(newEpoch) * (weights[wi] as bigint), false, voters);
    });
    for (let k = 0; k < refreshCount; k++) {
      const e = refresh[k] as number;
      const child = firstChild + e;
      const exact = this.materialize(child);
      const value = exact > 0n ? rationalToNumber({ num: exact, den: this.denominator }) : 0;
      classBudget[2 * child] = value;
      classBudget[2 * child + 1] = 2 * ULP * value;
      if (explain) {
        const w = weights[entWeight[e] as number] as bigint;
        pays(this.priceNumerator(newEpoch) * w, value === 0, entCount[e] as number);
      }
    }
    this.alive[winner] = 0;
    this.aliveCost -= (this.projects[winner] as PbProject).cost;
    this.boughtCost += (this.projects[winner] as PbProject).cost;
    this.selected.push(winner);
    if (this.explain) {
      const sigma = this.data.sigma[winner] as Rational;
      // One line per amount, the largest first.
      const payments = [...(paid ?? [])]
        .sort(([a], [b]) => (a > b ? -1 : a < b ? 1 : 0))
        .map(([key, voters]) => ({
          voters,
          amount: { num: key / 2n, den: this.denominator },
          all: key % 2n === 1n,
        }));
      this.rounds.push({
        project: winner,
        price: {
          num: this.priceNumerator(newEpoch) * sigma.den,
          den: this.denominator * sigma.num,
        },
        payments,
        ...(this.lastTies.length > 0 ? { tiedWith: [...this.lastTies] } : {}),
      });
    }
    // The winner's supporters move to their new classes (applied when needed).
    this.advancePath(winner, firstChild);
    this.aggregated = -1;
  }

  /**
   * What the run returns; explaining runs also tell what each group of voters paid. A run
   * stopped by its cost limit returns the purchases made so far and the verdict.
   */
  finishRun(costVerdict?: "within" | "over"): EqualSharesRun {
    if (!this.explain)
      return {
        selected: this.selected,
        rounds: this.rounds,
        unaffordable: this.unaffordable,
        exactDecisions: this.exactDecisions,
        ...(costVerdict === undefined ? {} : { costVerdict }),
      };
    this.syncGroupClass();
    const groupPaid = (g: number) => {
      const paid: { project: number; amount: EqualSharesFraction }[] = [];
      for (let c = this.groupClass[g] as number; c > 0; c = this.classParent[c] as number) {
        const epoch = this.classEpoch[c] as number;
        const parent = this.classParent[c] as number;
        const project = this.epochProject[epoch] as number;
        const capped = this.classCapped[c] === 1;
        const w = (this.weightExact[project] as readonly bigint[])[
          this.classWeight[c] as number
        ] as bigint;
        const amount = capped
          ? {
              num: this.materialize(parent),
              den: this.epochD[this.classEpoch[parent] as number] as bigint,
            }
          : { num: this.priceNumerator(epoch) * w, den: this.epochD[epoch] as bigint };
        if (amount.num !== 0n) paid.push({ project, amount });
      }
      return paid.reverse();
    };
    return {
      selected: this.selected,
      rounds: this.rounds,
      unaffordable: this.unaffordable,
      exactDecisions: this.exactDecisions,
      paymentsOf: groupPaid,
    };
  }
}
