import { catalogueIssue } from "../../core/catalogueIssue.js";
import type { Issue } from "../../core/issue.js";

/**
 * Why a project cannot be added to or removed from a ballot, or a ballot not submitted,
 * by code: the English message of each, made from the issue's params (amounts already
 * written with the currency), so a voting page can show it or its own translation keyed
 * on the code.
 *
 * @category Voting
 * @example
 * ```ts
 * votingIssueMessages["over-budget"]({ project: "tram", over: "1200 EUR", limit: "1000000 EUR" });
 * //=> "adding tram goes 1200 EUR over the budget of 1000000 EUR"
 * ```
 */
export const votingIssueMessages = {
  "unknown-project": (p: { readonly project: string }) => `there is no project ${p.project}`,
  "already-in-ballot": (p: { readonly project: string }) => `${p.project} is already in the ballot`,
  "not-in-ballot": (p: { readonly project: string }) => `${p.project} is not in the ballot`,
  "empty-ballot": (_: Record<string, never>) => "the ballot has no project: choose at least one",
  "over-budget": (p: {
    readonly project?: string;
    readonly over: string;
    readonly limit: string;
  }) =>
    p.project === undefined
      ? `the ballot goes ${p.over} over the budget of ${p.limit}`
      : `adding ${p.project} goes ${p.over} over the budget of ${p.limit}`,
  "below-threshold": (p: {
    readonly missing: string;
    readonly minimum: string;
    readonly percent: number;
  }) => `spend at least ${p.minimum} (${p.percent}% of the budget): ${p.missing} more`,
  "too-few-projects": (p: { readonly minimum: number; readonly count: number }) =>
    `choose at least ${p.minimum} project${p.minimum === 1 ? "" : "s"} (${p.count} chosen)`,
  "too-many-projects": (p: { readonly maximum: number; readonly project?: string }) =>
    p.project === undefined
      ? `choose at most ${p.maximum} project${p.maximum === 1 ? "" : "s"}`
      : `adding ${p.project} goes past the ${p.maximum} project${p.maximum === 1 ? "" : "s"} allowed`,
  "below-minimum-cost": (p: { readonly missing: string; readonly minimum: string }) =>
    `the projects chosen must cost at least ${p.minimum}: ${p.missing} more`,
  "category-over-budget": (p: {
    readonly category: string;
    readonly over: string;
    readonly limit: string;
    readonly project?: string;
  }) =>
    `${p.project === undefined ? "the ballot" : `adding ${p.project}`} goes ${p.over} over the ${p.limit} allowed for ${p.category}`,
  "insufficient-funds": (p: {
    readonly project?: string;
    readonly heading: string;
    readonly over: string;
    readonly limit: string;
  }) =>
    `insufficient funds: ${p.project === undefined ? "the ballot" : `adding ${p.project}`} goes ${p.over} over the ${p.limit} of ${p.heading}`,
  "insufficient-votes": (p: { readonly heading: string; readonly maximum: number }) =>
    `insufficient votes: ${p.heading} takes at most ${p.maximum} project${p.maximum === 1 ? "" : "s"}`,
  // CONSUL's one code for a ballot line and a support in another heading of the group.
  "different-heading-assigned": (
    p:
      | {
          readonly project: string;
          readonly heading: string;
          readonly chosen: string;
          readonly group: string;
        }
      | {
          readonly heading: string;
          readonly group: string;
          readonly supported: readonly string[];
          readonly maximum: number;
        },
  ) =>
    "project" in p
      ? `${p.project} is in ${p.heading}, but this ballot already votes in ${p.chosen} (one heading per group, ${p.group})`
      : `supports in ${p.group} already go to ${p.supported.join(", ")}: at most ${p.maximum} heading${p.maximum === 1 ? "" : "s"} of this group`,
  "points-out-of-range": (p: {
    readonly project: string;
    readonly points: number;
    readonly minimum?: number;
    readonly maximum?: number;
  }) => `${p.project} gets ${p.points} points, outside ${p.minimum ?? "…"}..${p.maximum ?? "…"}`,
  "points-sum-out-of-range": (p: {
    readonly sum: number;
    readonly minimum?: number;
    readonly maximum?: number;
  }) => `the ballot gives ${p.sum} points in all, outside ${p.minimum ?? "…"}..${p.maximum ?? "…"}`,
  "missing-points": (p: { readonly project: string }) => `${p.project} has no points`,
};

/**
 * The code of a ballot refusal.
 *
 * @category Voting
 * @example
 * ```ts
 * const code: VotingIssueCode = "below-threshold";
 * ```
 */
export type VotingIssueCode = keyof typeof votingIssueMessages;

/**
 * A ballot refusal as an issue, with its English message made from its params.
 *
 * @category Voting
 * @example
 * ```ts
 * votingIssue("too-few-projects", { minimum: 3, count: 1 }).message; //=> "choose at least 3 projects (1 chosen)"
 * ```
 */
export function votingIssue<C extends VotingIssueCode>(
  code: C,
  params: Parameters<(typeof votingIssueMessages)[C]>[0],
): Issue {
  return catalogueIssue(votingIssueMessages, code, ["ballot"], params);
}
