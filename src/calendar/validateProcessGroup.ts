import * as z from "zod/mini";
import type { Issue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { calendarIssue } from "./calendarIssues.js";
import { type Process, validateProcess } from "./validateProcess.js";

/**
 * The zod schema of a group of processes (a city's participatory budgets across years,
 * a department's consultations): an id, a title, and its processes' definitions.
 *
 * @category Calendar
 * @example
 * ```ts
 * parseSchema(processGroupSchema, { id: "angers-bp", title: "Budgets participatifs", processes: [] }).success; //=> true
 * ```
 */
export const processGroupSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    title: z.string(),
    processes: z.array(z.unknown()),
  }),
);

/**
 * Validates a group of processes: the group's own fields, each process (its issues' paths
 * start with `processes`, its index), and that no two processes share an id.
 *
 * @category Calendar
 * @example
 * ```ts
 * const group = validateProcessGroup({ id: "g", title: "G", processes: [angers, valDeMarne] });
 * if (group.ok) group.value.processes.length; //=> 2
 * ```
 */
export function validateProcessGroup(
  input: unknown,
  options: { readonly capabilities?: readonly string[] } = {},
): Result<{ readonly id: string; readonly title: string; readonly processes: readonly Process[] }> {
  const parsed = parseSchema(processGroupSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-process-group", "group"));
  const issues: Issue[] = [];
  const processes: Process[] = [];
  const ids = new Set<string>();
  parsed.data.processes.forEach((definition, k) => {
    const checked = validateProcess(definition, options);
    if (!checked.ok) {
      for (const issue of checked.issues)
        issues.push({ ...issue, path: ["processes", k, ...issue.path] });
      return;
    }
    if (ids.has(checked.value.definition.id))
      issues.push(
        calendarIssue(
          "duplicate-process",
          ["processes", k, "id"],
          `process id "${checked.value.definition.id}" is used twice in the group`,
        ),
      );
    ids.add(checked.value.definition.id);
    processes.push(checked.value);
  });
  return issues.length > 0
    ? fail(issues)
    : ok({ id: parsed.data.id, title: parsed.data.title, processes });
}
