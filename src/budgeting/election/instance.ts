import type { Money } from "../../core/money.js";

/**
 * A project put to the vote.
 *
 * `fields` keeps every other column the source had (votes, score, selected, latitude…),
 * as text, so nothing is lost between reading a file and writing it back.
 *
 * @category Model
 * @example
 * ```ts
 * const park: PbProject = { id: "618", cost: 500000n, name: "Park", categories: ["greenery"], targets: [], fields: { votes: "14732" } };
 * ```
 */
export interface PbProject {
  /** The project's id, always a string (`"BO.D4.85/25"`, `"618"`). */
  readonly id: string;
  /** Cost in minor units at the instance's {@link PbInstance.scale}. */
  readonly cost: Money;
  readonly name: string;
  readonly categories: readonly string[];
  readonly targets: readonly string[];
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * A participatory-budgeting instance: the budget, the projects and what is known about
 * the process. Amounts are integer minor units; `scale` says how many decimal digits a
 * minor unit has (0 for whole złoty, 2 for cents).
 *
 * @category Model
 * @example
 * ```ts
 * const instance: PbInstance = {
 *   budget: 1000n,
 *   scale: 0,
 *   projects: [{ id: "a", cost: 600n, name: "Park", categories: [], targets: [], fields: {} }],
 *   meta: { description: "Example" },
 *   projectColumns: ["project_id", "cost", "name"],
 * };
 * ```
 */
export interface PbInstance {
  readonly budget: Money;
  readonly scale: number;
  /** Projects in the order of the source (Pabulib's PROJECTS order, the published ranking). */
  readonly projects: readonly PbProject[];
  /** Every META entry, verbatim, in source order. */
  readonly meta: Readonly<Record<string, string>>;
  /** The column order of the source's PROJECTS section, for writing it back. */
  readonly projectColumns: readonly string[];
}
