/**
 * A problem with the input, returned as a value: never thrown.
 *
 * `code` is stable and machine-readable (pick the message from your own locale catalogue
 * keyed by it), `path` says where in the input the problem is, `message` is one line a
 * citizen or a researcher can read, and `params` carries the structured facts (line,
 * column, the offending value, the limit that was crossed…).
 *
 * @category Issues
 * @example
 * ```ts
 * const problem: Issue = {
 *   code: "negative-cost",
 *   path: ["projects", 3, "cost"],
 *   message: "line 12, column 4: the cost of project 7 is negative (-100)",
 *   params: { line: 12, column: 4, value: "-100" },
 * };
 * ```
 */
export interface Issue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * Builds an {@link Issue}; `params` defaults to `{}`.
 *
 * @category Issues
 * @example
 * ```ts
 * makeIssue("missing-budget", ["meta", "budget"], "META has no budget");
 * //=> { code: "missing-budget", path: ["meta", "budget"], message: "META has no budget", params: {} }
 * ```
 */
export function makeIssue(
  code: string,
  path: readonly (string | number)[],
  message: string,
  params: Readonly<Record<string, unknown>> = {},
): Issue {
  return { code, path, message, params };
}
