import type { EqualSharesRunner } from "./equalSharesEngine.js";

/*
 * The memory the equal-shares engine keeps from run to run (add1 reruns): constants of its
 * error bounds, aggregations of supporters along the path of purchases, class arrays.
 */

/** Relative rounding of one double operation, rounded up generously (2^-52 against 2^-53). @internal */
export const ULP = 2 ** -52;
/** How far from the last price of the same aggregation the first guess brackets the new one. @internal */
export const GUESS = 2 ** -6;
/**
 * A class's double may be this far from its exact budget, relative to the per-voter budget;
 * past it, it is recomputed.
 *
 * @internal
 */
export const CLASS_ERROR = 2 ** -26;

/** A project's supporters grouped by (class, weight): the same for every run that bought the same projects in the same order. @internal */
export interface Aggregation {
  readonly classes: Int32Array;
  readonly weights: Int32Array;
  readonly counts: Float64Array;
  /** The last price ρ̃ estimated for it (NaN: none yet), the next estimate's first guess. */
  rho: number;
}

/**
 * Memory shared by successive runs on the same data (the add1 completion reruns equal
 * shares at budgets one unit apart, and consecutive runs mostly buy the same projects in
 * the same order at first). Voter classes depend only on the sequence of purchases, not
 * on the budget, so the grouping of a project's supporters after the same k purchases is
 * the same: it is kept per depth along the last run's path and reused.
 *
 * @internal
 */
export interface EqualSharesWorkspace {
  /** Purchases of the remembered path. */
  readonly path: number[];
  /** Per depth on the path: aggregations by project. */
  readonly aggregations: Map<number, Aggregation>[];
  /** Per depth on the path: how the purchase there moved its supporters (new classes). */
  readonly moves: { firstChild: number; classes: Int32Array; weights: Int32Array }[];
  /** Per depth on the path: every group's class there, when it was needed. */
  readonly snapshots: Map<number, Int32Array>;
  /** Snapshot buffers no longer on the path, for reuse. */
  readonly spare: Int32Array[];
  /**
   * Per depth on the path: the buffers its aggregations are views into. Aggregations past
   * a depth are forgotten together, so their memory is reused rather than collected.
   */
  readonly arenas: AggregationArena[];
  /** Class arrays, reused from run to run. */
  store: ClassStore;
  /**
   * The runner of the last runs and the data it runs on: its functions and buffers are
   * made once and kept from run to run (the engine's code then stays optimised).
   */
  runner: EqualSharesRunner | undefined;
}

/**
 * Growable buffers holding the aggregations made at one depth (their classes and counts;
 * weights are shared zeros for a project with one weight, and copied otherwise). @internal
 */
export interface AggregationArena {
  classes: Int32Array;
  counts: Float64Array;
  used: number;
}

/** Empty aggregation buffers. @internal */
export function emptyArena(): AggregationArena {
  return {
    classes: new Int32Array(1),
    counts: new Float64Array(1),
    used: 0,
  };
}

/** Per-class arrays of a run. @internal */
export interface ClassStore {
  readonly epoch: Int32Array;
  readonly parent: Int32Array;
  readonly weight: Int32Array;
  /**
   * Two doubles per class, side by side (read together, from one cache line): at 2c the
   * budget, at 2c + 1 a bound on its absolute error.
   */
  readonly budget: Float64Array;
  readonly capped: Uint8Array;
}

/** Class arrays for `size` classes. @internal */
export function classStore(size: number): ClassStore {
  return {
    epoch: new Int32Array(size),
    parent: new Int32Array(size),
    weight: new Int32Array(size),
    budget: new Float64Array(2 * size),
    capped: new Uint8Array(size),
  };
}

/**
 * An empty array already in the elements kind of an array of values like `sample`
 * (objects by default; bigints, undefined). A literal `[]` starts as an array of small integers and
 * changes kind at its first other value: optimised code made for the changed kind then
 * fails on the next count's arrays, over and over.
 *
 * @internal
 */
export function emptyArrayOf<T>(sample: unknown = {}): T[] {
  const array = [sample] as T[];
  array.length = 0;
  return array;
}

/**
 * A fresh {@link EqualSharesWorkspace}.
 *
 * @internal
 */
export function equalSharesWorkspace(): EqualSharesWorkspace {
  return {
    path: [],
    aggregations: emptyArrayOf(),
    moves: emptyArrayOf(),
    snapshots: new Map(),
    spare: emptyArrayOf(),
    arenas: emptyArrayOf(),
    store: classStore(16),
    runner: undefined,
  };
}
