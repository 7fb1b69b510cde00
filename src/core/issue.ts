/**
 * How much an issue matters: an `error` stops the input from being used; a `warning` says
 * what was assumed to read input whose meaning is clear (a project listed twice in one
 * vote, counted once). `--strict` in the CLI, or {@link strictResult}, turns warnings into
 * errors.
 *
 * @category Issues
 * @example
 * ```ts
 * const level: IssueSeverity = "warning";
 * ```
 */
export type IssueSeverity = "error" | "warning";

/**
 * A problem with the input, returned as a value: never thrown.
 *
 * `code` is stable and machine-readable (pick the message from your own locale catalogue
 * keyed by it), `path` says where in the input the problem is, `message` is one line a
 * citizen or a researcher can read, and `params` carries the structured facts (line,
 * column, the offending value, the limit that was crossed…). `severity` is absent or
 * `"error"` for a problem, `"warning"` for an assumption made while reading.
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
  readonly severity?: IssueSeverity;
}

/**
 * Builds an {@link Issue}; `params` defaults to `{}`. The message is made one line:
 * line breaks and other control characters (which a hostile file can put in an id or a
 * name) are written as escapes such as `\n`.
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
  return { code, path, message: oneLine(message), params };
}

/**
 * Builds a warning: an {@link Issue} with `severity: "warning"`, for input read under an
 * assumption that the message states.
 *
 * @category Issues
 * @example
 * ```ts
 * makeWarning("repeated-project-in-vote", ["VOTES", 4], 'project "12" appears twice in one vote; counted once');
 * //=> { code: "repeated-project-in-vote", path: ["VOTES", 4], message: "…", params: {}, severity: "warning" }
 * ```
 */
export function makeWarning(
  code: string,
  path: readonly (string | number)[],
  message: string,
  params: Readonly<Record<string, unknown>> = {},
): Issue {
  return { ...makeIssue(code, path, message, params), severity: "warning" };
}

/**
 * Whether an issue is a warning (an assumption) rather than an error.
 *
 * @category Issues
 * @example
 * ```ts
 * isWarning(makeWarning("x", [], "assumed")); //=> true
 * isWarning(makeIssue("x", [], "broken")); //=> false
 * ```
 */
export function isWarning(issue: Issue): boolean {
  return issue.severity === "warning";
}

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Text made safe for a one-line message: every control character becomes a visible
 * escape (`\n`, `\r`, `\t`, `\u001b`, …), so a hostile name cannot break a log line or
 * drive a terminal.
 *
 * @category Issues
 * @example
 * ```ts
 * oneLine('project "a\nb"'); //=> 'project "a\\nb"'
 * ```
 */
export function oneLine(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(
    CONTROL,
    (char) =>
      (Object.hasOwn(ESCAPES, char) ? ESCAPES[char] : undefined) ??
      `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * A {@link makeIssue} whose code must be one of a module's and whose params must have the
 * type that module gives that code: `P` maps codes to params.
 *
 * @category Issues
 * @example
 * ```ts
 * const myIssue = issueMaker<{ "too-late": { readonly day: string } }>();
 * myIssue("too-late", ["ballot"], "voting closed on 2026-10-11", { day: "2026-10-11" });
 * ```
 */
export type IssueMaker<P> = <C extends keyof P & string>(
  code: C,
  path: readonly (string | number)[],
  message: string,
  ...rest: NoDetails extends P[C]
    ? [params?: P[C], severity?: IssueSeverity]
    : [params: P[C], severity?: IssueSeverity]
) => Issue;

/**
 * The params of a code that has none to give: an object with no properties.
 *
 * @category Issues
 * @example
 * ```ts
 * const none: NoDetails = {};
 * ```
 */
export type NoDetails = Readonly<Record<string, never>>;

/**
 * An {@link IssueMaker} for a module's map of codes to params.
 *
 * @category Issues
 * @example
 * ```ts
 * const myIssue = issueMaker<{ "too-late": { readonly day: string } }>();
 * myIssue("too-late", [], "voting closed", { day: "2026-10-11" }).params.day; //=> "2026-10-11"
 * ```
 */
export function issueMaker<P>(): IssueMaker<P> {
  return (code, path, message, ...[params, severity]) =>
    (severity === "warning" ? makeWarning : makeIssue)(
      code,
      path,
      message,
      (params ?? {}) as Readonly<Record<string, unknown>>,
    );
}

/**
 * An {@link IssueMaker} of warnings (assumptions a reader or check made) for a module's map
 * of codes to params.
 *
 * @category Issues
 * @example
 * ```ts
 * const myWarning = warningMaker<{ "names-guessed": { readonly count: number } }>();
 * myWarning("names-guessed", [], "3 names guessed", { count: 3 }).severity; //=> "warning"
 * ```
 */
export function warningMaker<P>(): IssueMaker<P> {
  return (code, path, message, ...[params]) =>
    makeWarning(code, path, message, (params ?? {}) as Readonly<Record<string, unknown>>);
}
