import * as z from "zod/mini";
import { lazySchema } from "../core/lazySchema.js";

const translated = z.record(z.string(), z.string());

/**
 * The zod schema of a result status, as Decidim's `Status`: a key, a translated name and
 * description, and the progress a result with this status usually has (0 to 100, optional).
 *
 * @category Accountability
 * @example
 * ```ts
 * parseSchema(resultStatusSchema, { id: "3", key: "works", name: { en: "Works under way" }, progress: 50 }).success; //=> true
 * ```
 */
export const resultStatusSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    key: z.string().check(z.minLength(1)),
    name: translated,
    description: z.optional(translated),
    progress: z.optional(z.number().check(z.gte(0), z.lte(100))),
  }),
);

/**
 * A result status, as {@link resultStatusSchema} reads it.
 *
 * @category Accountability
 * @example
 * ```ts
 * const status: ResultStatus = { id: "1", key: "planned", name: { en: "Planned" }, progress: 0 };
 * ```
 */
export type ResultStatus = z.infer<typeof resultStatusSchema>;

/**
 * The zod schema of a result, as Decidim's accountability keeps one: translated title and
 * description, its parent (results form a tree), status, category and scope, progress (0
 * to 100; a parent's is computed from its children), weight among its siblings, start and
 * end dates, the proposals and budget projects it carries out, and a timeline.
 *
 * @category Accountability
 * @example
 * ```ts
 * parseSchema(resultSchema, { id: "12", title: { en: "Cycle lane, rue Saint-Aubin" }, progress: 40 }).success; //=> true
 * ```
 */
export const resultSchema = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    title: translated,
    description: z._default(translated, {}),
    parentId: z.optional(z.string()),
    statusId: z.optional(z.string()),
    categoryId: z.optional(z.string()),
    scopeId: z.optional(z.string()),
    progress: z.optional(z.number().check(z.gte(0), z.lte(100))),
    weight: z.optional(z.number().check(z.gte(0))),
    startDate: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    endDate: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    proposalIds: z._default(z.array(z.string()), []),
    projectIds: z._default(z.array(z.string()), []),
    timeline: z._default(
      z.array(
        z.object({
          date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
          description: translated,
          statusId: z.optional(z.string()),
        }),
      ),
      [],
    ),
  }),
);

/**
 * A result, as {@link resultSchema} reads it.
 *
 * @category Accountability
 * @example
 * ```ts
 * const result: Result = { id: "12", title: { en: "Cycle lane" }, description: {}, proposalIds: [], projectIds: ["P-7"], timeline: [] };
 * ```
 */
export type Result = z.infer<typeof resultSchema>;

/** Children by parent id (top-level results under `undefined`), in the given order. */
function childrenOf(results: readonly Result[]): Map<string | undefined, Result[]> {
  const children = new Map<string | undefined, Result[]>();
  for (const result of results) {
    const siblings = children.get(result.parentId) ?? [];
    siblings.push(result);
    children.set(result.parentId, siblings);
  }
  return children;
}

/**
 * Every result's progress, a parent's computed from its children as Decidim computes it
 * (`Result#update_progress!`), all the way up: a leaf keeps its own (none stays none);
 * a parent takes the weighted mean Σ progress × weight / Σ weight (a child without a
 * progress counting 0, without a weight 1; all weights 0 counting alike) when some child
 * has a weight and either it has one child or no child weighs exactly 1, else the mean over
 * the children that have a progress (none when no child has one). Decidim sums progress × weight without dividing,
 * expecting weights that add up to 1; with such weights the two agree, and dividing keeps
 * a parent within its children's range when they do not.
 *
 * @category Accountability
 * @example
 * ```ts
 * resultProgress(results).get("12"); //=> 62.5
 * ```
 */
export function resultProgress(results: readonly Result[]): Map<string, number | undefined> {
  const children = childrenOf(results);
  const progress = new Map<string, number | undefined>();
  const visiting = new Set<string>();
  const of = (result: Result): number | undefined => {
    if (progress.has(result.id)) return progress.get(result.id);
    if (visiting.has(result.id))
      throw new RangeError(`resultProgress: ${result.id} is its own ancestor`);
    visiting.add(result.id);
    const kids = children.get(result.id) ?? [];
    let value: number | undefined;
    if (kids.length === 0) value = result.progress;
    else {
      const values = kids.map(of);
      const weighted =
        kids.some((kid) => kid.weight !== undefined) &&
        (kids.length === 1 || !kids.some((kid) => kid.weight === 1));
      if (weighted) {
        const weights = kids.map((kid) => kid.weight ?? 1);
        const total = weights.reduce((sum, w) => sum + w, 0);
        // Weights that are all 0 say nothing: every child counts alike.
        const counted = total === 0 ? weights.map(() => 1) : weights;
        value =
          values.reduce<number>((sum, v, k) => sum + (v ?? 0) * (counted[k] as number), 0) /
          (total === 0 ? kids.length : total);
      } else {
        const known = values.filter((v): v is number => v !== undefined);
        value =
          known.length === 0 ? undefined : known.reduce((sum, v) => sum + v, 0) / known.length;
      }
    }
    visiting.delete(result.id);
    progress.set(result.id, value);
    return value;
  };
  for (const result of results) of(result);
  return progress;
}

/**
 * The progress of a whole component, the mean over its top-level results, in the two ways
 * Decidim has: `overview` (`ResultsCalculator`, what its progress bar shows) counts a
 * result without a progress as 0; `parents` (the rule for a parent's progress) leaves it
 * out. Decidim uses both, inconsistently; civitas names them.
 *
 * @category Accountability
 * @example
 * ```ts
 * componentProgress(results, "overview"); //=> 41.25
 * componentProgress(results, "parents");  //=> 55
 * ```
 */
export function componentProgress(
  results: readonly Result[],
  mode: "overview" | "parents",
): number | undefined {
  const progress = resultProgress(results);
  const top = results
    .filter((result) => result.parentId === undefined)
    .map((r) => progress.get(r.id));
  const counted =
    mode === "overview" ? top.map((v) => v ?? 0) : top.filter((v): v is number => v !== undefined);
  return counted.length === 0 ? undefined : counted.reduce((sum, v) => sum + v, 0) / counted.length;
}

/**
 * Results for a budget's selected projects, as Decidim imports them
 * (`ImportProjectsToAccountability`): each becomes a result with the project's name and
 * description, the status of lowest progress and that progress (0 without statuses),
 * linked to the project and to its proposals.
 *
 * @category Accountability
 * @example
 * ```ts
 * resultsFromProjects(selected, statuses, { idOf: (project) => `R-${project.id}` });
 * ```
 */
export function resultsFromProjects(
  projects: readonly {
    readonly id: string;
    readonly name: string;
    readonly description?: string | undefined;
    readonly categoryId?: string | undefined;
    readonly scopeId?: string | undefined;
    readonly proposalIds?: readonly string[] | undefined;
  }[],
  statuses: readonly ResultStatus[],
  options: {
    readonly idOf: (project: { readonly id: string }) => string;
    readonly locale?: string;
  },
): Result[] {
  const lowest = [...statuses].sort((a, b) => (a.progress ?? 0) - (b.progress ?? 0))[0];
  const locale = options.locale ?? "en";
  return projects.map((project) => ({
    id: options.idOf(project),
    title: { [locale]: project.name },
    description: project.description === undefined ? {} : { [locale]: project.description },
    ...(lowest === undefined ? {} : { statusId: lowest.id }),
    ...(project.categoryId === undefined ? {} : { categoryId: project.categoryId }),
    ...(project.scopeId === undefined ? {} : { scopeId: project.scopeId }),
    progress: lowest?.progress ?? 0,
    proposalIds: [...(project.proposalIds ?? [])],
    projectIds: [project.id],
    timeline: [],
  }));
}
