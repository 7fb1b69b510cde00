import { type Issue, isWarning } from "./issue.js";

/**
 * The outcome of anything that reads untrusted input: the value and the warnings it was
 * read with (assumptions such as a repeated project counted once), or the issues that
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
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

const NO_WARNINGS: readonly Issue[] = Object.freeze([]);

/**
 * Wraps a value as a successful {@link Result}, with the warnings it was read with.
 *
 * @category Issues
 * @example
 * ```ts
 * ok(42); //=> { ok: true, value: 42, warnings: [] }
 * ```
 */
export function ok<T>(value: T, warnings: readonly Issue[] = NO_WARNINGS): Result<T> {
  return { ok: true, value, warnings };
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

/**
 * A result whose warnings are errors: what `--strict` does. A success with warnings
 * becomes a failure listing them (as errors); other results are returned as they are.
 *
 * @category Issues
 * @example
 * ```ts
 * strictResult(ok(1, [makeWarning("assumed", [], "counted once")])).ok; //=> false
 * ```
 */
export function strictResult<T>(result: Result<T>): Result<T> {
  if (!result.ok || result.warnings.length === 0) return result;
  return fail(result.warnings.map((warning) => ({ ...warning, severity: "error" as const })));
}

/**
 * A success with more warnings: `result`'s own followed by `warnings`.
 *
 * @category Issues
 * @example
 * ```ts
 * withWarnings(ok(1), [makeWarning("empty-profile", [], "no ballots")]).warnings.length; //=> 1
 * ```
 */
export function withWarnings<T>(result: Result<T>, warnings: readonly Issue[]): Result<T> {
  if (!result.ok || warnings.length === 0) return result;
  return ok(result.value, [...result.warnings, ...warnings]);
}

/**
 * Splits a list of issues into errors and warnings.
 *
 * @category Issues
 * @example
 * ```ts
 * const { errors, warnings } = partitionIssues(issues);
 * ```
 */
export function partitionIssues(issues: readonly Issue[]): {
  errors: Issue[];
  warnings: Issue[];
} {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const issue of issues) (isWarning(issue) ? warnings : errors).push(issue);
  return { errors, warnings };
}
