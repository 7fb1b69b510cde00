import { catalogueIssue } from "../core/catalogueIssue.js";
import type { Issue } from "../core/issue.js";

/**
 * Why a draw or its verification is refused or fails, by code: the English message of
 * each, made from the issue's typed `params`.
 *
 * @category Issues
 * @example
 * ```ts
 * sortitionIssueMessages["repeated-candidate"]({ id: "12" }); //=> "candidate 12 is listed twice"
 * ```
 */
export const sortitionIssueMessages = {
  "invalid-draw": (p: { readonly reason: string }) => `the draw ${p.reason}`,
  "invalid-panel": (p: { readonly reason: string }) => `the panel selection ${p.reason}`,
  "infeasible-quotas": (p: { readonly quotas: string }) =>
    `no panel can meet these quotas together: ${p.quotas}`,
  "panel-work-limit": (p: { readonly limit: number }) =>
    `the panel selection needed more than its limit of ${p.limit} panels generated`,
  "candidates-sorted": () =>
    "the candidate ids were not in ascending order: sorted, as Decidim lists them before drawing",
  "repeated-candidate": (p: { readonly id: string }) => `candidate ${p.id} is listed twice`,
  "commitment-mismatch": (p: { readonly commitment: string; readonly computed: string }) =>
    `the revealed secret does not match the commitment: SHA-256 gives ${p.computed}, the commitment was ${p.commitment}`,
  "drawn-mismatch": (p: {
    readonly position: number;
    readonly published: string;
    readonly computed: string;
  }) =>
    `the published draw differs at position ${p.position}: ${p.published} published, ${p.computed} computed`,
  "drawn-count-mismatch": (p: { readonly published: number; readonly computed: number }) =>
    `the published draw names ${p.published} candidates, the inputs draw ${p.computed}`,
} as const;

/**
 * A code of civitas/sortition's issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: SortitionIssueCode = "commitment-mismatch";
 * ```
 */
export type SortitionIssueCode = keyof typeof sortitionIssueMessages;

/**
 * One sortition issue, its message from the catalogue.
 *
 * @category Issues
 * @example
 * ```ts
 * sortitionIssue("repeated-candidate", ["candidates", 3], { id: "12" }).message;
 * ```
 */
export function sortitionIssue<C extends SortitionIssueCode>(
  code: C,
  path: readonly (string | number)[],
  params: Parameters<(typeof sortitionIssueMessages)[C]>[0],
): Issue {
  return catalogueIssue(sortitionIssueMessages, code, path, params);
}
