/**
 * Approval ballots over named candidates, for committee elections: each ballot approves a
 * set of candidates, `weight` voters cast it.
 *
 * @category Profiles
 * @example
 * ```ts
 * const profile: ApprovalProfile = {
 *   candidates: ["a", "b", "c"],
 *   names: {},
 *   ballots: [{ approved: ["a", "b"], weight: 2 }, { approved: ["c"], weight: 1 }],
 *   seats: 2,
 * };
 * ```
 */
export interface ApprovalProfile {
  readonly candidates: readonly string[];
  readonly names: Readonly<Record<string, string>>;
  readonly ballots: readonly { readonly approved: readonly string[]; readonly weight: number }[];
  /** Committee size, when the source gives it (abcvoting's `committeesize`). */
  readonly seats?: number;
}
