import { seededRandom } from "../../core/seededRandom.js";
import type { ApprovalProfile } from "../../tally/ballots/approvalProfile.js";
import { checkSizes, type OrdinalOptions, randomPermutation } from "../ordinal/ordinalProfile.js";
import { ApprovalCounter } from "./approvalCounter.js";

/**
 * The options every approval generator takes: candidates, voters, the seed and ids.
 *
 * @category Generators
 * @example
 * ```ts
 * const options: ApprovalOptions = { candidates: 20, voters: 1000, seed: 1 };
 * ```
 */
export type ApprovalOptions = OrdinalOptions;

function checkProbability(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} lies in [0, 1]`);
}

/** Each voter's ballot, each candidate in it with its own probability, independently. */
function independent(
  options: ApprovalOptions,
  probabilityOf: (random: () => number) => (candidate: number) => number,
): ApprovalProfile {
  const random = seededRandom(options.seed);
  const counter = new ApprovalCounter(options.candidates);
  const approved: number[] = [];
  for (let v = 0; v < options.voters; v++) {
    const probability = probabilityOf(random);
    approved.length = 0;
    for (let c = 0; c < options.candidates; c++) if (random() < probability(c)) approved.push(c);
    counter.add(approved);
  }
  return counter.profile(options.ids);
}

/** The central ballot given, or ⌊p·m⌋ candidates drawn uniformly from the seed's own stream. */
function centralOf(options: {
  readonly candidates: number;
  readonly seed: number | string;
  readonly p: number;
  readonly central?: readonly number[] | undefined;
}): Set<number> {
  if (options.central !== undefined) {
    if (options.central.some((c) => !Number.isInteger(c) || c < 0 || c >= options.candidates))
      throw new RangeError("central: candidate indexes from 0 to m − 1");
    return new Set(options.central);
  }
  const random = seededRandom(`${options.seed}/central`);
  return new Set(
    randomPermutation(options.candidates, random).slice(
      0,
      Math.floor(options.p * options.candidates),
    ),
  );
}

/**
 * Options of the models around a central ballot ({@link resampling}, {@link approvalNoise}):
 * its size as a share p of the candidates, the dispersion φ, and the central ballot itself
 * when it is not to be drawn.
 *
 * @category Generators
 * @example
 * ```ts
 * const options: CentralBallotOptions = { candidates: 20, voters: 1000, seed: 1, p: 0.25, phi: 0.5 };
 * ```
 */
export type CentralBallotOptions = ApprovalOptions & {
  readonly p: number;
  readonly phi: number;
  /** The central ballot's candidates (indexes); default ⌊p·m⌋ drawn from the seed. */
  readonly central?: readonly number[] | undefined;
};

/** Checks the options and gives the central ballot. */
function checkedCentral(options: CentralBallotOptions): Set<number> {
  checkSizes(options);
  checkProbability("p", options.p);
  checkProbability("φ", options.phi);
  return centralOf(options);
}

/**
 * p-impartial culture: each voter approves each candidate independently with probability
 * p. (Bredereck et al. 2019; Szufa, Faliszewski, Janeczko, Lackner, Slinko, Sornat and
 * Talmon 2022, "How to sample approval elections?".)
 *
 * @category Generators
 * @example
 * ```ts
 * approvalImpartialCulture({ candidates: 20, voters: 1000, seed: 1, p: 0.2 });
 * ```
 */
export function approvalImpartialCulture(
  options: ApprovalOptions & { readonly p: number },
): ApprovalProfile {
  checkSizes(options);
  checkProbability("p", options.p);
  return independent(options, () => () => options.p);
}

/**
 * The resampling model: a central ballot of ⌊p·m⌋ candidates; each voter, for each
 * candidate, keeps the central ballot's choice with probability 1 − φ, and otherwise
 * approves it with probability p. (Szufa et al. 2022.)
 *
 * @category Generators
 * @example
 * ```ts
 * resampling({ candidates: 20, voters: 1000, seed: 1, p: 0.25, phi: 0.5 });
 * ```
 */
export function resampling(options: CentralBallotOptions): ApprovalProfile {
  const central = checkedCentral(options);
  const { p, phi } = options;
  return independent(options, () => (c) => (central.has(c) ? 1 - phi + phi * p : phi * p));
}

/**
 * The disjoint resampling model: `groups` disjoint central ballots of ⌊p·m⌋ candidates
 * each (p · groups ≤ 1); each voter takes one group uniformly and resamples from its central
 * ballot as in {@link resampling}. (Szufa et al. 2022.)
 *
 * @category Generators
 * @example
 * ```ts
 * disjointResampling({ candidates: 20, voters: 1000, seed: 1, p: 0.2, phi: 0.3, groups: 3 });
 * ```
 */
export function disjointResampling(
  options: ApprovalOptions & {
    readonly p: number;
    readonly phi: number;
    readonly groups: number;
    /** The groups' central ballots (indexes); default drawn from the seed. */
    readonly centrals?: readonly (readonly number[])[] | undefined;
  },
): ApprovalProfile {
  checkSizes(options);
  checkProbability("p", options.p);
  checkProbability("φ", options.phi);
  const { candidates: m, p, phi, groups } = options;
  if (!Number.isInteger(groups) || groups < 1 || p * groups > 1)
    throw new RangeError("groups: a whole number from 1 with p · groups ≤ 1");
  const order = randomPermutation(m, seededRandom(`${options.seed}/central`));
  const size = Math.floor(p * m);
  const centrals =
    options.centrals?.map((central) => new Set(central)) ??
    Array.from({ length: groups }, (_, g) => new Set(order.slice(g * size, (g + 1) * size)));
  if (centrals.length !== groups) throw new RangeError("centrals: one central ballot per group");
  return independent(options, (random) => {
    const central = centrals[Math.floor(random() * groups)] as Set<number>;
    return (c) => (central.has(c) ? 1 - phi + phi * p : phi * p);
  });
}

/**
 * The noise model with Hamming distance: a central ballot of ⌊p·m⌋ candidates, and a
 * ballot at Hamming distance d from it has probability proportional to φ^d, that is each
 * candidate's membership flipped independently with probability φ / (1 + φ).
 * (Szufa et al. 2022.)
 *
 * @category Generators
 * @example
 * ```ts
 * approvalNoise({ candidates: 20, voters: 1000, seed: 1, p: 0.25, phi: 0.4 });
 * ```
 */
export function approvalNoise(options: CentralBallotOptions): ApprovalProfile {
  const central = checkedCentral(options);
  const flip = options.phi / (1 + options.phi);
  return independent(options, () => (c) => (central.has(c) ? 1 - flip : flip));
}

/**
 * Euclidean approval: candidates and voters uniform in the unit cube of d dimensions; a
 * voter approves every candidate within `radius`, or, with `threshold`, within threshold ×
 * the distance to their nearest candidate (so everyone approves someone). (Szufa et al.
 * 2022; Elkind, Lackner and Peters' Euclidean preferences.)
 *
 * @category Generators
 * @example
 * ```ts
 * euclideanApproval({ candidates: 20, voters: 1000, seed: 1, dimensions: 2, radius: 0.2 });
 * euclideanApproval({ candidates: 20, voters: 1000, seed: 1, dimensions: 2, threshold: 1.5 });
 * ```
 */
export function euclideanApproval(
  options: ApprovalOptions & { readonly dimensions: number } & (
      | { readonly radius: number }
      | { readonly threshold: number }
    ),
): ApprovalProfile {
  checkSizes(options);
  const { candidates: m, dimensions: d } = options;
  if (!Number.isInteger(d) || d < 1) throw new RangeError("dimensions: a whole number from 1");
  const random = seededRandom(options.seed);
  const point = () => Array.from({ length: d }, () => random());
  const places = Array.from({ length: m }, point);
  const counter = new ApprovalCounter(m);
  const distance = new Float64Array(m);
  const approved: number[] = [];
  for (let v = 0; v < options.voters; v++) {
    const voter = point();
    let nearest = Number.POSITIVE_INFINITY;
    for (let c = 0; c < m; c++) {
      let sum = 0;
      for (let k = 0; k < d; k++)
        sum += ((voter[k] as number) - ((places[c] as number[])[k] as number)) ** 2;
      distance[c] = Math.sqrt(sum);
      nearest = Math.min(nearest, distance[c] as number);
    }
    const limit = "radius" in options ? options.radius : options.threshold * nearest;
    approved.length = 0;
    for (let c = 0; c < m; c++) if ((distance[c] as number) <= limit) approved.push(c);
    counter.add(approved);
  }
  return counter.profile(options.ids);
}
