import { catalogueIssue } from "../core/catalogueIssue.js";
import type { Issue } from "../core/issue.js";

/**
 * Why an action is not allowed (`isAllowed`) or a participant not eligible
 * (`checkEligibility`), by code: the English message of each, made from the issue's
 * params, so an app can show its own translation keyed on the code.
 *
 * @category Calendar
 * @example
 * ```ts
 * accessIssueMessages["too-young"]({ participant: "léo", age: 15, on: "2026-09-01", minimumAge: 16 });
 * //=> "léo is 15 on 2026-09-01, under 16"
 * ```
 */
export const accessIssueMessages = {
  "no-phase-running": (p: { readonly process: string }) => `no phase of ${p.process} is running`,
  "phase-forbids-action": (p: { readonly phase: string; readonly action: string }) =>
    `the phase "${p.phase}" does not permit ${p.action}`,
  "participant-required": (p: { readonly action: string }) =>
    `${p.action} needs an identified participant`,
  "not-verified": (p: { readonly participant: string }) => `${p.participant} is not verified`,
  "not-resident": (p: { readonly participant: string; readonly scopes: readonly string[] }) =>
    `${p.participant} does not live in ${p.scopes.join(" or ")}`,
  "no-birth-date": (p: { readonly participant: string }) =>
    `${p.participant} has no known birth date`,
  "too-young": (p: {
    readonly participant: string;
    readonly age: number;
    readonly on: string;
    readonly minimumAge: number;
  }) => `${p.participant} is ${p.age} on ${p.on}, under ${p.minimumAge}`,
  "not-in-census": (p: { readonly participant: string; readonly census: string }) =>
    `${p.participant} is not in the ${p.census} list`,
  "custom-refusal": (p: { readonly policy: string; readonly reason: string }) =>
    `${p.policy}: ${p.reason}`,
};

/**
 * The code of an access refusal: a closed set, each with its message and typed params in
 * {@link accessIssueMessages}.
 *
 * @category Calendar
 * @example
 * ```ts
 * const code: AccessIssueCode = "phase-forbids-action";
 * ```
 */
export type AccessIssueCode = keyof typeof accessIssueMessages;

/**
 * An access refusal as an issue: its code, an empty path, the English message and the
 * params it was made from.
 *
 * @category Calendar
 * @example
 * ```ts
 * accessIssue("not-verified", { participant: "ana" }).message; //=> "ana is not verified"
 * ```
 */
export function accessIssue<C extends AccessIssueCode>(
  code: C,
  params: Parameters<(typeof accessIssueMessages)[C]>[0],
): Issue {
  return catalogueIssue(accessIssueMessages, code, [], params);
}
