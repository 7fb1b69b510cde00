import * as z from "zod/mini";
import type { Issue } from "../../core/issue.js";
import { lazySchema } from "../../core/lazySchema.js";
import { parseSchema } from "../../core/parseSchema.js";
import { fail, ok, type Result } from "../../core/result.js";
import { schemaIssues } from "../../core/schemaIssues.js";
import { sortitionIssue } from "../sortitionIssues.js";

/**
 * The zod schema of a citizens' panel selection: the pool (each person's id and value of
 * every feature), the panel's size, and quotas — for a feature's value, the fewest and
 * most panel members who may have it.
 *
 * @category Panels
 * @example
 * ```ts
 * parseSchema(panelSelectionSchema, {
 *   pool: [{ id: "p1", features: { gender: "woman", age: "16-29" } }],
 *   size: 1,
 *   quotas: [{ feature: "gender", value: "woman", min: 0, max: 1 }],
 * }).success; //=> true
 * ```
 */
export const panelSelectionSchema = lazySchema(() =>
  z.object({
    pool: z.array(
      z.object({
        id: z.string().check(z.minLength(1)),
        features: z.record(z.string(), z.string()),
      }),
    ),
    size: z.int().check(z.gte(1)),
    quotas: z.array(
      z.object({
        feature: z.string(),
        value: z.string(),
        min: z.int().check(z.gte(0)),
        max: z.int().check(z.gte(0)),
      }),
    ),
  }),
);

/**
 * A panel selection's inputs, as {@link panelSelectionSchema} reads them.
 *
 * @category Panels
 * @example
 * ```ts
 * const selection: PanelSelection = { pool, size: 30, quotas };
 * ```
 */
export type PanelSelection = z.infer<typeof panelSelectionSchema>;

/**
 * A selection checked: people as indexes, each quota with the indexes of those who have it.
 *
 * @internal
 */
export interface CheckedSelection {
  readonly ids: readonly string[];
  readonly size: number;
  readonly quotas: readonly {
    readonly feature: string;
    readonly value: string;
    readonly min: number;
    readonly max: number;
    readonly members: readonly number[];
  }[];
}

/**
 * Reads and checks a selection: zod first, then what makes it impossible on its face —
 * repeated ids, a quota whose minimum passes its maximum or the people who have the value,
 * and a feature whose quotas' minimums add up past the panel's size (or whose maximums,
 * over every value the pool has, fall short of it), each named.
 *
 * @internal
 */
export function checkSelection(input: unknown): Result<CheckedSelection> {
  const parsed = parseSchema(panelSelectionSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-panel", "panel"));
  const { pool, size, quotas } = parsed.data;
  const issues: Issue[] = [];
  const seen = new Set<string>();
  pool.forEach((person, k) => {
    if (seen.has(person.id))
      issues.push(sortitionIssue("repeated-candidate", ["pool", k, "id"], { id: person.id }));
    seen.add(person.id);
  });
  if (size > pool.length)
    issues.push(
      sortitionIssue("infeasible-quotas", ["size"], {
        quotas: `a panel of ${size} from a pool of ${pool.length}`,
      }),
    );
  const checked = quotas.map((quota, q) => {
    const members = pool.flatMap((person, i) =>
      person.features[quota.feature] === quota.value ? [i] : [],
    );
    const name = `${quota.feature} = ${quota.value}`;
    if (quota.min > quota.max)
      issues.push(
        sortitionIssue("infeasible-quotas", ["quotas", q], {
          quotas: `${name}: at least ${quota.min} and at most ${quota.max}`,
        }),
      );
    else if (quota.min > members.length)
      issues.push(
        sortitionIssue("infeasible-quotas", ["quotas", q], {
          quotas: `${name}: at least ${quota.min}, but the pool has ${members.length}`,
        }),
      );
    return { ...quota, members };
  });
  for (const feature of new Set(quotas.map((quota) => quota.feature))) {
    const of = checked.filter((quota) => quota.feature === feature);
    const least = of.reduce((sum, quota) => sum + quota.min, 0);
    if (least > size)
      issues.push(
        sortitionIssue("infeasible-quotas", ["quotas"], {
          quotas: `${of.map((quota) => `${feature} = ${quota.value} at least ${quota.min}`).join(", ")}: ${least} in all, more than the panel's ${size}`,
        }),
      );
    // People whose value has no quota are not bounded above.
    const unbounded = pool.filter(
      (person) => !of.some((quota) => quota.value === person.features[feature]),
    ).length;
    const most =
      of.reduce((sum, quota) => sum + Math.min(quota.max, quota.members.length), 0) + unbounded;
    if (most < size)
      issues.push(
        sortitionIssue("infeasible-quotas", ["quotas"], {
          quotas: `${of.map((quota) => `${feature} = ${quota.value} at most ${quota.max}`).join(", ")}: at most ${most} in all, fewer than the panel's ${size}`,
        }),
      );
  }
  if (issues.length > 0) return fail(issues);
  return ok({ ids: pool.map((person) => person.id), size, quotas: checked });
}
