import { idRecordFrom, ownValue } from "../../core/idRecord.js";
import { makeIssue } from "../../core/issue.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../outcome.js";
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

function countMeek<T>(
  profile: RankedProfile,
  requestedSeats: number | undefined,
  N: StvNumbers<T>,
  rules: MeekRules,
): Result<TallyOutcome> {
  // Long by design: one Meek count is a loop of iterations whose keep factors, quota, surplus
  // and omega every step reads and writes, in the order droop's reference counts follow; split
  // into functions it would pass a dozen mutable values around and be harder to check against
  // those counts.
  const method = rules.id === "warren-stv" ? "Warren STV" : "Meek STV";
  const laid = stvPapers(profile, requestedSeats, method, true);
  if (!laid.ok) return laid;
  const { seats, candidates, prefs, prefStart, counts, paperCount, newTier } = laid.value;
  if (!Number.isInteger(rules.omegaDigits) || rules.omegaDigits < 0) {
    return fail([
      makeIssue("invalid-omega", ["omegaDigits"], "omegaDigits must be a whole number ≥ 0", {
        omegaDigits: rules.omegaDigits,
      }),
    ]);
  }
  if (
    rules.keepFactorDigits !== undefined &&
    (!Number.isInteger(rules.keepFactorDigits) || rules.keepFactorDigits < 0)
  ) {
    return fail([
      makeIssue(
        "invalid-keep-factor-digits",
        ["keepFactorDigits"],
        "keepFactorDigits must be a whole number ≥ 0",
        { keepFactorDigits: rules.keepFactorDigits },
      ),
    ]);
  }
  const omega = N.divide(N.one, N.fromInteger(10n ** BigInt(rules.omegaDigits)), "down");
  const n = candidates.length;
  const multiplier = Array.from({ length: paperCount }, (_, p) => BigInt(counts[p] as number));
  /** The tiers of each paper that ranks candidates equal (undefined for the others). */
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
  /** Each distinct tier of equal candidates gets a number, for caching its shares. */
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
  type State = "hopeful" | "elected" | "excluded";
  const state = new Array<State>(n).fill("hopeful");
  const keep = new Array<T>(n).fill(N.one);
  let votes = new Array<T>(n).fill(N.zero);
  let quota = N.zero;
  let surplus = N.zero;
  const tieOrder = profile.tieOrder ?? profile.candidates;
  const tieRank = candidates.map((candidate) => tieOrder.indexOf(candidate));
  const rounds: TallyRound[] = [];
  const name = (c: number) =>
    ownValue(profile.names, candidates[c] as string) ?? (candidates[c] as string);
  const continuing = (c: number) => state[c] !== "excluded";
  const hopefuls = () => candidates.map((_, c) => c).filter((c) => state[c] === "hopeful");
  /** Protected candidates (a vacancy recount): assured of a seat, never excluded. */
  const guarded = new Set(
    (rules.protectedCandidates ?? [])
      .map((candidate) => candidates.indexOf(candidate))
      .filter((c) => c >= 0),
  );
  const defeatable = () => hopefuls().filter((c) => !guarded.has(c));
  /** The quota protected candidates are held to: votes / (seats + 1), as without protection. */
  let protectedQuota = N.zero;
  const elected = () => candidates.map((_, c) => c).filter((c) => state[c] === "elected");

  /** What a candidate keeps of weight `w`, and the weight the ballot goes on with. */
  const split = (c: number, w: T): [T, T] => {
    const factor = keep[c] as T;
    if (rules.transfer === "warren") {
      const kept = N.compare(factor, w) < 0 ? factor : w;
      return [kept, N.subtract(w, kept)];
    }
    if (rules.reference) {
      const kept = N.multiply(w, factor, "up");
      return [kept, N.subtract(w, kept)];
    }
    return [N.multiply(w, factor, "down"), N.multiply(w, N.subtract(N.one, factor), "down")];
  };
  type Credit = (c: number, kept: T, m: bigint) => void;
  /**
   * droop's recursive descent: the weight is shared equally among the tier's continuing
   * candidates and what each does not keep goes on to the next tier. As in droop (and
   * stv-rs without equalizing), a tier whose candidates are all excluded passes nothing on.
   */
  const descend = (tiers: number[][], t: number, w: T, m: bigint, credit: Credit): void => {
    if (N.isZero(w) || t >= tiers.length) return;
    const open = (tiers[t] as number[]).filter(continuing);
    if (open.length === 0) return;
    const share = N.divideInteger(w, BigInt(open.length));
    for (const c of open) {
      const [kept, rest] = split(c, share);
      credit(c, kept, m);
      descend(tiers, t + 1, rest, m, credit);
    }
  };
  /**
   * Per equal tier, for the keep factors of one distribution: each candidate's share of
   * the weight, and the part that goes on.
   */
  let tierShares: ({ shares: T[]; rest: T } | undefined)[] = [];
  const sharesOf = (tier: number[], id: number): { shares: T[]; rest: T } => {
    const known = tierShares[id];
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
    tierShares[id] = computed;
    return computed;
  };
  /**
   * stv-rs's equalized counting: a tier of k equal candidates counts as the k! orders of
   * them, each with weight 1/k!; candidate i keeps w × kf_i × Σ_j e_j(others' 1 − kf) /
   * (k × C(k − 1, j)), and w × Π(1 − kf) goes on.
   */
  const equalize = (tiers: number[][], ids: readonly number[], m: bigint, credit: Credit): void => {
    let w = N.one;
    for (const [t, tier] of tiers.entries()) {
      if (tier.length === 1) {
        const [kept, rest] = split(tier[0] as number, w);
        credit(tier[0] as number, kept, m);
        w = rest;
      } else {
        const { shares, rest } = sharesOf(tier, ids[t] as number);
        tier.forEach((c, i) => {
          credit(c, N.multiply(w, shares[i] as T, "down"), m);
        });
        w = N.multiply(w, rest, "down");
      }
      if (N.isZero(w)) break;
    }
  };
  const distribute = () => {
    tierShares = [];
    const next = new Array<T>(n).fill(N.zero);
    const credit = (c: number, kept: T, m: bigint) => {
      next[c] = N.add(next[c] as T, N.timesInteger(kept, m));
    };
    for (let p = 0; p < paperCount; p++) {
      const m = multiplier[p] as bigint;
      const start = prefStart[p] as number;
      const end = prefStart[p + 1] as number;
      const tiers = tiersOf[p];
      if (tiers === undefined) {
        let w = N.one;
        for (let i = start; i < end; i++) {
          const c = prefs[i] as number;
          if (N.isZero(keep[c] as T)) continue;
          const [kept, rest] = split(c, w);
          credit(c, kept, m);
          w = rest;
          if (N.compare(w, N.zero) <= 0) break;
        }
        continue;
      }
      if (rules.equalRanks === "equalize") equalize(tiers, tierIdsOf[p] as number[], m, credit);
      else descend(tiers, 0, N.one, m, credit);
    }
    votes = next;
    const total = candidates.reduce(
      (sum, _, c) => (continuing(c) ? N.add(sum, votes[c] as T) : sum),
      N.zero,
    );
    const share = N.divideInteger(total, BigInt(seats + 1));
    quota = N.exact ? share : N.add(share, N.epsilon);
    protectedQuota = quota;
    if (guarded.size > 0) {
      // The others share the votes protected candidates do not need, and the other seats.
      let needed = N.zero;
      for (const c of guarded)
        needed = N.add(
          needed,
          N.compare(votes[c] as T, protectedQuota) < 0 ? (votes[c] as T) : protectedQuota,
        );
      const rest = N.divideInteger(N.subtract(total, needed), BigInt(seats - guarded.size + 1));
      quota = N.exact ? rest : N.add(rest, N.epsilon);
    }
  };
  const quotaOf = (c: number) => (guarded.has(c) ? protectedQuota : quota);
  const hasQuota = (c: number) => N.compare(votes[c] as T, quotaOf(c)) >= (N.exact ? 1 : 0);
  const byVote = (a: number, b: number) =>
    N.compare(votes[a] as T, votes[b] as T) || (tieRank[a] as number) - (tieRank[b] as number);
  const tallies = () =>
    idRecordFrom(candidates.map((candidate, c) => [candidate, N.toNumber(votes[c] as T)]));
  const exactTallies = () =>
    idRecordFrom(candidates.map((candidate, c) => [candidate, N.formatExactly(votes[c] as T)]));
  const largestKeepBits = () =>
    elected().reduce((most, c) => Math.max(most, N.denominatorBits(keep[c] as T)), 0);
  const tooPrecise = () => largestKeepBits() > PRECISION_LIMIT_BITS;
  let work = 0;

  /** Keep factors rounded up to `keepFactorDigits` decimals, when asked (stv-rs's "approx"). */
  const roundKeep = (factor: T) =>
    rules.keepFactorDigits === undefined
      ? factor
      : N.roundUpToDecimals(factor, rules.keepFactorDigits);
  /** Whether alternative defeats apply in the round being counted (all rounds by default). */
  const alternativeThisRound = () =>
    rules.alternativeDefeatRounds === undefined ||
    rules.alternativeDefeatRounds[rounds.length] === true;
  const seated = () => elected().length + [...guarded].filter((c) => state[c] === "hopeful").length;
  for (;;) {
    const left = seats - elected().length;
    if (seated() >= seats || hopefuls().length <= left) break;
    let status: "elected" | "omega" | "stable" | "batch";
    let batch: number[] = [];
    let lastSurplus: T | undefined;
    for (;;) {
      if (rules.workLimit !== undefined) {
        // Distributing costs about papers × (words of the numbers)²: keep factors and the
        // tallies they add up to grow together.
        let bits = largestKeepBits();
        for (const value of votes) bits = Math.max(bits, N.denominatorBits(value as T));
        const words = 1 + Math.ceil(bits / 64);
        work += paperCount * words * words;
        if (work > rules.workLimit) {
          return fail([
            makeIssue(
              "stv-work-limit",
              ["workLimit"],
              `the exact count needed more than its work limit (${rules.workLimit}): its keep factors keep growing; count in guarded or fixed-point arithmetic, or raise workLimit`,
              { workLimit: rules.workLimit },
            ),
          ]);
        }
      }
      distribute();
      const winners = hopefuls().filter(hasQuota);
      for (const c of winners) state[c] = "elected";
      surplus = elected().reduce((sum, c) => {
        const over = N.subtract(votes[c] as T, quotaOf(c));
        return rules.positiveSurplus === true && N.compareExactly(over, N.zero) < 0
          ? sum
          : N.add(sum, over);
      }, N.zero);
      if (rules.reference && N.compareExactly(surplus, N.zero) < 0) surplus = N.zero;
      if (winners.length > 0) {
        status = "elected";
        winners.sort((a, b) => byVote(b, a));
        rounds.push({
          tallies: tallies(),
          exactTallies: exactTallies(),
          elected: winners.map((c) => candidates[c] as string),
          note: `quota ${N.format(quota)}; elected: ${winners.map(name).join(", ")}`,
        });
        break;
      }
      const losers = () =>
        sureLosers(
          defeatable(),
          votes,
          surplus,
          seats - elected().length,
          N,
          (c) => tieRank[c] as number,
        );
      // Alternative defeats (PR Foundation) "if no new electeds": sure losers end the
      // iteration even before the omega test.
      if (rules.alternativeDefeats === "if-no-new-electeds" && alternativeThisRound()) {
        batch = losers();
        if (batch.length > 0) {
          status = "batch";
          break;
        }
      }
      if (N.compare(surplus, omega) < (rules.reference ? 0 : 1)) {
        status = "omega";
        if (rules.alternativeDefeats === "before-single-defeats" && alternativeThisRound()) {
          batch = losers();
          if (batch.length > 0) status = "batch";
        }
        break;
      }
      if (lastSurplus !== undefined && N.compare(surplus, lastSurplus) >= 0) {
        status = "stable";
        if (rules.alternativeDefeats === "before-single-defeats" && alternativeThisRound()) {
          batch = losers();
          if (batch.length > 0) status = "batch";
        }
        break;
      }
      if (
        rules.defeatBatch === "safe" ||
        (rules.alternativeDefeats === "per-reference-rule" && alternativeThisRound())
      ) {
        batch = losers();
        if (batch.length > 0) {
          status = "batch";
          break;
        }
      }
      lastSurplus = surplus;
      if (tooPrecise()) {
        return fail([
          makeIssue(
            "meek-precision-limit",
            ["omegaDigits"],
            `the exact keep factors grew beyond ${PRECISION_LIMIT_BITS} bits before the surplus fell below omega; use fewer omega digits or fixed-point arithmetic`,
            { omegaDigits: rules.omegaDigits },
          ),
        ]);
      }
      for (const c of elected())
        keep[c] = roundKeep(
          N.divide(N.multiply(keep[c] as T, quotaOf(c), "up"), votes[c] as T, "up"),
        );
    }
    if (status === "elected") continue;
    let out: number[];
    if (status === "batch") out = batch.sort((a, b) => a - b);
    else {
      const open = defeatable();
      const lowest = open.reduce((low, c) =>
        N.compareExactly(votes[c] as T, votes[low] as T) < 0 ? c : low,
      );
      const tied = open.filter(
        (c) => c === lowest || N.compare(N.add(votes[lowest] as T, surplus), votes[c] as T) >= 0,
      );
      out = [
        tied.reduce((first, c) =>
          (tieRank[c] as number) < (tieRank[first] as number) ? c : first,
        ),
      ];
    }
    rounds.push({
      tallies: tallies(),
      exactTallies: exactTallies(),
      eliminated: out.map((c) => candidates[c] as string),
      note:
        status === "batch"
          ? `sure losers excluded: ${out.map(name).join(", ")}`
          : `${name(out[0] as number)} has the fewest votes and is excluded (surplus ${N.format(surplus)} ${status === "omega" ? "within omega" : "no longer falling"})`,
    });
    for (const c of out) {
      state[c] = "excluded";
      keep[c] = N.zero;
    }
  }
  const open = hopefuls();
  if (open.length > 0) {
    distribute();
    const fill = seated() < seats;
    const chosen = fill ? open : open.filter((c) => guarded.has(c));
    const rest = open.filter((c) => !chosen.includes(c));
    for (const c of chosen) state[c] = "elected";
    for (const c of rest) {
      state[c] = "excluded";
      keep[c] = N.zero;
    }
    rounds.push({
      tallies: tallies(),
      exactTallies: exactTallies(),
      ...(chosen.length > 0 ? { elected: chosen.map((c) => candidates[c] as string) } : {}),
      ...(rest.length > 0 ? { eliminated: rest.map((c) => candidates[c] as string) } : {}),
      note: fill
        ? "as many candidates remain as seats: all are elected"
        : `all seats are filled${chosen.length > 0 ? " (the protected candidates take theirs)" : ""}: the others are excluded`,
    });
  }
  return ok({
    method: rules.id,
    winners: candidates.filter((_, c) => state[c] === "elected"),
    rounds,
    notes: [
      `${rules.transfer === "warren" ? "Warren" : "Meek"} transfers in ${N.description}; keep factors iterated until the surplus is ${rules.reference ? "below" : "at most"} ${N.format(omega)}`,
    ],
  });
}
