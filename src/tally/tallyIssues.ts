import { issueMaker, type NoDetails } from "../core/issue.js";
/**
 * The codes of the issues civitas/tally reports (invalid profiles and options, work
 * limits), each with an English description; the issue's own message and `params` carry
 * the specifics.
 *
 * @category Issues
 * @example
 * ```ts
 * tallyIssueMessages["pairwise-work-limit"]; //=> "the head-to-head count is past its work limit"
 * ```
 */
export const tallyIssueMessages = {
  "committee-search-too-large": "too many committees to search exactly",
  "consensus-rule-work-limit": "the consensus rule went past its work limit",
  "equal-ranks": "a ballot ranks candidates equal where the method does not allow it",
  "equal-shares-increment-limit": "the increment completion needed more steps than its limit",
  "fractional-weights": "the method counts whole voters, and a weight is fractional",
  "invalid-arithmetic": "the STV arithmetic is not one civitas offers",
  "invalid-count": "a count is not a whole number",
  "invalid-keep-factor-digits": "keepFactorDigits is out of range",
  "invalid-omega": "omegaDigits is out of range",
  "invalid-referendum-ballots": "the referendum ballots do not match their schema",
  "invalid-scoring-vector": "the scoring vector is malformed",
  "invalid-seats": "the number of seats is not a positive whole number within the candidates",
  "invalid-tie-break": "the tie-break is not one civitas understands",
  "invalid-weight": "a ballot weight is not a positive number",
  "meek-precision-limit": "the Meek count needs more precision than its limit",
  "missing-electorate": "the quorum needs the electorate",
  "missing-seats": "the committee size is missing",
  "no-committee": "no budget lets equal shares fill the committee",
  "pairwise-work-limit": "the head-to-head count is past its work limit",
  "ranked-pairs-work-limit": "ranked pairs' search over equal margins went past its work limit",
  "stable-voting-too-large": "too many candidates for stable voting's exact search",
  "stv-work-limit": "exact STV arithmetic went past its work limit",
  "too-many-candidates": "more candidates than the method can count",
  "too-many-points": "a cumulative ballot gives more points than allowed",
  "unequal-totals": "the ballots' totals differ where the method needs them equal",
} as const;

/**
 * A code of civitas/tally's issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: TallyIssueCode = "stv-work-limit";
 * ```
 */
export type TallyIssueCode = keyof typeof tallyIssueMessages;

/**
 * The params of each of civitas/tally's issue codes, typed: what an app that words its own
 * messages can rely on.
 *
 * @category Issues
 * @example
 * ```ts
 * type Params = TallyIssueParams["committee-search-too-large"];
 * ```
 */
export interface TallyIssueParams {
  readonly "committee-search-too-large": { readonly limit: number };
  readonly "consensus-rule-work-limit": { readonly limit: number };
  readonly "equal-ranks": NoDetails;
  readonly "equal-shares-increment-limit": { readonly limit: number };
  readonly "fractional-weights": { readonly rule: string };
  readonly "invalid-arithmetic": { readonly value: string };
  readonly "invalid-count": NoDetails;
  readonly "invalid-keep-factor-digits": { readonly keepFactorDigits: number };
  readonly "invalid-omega": { readonly omegaDigits: number };
  readonly "invalid-referendum-ballots": NoDetails;
  readonly "invalid-scoring-vector": NoDetails;
  readonly "invalid-seats": NoDetails;
  readonly "invalid-tie-break": { readonly value: string; readonly unknown: string };
  readonly "invalid-weight": NoDetails;
  readonly "meek-precision-limit": { readonly omegaDigits: number };
  readonly "missing-electorate": NoDetails;
  readonly "missing-seats": NoDetails;
  readonly "no-committee": NoDetails;
  readonly "pairwise-work-limit": {
    readonly work: number;
    readonly limit: number;
    readonly candidates: number;
  };
  readonly "ranked-pairs-work-limit": { readonly limit: number; readonly topCycle: number };
  readonly "stable-voting-too-large": { readonly candidates: number };
  readonly "stv-work-limit": { readonly workLimit: number };
  readonly "too-many-candidates": NoDetails;
  readonly "too-many-points": { readonly spent: number; readonly points: number };
  readonly "unequal-totals": { readonly totals: readonly string[] };
}

/**
 * Builds one of civitas/tally's issues, its params typed by its code.
 *
 * @internal
 */
export const tallyIssue = issueMaker<TallyIssueParams>();
