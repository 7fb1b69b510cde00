import { greatestCommonDivisor } from "../../core/greatestCommonDivisor.js";
import {
  addRational,
  compareRational,
  type Rational,
  rational,
  rationalFromNumber,
} from "../../core/rational.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";

/**
 * Committees the exact rules enumerate by default before giving up with the issue
 * `committee-search-too-large` (a few seconds to a minute, by rule and profile).
 *
 * @category Committees
 * @example
 * ```ts
 * thieleCommittee("pav", profile, 8, { committeeLimit: COMMITTEE_LIMIT * 10 });
 * ```
 */
export const COMMITTEE_LIMIT = 2_000_000;

/**
 * Voters as bitmasks of approved candidates with weights.
 *
 * @internal
 */
export interface Ballots {
  readonly n: number;
  readonly masks: readonly number[];
  /**
   * Weights as whole numbers: each ballot's weight times `scale`, the least common
   * denominator of the weights read as the decimals they print as (1.3 is 13/10). Every
   * committee rule here gives the same committees when all weights are multiplied by one
   * number, so whole numbers count fractional weights exactly.
   */
  readonly weights: readonly number[];
  /** What the weights were multiplied by: 1 when they are whole numbers already. */
  readonly scale: bigint;
}

/** Whole-number weights for a profile's ballots, or why they cannot be had exactly. */
function wholeWeights(
  profile: ApprovalProfile,
): { weights: number[]; scale: bigint } | { problem: string } {
  const exact = profile.ballots.map((ballot) =>
    Number.isFinite(ballot.weight) && ballot.weight >= 0
      ? rationalFromNumber(ballot.weight)
      : undefined,
  );
  if (exact.some((weight) => weight === undefined))
    return { problem: "every weight must be a finite number of at least 0" };
  let scale = 1n;
  for (const weight of exact as Rational[])
    scale = (scale / greatestCommonDivisor(scale, weight.den)) * weight.den;
  let total = 0n;
  const weights: number[] = [];
  for (const weight of exact as Rational[]) {
    const whole = (weight.num * scale) / weight.den;
    total += whole;
    weights.push(Number(whole));
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    return {
      problem: `the weights add up to more than 2^53 once written as whole numbers (× ${scale}), beyond exact counting`,
    };
  return { weights, scale };
}

/**
 * Ballots as bitmasks, with whole-number weights (see {@link Ballots}). Call after
 * {@link sizeCheck}, which refuses weights that cannot be made whole exactly.
 *
 * @internal
 */
export function ballotsOf(profile: ApprovalProfile): Ballots {
  const index = new Map(profile.candidates.map((candidate, c) => [candidate, c]));
  const masks: number[] = [];
  for (const ballot of profile.ballots) {
    let mask = 0;
    for (const candidate of ballot.approved) {
      const c = index.get(candidate);
      if (c !== undefined) mask |= 1 << c;
    }
    masks.push(mask);
  }
  const whole = wholeWeights(profile);
  if ("problem" in whole) throw new RangeError(`ballotsOf: ${whole.problem}`);
  return { n: profile.candidates.length, masks, weights: whole.weights, scale: whole.scale };
}

/**
 * The candidates some voter with positive weight approves, as a mask.
 *
 * @internal
 */
export function approvedCandidates(ballots: Ballots): number {
  return ballots.masks.reduce(
    (all, mask, v) => ((ballots.weights[v] as number) > 0 ? all | mask : all),
    0,
  );
}

/**
 * Set bits of a mask.
 *
 * @internal
 */
export const bits = (mask: number): number => {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
};

/**
 * Candidates of a mask.
 *
 * @internal
 */
export const membersOf = (mask: number, n: number): number[] =>
  Array.from({ length: n }, (_, c) => c).filter((c) => (mask >> c) & 1);

/**
 * Checks the candidate count and committee size.
 *
 * @internal
 */
export function sizeCheck(profile: ApprovalProfile, seats: number): Result<number> {
  const n = profile.candidates.length;
  if (n > 30) {
    return fail([
      tallyIssue(
        "too-many-candidates",
        ["candidates"],
        `committee rules here take at most 30 candidates, not ${n}`,
      ),
    ]);
  }
  if (!Number.isInteger(seats) || seats < 1 || seats > n) {
    return fail([
      tallyIssue(
        "invalid-seats",
        ["seats"],
        `the committee size must be between 1 and ${n}, not ${seats}`,
      ),
    ]);
  }
  const whole = wholeWeights(profile);
  if ("problem" in whole)
    return fail([tallyIssue("invalid-weight", ["ballots"], `voter weights: ${whole.problem}`)]);
  return ok(n);
}

/**
 * What the rules that compare every committee accept besides the profile and the size: a
 * progress callback, told now and then (every 65,536 committees, and once at the end) how
 * many committees are done of how many, so a long search can show how far it is; and
 * its work limit, the most committees it may compare.
 *
 * @category Committees
 * @example
 * ```ts
 * const options: CommitteeSearchOptions = { onProgress: (done, total) => console.error(`${done}/${total}`) };
 * thieleCommittee("pav", profile, 5, options);
 * ```
 */
export interface CommitteeSearchOptions {
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * The most committees the rule may compare before it stops with the issue
   * `committee-search-too-large`; default {@link COMMITTEE_LIMIT}.
   */
  readonly committeeLimit?: number | undefined;
}

/** Committees between two progress reports. */
const PROGRESS_EVERY = 1 << 16;

/**
 * Visits every committee of size k, reporting progress as {@link CommitteeSearchOptions}
 * says.
 *
 * @internal
 */
export function committeesOf(
  n: number,
  k: number,
  visit: (mask: number) => void,
  onProgress?: CommitteeSearchOptions["onProgress"],
): void {
  const total = onProgress === undefined ? 0 : binomial(n, k);
  let done = 0;
  const walk = (start: number, left: number, mask: number) => {
    if (left === 0) {
      visit(mask);
      if (onProgress !== undefined && ++done % PROGRESS_EVERY === 0) onProgress(done, total);
      return;
    }
    for (let c = start; c <= n - left; c++) walk(c + 1, left - 1, mask | (1 << c));
  };
  walk(0, k, 0);
  onProgress?.(total, total);
}

/**
 * Every committee of size k with the highest score, exactly, over all of them.
 *
 * @internal
 */
export function highestScoring(
  n: number,
  k: number,
  score: (committee: number) => Rational,
  onProgress?: CommitteeSearchOptions["onProgress"],
): number[] {
  let best: Rational | undefined;
  let winners: number[] = [];
  committeesOf(
    n,
    k,
    (committee) => {
      const value = score(committee);
      const order = best === undefined ? 1 : compareRational(value, best);
      if (order > 0) {
        best = value;
        winners = [committee];
      } else if (order === 0) winners.push(committee);
    },
    onProgress,
  );
  return winners;
}

/**
 * n choose k.
 *
 * @internal
 */
export function binomial(n: number, k: number): number {
  let value = 1;
  for (let j = 1; j <= k; j++) value = (value * (n - k + j)) / j;
  return value;
}

/**
 * The outcome naming every winning committee.
 *
 * @internal
 */
export function outcome(
  method: string,
  profile: ApprovalProfile,
  committees: readonly number[],
  note: string,
): Result<TallyOutcome> {
  const n = profile.candidates.length;
  const named = [...new Set(committees)]
    .map((mask) => membersOf(mask, n).map((c) => profile.candidates[c] as string))
    .sort((a, b) => {
      // Plain code-unit order, the same in every locale.
      const x = a.join("\u0000");
      const y = b.join("\u0000");
      return x < y ? -1 : x > y ? 1 : 0;
    });
  return ok({
    method,
    winners: named[0] ?? [],
    committees: named,
    rounds: [{ note }],
    notes:
      named.length > 1
        ? [`${named.length} committees tie; winners is the first in candidate order`]
        : [],
  });
}

/**
 * Thiele weights: the value of a voter's j-th approved member (j ≥ 1).
 *
 * @internal
 */
export const thiele: Readonly<Record<string, (j: number) => Rational>> = {
  av: () => rational(1),
  pav: (j) => rational(1, j),
  slav: (j) => rational(1, 2 * j - 1),
  cc: (j) => rational(j === 1 ? 1 : 0),
  geom2: (j) => rational(1n, 2n ** BigInt(j - 1)),
};

/**
 * A committee's Thiele score.
 *
 * @internal
 */
export function thieleScore(
  weight: (j: number) => Rational,
  ballots: Ballots,
  committee: number,
): Rational {
  let total = rational(0);
  ballots.masks.forEach((mask, v) => {
    const shared = bits(mask & committee);
    for (let j = 1; j <= shared; j++) {
      total = addRational(total, {
        num: weight(j).num * BigInt(ballots.weights[v] as number),
        den: weight(j).den,
      });
    }
  });
  return total;
}

/**
 * The checks before enumerating every committee: candidates and size valid, and at most
 * `committeeLimit` committees (else the issue `committee-search-too-large`).
 * Returns the number of candidates.
 *
 * @internal
 */
export function checkEnumeration(
  profile: ApprovalProfile,
  seats: number,
  options: CommitteeSearchOptions = {},
): Result<number> {
  const checked = sizeCheck(profile, seats);
  if (!checked.ok) return checked;
  const limit = options.committeeLimit ?? COMMITTEE_LIMIT;
  const committees = binomial(checked.value, seats);
  if (committees > limit) {
    return fail([
      tallyIssue(
        "committee-search-too-large",
        ["seats"],
        `${Math.round(committees).toLocaleString("en")} committees to compare, more than the limit of ${limit.toLocaleString("en")}: choose a sequential rule, or raise committeeLimit`,
        { limit },
      ),
    ]);
  }
  return checked;
}

/**
 * The committees that complete `members` (candidate ids) to `seats` in every way with the
 * candidates not in it, as masks: the candidates a sequential rule leaves over are those
 * nobody approves, elected last in every order.
 *
 * @internal
 */
export function completedCommittees(
  profile: ApprovalProfile,
  members: readonly string[],
  seats: number,
): number[] {
  const index = new Map(profile.candidates.map((candidate, c) => [candidate, c]));
  const chosen = members.reduce((mask, id) => mask | (1 << (index.get(id) as number)), 0);
  const rest = membersOf(
    ~chosen & ((1 << profile.candidates.length) - 1),
    profile.candidates.length,
  );
  const committees: number[] = [];
  committeesOf(rest.length, seats - members.length, (pick) => {
    committees.push(
      membersOf(pick, rest.length).reduce((mask, k) => mask | (1 << (rest[k] as number)), chosen),
    );
  });
  return committees;
}
