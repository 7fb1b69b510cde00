import { greatestCommonDivisor } from "../../core/greatestCommonDivisor.js";
import { idRecordFrom } from "../../core/idRecord.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";

/**
 * Merit profiles for Majority Judgment: per candidate, how many voters gave each grade,
 * worst grade first.
 *
 * @category Cardinal
 * @example
 * ```ts
 * const merit: MeritProfile = { candidates: ["a", "b"], tallies: [[1, 3, 6], [2, 2, 6]] };
 * ```
 */
export interface MeritProfile {
  readonly candidates: readonly string[];
  readonly tallies: readonly (readonly number[])[];
}

/**
 * How Majority Judgment treats voters who did not grade every candidate (as the Mieux
 * Voter reference does): `static` gives them `grade` (default the worst), `median` gives
 * them the candidate's median grade, `normalized` scales every candidate's tallies to the
 * same number of grades. Without a policy all tallies must have the same total.
 *
 * @category Cardinal
 * @example
 * ```ts
 * majorityJudgment(merit, { missing: { policy: "static", grade: 0 }, participants: 10 });
 * ```
 */
export interface MajorityJudgmentOptions {
  readonly participants?: number;
  readonly missing?:
    | { readonly policy: "static"; readonly grade?: number }
    | { readonly policy: "median" }
    | { readonly policy: "normalized" };
}

/** The grade at sorted position `index` (0 = worst) of counts. */
function gradeAt(counts: readonly bigint[], index: bigint): number {
  let seen = 0n;
  for (let g = 0; g < counts.length; g++) {
    seen += counts[g] as bigint;
    if (index < seen) return g;
  }
  return counts.length - 1;
}

/** The sorted positions where the grade changes: boundaries[g] = first position of grade g + 1. */
function boundaries(counts: readonly bigint[]): bigint[] {
  const result: bigint[] = [];
  let seen = 0n;
  for (const count of counts) {
    seen += count;
    result.push(seen);
  }
  return result;
}

/**
 * Compares two candidates by their majority values (repeatedly take the lower median
 * grade and remove it): positive when `a` ranks higher. Exact for any number of voters:
 * it jumps between the places where either side's grade changes instead of walking voter
 * by voter.
 */
function compareMajorityValues(a: readonly bigint[], b: readonly bigint[], total: bigint): number {
  if (total === 0n) return 0;
  const median = (total - 1n) / 2n;
  const odd = total % 2n === 1n;
  const stepsA = boundaries(a);
  const stepsB = boundaries(b);
  /** The first distance k ≥ start from the median, on one side, where the grades differ. */
  const firstDifference = (direction: 1n | -1n, start: bigint): bigint | undefined => {
    let k = start;
    for (;;) {
      const index = median + direction * k;
      if (index < 0n || index >= total) return undefined;
      if (gradeAt(a, index) !== gradeAt(b, index)) return k;
      // Jump to the next place where either grade changes in this direction.
      let next: bigint | undefined;
      for (const step of [...stepsA, ...stepsB]) {
        const candidate = direction === 1n ? step - median : median - step + 1n;
        if (candidate > k && (next === undefined || candidate < next)) next = candidate;
      }
      if (next === undefined) return undefined;
      k = next;
    }
  };
  const lower = firstDifference(-1n, 0n);
  const upper = firstDifference(1n, 1n);
  // Order of the majority-value sequence: the median, then outward alternately.
  const orderOf = (side: "lower" | "upper", k: bigint): bigint =>
    k === 0n ? 0n : side === "lower" ? (odd ? 2n * k - 1n : 2n * k) : odd ? 2n * k : 2n * k - 1n;
  const options: { side: "lower" | "upper"; k: bigint }[] = [];
  if (lower !== undefined) options.push({ side: "lower", k: lower });
  if (upper !== undefined) options.push({ side: "upper", k: upper });
  if (options.length === 0) return 0;
  const first = options.reduce((best, option) =>
    orderOf(option.side, option.k) < orderOf(best.side, best.k) ? option : best,
  );
  const index = median + (first.side === "lower" ? -first.k : first.k);
  return gradeAt(a, index) - gradeAt(b, index);
}

/**
 * Majority Judgment (Balinski and Laraki): candidates are ranked by their majority values —
 * the median grade, then the median of what remains, and so on — compared exactly for any
 * number of voters. Equal candidates share a rank. `ranking` lists tiers best first.
 *
 * @category Cardinal
 * @example
 * ```ts
 * const outcome = majorityJudgment({ candidates: ["a", "b"], tallies: [[1, 1, 1], [0, 3, 0]] });
 * if (outcome.ok) outcome.value.ranking; //=> [["b"], ["a"]]
 * ```
 */
export function majorityJudgment(
  merit: MeritProfile,
  options: MajorityJudgmentOptions = {},
): Result<TallyOutcome> {
  let tallies = merit.tallies.map((row) => row.map((count) => BigInt(count)));
  const totals = tallies.map((row) => row.reduce((sum, count) => sum + count, 0n));
  const participants =
    options.participants === undefined ? undefined : BigInt(options.participants);
  const missing = options.missing;
  if (missing?.policy === "static" || missing?.policy === "median") {
    let target = participants ?? 0n;
    if (participants === undefined) for (const total of totals) if (total > target) target = total;
    tallies = tallies.map((row, c) => {
      const gap = target - (totals[c] as bigint);
      if (gap <= 0n) return row;
      const grade =
        missing.policy === "static"
          ? (missing.grade ?? 0)
          : (totals[c] as bigint) === 0n
            ? 0
            : gradeAt(row, ((totals[c] as bigint) - 1n) / 2n);
      return row.map((count, g) => (g === grade ? count + gap : count));
    });
  } else if (missing?.policy === "normalized") {
    const nonzero = totals.filter((total) => total > 0n);
    const common = nonzero.reduce(
      (lcm, total) => (lcm / greatestCommonDivisor(lcm, total)) * total,
      1n,
    );
    tallies = tallies.map((row, c) =>
      (totals[c] as bigint) === 0n
        ? row
        : row.map((count) => (count * common) / (totals[c] as bigint)),
    );
  }
  const sizes = tallies.map((row) => row.reduce((sum, count) => sum + count, 0n));
  const total = sizes[0] ?? 0n;
  if (sizes.some((size) => size !== total)) {
    return fail([
      tallyIssue(
        "unequal-totals",
        ["tallies"],
        "candidates have different numbers of grades; choose a policy for missing grades",
        {
          totals: sizes.map(String),
        },
      ),
    ]);
  }
  const n = merit.candidates.length;
  const better = (a: number, b: number) =>
    compareMajorityValues(tallies[a] as bigint[], tallies[b] as bigint[], total);
  const ranks = Array.from(
    { length: n },
    (_, a) => 1 + Array.from({ length: n }, (_, b) => b).filter((b) => better(b, a) > 0).length,
  );
  const tiers = [...new Set(ranks)]
    .sort((x, y) => x - y)
    .map((rank) => merit.candidates.filter((_, c) => ranks[c] === rank));
  return ok({
    method: "majority-judgment",
    winners: tiers[0] ?? [],
    ranking: tiers,
    rounds: [
      {
        tallies: idRecordFrom(
          merit.candidates.map((candidate, c) => [candidate, ranks[c] as number]),
        ),
        note: "ranks by majority value (the median grade, then the median of the rest, …)",
      },
    ],
    notes: [],
  });
}
