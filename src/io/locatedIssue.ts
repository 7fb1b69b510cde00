import { type Issue, makeIssue } from "../core/issue.js";

/**
 * An issue at a place in a text file: the message starts `line L, column C:` and the
 * params carry both, so any reader reports problems the same way.
 *
 * @internal
 */
export function locatedIssue(
  code: string,
  line: number,
  column: number,
  message: string,
  params: Readonly<Record<string, unknown>> = {},
): Issue {
  return makeIssue(code, ["line", line], `line ${line}, column ${column}: ${message}`, {
    line,
    column,
    ...params,
  });
}

/**
 * A function that adds a {@link locatedIssue} to `issues`: `at(line, column, code, message)`.
 *
 * @internal
 */
export function locatedIssues(
  issues: Issue[],
): (
  line: number,
  column: number,
  code: string,
  message: string,
  params?: Readonly<Record<string, unknown>>,
) => void {
  return (line, column, code, message, params = {}) => {
    issues.push(locatedIssue(code, line, column, message, params));
  };
}
