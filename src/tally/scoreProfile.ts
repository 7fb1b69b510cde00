/**
 * Score (or grade) ballots: each ballot gives each candidate a score from 0 to `maxScore`
 * (a candidate it leaves out scores 0); `weight` voters cast it.
 *
 * @category Profiles
 * @example
 * ```ts
 * const profile: ScoreProfile = {
 *   candidates: ["a", "b"],
 *   names: {},
 *   maxScore: 5,
 *   ballots: [{ scores: { a: 5, b: 2 }, weight: 3 }],
 * };
 * ```
 */
export interface ScoreProfile {
  readonly candidates: readonly string[];
  readonly names: Readonly<Record<string, string>>;
  readonly maxScore: number;
  readonly ballots: readonly {
    readonly scores: Readonly<Record<string, number>>;
    readonly weight: number;
  }[];
}
