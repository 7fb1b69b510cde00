import { type Issue, makeIssue } from "./issue.js";

/**
 * An issue whose English message a catalogue makes from its params: the one way the
 * modules' typed refusals (`proposalIssue`, `accessIssue`, `votingIssue`) are built, so a
 * message is always the catalogue's for the issue's code and params.
 *
 * @category Issues
 * @example
 * ```ts
 * const messages = { "too-late": (p: { readonly day: string }) => `too late: voting closed on ${p.day}` };
 * catalogueIssue(messages, "too-late", ["ballot"], { day: "2026-10-11" }).message; //=> "too late: voting closed on 2026-10-11"
 * ```
 */
export function catalogueIssue<
  M extends { readonly [code: string]: (params: never) => string },
  C extends keyof M & string,
>(messages: M, code: C, path: readonly (string | number)[], params: Parameters<M[C]>[0]): Issue {
  const message = (messages[code] as (p: Parameters<M[C]>[0]) => string)(params);
  return makeIssue(code, path, message, params as Readonly<Record<string, unknown>>);
}
