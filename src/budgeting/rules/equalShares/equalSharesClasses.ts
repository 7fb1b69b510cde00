import { type Rational, rational } from "../../../core/rational.js";
import type { PbProject } from "../../election/instance.js";
import type { EqualSharesData, EqualSharesRound } from "./equalSharesData.js";
import {
  type Aggregation,
  type AggregationArena,
  classStore,
  type EqualSharesWorkspace,
  emptyArrayOf,
} from "./equalSharesWorkspace.js";

export {
  type EqualSharesData,
  type EqualSharesFraction,
  type EqualSharesRound,
  type EqualSharesRun,
  prepareEqualShares,
} from "./equalSharesData.js";
export { type EqualSharesWorkspace, equalSharesWorkspace } from "./equalSharesWorkspace.js";

/*
 * The state of an equal-shares run: the election's arrays, the voter classes (exact
 * numerators on demand, doubles with error bounds), the purchases (epochs) and the path
 * shared with earlier runs, with the operations on classes. The pricing and the run itself
 * are in equalSharesEngine.ts (EqualSharesRunner extends this class: one object, its
 * methods on one prototype chain, as fast as one class).
 */

/** Double estimate of ρ for the aggregated project, with a certain enclosure. @internal */
export interface Estimate {
  affordable: "yes" | "no" | "unsure";
  lo: number;
  hi: number;
}
/** Exact ρ̃ = X / (W × D) for the aggregated (affordable) project, with the capped flags. @internal */
export interface ExactPrice {
  x: bigint;
  w: bigint;
  capped: Uint8Array;
}

/**
 * What a water-filling estimate leaves for the round (the runner keeps the working one and
 * the round's best, swapped by reference).
 *
 * @internal
 */
export interface EstimateState {
  /** The entries near the guessed price (the side list), with their budgets per weight. */
  side: Int32Array;
  sideRatio: Float64Array;
  sideCount: number;
  /** ρ̃ (price per unit of weight) and a bound on its error. */
  unitPrice: number;
  unitError: number;
  /** The uncapped weight (exact when the project's total weight is below 2^52). */
  weightLeft: number;
  /**
   * The entries outside the side list: the most that those capped at once reach, budget
   * per weight plus its margin (-Infinity: none), and the least that those never looked
   * at again reach, minus theirs (Infinity: none).
   */
  lowest: number;
  highest: number;
}

/** A fresh {@link EstimateState}. @internal */
export function estimateState(): EstimateState {
  return {
    side: new Int32Array(1),
    sideRatio: new Float64Array(1),
    sideCount: 0,
    // Doubles from the start (see Aggregation.rho).
    unitPrice: Number.NaN,
    unitError: Infinity,
    weightLeft: Number.NaN,
    lowest: -Infinity,
    highest: Infinity,
  };
}

/**
 * The classes and purchases of a run of equal shares (see {@link EqualSharesRunner}).
 *
 * @internal
 */
export class EqualSharesClasses {
  readonly data: EqualSharesData;
  readonly workspace: EqualSharesWorkspace;
  readonly onPath: boolean;
  /** The run's per-voter budget and whether it explains itself (set by each run). */
  perVoterBudget: Rational;
  explain: boolean;

  readonly projects: readonly PbProject[];
  readonly supStart: Int32Array;
  readonly supGroup: Int32Array;
  readonly supWeight: Int32Array;
  readonly multiplicity: Float64Array;
  readonly weightFloat: readonly Float64Array[];
  readonly weightExact: readonly (readonly bigint[])[];
  readonly weightTotal: Float64Array;
  readonly P: number;

  // Classes: an exact numerator over D at their epoch (computed when first needed), and
  // a double with a bound on its absolute error. A class is a history of purchases: its
  // parent class, the purchase (epoch) and the weight it paid with.
  /** Exact numerators of the classes computed so far (most never are). */
  readonly classNum: Map<number, bigint>;
  classCount: number;

  classEpoch: Int32Array;
  classParent: Int32Array;
  classWeight: Int32Array;
  classBudget: Float64Array;

  /** 1 when the class paid all its parent's budget (capped) at its purchase. */
  classCapped: Uint8Array;

  /**
   * Per epoch e (after e purchases): the denominator D_e, and for e ≥ 1 the purchase that
   * opened it: its project, W, X (computed only when some exact budget needs it) and the
   * entries that paid all they had (from which X follows).
   */
  readonly epochD: bigint[];
  denominator: bigint;

  readonly epochX: (bigint | undefined)[];
  readonly epochW: bigint[];

  readonly epochProject: number[];

  /** Per epoch whose X is left to compute: the purchase's entries and its first child class (capped children are marked). */
  readonly epochCapped: (
    | { classes: Int32Array; counts: Float64Array; firstChild: number }
    | undefined
  )[];

  /** D_to / D_from for epochs from ≤ to, remembered. */
  readonly lifts: Map<number, bigint>;

  // Which class each ballot group is in. Kept lazily: purchases only record how they
  // move their supporters, and the moves are applied when a project's supporters must be
  // regrouped from scratch (with a workspace, from the nearest remembered snapshot).
  readonly groupClass: Int32Array;
  groupClassDepth: number;

  remapTo: Int32Array;

  // With a workspace, runs that share a prefix of purchases share aggregations.
  depth: number;
  readonly alive: Uint8Array;

  readonly lower: Float64Array;
  selected: number[];
  /** What the projects bought so far cost, and those still in play (alive). */
  boughtCost: bigint;
  aliveCost: bigint;

  rounds: EqualSharesRound[];
  unaffordable: { project: number; after: number }[];

  exactDecisions: number;
  /** The projects that tied with the last round's winner at its exact price. */
  lastTies: number[];

  // The aggregated supporters of one project.
  entClass: Int32Array;
  entWeight: Int32Array;

  entCount: Float64Array;
  entries: number;

  /** During water-filling: the side list's entries still uncapped, with their budgets per weight. */
  entLive: Int32Array;
  entLiveRatio: Float64Array;

  entAggregation: Aggregation | undefined;

  /** The project whose supporters the entries hold, until the next purchase (-1: none). */
  aggregated: number;
  slotStamp: Int32Array;

  slotOf: Int32Array;
  stamp: number;

  readonly slotMap: Map<number, number>;

  /** The last "yes" estimate (see EstimateState). */
  current: EstimateState;

  /**
   * The round's estimate with the lowest upper bound so far, kept (its buffers swapped
   * with the working ones) so that the winner, most often that project, need not be
   * estimated again.
   */
  bestProject: number;
  best: EstimateState;

  /** The aggregation of the best estimate's project. */
  bestAggregation: Aggregation | undefined;
  readonly fresh: Uint8Array;

  /** Entries of the purchase being paid whose budgets are recomputed exactly after it. */
  refresh: Int32Array;
  /** Where an aggregation is made, before its entries are copied to the depth's arena. */
  scratchClasses: Int32Array;
  scratchCounts: Float64Array;
  /** Zeros, viewed as the weights of every aggregation of a project with one weight. */
  zeros: Int32Array;
  /** The weights of an aggregation being made, before they are copied. */
  scratchWeights: Int32Array;

  constructor(data: EqualSharesData, workspace: EqualSharesWorkspace, onPath: boolean) {
    this.data = data;
    this.workspace = workspace;
    this.onPath = onPath;
    this.entAggregation = undefined;
    this.perVoterBudget = rational(0n);
    this.explain = false;
    this.projects = this.data.projects;
    this.supStart = this.data.supStart;
    this.supGroup = this.data.supGroup;
    this.supWeight = this.data.supWeight;
    this.multiplicity = this.data.multiplicity;
    this.weightFloat = this.data.weightFloat;
    this.weightExact = this.data.weightExact;
    this.weightTotal = this.data.weightTotal;
    this.P = this.projects.length;
    this.classNum = new Map<number, bigint>();
    this.classCount = 1;
    ({
      epoch: this.classEpoch,
      parent: this.classParent,
      weight: this.classWeight,
      budget: this.classBudget,
      capped: this.classCapped,
    } = workspace.store);
    this.epochD = emptyArrayOf<bigint>(0n);
    this.denominator = 1n;
    this.epochX = emptyArrayOf<bigint | undefined>(0n);
    this.epochW = emptyArrayOf<bigint>(0n);
    this.epochProject = [];
    this.epochCapped = emptyArrayOf<(typeof this.epochCapped)[number]>();
    this.lifts = new Map<number, bigint>();
    this.groupClass = new Int32Array(this.data.groups);
    this.groupClassDepth = 0;
    this.remapTo = new Int32Array(1);
    this.depth = 0;
    if (this.workspace.aggregations.length === 0) this.workspace.aggregations.push(new Map());
    this.alive = new Uint8Array(this.P);
    this.lower = new Float64Array(this.P);
    this.selected = [];
    this.boughtCost = 0n;
    this.aliveCost = 0n;
    this.rounds = emptyArrayOf<EqualSharesRound>();
    this.unaffordable = emptyArrayOf<{ project: number; after: number }>();
    this.exactDecisions = 0;
    this.lastTies = [];
    this.entClass = new Int32Array(0);
    this.entWeight = new Int32Array(0);
    this.entCount = new Float64Array(0);
    this.entries = 0;
    this.current = estimateState();
    this.entLive = new Int32Array(1);
    this.entLiveRatio = new Float64Array(1);
    this.aggregated = -1;
    this.slotStamp = new Int32Array(1);
    this.slotOf = new Int32Array(1);
    this.stamp = 0;
    this.slotMap = new Map<number, number>();
    this.bestProject = -1;
    this.best = estimateState();
    this.bestAggregation = undefined;
    this.fresh = new Uint8Array(this.P);
    this.refresh = new Int32Array(1);
    this.scratchClasses = new Int32Array(1);
    this.scratchCounts = new Float64Array(1);
    this.zeros = new Int32Array(1);
    this.scratchWeights = new Int32Array(1);
  }

  /** Makes room for `more` classes. */
  reserve(more: number) {
    if (this.classCount + more <= this.classEpoch.length) return;
    let size = this.classEpoch.length;
    while (size < this.classCount + more) size *= 2;
    const grown = classStore(size);
    grown.epoch.set(this.classEpoch);
    grown.parent.set(this.classParent);
    grown.weight.set(this.classWeight);
    grown.budget.set(this.classBudget);
    grown.capped.set(this.classCapped);
    ({
      epoch: this.classEpoch,
      parent: this.classParent,
      weight: this.classWeight,
      budget: this.classBudget,
      capped: this.classCapped,
    } = grown);
    this.workspace.store = grown;
  }

  lift(from: number, to: number): bigint {
    if (from === to) return 1n;
    const key = from * 65536 + to;
    let value = this.lifts.get(key);
    if (value === undefined) {
      value = (this.epochD[to] as bigint) / (this.epochD[from] as bigint);
      this.lifts.set(key, value);
    }
    return value;
  }

  /** X of an epoch: cost × D before it, minus what the capped entries paid (exactly). */
  priceNumerator(epoch: number): bigint {
    const known = this.epochX[epoch];
    if (known !== undefined) return known;
    const before = epoch - 1;
    let x =
      (this.projects[this.epochProject[epoch] as number] as PbProject).cost *
      (this.epochD[before] as bigint);
    const { classes, counts, firstChild } = this.epochCapped[epoch] as {
      classes: Int32Array;
      counts: Float64Array;
      firstChild: number;
    };
    for (let k = 0; k < classes.length; k++) {
      const c = classes[k] as number;
      if (this.classCapped[firstChild + k] === 0 || this.isExactZero(c)) continue;
      x -=
        this.materialize(c) *
        this.lift(this.classEpoch[c] as number, before) *
        BigInt(counts[k] as number);
    }
    this.epochX[epoch] = x;
    return x;
  }

  /**
   * Whether a class's budget is exactly zero: its double 0 with error 0 (a double 0 with an
   * error may stand for a tiny positive budget).
   */
  isExactZero(c: number): boolean {
    return this.classBudget[2 * c] === 0 && this.classBudget[2 * c + 1] === 0;
  }

  /** Exact numerator of a class over its epoch's denominator, computed along its ancestry. */
  materialize(c: number): bigint {
    if (this.isExactZero(c)) return 0n;
    const known = this.classNum.get(c);
    if (known !== undefined) return known;
    const chain: number[] = [];
    let at = c;
    while (!this.classNum.has(at) && !this.isExactZero(at)) {
      chain.push(at);
      at = this.classParent[at] as number;
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      const child = chain[k] as number;
      const parent = this.classParent[child] as number;
      const epoch = this.classEpoch[child] as number;
      // Parent's budget brought to D_{epoch−1}, times W, minus X × weight.
      const paidWeight = (
        this.weightExact[this.epochProject[epoch] as number] as readonly bigint[]
      )[this.classWeight[child] as number] as bigint;
      const parentValue = this.isExactZero(parent) ? 0n : (this.classNum.get(parent) as bigint);
      const value =
        parentValue *
          this.lift(this.classEpoch[parent] as number, epoch - 1) *
          (this.epochW[epoch] as bigint) -
        this.priceNumerator(epoch) * paidWeight;
      this.classNum.set(child, value);
    }
    return this.classNum.get(c) as bigint;
  }

  /** Records a purchase on the path, forgetting what lay beyond if this run parts from it. */
  advancePath(winner: number, firstChild: number) {
    if (this.workspace.path[this.depth] !== winner) {
      for (const [k, old] of this.workspace.snapshots) {
        if (k <= this.depth) continue;
        if (this.onPath) this.workspace.spare.push(old);
        this.workspace.snapshots.delete(k);
      }
      this.workspace.path.length = this.depth;
      this.workspace.aggregations.length = this.depth + 1;
      for (let k = this.depth + 1; k < this.workspace.arenas.length; k++)
        (this.workspace.arenas[k] as AggregationArena).used = 0;
      this.workspace.moves.length = this.depth;
      this.workspace.path.push(winner);
      this.workspace.aggregations.push(new Map());
      this.workspace.moves.push({ firstChild, classes: this.entClass, weights: this.entWeight });
    }
    this.depth++;
  }

  /** Applies the recorded moves until groupClass is current. */
  syncGroupClass() {
    if (this.groupClassDepth === this.depth) return;
    const { groupClass, supGroup, supStart, supWeight, weightExact } = this;
    const { path, moves } = this.workspace;
    if (this.onPath) {
      for (let k = this.depth; k > this.groupClassDepth; k--) {
        const snapshot = this.workspace.snapshots.get(k);
        if (snapshot !== undefined) {
          groupClass.set(snapshot);
          this.groupClassDepth = k;
          break;
        }
      }
    }
    for (; this.groupClassDepth < this.depth; this.groupClassDepth++) {
      const winner = path[this.groupClassDepth] as number;
      const move = moves[this.groupClassDepth] as (typeof moves)[number];
      const width = (weightExact[winner] as readonly bigint[]).length;
      const end = supStart[winner + 1] as number;
      if (width === 1) {
        if (this.remapTo.length < this.classCount) {
          let size = this.remapTo.length;
          while (size < this.classCount) size *= 2;
          this.remapTo = new Int32Array(size);
        }
        const remapTo = this.remapTo;
        for (let e = 0; e < move.classes.length; e++)
          remapTo[move.classes[e] as number] = move.firstChild + e;
        for (let k = supStart[winner] as number; k < end; k++) {
          const g = supGroup[k] as number;
          groupClass[g] = remapTo[groupClass[g] as number] as number;
        }
      } else {
        const entryOf = new Map<number, number>();
        for (let e = 0; e < move.classes.length; e++) {
          entryOf.set((move.classes[e] as number) * width + (move.weights[e] as number), e);
        }
        for (let k = supStart[winner] as number; k < end; k++) {
          const g = supGroup[k] as number;
          const e = entryOf.get(
            (groupClass[g] as number) * width + (supWeight[k] as number),
          ) as number;
          groupClass[g] = move.firstChild + e;
        }
      }
    }
    // Snapshots every few depths: replaying a few moves is cheaper than copying every group.
    if (this.onPath && this.depth % 4 === 0 && !this.workspace.snapshots.has(this.depth)) {
      const spare = this.workspace.spare;
      const copy =
        spare.length > 0 ? (spare.pop() as Int32Array) : new Int32Array(this.data.groups);
      copy.set(groupClass);
      this.workspace.snapshots.set(this.depth, copy);
    }
  }
}
