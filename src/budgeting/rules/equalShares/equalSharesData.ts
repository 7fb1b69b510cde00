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

/*
 * The equal-shares engine's input: an election read once into flat arrays (identical
 * ballots merged into groups, satisfactions as integer weights per project, the tie
 * order), and the shapes of what a run returns. See equalSharesEngine.ts for the engine.
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
  /** Projects at the same exact price that lost to it by the tie-breaking order. */
  readonly tiedWith?: readonly number[];
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
   * Set when the run was given a cost limit and stopped as soon as its outcome's cost was
   * settled against it: `selected` (and the rest) then hold only the purchases made until
   * then; the whole run's selection costs more than the limit ("over") or no more
   * ("within").
   */
  readonly costVerdict?: "within" | "over";
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
  // Long by design: builds every flat array the engine reads in one pass over the grouped
  // ballots.
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
