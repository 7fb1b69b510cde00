import type { PbInstance, PbProject } from "../budgeting/index.js";
import { makeIssue } from "../core/issue.js";
import { formatMoney, type Money } from "../core/money.js";
import { fail, ok, type Result } from "../core/result.js";
import { type Consultation, consultationWithIdRecords } from "./consultation.js";
import { defaultLifecycle, type Lifecycle } from "./lifecycle.js";

/**
 * From proposals to a participatory budget: the published proposals whose published answer
 * is in a fundable state (`accepted` by default) become the projects of a
 * `civitas/budgeting` instance, in the order they were created, at the cost their answer
 * gives (minor units at `scale`). The proposal's scope is kept as the project's `scope`
 * field and its authors in `authors`. A fundable proposal without a cost is an issue
 * (`missing-cost`, with its path), never a project at zero.
 *
 * @category Proposals
 * @example
 * ```ts
 * const instance = toBudgetInstance(replay(log), { budget: 1_000_000_00n, scale: 2, meta: { description: "Angers 2026" } });
 * if (instance.ok) greedy(instance.value, profile);
 * ```
 */
export function toBudgetInstance(
  given: Consultation,
  options: {
    readonly budget: Money;
    readonly scale: number;
    readonly lifecycle?: Lifecycle;
    /** Only proposals of this component. */
    readonly component?: string;
    /** More META entries (description, country, unit…). */
    readonly meta?: Readonly<Record<string, string>>;
  },
): Result<PbInstance> {
  const consultation = consultationWithIdRecords(given);
  const lifecycle = options.lifecycle ?? defaultLifecycle;
  const fundable = new Set(
    lifecycle.answerStates.filter((state) => state.fundable).map((state) => state.id),
  );
  const issues = [];
  const projects: PbProject[] = [];
  // In the order they were created (an object lists numeric ids in numeric order).
  const proposals = Object.values(consultation.proposals).sort((a, b) => a.sequence - b.sequence);
  for (const proposal of proposals) {
    const answer = proposal.answer;
    if (
      proposal.status !== "published" ||
      answer?.published !== true ||
      !fundable.has(answer.state) ||
      (options.component !== undefined && proposal.component !== options.component)
    )
      continue;
    if (answer.cost === undefined) {
      issues.push(
        makeIssue(
          "missing-cost",
          ["proposals", proposal.id, "answer", "cost"],
          `${proposal.id} (${proposal.title}) is ${answer.state} but its answer gives no cost`,
          { proposal: proposal.id },
        ),
      );
      continue;
    }
    projects.push({
      id: proposal.id,
      cost: BigInt(answer.cost),
      name: proposal.title,
      categories: [],
      targets: [],
      fields: {
        ...(proposal.scope === undefined ? {} : { scope: proposal.scope }),
        authors: [proposal.author, ...proposal.coauthors].join(","),
      },
    });
  }
  if (issues.length > 0) return fail(issues);
  return ok({
    budget: options.budget,
    scale: options.scale,
    projects,
    meta: {
      ...options.meta,
      num_projects: String(projects.length),
      budget: formatMoney(options.budget, options.scale),
    },
    projectColumns: ["project_id", "cost", "name", "scope", "authors"],
  });
}
