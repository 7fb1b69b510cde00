import { type Issue, makeIssue } from "./issue.js";

/**
 * The issues of a failed zod parse, one per problem, each with `code`, the path into the
 * input and a message that starts with that path (or with `subject` when the problem is
 * the whole input): what a boundary returns instead of throwing. The one mapping from zod
 * to issues: `code` may depend on the problem (its path and zod's code), and `locate` adds
 * a file position (line and column) to each issue where the input came from a file.
 *
 * @category Issues
 * @example
 * ```ts
 * const parsed = schema.safeParse(input);
 * if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-process", "process"));
 * // [{ code: "invalid-process", path: ["phases", 0, "end"], message: "phases.0.end: Invalid input…", params: {} }]
 * ```
 */
export function schemaIssues(
  error: {
    readonly issues: readonly {
      readonly path: readonly PropertyKey[];
      readonly message: string;
      readonly code?: string;
    }[];
  },
  code:
    | string
    | ((problem: {
        readonly path: readonly (string | number)[];
        readonly code?: string;
      }) => string),
  subject: string,
  locate: (issue: Issue) => Issue = (issue) => issue,
): Issue[] {
  return error.issues.map((problem) => {
    const path = problem.path.map((part) => (typeof part === "number" ? part : String(part)));
    const codeOf =
      typeof code === "string"
        ? code
        : code({ path, ...(problem.code === undefined ? {} : { code: problem.code }) });
    return locate(makeIssue(codeOf, path, `${path.join(".") || subject}: ${problem.message}`));
  });
}
