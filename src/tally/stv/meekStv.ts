import { idRecordFrom, ownValue } from "../../core/idRecord.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";
import { type StvArithmeticSpec, type StvNumbers, withStvNumbers } from "./stvNumbers.js";
import { stvPapers } from "./stvPapers.js";
import { sureLosers } from "./sureLosers.js";

/** Exact keep factors are fractions with denominators up to 2,048 bits. */
const PRECISION_LIMIT_BITS = 2048;

/**
 * The default work limit of an exact Meek count: papers distributed × (64-bit words of the
 * largest keep factor or tally)², summed over the iterations. Glasgow's Canal ward (2007)
 * reaches it within seconds, where an unbounded exact count runs for over a minute and
 * then fails.
 *
 * @category STV
 * @example
 * ```ts
 * meekStv(profile, { arithmetic: { kind: "rational" }, workLimit: MEEK_EXACT_WORK_LIMIT * 10 });
 * ```
 */
export const MEEK_EXACT_WORK_LIMIT = 5_000_000;

/**
 * droop's default arithmetic for Meek, Warren and WIGM: fixed point with 18 places and 9
 * guard digits, values closer than half a unit of the 18th place equal. It finishes on
 * every real ward at fixed-point speed and gives the outcome of exact arithmetic.
 */
const DROOP_DEFAULT: StvArithmeticSpec = { kind: "guarded", precision: 18, guard: 9 };

/**
 * Options of {@link meekStv}.
 *
 * - `arithmetic`: droop's default `{ kind: "guarded", precision: 18, guard: 9 }` (fixed point
 *   that finishes on every real ward); `{ kind: "rational" }` for exact fractions (bounded
 *   by `workLimit`), `{ kind: "fixed", precision: 9 }` as stv-rs and OpenSTV count.
 * - `omegaDigits`: iterate until the total surplus is at most 10^-omegaDigits; default 10
 *   in exact fractions, half the precision in guarded and two thirds in fixed arithmetic.
 * - `transfer`: `meek` (each candidate keeps weight × keep factor, the ballot goes on with
 *   weight × (1 − keep factor), both truncated) or `warren` (each keeps its keep factor,
 *   or all that is left).
 * - `defeatBatch`: `safe` (default) excludes at once every lowest hopeful who, with the
 *   whole surplus, cannot overtake the next; `none` excludes one at a time (stv-rs).
 * - `equalRanks`: `droop` (default) shares a ballot's weight equally among equally ranked
 *   continuing candidates, each share going on down the ballot — and, as in droop and
 *   stv-rs, a tier whose candidates are all excluded passes nothing on; `equalize` counts
 *   the tier as every order of its candidates with equal weight (stv-rs's equalized
 *   counting; in exact fractions exactly the average of those orders).
 * - `surplus`: `droop` (default) sums votes − quota over the elected, so an elected
 *   candidate who has slipped below the quota counts negatively, as droop does;
 *   `positive` counts such a candidate as 0 (stv-rs's `--force-positive-surplus`, which
 *   avoids droop's crashes on a negative surplus).
 *
 * @category STV
 * @example
 * ```ts
 * meekStv(profile, { seats: 3, arithmetic: { kind: "guarded", precision: 18 } });
 * ```
 */
export interface MeekStvOptions {
  readonly seats?: number;
  readonly arithmetic?: StvArithmeticSpec;
  readonly omegaDigits?: number;
  readonly transfer?: "meek" | "warren";
  readonly defeatBatch?: "safe" | "none";
  readonly equalRanks?: "droop" | "equalize";
  /**
   * Round each new keep factor up to this many decimals (stv-rs's "approx" arithmetic:
   * exact fractions with keep factors to 6 decimals, which keeps them from growing).
   */
  readonly keepFactorDigits?: number;
  readonly surplus?: "droop" | "positive";
  /**
   * Exact arithmetic only: the most work (papers distributed × the squared 64-bit words of
   * the largest keep factor or tally, over all iterations) before the count stops with the
   * issue `stv-work-limit`; default {@link MEEK_EXACT_WORK_LIMIT}.
   */
  readonly workLimit?: number;
}

/**
 * Meek STV (Hill, Wichmann and Woodall 1987), as droop's `meek` and `warren` rules and
 * stv-rs count it. Every candidate has a keep factor (1 while hopeful, 0 once excluded);
 * each ballot gives each of its candidates in turn the part of its remaining weight that
 * candidate keeps (equal ranks share the weight equally, each share going on down the
 * ballot). The quota is the votes for candidates / (seats + 1) — in fixed-point arithmetic
 * truncated plus one unit, and reached at equality; otherwise it must be exceeded.
 * Elected candidates' keep factors are scaled by quota / votes (rounded up) until the
 * total surplus is at most omega, stops falling, or a batch of sure losers appears. Then
 * the lowest hopeful is excluded — any hopeful within the surplus of the lowest counts as
 * tied with it, and ties go to the file's tie order (BLT `[tie …]`, else file order).
 * Each iteration's outcome is a round.
 *
 * The default arithmetic is droop's guarded fixed point (18 places, 9 guard digits). In
 * exact fractions keep factors can grow without bound when a surplus shrinks only slowly:
 * past the work limit the count stops with the issue `stv-work-limit`, past 2,048 bits
 * with `meek-precision-limit`.
 *
 * @category STV
 * @example
 * ```ts
 * meekStv(profile, { seats: 2 }).ok;
 * meekStv(profile, { seats: 2, arithmetic: { kind: "fixed", precision: 9 } }).ok;
 * ```
 */
export function meekStv(
  profile: RankedProfile,
  options: MeekStvOptions = {},
): Result<TallyOutcome> {
  const arithmetic = options.arithmetic ?? DROOP_DEFAULT;
  const omegaDigits =
    options.omegaDigits ??
    (arithmetic.kind === "rational"
      ? 10
      : arithmetic.kind === "guarded"
        ? Math.floor(arithmetic.precision / 2)
        : Math.floor((arithmetic.precision * 2) / 3));
  return withStvNumbers(arithmetic, (numbers) =>
    countMeek(profile, options.seats ?? profile.seats, numbers, {
      id: options.transfer === "warren" ? "warren-stv" : "meek-stv",
      omegaDigits,
      transfer: options.transfer ?? "meek",
      defeatBatch: options.defeatBatch ?? "safe",
      equalRanks: options.equalRanks ?? "droop",
      alternativeDefeats: "none",
      ...(options.keepFactorDigits === undefined
        ? {}
        : { keepFactorDigits: options.keepFactorDigits }),
      positiveSurplus: options.surplus === "positive",
      ...(arithmetic.kind === "rational"
        ? { workLimit: options.workLimit ?? MEEK_EXACT_WORK_LIMIT }
        : {}),
      reference: false,
    }),
  );
}

/**
 * When the PR Foundation's Meek rule excludes sure losers together (its "alternative
 * defeats"): `none` (the reference rule: one at a time); `if-no-new-electeds` (an
 * iteration that elects nobody ends as soon as the lowest hopefuls cannot overtake the
 * next even with the whole surplus, and they are excluded together); `per-reference-rule`
 * (the same test after the omega and stable tests, as droop's batches);
 * `before-single-defeats` (once iterating is done, instead of excluding the lowest alone).
 *
 * @category STV
 * @example
 * ```ts
 * prfMeekStv(profile, { alternativeDefeats: "if-no-new-electeds" });
 * ```
 */
export type PrfAlternativeDefeats =
  | "none"
  | "if-no-new-electeds"
  | "per-reference-rule"
  | "before-single-defeats";

/**
 * The Proportional Representation Foundation's Meek reference rule: fixed-point decimals
 * with 9 places, omega 10^-6, no batch exclusions. Each candidate keeps weight × keep
 * factor rounded up; the quota is the votes for candidates / (seats + 1), truncated, plus
 * 10^-9, and is reached at equality; the total surplus never counts below zero.
 *
 * @category STV
 * @example
 * ```ts
 * prfMeekStv(profile, { seats: 2 }).ok;
 * ```
 */
export function prfMeekStv(
  profile: RankedProfile,
  options: {
    readonly seats?: number;
    readonly alternativeDefeats?: PrfAlternativeDefeats;
    /** Candidates assured of a seat (a vacancy recount): never excluded, held to their own quota. */
    readonly protected?: readonly string[];
    /** Round by round (from the first), whether alternative defeats apply; default: every round. */
    readonly alternativeDefeatRounds?: readonly boolean[];
  } = {},
): Result<TallyOutcome> {
  return withStvNumbers({ kind: "fixed", precision: 9 }, (numbers) =>
    countMeek(profile, options.seats ?? profile.seats, numbers, {
      id: "prf-meek-stv",
      omegaDigits: 6,
      transfer: "meek",
      defeatBatch: "none",
      equalRanks: "droop",
      alternativeDefeats: options.alternativeDefeats ?? "none",
      protectedCandidates: options.protected ?? [],
      ...(options.alternativeDefeatRounds === undefined
        ? {}
        : { alternativeDefeatRounds: options.alternativeDefeatRounds }),
      reference: true,
    }),
  );
}

interface MeekRules {
  readonly id: string;
  readonly omegaDigits: number;
  readonly transfer: "meek" | "warren";
  readonly defeatBatch: "safe" | "none";
  readonly equalRanks: "droop" | "equalize";
  readonly alternativeDefeats: PrfAlternativeDefeats;
  readonly protectedCandidates?: readonly string[];
  readonly alternativeDefeatRounds?: readonly boolean[];
  readonly keepFactorDigits?: number;
  /** Elected candidates below the quota add 0 to the surplus, not a negative amount. */
  readonly positiveSurplus?: boolean;
  /** The PRF reference rule's rounding, omega test and non-negative surplus. */
  readonly reference: boolean;
  /** Exact arithmetic: the most work before the issue `stv-work-limit`. */
  readonly workLimit?: number;
}

/** Row k of Pascal's triangle: C(k, 0) … C(k, k). */
function binomialRow(k: number): bigint[] {
  const row = [1n];
  for (let j = 1; j <= k; j++) row.push(((row[j - 1] as bigint) * BigInt(k - j + 1)) / BigInt(j));
  return row;
}

/** A laid-out profile's papers as Meek counts them: multiplicities and equal-rank tiers. */
interface MeekPapers {
  readonly seats: number;
  readonly candidates: readonly string[];
  readonly prefs: Int32Array | readonly number[];
  readonly prefStart: Int32Array | readonly number[];
  readonly paperCount: number;
  readonly multiplier: readonly bigint[];
  /** The tiers of each paper that ranks candidates equal (undefined for the others). */
  readonly tiersOf: readonly (number[][] | undefined)[];
  /** Each distinct tier of equal candidates numbered, for caching its shares. */
  readonly tierIdsOf: readonly (number[] | undefined)[];
}

/** The rules' digits, checked: an issue for a value that is not a whole number ≥ 0. */
function checkMeekRules(rules: MeekRules): Result<true> {
  if (!Number.isInteger(rules.omegaDigits) || rules.omegaDigits < 0) {
    return fail([
      tallyIssue("invalid-omega", ["omegaDigits"], "omegaDigits must be a whole number ≥ 0", {
        omegaDigits: rules.omegaDigits,
      }),
    ]);
  }
  if (
    rules.keepFactorDigits !== undefined &&
    (!Number.isInteger(rules.keepFactorDigits) || rules.keepFactorDigits < 0)
  ) {
    return fail([
      tallyIssue(
        "invalid-keep-factor-digits",
        ["keepFactorDigits"],
        "keepFactorDigits must be a whole number ≥ 0",
        { keepFactorDigits: rules.keepFactorDigits },
      ),
    ]);
  }
  return ok(true);
}

/** Lays out the papers and finds the equal-rank tiers of those that have some. */
function meekPapers(
  profile: RankedProfile,
  requestedSeats: number | undefined,
  method: string,
): Result<MeekPapers> {
  const laid = stvPapers(profile, requestedSeats, method, true);
  if (!laid.ok) return laid;
  const { seats, candidates, prefs, prefStart, counts, paperCount, newTier } = laid.value;
  const tiersOf = Array.from({ length: paperCount }, (_, p) => {
    const start = prefStart[p] as number;
    const end = prefStart[p + 1] as number;
    let tied = false;
    for (let i = start + 1; i < end; i++) if (newTier[i] === 0) tied = true;
    if (!tied) return undefined;
    const tiers: number[][] = [];
    for (let i = start; i < end; i++) {
      if (newTier[i] === 1) tiers.push([]);
      (tiers[tiers.length - 1] as number[]).push(prefs[i] as number);
    }
    return tiers;
  });
  const tierNumbers = new Map<string, number>();
  const tierIdsOf = tiersOf.map((tiers) =>
    tiers?.map((tier) => {
      const key = tier.join(",");
      const known = tierNumbers.get(key);
      if (known !== undefined) return known;
      tierNumbers.set(key, tierNumbers.size);
      return tierNumbers.size - 1;
    }),
  );
  return ok({
    seats,
    candidates,
    prefs,
    prefStart,
    paperCount,
    multiplier: Array.from({ length: paperCount }, (_, p) => BigInt(counts[p] as number)),
    tiersOf,
    tierIdsOf,
  });
}

type MeekState = "hopeful" | "elected" | "excluded";
type Credit<T> = (c: number, kept: T, m: bigint) => void;
/** How one round's iterations ended. */
type IterationEnd = "elected" | "omega" | "stable" | "batch";

/**
 * One Meek (or Warren) count, in the steps droop's reference counts follow: distribute the
 * papers by the keep factors, elect at the quota, iterate the keep factors until the
 * surplus is within omega or stops falling (or sure losers can go), exclude, and so on
 * until the seats are filled.
 */
class MeekCount<T> {
  readonly n: number;
  readonly state: MeekState[];
  readonly keep: T[];
  votes: T[];
  quota: T;
  /** The quota protected candidates are held to: votes / (seats + 1), as without protection. */
  protectedQuota: T;
  surplus: T;
  readonly omega: T;
  readonly tieRank: number[];
  /** Protected candidates (a vacancy recount): assured of a seat, never excluded. */
  readonly guarded: Set<number>;
  readonly rounds: TallyRound[] = [];
  /** Per equal tier, for the keep factors of one distribution: each one's share and the rest. */
  tierShares: ({ shares: T[]; rest: T } | undefined)[] = [];
  work = 0;

  constructor(
    readonly profile: RankedProfile,
    readonly papers: MeekPapers,
    readonly N: StvNumbers<T>,
    readonly rules: MeekRules,
  ) {
    const { candidates } = papers;
    this.n = candidates.length;
    this.state = new Array<MeekState>(this.n).fill("hopeful");
    this.keep = new Array<T>(this.n).fill(N.one);
    this.votes = new Array<T>(this.n).fill(N.zero);
    this.quota = N.zero;
    this.protectedQuota = N.zero;
    this.surplus = N.zero;
    this.omega = N.divide(N.one, N.fromInteger(10n ** BigInt(rules.omegaDigits)), "down");
    const tieOrder = profile.tieOrder ?? profile.candidates;
    this.tieRank = candidates.map((candidate) => tieOrder.indexOf(candidate));
    this.guarded = new Set(
      (rules.protectedCandidates ?? [])
        .map((candidate) => candidates.indexOf(candidate))
        .filter((c) => c >= 0),
    );
  }

  name(c: number): string {
    const id = this.papers.candidates[c] as string;
    return ownValue(this.profile.names, id) ?? id;
  }
  continuing(c: number): boolean {
    return this.state[c] !== "excluded";
  }
  withState(wanted: MeekState): number[] {
    return this.papers.candidates.map((_, c) => c).filter((c) => this.state[c] === wanted);
  }
  defeatable(): number[] {
    return this.withState("hopeful").filter((c) => !this.guarded.has(c));
  }
  seated(): number {
    const waiting = [...this.guarded].filter((c) => this.state[c] === "hopeful").length;
    return this.withState("elected").length + waiting;
  }
  quotaOf(c: number): T {
    return this.guarded.has(c) ? this.protectedQuota : this.quota;
  }
  hasQuota(c: number): boolean {
    return this.N.compare(this.votes[c] as T, this.quotaOf(c)) >= (this.N.exact ? 1 : 0);
  }
  byVote(a: number, b: number): number {
    const { N, votes, tieRank } = this;
    return (
      N.compare(votes[a] as T, votes[b] as T) || (tieRank[a] as number) - (tieRank[b] as number)
    );
  }
  tallies(): Pick<TallyRound, "tallies" | "exactTallies"> {
    const { N, votes, papers } = this;
    return {
      tallies: idRecordFrom(papers.candidates.map((id, c) => [id, N.toNumber(votes[c] as T)])),
      exactTallies: idRecordFrom(
        papers.candidates.map((id, c) => [id, N.formatExactly(votes[c] as T)]),
      ),
    };
  }
  largestKeepBits(): number {
    return this.withState("elected").reduce(
      (most, c) => Math.max(most, this.N.denominatorBits(this.keep[c] as T)),
      0,
    );
  }
  /** Whether alternative defeats apply in the round being counted (all rounds by default). */
  alternativeThisRound(): boolean {
    const only = this.rules.alternativeDefeatRounds;
    return only === undefined || only[this.rounds.length] === true;
  }

  /** What a candidate keeps of weight `w`, and the weight the ballot goes on with. */
  split(c: number, w: T): [T, T] {
    const { N, rules } = this;
    const factor = this.keep[c] as T;
    if (rules.transfer === "warren") {
      const kept = N.compare(factor, w) < 0 ? factor : w;
      return [kept, N.subtract(w, kept)];
    }
    if (rules.reference) {
      const kept = N.multiply(w, factor, "up");
      return [kept, N.subtract(w, kept)];
    }
    return [N.multiply(w, factor, "down"), N.multiply(w, N.subtract(N.one, factor), "down")];
  }

  /**
   * droop's recursive descent: the weight is shared equally among the tier's continuing
   * candidates and what each does not keep goes on to the next tier. As in droop (and
   * stv-rs without equalizing), a tier whose candidates are all excluded passes nothing on.
   */
  descend(tiers: number[][], t: number, w: T, m: bigint, credit: Credit<T>): void {
    const { N } = this;
    if (N.isZero(w) || t >= tiers.length) return;
    const open = (tiers[t] as number[]).filter((c) => this.continuing(c));
    if (open.length === 0) return;
    const share = N.divideInteger(w, BigInt(open.length));
    for (const c of open) {
      const [kept, rest] = this.split(c, share);
      credit(c, kept, m);
      this.descend(tiers, t + 1, rest, m, credit);
    }
  }

  /** A tier's shares under the current keep factors (see {@link MeekCount.equalize}). */
  sharesOf(tier: number[], id: number): { shares: T[]; rest: T } {
    const { N, keep } = this;
    const known = this.tierShares[id];
    if (known !== undefined) return known;
    const size = tier.length;
    const unused = tier.map((c) => N.subtract(N.one, keep[c] as T));
    const row = binomialRow(size - 1);
    const shares = tier.map((c, i) => {
      // Coefficients of Π_{j ≠ i} (X + unused_j), highest degree first.
      const poly = new Array<T>(size).fill(N.zero);
      poly[0] = N.one;
      unused.forEach((a, j) => {
        if (j === i || N.isZero(a)) return;
        let previous = poly[0] as T;
        for (let d = 1; d < size; d++) {
          const here = poly[d] as T;
          poly[d] = N.add(here, N.multiply(previous, a, "down"));
          previous = here;
        }
      });
      const average = poly.reduce(
        (sum, coefficient, d) => N.add(sum, N.divideInteger(coefficient, row[d] as bigint)),
        N.zero,
      );
      return N.divideInteger(N.multiply(average, keep[c] as T, "down"), BigInt(size));
    });
    const rest = unused.reduce((product, a) => N.multiply(product, a, "down"), N.one);
    const computed = { shares, rest };
    this.tierShares[id] = computed;
    return computed;
  }

  /**
   * stv-rs's equalized counting: a tier of k equal candidates counts as the k! orders of
   * them, each with weight 1/k!; candidate i keeps w × kf_i × Σ_j e_j(others' 1 − kf) /
   * (k × C(k − 1, j)), and w × Π(1 − kf) goes on.
   */
  equalize(tiers: number[][], ids: readonly number[], m: bigint, credit: Credit<T>): void {
    const { N } = this;
    let w = N.one;
    for (const [t, tier] of tiers.entries()) {
      if (tier.length === 1) {
        const [kept, rest] = this.split(tier[0] as number, w);
        credit(tier[0] as number, kept, m);
        w = rest;
      } else {
        const { shares, rest } = this.sharesOf(tier, ids[t] as number);
        tier.forEach((c, i) => {
          credit(c, N.multiply(w, shares[i] as T, "down"), m);
        });
        w = N.multiply(w, rest, "down");
      }
      if (N.isZero(w)) break;
    }
  }

  /** Every paper passed down its preferences by the keep factors; then the quotas. */
  distribute(): void {
    const { N, papers, keep } = this;
    const { prefs, prefStart, tiersOf, tierIdsOf } = papers;
    this.tierShares = [];
    const next = new Array<T>(this.n).fill(N.zero);
    const credit = (c: number, kept: T, m: bigint) => {
      next[c] = N.add(next[c] as T, N.timesInteger(kept, m));
    };
    for (let p = 0; p < papers.paperCount; p++) {
      const m = papers.multiplier[p] as bigint;
      const tiers = tiersOf[p];
      if (tiers === undefined) {
        let w = N.one;
        for (let i = prefStart[p] as number; i < (prefStart[p + 1] as number); i++) {
          const c = prefs[i] as number;
          if (N.isZero(keep[c] as T)) continue;
          const [kept, rest] = this.split(c, w);
          credit(c, kept, m);
          w = rest;
          if (N.compare(w, N.zero) <= 0) break;
        }
        continue;
      }
      if (this.rules.equalRanks === "equalize")
        this.equalize(tiers, tierIdsOf[p] as number[], m, credit);
      else this.descend(tiers, 0, N.one, m, credit);
    }
    this.votes = next;
    this.setQuotas();
  }

  /** The quota from the continuing votes; with protected candidates, the others' quota. */
  setQuotas(): void {
    const { N, votes, guarded } = this;
    const { seats } = this.papers;
    const total = votes.reduce(
      (sum, value, c) => (this.continuing(c) ? N.add(sum, value) : sum),
      N.zero,
    );
    const share = N.divideInteger(total, BigInt(seats + 1));
    this.quota = N.exact ? share : N.add(share, N.epsilon);
    this.protectedQuota = this.quota;
    if (guarded.size === 0) return;
    // The others share the votes protected candidates do not need, and the other seats.
    let needed = N.zero;
    for (const c of guarded) {
      const own = votes[c] as T;
      needed = N.add(needed, N.compare(own, this.protectedQuota) < 0 ? own : this.protectedQuota);
    }
    const rest = N.divideInteger(N.subtract(total, needed), BigInt(seats - guarded.size + 1));
    this.quota = N.exact ? rest : N.add(rest, N.epsilon);
  }

  /** The work an exact count has done, or the issue once it passes the limit. */
  chargeWork(): Result<true> {
    const { rules, N } = this;
    if (rules.workLimit === undefined) return ok(true);
    // Distributing costs about papers × (words of the numbers)²: keep factors and the
    // tallies they add up to grow together.
    let bits = this.largestKeepBits();
    for (const value of this.votes) bits = Math.max(bits, N.denominatorBits(value));
    const words = 1 + Math.ceil(bits / 64);
    this.work += this.papers.paperCount * words * words;
    if (this.work <= rules.workLimit) return ok(true);
    return fail([
      tallyIssue(
        "stv-work-limit",
        ["workLimit"],
        `the exact count needed more than its work limit (${rules.workLimit}): its keep factors keep growing; count in guarded or fixed-point arithmetic, or raise workLimit`,
        { workLimit: rules.workLimit },
      ),
    ]);
  }

  /** The elected candidates' surplus over their quotas, as the rules count it. */
  computeSurplus(): void {
    const { N, rules } = this;
    this.surplus = this.withState("elected").reduce((sum, c) => {
      const over = N.subtract(this.votes[c] as T, this.quotaOf(c));
      return rules.positiveSurplus === true && N.compareExactly(over, N.zero) < 0
        ? sum
        : N.add(sum, over);
    }, N.zero);
    if (rules.reference && N.compareExactly(this.surplus, N.zero) < 0) this.surplus = N.zero;
  }

  sureLosers(): number[] {
    const elected = this.withState("elected").length;
    const seatsLeft = this.papers.seats - elected;
    return sureLosers(this.defeatable(), this.votes, this.surplus, seatsLeft, this.N, (c) => {
      return this.tieRank[c] as number;
    });
  }

  /**
   * Sure losers where the rules exclude them at this point of an iteration (`when` names
   * the point), or none.
   */
  batchAt(when: "no-new-electeds" | "before-single" | "each-iteration"): number[] {
    const { rules } = this;
    const applies =
      when === "no-new-electeds"
        ? rules.alternativeDefeats === "if-no-new-electeds" && this.alternativeThisRound()
        : when === "before-single"
          ? rules.alternativeDefeats === "before-single-defeats" && this.alternativeThisRound()
          : rules.defeatBatch === "safe" ||
            (rules.alternativeDefeats === "per-reference-rule" && this.alternativeThisRound());
    return applies ? this.sureLosers() : [];
  }

  /**
   * Iterates the keep factors until a round ends: someone reaches the quota (elected), the
   * surplus is within omega or stops falling, or sure losers can be excluded (batch).
   */
  iterate(): Result<{ end: IterationEnd; batch: number[] }> {
    const { N, rules } = this;
    let lastSurplus: T | undefined;
    for (;;) {
      const charged = this.chargeWork();
      if (!charged.ok) return charged;
      this.distribute();
      const winners = this.withState("hopeful").filter((c) => this.hasQuota(c));
      for (const c of winners) this.state[c] = "elected";
      this.computeSurplus();
      if (winners.length > 0) {
        winners.sort((a, b) => this.byVote(b, a));
        this.rounds.push({
          ...this.tallies(),
          elected: winners.map((c) => this.papers.candidates[c] as string),
          note: `quota ${N.format(this.quota)}; elected: ${winners.map((c) => this.name(c)).join(", ")}`,
        });
        return ok({ end: "elected", batch: [] });
      }
      // Alternative defeats (PR Foundation) "if no new electeds": sure losers end the
      // iteration even before the omega test.
      let batch = this.batchAt("no-new-electeds");
      if (batch.length > 0) return ok({ end: "batch", batch });
      const withinOmega = N.compare(this.surplus, this.omega) < (rules.reference ? 0 : 1);
      const stable = lastSurplus !== undefined && N.compare(this.surplus, lastSurplus) >= 0;
      if (withinOmega || stable) {
        batch = this.batchAt("before-single");
        return ok({ end: batch.length > 0 ? "batch" : withinOmega ? "omega" : "stable", batch });
      }
      batch = this.batchAt("each-iteration");
      if (batch.length > 0) return ok({ end: "batch", batch });
      lastSurplus = this.surplus;
      if (this.largestKeepBits() > PRECISION_LIMIT_BITS) {
        return fail([
          tallyIssue(
            "meek-precision-limit",
            ["omegaDigits"],
            `the exact keep factors grew beyond ${PRECISION_LIMIT_BITS} bits before the surplus fell below omega; use fewer omega digits or fixed-point arithmetic`,
            { omegaDigits: rules.omegaDigits },
          ),
        ]);
      }
      for (const c of this.withState("elected")) {
        const factor = N.divide(
          N.multiply(this.keep[c] as T, this.quotaOf(c), "up"),
          this.votes[c] as T,
          "up",
        );
        // Rounded up to keepFactorDigits decimals when asked (stv-rs's "approx").
        this.keep[c] =
          rules.keepFactorDigits === undefined
            ? factor
            : N.roundUpToDecimals(factor, rules.keepFactorDigits);
      }
    }
  }

  /** Excludes the batch, or the candidate with fewest votes (ties by the tie order). */
  exclude(end: "omega" | "stable" | "batch", batch: number[]): void {
    const { N, votes, tieRank } = this;
    let out: number[];
    if (end === "batch") out = [...batch].sort((a, b) => a - b);
    else {
      const open = this.defeatable();
      const lowest = open.reduce((low, c) =>
        N.compareExactly(votes[c] as T, votes[low] as T) < 0 ? c : low,
      );
      const tied = open.filter(
        (c) =>
          c === lowest || N.compare(N.add(votes[lowest] as T, this.surplus), votes[c] as T) >= 0,
      );
      out = [
        tied.reduce((first, c) =>
          (tieRank[c] as number) < (tieRank[first] as number) ? c : first,
        ),
      ];
    }
    this.rounds.push({
      ...this.tallies(),
      eliminated: out.map((c) => this.papers.candidates[c] as string),
      note:
        end === "batch"
          ? `sure losers excluded: ${out.map((c) => this.name(c)).join(", ")}`
          : `${this.name(out[0] as number)} has the fewest votes and is excluded (surplus ${N.format(this.surplus)} ${end === "omega" ? "within omega" : "no longer falling"})`,
    });
    for (const c of out) {
      this.state[c] = "excluded";
      this.keep[c] = N.zero;
    }
  }

  /** The last round: the hopefuls left fill the seats, or (seats filled) go out. */
  finish(): void {
    const open = this.withState("hopeful");
    if (open.length === 0) return;
    this.distribute();
    const fill = this.seated() < this.papers.seats;
    const chosen = fill ? open : open.filter((c) => this.guarded.has(c));
    const rest = open.filter((c) => !chosen.includes(c));
    for (const c of chosen) this.state[c] = "elected";
    for (const c of rest) {
      this.state[c] = "excluded";
      this.keep[c] = this.N.zero;
    }
    const ids = (list: number[]) => list.map((c) => this.papers.candidates[c] as string);
    this.rounds.push({
      ...this.tallies(),
      ...(chosen.length > 0 ? { elected: ids(chosen) } : {}),
      ...(rest.length > 0 ? { eliminated: ids(rest) } : {}),
      note: fill
        ? "as many candidates remain as seats: all are elected"
        : `all seats are filled${chosen.length > 0 ? " (the protected candidates take theirs)" : ""}: the others are excluded`,
    });
  }

  run(): Result<TallyOutcome> {
    const { seats } = this.papers;
    for (;;) {
      const left = seats - this.withState("elected").length;
      if (this.seated() >= seats || this.withState("hopeful").length <= left) break;
      const round = this.iterate();
      if (!round.ok) return round;
      if (round.value.end !== "elected") this.exclude(round.value.end, round.value.batch);
    }
    this.finish();
    const { rules, N } = this;
    return ok({
      method: rules.id,
      winners: this.papers.candidates.filter((_, c) => this.state[c] === "elected"),
      rounds: this.rounds,
      notes: [
        `${rules.transfer === "warren" ? "Warren" : "Meek"} transfers in ${N.description}; keep factors iterated until the surplus is ${rules.reference ? "below" : "at most"} ${N.format(this.omega)}`,
      ],
    });
  }
}

function countMeek<T>(
  profile: RankedProfile,
  requestedSeats: number | undefined,
  N: StvNumbers<T>,
  rules: MeekRules,
): Result<TallyOutcome> {
  const method = rules.id === "warren-stv" ? "Warren STV" : "Meek STV";
  const papers = meekPapers(profile, requestedSeats, method);
  if (!papers.ok) return papers;
  const checked = checkMeekRules(rules);
  if (!checked.ok) return checked;
  return new MeekCount(profile, papers.value, N, rules).run();
}
