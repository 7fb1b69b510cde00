import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";

/** Up to this many candidates, rankings are counted in an array indexed by their rank (10! cells). */
const DENSE_CANDIDATES = 10;

/**
 * Rankings as indexes (0 … m−1, best first), counted: what every ordinal generator draws
 * into before it becomes a {@link RankedProfile}. Identical rankings are merged, in the
 * order they were first drawn, so a million voters over a few candidates stay small. Up to
 * ten candidates a ranking is counted at its Lehmer code (its rank among the m!) in a typed
 * array; beyond, by its text in a map.
 *
 * @internal
 */
export class RankingCounter {
  private readonly dense: Uint32Array | undefined;
  private readonly firstSeen: number[] = [];
  private readonly sparse = new Map<string, { ranking: number[]; count: number }>();

  /**
   * `decode` turns a code given to {@link addCode} back into its ranking; by default the
   * Lehmer code's inverse (the codes {@link add} makes).
   */
  constructor(
    candidates: number,
    private readonly decode: (code: number) => number[] = (code) => rankingOfCode(candidates, code),
  ) {
    if (candidates <= DENSE_CANDIDATES) {
      let cells = 1;
      for (let k = 2; k <= candidates; k++) cells *= k;
      this.dense = new Uint32Array(cells);
    }
  }

  /** Whether rankings are counted by code (up to ten candidates): then use {@link addCode}. */
  get byCode(): boolean {
    return this.dense !== undefined;
  }

  add(ranking: readonly number[]): void {
    if (this.dense !== undefined) {
      this.addCode(lehmerCode(ranking));
      return;
    }
    const key = ranking.join(",");
    const known = this.sparse.get(key);
    if (known !== undefined) known.count++;
    else this.sparse.set(key, { ranking: [...ranking], count: 1 });
  }

  /** Counts the ranking whose code (below m!, one code per ranking) is `code`. */
  addCode(code: number): void {
    const dense = this.dense as Uint32Array;
    if (dense[code] === 0) this.firstSeen.push(code);
    dense[code] = (dense[code] as number) + 1;
  }

  /** The profile over candidates `ids` (default `c1` … `cm`): each ranking once, weighted. */
  profile(candidates: number, ids?: readonly string[]): RankedProfile {
    const names = ids ?? Array.from({ length: candidates }, (_, k) => `c${k + 1}`);
    // Each candidate's one-candidate rank group, shared by every ballot (they are read-only).
    const groups = names.map((name) => [name]);
    const dense = this.dense;
    const counted =
      dense === undefined
        ? [...this.sparse.values()]
        : this.firstSeen.map((code) => ({
            ranking: this.decode(code),
            count: dense[code] as number,
          }));
    return {
      candidates: names,
      names: Object.create(null) as Record<string, string>,
      ballots: counted.map(({ ranking, count }) => ({
        ranking: ranking.map((index) => groups[index] as string[]),
        weight: count,
      })),
    };
  }
}

/** A ranking's rank among the m! in lexicographic order (its Lehmer code). */
function lehmerCode(ranking: readonly number[]): number {
  const m = ranking.length;
  let code = 0;
  for (let i = 0; i < m; i++) {
    const item = ranking[i] as number;
    let smallerAfter = 0;
    for (let j = i + 1; j < m; j++) if ((ranking[j] as number) < item) smallerAfter++;
    code = code * (m - i) + smallerAfter;
  }
  return code;
}

/**
 * The ranking of 0 … m−1 whose Lehmer code is `code` (the code-th in lexicographic order).
 *
 * @internal
 */
export function rankingOfCode(m: number, code: number): number[] {
  const digits: number[] = [];
  let rest = code;
  for (let base = 1; base <= m; base++) {
    digits.push(rest % base);
    rest = Math.floor(rest / base);
  }
  digits.reverse();
  const left = Array.from({ length: m }, (_, k) => k);
  return digits.map((digit) => left.splice(digit, 1)[0] as number);
}

/**
 * The options every ordinal generator takes: how many candidates and voters, the seed
 * (the same seed draws the same profile on every machine), and the candidates' ids.
 *
 * @category Generators
 * @example
 * ```ts
 * const options: OrdinalOptions = { candidates: 4, voters: 1000, seed: 7 };
 * ```
 */
export interface OrdinalOptions {
  readonly candidates: number;
  readonly voters: number;
  readonly seed: number | string;
  /** Candidate ids; default `c1` … `cm`. */
  readonly ids?: readonly string[] | undefined;
}

/**
 * Checks sizes (programmer errors: generators are called from code).
 *
 * @internal
 */
export function checkSizes({ candidates, voters, ids }: OrdinalOptions): void {
  if (!Number.isInteger(candidates) || candidates < 1)
    throw new RangeError("candidates must be a whole number from 1");
  if (!Number.isInteger(voters) || voters < 0)
    throw new RangeError("voters must be a whole number from 0");
  if (ids !== undefined && ids.length !== candidates)
    throw new RangeError("ids must name every candidate once");
}

/**
 * A uniformly random permutation of 0 … m−1 (Fisher–Yates).
 *
 * @internal
 */
export function randomPermutation(m: number, random: () => number): number[] {
  const order = Array.from({ length: m }, (_, k) => k);
  for (let k = m - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    const swap = order[k] as number;
    order[k] = order[j] as number;
    order[j] = swap;
  }
  return order;
}
