import { catalogueIssue } from "../core/catalogueIssue.js";
import type { Issue } from "../core/issue.js";

/**
 * Why a ballot box or an event store refuses something, by code: the English message of
 * each, made from the issue's typed `params`. An app that shows refusals in another
 * language keys its own messages on the same codes and params.
 *
 * @category Issues
 * @example
 * ```ts
 * storageIssueMessages["already-cast"]({ box: "north-2026" }); //=> "this voter has already cast a ballot in north-2026"
 * ```
 */
export const storageIssueMessages = {
  "unknown-box": (p: { readonly box: string }) => `there is no ballot box ${p.box}`,
  "box-exists": (p: { readonly box: string }) => `a ballot box ${p.box} exists already`,
  "box-not-open": (p: { readonly box: string; readonly state: string }) =>
    `ballot box ${p.box} is ${p.state}, not open`,
  "box-closed": (p: { readonly box: string }) => `ballot box ${p.box} is closed`,
  "box-not-closable": (p: { readonly box: string; readonly state: string }) =>
    `ballot box ${p.box} is ${p.state}: only an open box closes`,
  "already-cast": (p: { readonly box: string }) =>
    `this voter has already cast a ballot in ${p.box}`,
  "no-ballot-to-change": (p: { readonly box: string }) =>
    `this voter has no ballot in ${p.box} to replace or withdraw`,
  "ballots-final": (p: { readonly box: string; readonly secrecy: string }) =>
    `ballots in ${p.box} cannot be replaced or withdrawn (${p.secrecy === "unlinkable" ? "who voted is kept apart from what they voted" : "the rules forbid it"})`,
  "invalid-voter": (p: { readonly reason: string }) => `the voter id ${p.reason}`,
  "ballot-rejected": (p: { readonly reason: string }) => `the ballot is not valid: ${p.reason}`,
  "ballot-too-large": (p: { readonly bytes: number; readonly limit: number }) =>
    `the ballot takes ${p.bytes} bytes, more than the box's limit of ${p.limit}`,
  "invalid-box": (p: { readonly reason: string }) => `the ballot box definition ${p.reason}`,
  "invalid-paper-batch": (p: { readonly batch: string; readonly reason: string }) =>
    `paper batch ${p.batch}: ${p.reason}`,
  "batch-exists": (p: { readonly batch: string }) => `paper batch ${p.batch} was entered already`,
  "version-conflict": (p: {
    readonly stream: string;
    readonly expected: number;
    readonly actual: number;
  }) =>
    `stream ${p.stream} is at version ${p.actual}, not ${p.expected}: someone appended first; read it again and retry`,
  "events-not-json": (p: { readonly reason: string }) => `the events cannot be stored: ${p.reason}`,
  "chain-broken": (p: { readonly index: number; readonly reason: string }) =>
    `the audit chain breaks at entry ${p.index}: ${p.reason}`,
  "ballots-mismatch": (p: { readonly reason: string }) =>
    `the ballots do not match the audit chain: ${p.reason}`,
} as const;

/**
 * A code of civitas/storage's issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: StorageIssueCode = "already-cast";
 * ```
 */
export type StorageIssueCode = keyof typeof storageIssueMessages;

/**
 * The params of each storage issue code.
 *
 * @category Issues
 * @example
 * ```ts
 * const params: StorageIssueParams<"box-not-open"> = { box: "north", state: "closed" };
 * ```
 */
export type StorageIssueParams<C extends StorageIssueCode> = Parameters<
  (typeof storageIssueMessages)[C]
>[0];

/**
 * One storage refusal, its message from the catalogue.
 *
 * @category Issues
 * @example
 * ```ts
 * storageIssue("unknown-box", ["box"], { box: "north" }).message; //=> "there is no ballot box north"
 * ```
 */
export function storageIssue<C extends StorageIssueCode>(
  code: C,
  path: readonly (string | number)[],
  params: StorageIssueParams<C>,
): Issue {
  return catalogueIssue(storageIssueMessages, code, path, params);
}
