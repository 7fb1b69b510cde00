import { greatestCommonDivisor } from "../../../core/greatestCommonDivisor.js";
import {
  type Rational,
  rational,
  rationalFromNumber,
  rationalToNumber,
} from "../../../core/rational.js";
import type { TieBreakingPolicy } from "../../../core/tieBreaking.js";
import { tieBreakingComparator } from "../../../core/tieBreaking.js";
import { approvalSupport } from "../../election/approvalGroups.js";
import { ballotValues } from "../../election/ballotValues.js";
import { groupBallots } from "../../election/groupBallots.js";
import type { PbInstance, PbProject } from "../../election/instance.js";
import { pbTieBreakingKeys } from "../../election/pbTieBreaking.js";
import type { PbProfile } from "../../election/profile.js";
import { projectSupport } from "../../election/projectSupport.js";
import type { SatisfactionFunction } from "../../election/satisfaction.js";
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

/** The tally-ready form of an election for equal shares, reused across reruns. @internal */
export interface EqualSharesData {
  readonly projects: readonly PbProject[];
  readonly voters: number;
  readonly groups: number;
  readonly multiplicity: Float64Array;
  readonly supStart: Int32Array;
  readonly supGroup: Int32Array;
  /** Each supporter's weight index (empty when every project has one weight). */
  readonly supWeight: Int32Array;
  readonly weightExact: readonly (readonly bigint[])[];
  readonly weightFloat: readonly Float64Array[];
  /** Per project and weight: how many voters give the project that weight. */
  readonly weightCounts: readonly Float64Array[];
  /** Per project: the sum of its supporters' weights (times multiplicity), in doubles. */
  readonly weightTotal: Float64Array;
  /** ρ (price per unit of satisfaction) = ρ̃ (price per unit of weight) / σ. */
  readonly sigma: readonly Rational[];
  readonly sigmaFloat: Float64Array;
  readonly supporters: Float64Array;
  /** Position in the tie-breaking order: lower wins a tie. */
  readonly rank: Int32Array;
  /** The group of each ballot of the profile (-1 for a ballot of multiplicity 0). */
  readonly groupOfBallot: Int32Array;
}

/**
 * An exact fraction not necessarily in lowest terms (reducing the engine's large
 * numbers would cost more than the run; formatting does not need it). @internal
 */
export interface EqualSharesFraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** One purchase: the project, its exact price per unit of satisfaction, who paid what. @internal */
export interface EqualSharesRound {
  readonly project: number;
  readonly price: EqualSharesFraction;
  /** Per amount paid, the largest first: how many voters paid it (minor units), whether it was all they had. */
  readonly payments: readonly { voters: number; amount: EqualSharesFraction; all: boolean }[];
}

/** What one run returns. @internal */
export interface EqualSharesRun {
  readonly selected: readonly number[];
  readonly rounds: readonly EqualSharesRound[];
  /** Projects found unaffordable, with the number of purchases made before. */
  readonly unaffordable: readonly { project: number; after: number }[];
  /** Rounds whose winner needed exact prices for more than one candidate. */
  readonly exactDecisions: number;
  /**
   * Explaining runs only: what each voter of a group paid, purchase by purchase (minor
   * units, exact) — the prices of a priceability certificate.
   */
  readonly paymentsOf?: (group: number) => { project: number; amount: EqualSharesFraction }[];
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / greatestCommonDivisor(a, b)) * b;
}

/**
 * Reads an election into {@link EqualSharesData}: merges identical ballots, turns each
 * supporter's satisfaction into an integer weight per project, and fixes the tie order.
 *
 * @internal
 */
export function prepareEqualShares(
  instance: PbInstance,
  profile: PbProfile,
  sat: SatisfactionFunction,
  tieBreaking: TieBreakingPolicy,
): EqualSharesData {
  const projects = instance.projects;
  const P = projects.length;
  const index = new Map(projects.map((project, k) => [project.id, k]));
  const approvals = profile.voteType === "approval" || profile.voteType === "choose-1";
  const valuesOf = approvals ? undefined : ballotValues(instance, profile);
  const grouped = groupBallots(profile, index, valuesOf, sat.kind === "linear");
  const { flatProject, flatValue, flatLength, flatStart, groupMultiplicity, groupCount } = grouped;
  const { groupBallot, groupOfBallot } = grouped;
  const valueAt = (k: number): number => (flatValue === undefined ? 1 : (flatValue[k] as number));
  const G = groupCount;
  const multiplicity = groupMultiplicity.subarray(0, G);
  // Satisfaction u = weight × σ with whole-number weights per project. Fast path: a linear
  // satisfaction with whole values (approvals, points) has weight = value, σ = factor.
  let wholeValues = true;
  for (let k = 0; flatValue !== undefined && k < flatLength; k++) {
    if (!Number.isSafeInteger(flatValue[k])) {
      wholeValues = false;
      break;
    }
  }
  const scaleOf = new Array<bigint>(P).fill(1n);
  let utility: ((k: number, g: number) => Rational) | undefined;
  if (!(sat.kind === "linear" && wholeValues)) {
    const utilities: Rational[] = [];
    for (let g = 0; g < G; g++) {
      for (let k = flatStart[g] as number; k < (flatStart[g + 1] as number); k++) {
        const value = rationalFromNumber(valueAt(k));
        const project = projects[flatProject[k] as number] as PbProject;
        const u =
          sat.kind === "linear"
            ? value
            : sat.satisfaction(project, value, groupBallot[g] as (typeof profile.ballots)[number]);
        utilities[k] = u;
        const p = flatProject[k] as number;
        if (u.num > 0n) scaleOf[p] = lcm(scaleOf[p] as bigint, u.den);
      }
    }
    utility = (k) => utilities[k] as Rational;
  }
  const sigma = projects.map((project, p) => {
    if (sat.kind !== "linear") return rational(1n, scaleOf[p] as bigint);
    const factor = sat.factor(project);
    return rational(factor.num, factor.den * (scaleOf[p] as bigint));
  });
  // Supporter lists per project (CSR), weights interned per project.
  const counts = new Int32Array(P + 1);
  // Whole values are their own weights; other weights are kept per entry.
  const weightOfEntry = utility === undefined ? undefined : new Float64Array(flatLength);
  const weightAt = (k: number): number =>
    weightOfEntry === undefined ? valueAt(k) : (weightOfEntry[k] as number);
  const weightBig: (bigint | undefined)[] = [];
  for (let g = 0; g < G; g++) {
    for (let k = flatStart[g] as number; k < (flatStart[g + 1] as number); k++) {
      const p = flatProject[k] as number;
      if (utility !== undefined && weightOfEntry !== undefined) {
        const u = utility(k, g);
        if (u.num <= 0n) continue;
        const exact = (u.num * (scaleOf[p] as bigint)) / u.den;
        const weight = Number(exact);
        if (!Number.isSafeInteger(weight)) weightBig[k] = exact;
        weightOfEntry[k] = weight;
      }
      counts[p + 1] = (counts[p + 1] as number) + 1;
    }
  }
  const supStart = new Int32Array(P + 1);
  for (let p = 0; p < P; p++) supStart[p + 1] = (supStart[p] as number) + (counts[p + 1] as number);
  const fill = supStart.slice(0, P);
  const supGroup = new Int32Array(supStart[P] as number);
  const supWeight = new Int32Array(supStart[P] as number);
  const supporters = new Float64Array(P);
  const weightIndex = projects.map(() => new Map<bigint | number, number>());
  const weightExact: bigint[][] = projects.map(() => []);
  const weightCountList: number[][] = projects.map(() => []);
  const lastWeight = new Array<bigint | number | undefined>(P);
  const lastWeightIndex = new Int32Array(P);
  for (let g = 0; g < G; g++) {
    const m = multiplicity[g] as number;
    for (let k = flatStart[g] as number; k < (flatStart[g + 1] as number); k++) {
      const weight = weightAt(k);
      if (!(weight > 0)) continue;
      const p = flatProject[k] as number;
      const key = weightBig[k] ?? weight;
      // Most projects have one weight (approvals): check the last one seen first.
      let wi = lastWeight[p] === key ? (lastWeightIndex[p] as number) : undefined;
      const table = weightIndex[p] as Map<bigint | number, number>;
      wi ??= table.get(key);
      if (wi === undefined) {
        wi = table.size;
        table.set(key, wi);
        (weightExact[p] as bigint[]).push(weightBig[k] ?? BigInt(weight));
        (weightCountList[p] as number[]).push(0);
      }
      lastWeight[p] = key;
      lastWeightIndex[p] = wi;
      (weightCountList[p] as number[])[wi] = ((weightCountList[p] as number[])[wi] as number) + m;
      supporters[p] = (supporters[p] as number) + m;
      const at = fill[p] as number;
      supGroup[at] = g;
      supWeight[at] = wi;
      fill[p] = at + 1;
    }
  }
  // Approval votes are the supporters counted above; other ballots are counted afresh.
  const support = approvals
    ? approvalSupport(projects, supporters)
    : projectSupport(instance, profile);
  const compare = tieBreakingComparator(tieBreaking, pbTieBreakingKeys(projects, support));
  const order = projects
    .map((_, p) => p)
    .sort((a, b) => compare(projects[a] as PbProject, projects[b] as PbProject));
  const rank = new Int32Array(P);
  order.forEach((p, position) => {
    rank[p] = position;
  });
  const weightFloat = weightExact.map((weights) => Float64Array.from(weights, (w) => Number(w)));
  const weightCounts = weightCountList.map((list) => Float64Array.from(list));
  const weightTotal = Float64Array.from(weightFloat, (weights, p) =>
    weights.reduce((sum, w, k) => sum + w * ((weightCounts[p] as Float64Array)[k] as number), 0),
  );
  return {
    projects,
    voters: multiplicity.reduce((sum, m) => sum + m, 0),
    groups: G,
    multiplicity: multiplicity.slice(),
    supStart,
    supGroup,
    // Read only for projects with several weights: empty when there are none.
    supWeight: weightExact.some((weights) => weights.length > 1) ? supWeight : new Int32Array(0),
    weightExact,
    weightFloat,
    weightCounts,
    weightTotal,
    sigma,
    sigmaFloat: Float64Array.from(sigma, (value) => rationalToNumber(value)),
    supporters,
    rank,
    groupOfBallot,
  };
}

/** Relative rounding of one double operation, rounded up generously (2^-52 against 2^-53). */
const ULP = 2 ** -52;
/** How far from the last price of the same aggregation the first guess brackets the new one. */
const GUESS = 2 ** -6;
/**
 * A class's double may be this far from its exact budget, relative to the per-voter budget;
 * past it, it is recomputed.
 */
const CLASS_ERROR = 2 ** -26;

/** A project's supporters grouped by (class, weight): the same for every run that bought the same projects in the same order. */
interface Aggregation {
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
interface AggregationArena {
  classes: Int32Array;
  counts: Float64Array;
  used: number;
}

function emptyArena(): AggregationArena {
  return {
    classes: new Int32Array(1),
    counts: new Float64Array(1),
    used: 0,
  };
}

/** Per-class arrays of a run. @internal */
interface ClassStore {
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

function classStore(size: number): ClassStore {
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
 */
function emptyArrayOf<T>(sample: unknown = {}): T[] {
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
): EqualSharesRun {
  const shared = workspace ?? equalSharesWorkspace();
  let runner = shared.runner?.data === data ? shared.runner : undefined;
  if (runner === undefined) {
    runner = new EqualSharesRunner(data, shared, workspace !== undefined);
    shared.runner = runner;
  }
  const result = runner.run(perVoterBudget, explain);
  if (explain) {
    // The explanation's paymentsOf reads this runner's classes: later runs get their own.
    shared.runner = undefined;
    shared.store = classStore(16);
  }
  return result;
}
/** Double estimate of ρ for the aggregated project, with a certain enclosure. */
interface Estimate {
  affordable: "yes" | "no" | "unsure";
  lo: number;
  hi: number;
}
/** Exact ρ̃ = X / (W × D) for the aggregated (affordable) project, with the capped flags. */
interface ExactPrice {
  x: bigint;
  w: bigint;
  capped: Uint8Array;
}

/**
 * What a water-filling estimate leaves for the round (the runner keeps the working one and
 * the round's best, swapped by reference).
 */
interface EstimateState {
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

function estimateState(): EstimateState {
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
 * Runs equal shares on one election's data at any per-voter budget: its buffers are made
 * once and each run resets the state it uses. With `onPath`, runs share the workspace's
 * memory of aggregations along the path of purchases. A class rather than closures: every
 * runner shares the same optimised methods (closures made anew for each election made the
 * optimiser's inlined call targets wrong for every new one).
 */
class EqualSharesRunner {
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

  rounds: EqualSharesRound[];
  unaffordable: { project: number; after: number }[];

  exactDecisions: number;

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
    this.rounds = emptyArrayOf<EqualSharesRound>();
    this.unaffordable = emptyArrayOf<{ project: number; after: number }>();
    this.exactDecisions = 0;
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

  /** One run at a per-voter budget, explaining or not. */
  run(budget: Rational, explaining: boolean): EqualSharesRun {
    this.perVoterBudget = budget;
    this.explain = explaining;
    // Reset what a run changes.
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
    for (let p = 0; p < this.P; p++) {
      const hasSupport = (this.supStart[p + 1] as number) > (this.supStart[p] as number);
      const project = this.projects[p] as PbProject;
      if (!hasSupport) continue;
      if (project.cost === 0n) free.push(p);
      else if ((this.data.sigma[p] as Rational).num > 0n) this.alive[p] = 1;
    }
    free.sort((a, b) => (this.data.rank[a] as number) - (this.data.rank[b] as number));
    for (const p of free) {
      this.selected.push(p);
      if (this.explain) this.rounds.push({ project: p, price: { num: 0n, den: 1n }, payments: [] });
    }

    for (;;) {
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
      if (candidates.length === 0) break;
      let winner = candidates[0] as number;
      if (winner === this.bestProject) this.restoreBest();
      else {
        this.aggregate(winner);
        this.estimate(winner);
      }
      // One clear winner: its capped set is certain when every entry's budget per weight is
      // clearly on one side of the price; then X is left to be computed if ever needed.
      let price: ExactPrice | undefined;
      let unitPrice = this.current.unitPrice;
      let unitError = this.current.unitError;
      if (candidates.length === 1 && !this.explain) {
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
          unitPrice - this.current.lowest > unitError &&
          this.current.highest - unitPrice > unitError;
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
            if (
              compared < 0 ||
              (compared === 0 &&
                (this.data.rank[challenger] as number) < (this.data.rank[winner] as number))
            ) {
              winner = challenger;
              price = challengerPrice;
            }
          }
          this.aggregate(winner);
        }
      }
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
          (classBudget[2 * c + 1] as number) +
          payError * weightFloatOf +
          Math.abs(difference) * ULP;
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
        if (voters > 0)
          pays(this.priceNumerator(newEpoch) * (weights[wi] as bigint), false, voters);
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
        });
      }
      // The winner's supporters move to their new classes (applied when needed).
      this.advancePath(winner, firstChild);
      this.aggregated = -1;
    }

    if (!this.explain)
      return {
        selected: this.selected,
        rounds: this.rounds,
        unaffordable: this.unaffordable,
        exactDecisions: this.exactDecisions,
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
