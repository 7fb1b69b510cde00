import { catalogueIssue } from "../core/catalogueIssue.js";
import type { Issue, NoDetails } from "../core/issue.js";

/**
 * Why a command on an initiative is refused, by code: the English message of each, made
 * from the issue's typed `params`. Every code has a case in the refusal catalogue test.
 *
 * @category Issues
 * @example
 * ```ts
 * initiativeIssueMessages["already-signed"]({ person: "ana", scope: "global" }); //=> "ana has already signed in global"
 * ```
 */
export const initiativeIssueMessages = {
  "invalid-initiative-command": (p: { readonly reason: string }) => `the command ${p.reason}`,
  "initiative-exists": (p: { readonly id: string }) => `initiative ${p.id} already exists`,
  "unknown-initiative-scope": (p: { readonly scope: string }) =>
    `the initiative type has no scope ${p.scope}`,
  "admin-only": (p: { readonly action: string }) => `only an administrator may ${p.action}`,
  "authors-only": (p: { readonly action: string }) =>
    `only the initiative's author may ${p.action}`,
  "wrong-state": (p: { readonly action: string; readonly state: string }) =>
    `cannot ${p.action} an initiative that is ${p.state}`,
  "no-committee": (_: NoDetails) => "the initiative type has no promoting committee",
  "already-committee-member": (p: { readonly member: string }) =>
    `${p.member} is already on the promoting committee`,
  "not-enough-committee-members": (p: { readonly members: number; readonly minimum: number }) =>
    `the promoting committee has ${p.members} members; technical validation needs ${p.minimum}`,
  "invalid-signature-end": (p: { readonly end: string; readonly start: string }) =>
    `the signature end ${p.end} is before its start ${p.start}`,
  "signatures-closed": (p: {
    readonly today: string;
    readonly start: string;
    readonly end: string;
  }) => `signatures are open from ${p.start} to ${p.end}, not on ${p.today}`,
  "online-signatures-not-accepted": (_: NoDetails) =>
    "this initiative collects signatures offline only",
  "offline-signatures-not-accepted": (_: NoDetails) =>
    "this initiative collects signatures online only",
  "not-eligible": (p: { readonly person: string; readonly reasons: string }) =>
    `${p.person} may not sign: ${p.reasons}`,
  "not-in-scope": (p: { readonly person: string }) =>
    `${p.person} lives in none of the scopes this initiative collects signatures in`,
  "already-signed": (p: { readonly person: string; readonly scope: string }) =>
    `${p.person} has already signed in ${p.scope}`,
  "not-signed": (p: { readonly person: string }) => `${p.person} has not signed`,
  "unsigning-not-allowed": (_: NoDetails) =>
    "this initiative's type does not allow withdrawing a signature",
  "batch-already-entered": (p: { readonly batch: string }) =>
    `the paper batch ${p.batch} is already entered`,
  "signature-period-running": (p: { readonly end: string }) =>
    `the signature period runs until ${p.end}`,
  "goal-reached": (_: NoDetails) =>
    "the initiative reached its goal: it can be accepted, not rejected",
  "goal-not-reached": (_: NoDetails) =>
    "the initiative did not reach its goal: it can be rejected, not accepted",
} as const;

/**
 * A code of civitas/initiatives' refusals.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: InitiativeIssueCode = "already-signed";
 * ```
 */
export type InitiativeIssueCode = keyof typeof initiativeIssueMessages;

/**
 * One refusal, its message from the catalogue.
 *
 * @category Issues
 * @example
 * ```ts
 * initiativeIssue("not-signed", ["person"], { person: "ana" }).message; //=> "ana has not signed"
 * ```
 */
export function initiativeIssue<C extends InitiativeIssueCode>(
  code: C,
  path: readonly (string | number)[],
  params: Parameters<(typeof initiativeIssueMessages)[C]>[0],
): Issue {
  return catalogueIssue(initiativeIssueMessages, code, path, params);
}
