import { compareRational, type Rational, rational } from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import {
  ballotsOf,
  bits,
  type CommitteeSearchOptions,
  checkEnumeration,
  committeesOf,
  outcome,
  thieleScore,
} from "./committeeSearch.js";
import { fractional } from "./monroe.js";

/** Lexicographic comparison of two vectors: positive when `a` is the larger. */
function lexicographic<T>(
  a: readonly T[],
  b: readonly T[],
  compare: (x: T, y: T) => number,
): number {
  for (let k = 0; k < a.length; k++) {
    const order = compare(a[k] as T, b[k] as T);
    if (order !== 0) return order;
  }
  return 0;
}

/** Every committee with the largest score vector (lexicographically), exactly. */
function bestCommittees<T>(
  profile: ApprovalProfile,
  seats: number,
  score: (committee: number) => T[],
  compare: (x: T, y: T) => number,
  options: CommitteeSearchOptions,
): { winners: number[]; best: T[] } | Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats, options);
  if (!checked.ok) return checked;
  let best: T[] | undefined;
  let winners: number[] = [];
  committeesOf(
    checked.value,
    seats,
    (committee) => {
      const vector = score(committee);
      const order = best === undefined ? 1 : lexicographic(vector, best, compare);
      if (order > 0) {
        best = vector;
        winners = [committee];
      } else if (order === 0) winners.push(committee);
    },
    options.onProgress,
  );
  return { winners, best: best ?? [] };
}

const byNumber = (x: number, y: number) => x - y;

/**
 * Lexicographic Chamberlin–Courant (abcvoting `lexcc`): the committees that represent the
 * most voters (weight) with at least one member they approve; among them, the most with at
 * least two; then three, …, up to the committee size. Every such committee, by exhaustive
 * search (up to 2,000,000 committees).
 *
 * @category Committees
 * @example
 * ```ts
 * lexicographicChamberlinCourant(profile, 3).ok;
 * ```
 */
export function lexicographicChamberlinCourant(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const ballots = ballotsOf0(profile, seats, options);
  if (!("masks" in ballots)) return ballots;
  const found = bestCommittees(
    profile,
    seats,
    (committee) => {
      const atLeast = new Array<number>(seats).fill(0);
      ballots.masks.forEach((mask, v) => {
        const shared = bits(mask & committee);
        for (let l = 0; l < shared && l < seats; l++)
          atLeast[l] = (atLeast[l] as number) + (ballots.weights[v] as number);
      });
      return atLeast;
    },
    byNumber,
    options,
  );
  if ("ok" in found) return found;
  return outcome(
    "lexcc",
    profile,
    found.winners,
    `voters with at least 1, 2, … approved members (weights in whole units): ${found.best.join(", ")}`,
  );
}

/**
 * Adams' rule (abcvoting `adams`): among the committees that represent the most voters
 * (Chamberlin–Courant), those with the highest Thiele score for the weights 1, 1, 1/2,
 * 1/3, … (a voter's second member counts fully, the third half, …). Exact, every such
 * committee (up to 2,000,000 committees searched).
 *
 * @category Committees
 * @example
 * ```ts
 * adams(profile, 3).ok;
 * ```
 */
export function adams(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const ballots = ballotsOf0(profile, seats, options);
  if (!("masks" in ballots)) return ballots;
  const found = bestCommittees(
    profile,
    seats,
    (committee) => [
      thieleScore(thieleWeights.cc, ballots, committee),
      thieleScore(thieleWeights.adams, ballots, committee),
    ],
    compareRational,
    options,
  );
  if ("ok" in found) return found;
  return outcome(
    "adams",
    profile,
    found.winners,
    "the most voters represented, then the highest Adams score (1, 1, 1/2, 1/3, …)",
  );
}

/**
 * Lexicographic minimax approval voting (abcvoting `lexminimaxav`): the committees whose
 * Hamming distances to the ballots, sorted from the largest, are lexicographically
 * smallest (the worst-off voter first, then the next…). A voter of whole weight w counts
 * w times; fractional weights are refused (abcvoting defines it for unit weights).
 *
 * @category Committees
 * @example
 * ```ts
 * lexicographicMinimaxApproval(profile, 3).ok;
 * ```
 */
export function lexicographicMinimaxApproval(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const ballots = ballotsOf0(profile, seats, options);
  if (!("masks" in ballots)) return ballots;
  if (ballots.scale !== 1n) return fractional("lexicographic minimax approval");
  const found = bestCommittees(
    profile,
    seats,
    (committee) => {
      // Distances from the largest, each as many times as its voters weigh: as a vector
      // of (distance, weight) runs compared by expanding virtually.
      const counts = new Map<number, number>();
      ballots.masks.forEach((mask, v) => {
        const weight = ballots.weights[v] as number;
        if (weight > 0) {
          const d = bits(mask ^ committee);
          counts.set(d, (counts.get(d) ?? 0) + weight);
        }
      });
      return [...counts].sort((a, b) => b[0] - a[0]).map(([d, w]) => [d, w] as const);
    },
    compareRuns,
    options,
  );
  if ("ok" in found) return found;
  return outcome(
    "lexminimaxav",
    profile,
    found.winners,
    `distances to the ballots, largest first: ${found.best.map(([d, w]) => `${d}${w > 1 ? `×${w}` : ""}`).join(", ")}`,
  );
}

/**
 * Compares two runs (distance, how many) of sorted distances, where a smaller distance,
 * or the same distance for fewer voters, is better (larger in the search's order).
 */
function compareRuns(a: readonly [number, number], b: readonly [number, number]): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  // Same largest distance: fewer voters at it is better.
  return b[1] - a[1];
}

/**
 * The trivial rule (abcvoting `trivial`): every committee of the size wins; a baseline.
 * Up to 2,000,000 committees.
 *
 * @category Committees
 * @example
 * ```ts
 * trivialRule(profile, 2).value?.committees?.length; // n choose 2
 * ```
 */
export function trivialRule(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<TallyOutcome> {
  const found = bestCommittees(profile, seats, () => [], byNumber, options);
  if ("ok" in found) return found;
  return outcome("trivial", profile, found.winners, "every committee of the size wins");
}

/** The checks, then the ballots (weights whole), or the issue. */
function ballotsOf0(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions,
): ReturnType<typeof ballotsOf> | Result<TallyOutcome> {
  const checked = checkEnumeration(profile, seats, options);
  if (!checked.ok) return checked;
  return ballotsOf(profile);
}

/** Thiele weights of the rules here: CC and Adams' (1, 1, 1/2, 1/3, …). */
const thieleWeights = {
  cc: (j: number): Rational => rational(j === 1 ? 1 : 0),
  adams: (j: number): Rational => (j <= 1 ? rational(1) : rational(1, j - 1)),
};
