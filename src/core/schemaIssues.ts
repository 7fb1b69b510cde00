import { type Issue, makeIssue } from "./issue.js";

/**
 * The issues of a failed zod parse, one per problem, each with `code`, the path into the
 * input and a message that starts with that path (or with `subject` when the problem is
 * the whole input): what a boundary returns instead of throwing.
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
    readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
  },
  code: string,
  subject: string,
): Issue[] {
  return error.issues.map((issue) =>
    makeIssue(
      code,
      issue.path.map((part) => (typeof part === "number" ? part : String(part))),
      `${issue.path.map(String).join(".") || subject}: ${issue.message}`,
    ),
  );
}
