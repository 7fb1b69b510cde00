import type { TieBreakingKeys, TieBreakingPolicy } from "../../core/tieBreaking.js";
import type { PbProject } from "./instance.js";
import type { ProjectSupport } from "./projectSupport.js";

/**
 * The cities' convention for ties: lower cost, then more supporters, then project id in
 * plain string order.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * greedy(instance, profile, { tieBreaking: defaultPbTieBreaking });
 * ```
 */
export const defaultPbTieBreaking: TieBreakingPolicy = [
  { by: "cost", prefer: "lower" },
  { by: "votes", prefer: "higher" },
  { by: "id", prefer: "lower" },
];

/**
 * The keys a budgeting tie-breaking policy may name, with the direction each takes when
 * a policy written as text (`"cost,votes,id"`) does not say: `cost` (lower first),
 * `votes` and `score` (higher first), `id` (string order), `position` (earlier in the
 * PROJECTS section first: the published ranking).
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * parseTieBreakingPolicy("cost,votes,id", pbTieBreakingDirections);
 * ```
 */
export const pbTieBreakingDirections: Readonly<Record<string, "lower" | "higher">> = {
  cost: "lower",
  votes: "higher",
  score: "higher",
  id: "lower",
  position: "lower",
};

/**
 * Reads the tie-breaking keys of a project, given the instance's projects and support.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const compare = tieBreakingComparator(defaultPbTieBreaking, pbTieBreakingKeys(instance.projects, support));
 * ```
 */
export function pbTieBreakingKeys(
  projects: readonly PbProject[],
  support: ReadonlyMap<string, ProjectSupport>,
): TieBreakingKeys<PbProject> {
  const position = new Map(projects.map((project, k) => [project.id, k]));
  return {
    id: (project) => project.id,
    cost: (project) => project.cost,
    votes: (project) => support.get(project.id)?.votes ?? 0,
    score: (project) => support.get(project.id)?.score ?? { num: 0n, den: 1n },
    position: (project) => position.get(project.id) ?? Number.MAX_SAFE_INTEGER,
  };
}
