import type { Issue, IssueSeverity, NoDetails } from "../core/issue.js";
import { type IoIssueCode, type IoIssueDetails, type IoIssueParams, ioIssue } from "./ioIssues.js";

/**
 * The details argument of a located issue: optional when the code has none.
 *
 * @internal
 */
export type IoDetailsArgument<C extends IoIssueCode> = NoDetails extends IoIssueDetails[C]
  ? [details?: IoIssueDetails[C]]
  : [details: IoIssueDetails[C]];

/**
 * An issue at a place in a text file: the message starts `line L, column C:` and the
 * params carry both, so any reader reports problems the same way.
 *
 * @internal
 */
export function locatedIssue<C extends IoIssueCode>(
  code: C,
  line: number,
  column: number,
  message: string,
  ...[details]: IoDetailsArgument<C>
): Issue {
  return locatedAt(code, ["line", line], line, column, message, details);
}

/**
 * A located issue with its own path (a section, a key) and severity.
 *
 * @internal
 */
export function locatedAt<C extends IoIssueCode>(
  code: C,
  path: readonly (string | number)[],
  line: number,
  column: number,
  message: string,
  details: IoIssueDetails[C] | undefined,
  severity: IssueSeverity = "error",
): Issue {
  const params = { line, column, ...details } as IoIssueParams[C];
  return ioIssue(code, path, `line ${line}, column ${column}: ${message}`, params, severity);
}

/**
 * Adds a located issue to a list: `at(line, column, code, message, details)`.
 *
 * @internal
 */
export type LocatedReporter = <C extends IoIssueCode>(
  line: number,
  column: number,
  code: C,
  message: string,
  ...details: IoDetailsArgument<C>
) => void;

/**
 * A {@link LocatedReporter} that adds to `issues`.
 *
 * @internal
 */
export function locatedIssues(issues: Issue[]): LocatedReporter {
  return (line, column, code, message, ...details) => {
    issues.push(locatedIssue(code, line, column, message, ...details));
  };
}
