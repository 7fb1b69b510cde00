import type { Issue } from "./issue.js";

/**
 * The outcome of anything that reads untrusted input: the value, or the issues that
 * prevented it. Modelled on zod's `safeParse`.
 *
 * @category Issues
 * @example
 * ```ts
 * const r: Result<number> = parseSomething(text);
 * if (r.ok) use(r.value); else show(r.issues.map((i) => i.message));
 * ```
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Wraps a value as a successful {@link Result}.
 *
 * @category Issues
 * @example
 * ```ts
 * ok(42); //=> { ok: true, value: 42 }
 * ```
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Wraps issues as a failed {@link Result}.
 *
 * @category Issues
 * @example
 * ```ts
 * fail([makeIssue("empty-file", [], "the file is empty")]).ok; //=> false
 * ```
 */
export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  return { ok: false, issues };
}
