import { checkExtendedJustifiedRepresentation } from "../../budgeting/analysis/checkExtendedJustifiedRepresentation.js";
import { pbPriceability } from "../../budgeting/analysis/pbPriceability.js";
import type { PbInstance } from "../../budgeting/election/instance.js";
import type { PbProfile } from "../../budgeting/election/profile.js";
import { costSatisfaction } from "../../budgeting/election/satisfaction.js";

/**
 * A budgeting rule as the axioms see it: an election in, the funded projects out, or
 * undefined when it refuses the election.
 *
 * @category Axioms
 * @example
 * ```ts
 * const mes: BudgetOutcomeOf = (instance, profile) => { const o = methodOfEqualShares(instance, profile); return o.ok ? o.value.selected : undefined; };
 * ```
 */
export type BudgetOutcomeOf = (
  instance: PbInstance,
  profile: PbProfile,
) => readonly string[] | undefined;

/**
 * A budgeting axiom as data: its id, what it demands, and a checker for any outcome of an
 * approval election that says how the outcome breaks it, or undefined when it does not (or
 * when the exact check cannot decide: past 20 projects for EJR, past the linear system's
 * work limit for priceability).
 *
 * @category Axioms
 * @example
 * ```ts
 * budgetAxioms.find((axiom) => axiom.id === "ejr-up-to-one")?.violation(instance, profile, selected);
 * ```
 */
export interface BudgetAxiom {
  readonly id: string;
  readonly name: string;
  readonly demands: string;
  readonly violation: (
    instance: PbInstance,
    profile: PbProfile,
    selected: readonly string[],
  ) => string | undefined;
}

/** A violation of EJR (up to one project, or not) with cost satisfaction, in words. */
function ejrViolation(
  instance: PbInstance,
  profile: PbProfile,
  selected: readonly string[],
  upToOne: boolean,
): string | undefined {
  const report = checkExtendedJustifiedRepresentation(instance, profile, selected, {
    sat: costSatisfaction,
    upToOne,
  });
  if (!report.ok || report.value.violation === undefined) return undefined;
  const { projects, voters } = report.value.violation;
  const who = voters === 1 ? "1 voter approving" : `${voters} voters, all approving`;
  return `${who} ${projects.join(", ")} can afford ${projects.length === 1 ? "it" : "them"} with ${voters === 1 ? "their share" : "their shares"}, yet ${voters === 1 ? "gets" : "each gets"} less${upToOne ? ", even with one more of them" : ""}`;
}

/**
 * The budgeting axioms civitas checks for any outcome of an approval election: exhaustiveness;
 * extended justified representation with cost satisfaction, exactly and up to one project
 * (Peters, Pierczyński and Skowron 2021: equal shares guarantees the latter), by
 * `checkExtendedJustifiedRepresentation`; and priceability (the same authors; exhaustiveness
 * not demanded), decided exactly by `pbPriceability`. Proportionality measures of any
 * outcome (fair share, satisfaction's spread, spending against support per category) are
 * `analyzeOutcome`'s.
 *
 * @category Axioms
 * @example
 * ```ts
 * budgetAxioms.map((axiom) => axiom.id); //=> ["exhaustive", "ejr", "ejr-up-to-one", "priceability"]
 * ```
 */
export const budgetAxioms: readonly BudgetAxiom[] = [
  {
    id: "exhaustive",
    name: "Exhaustiveness",
    demands: "no project is left out that the money left would still buy",
    violation: (instance, _profile, selected) => {
      const funded = new Set(selected);
      let spent = 0n;
      for (const project of instance.projects) if (funded.has(project.id)) spent += project.cost;
      const left = instance.projects.find(
        (project) => !funded.has(project.id) && spent + project.cost <= instance.budget,
      );
      return left === undefined
        ? undefined
        : `${left.id} is left out though the money left would buy it`;
    },
  },
  {
    id: "ejr",
    name: "Extended justified representation (cost satisfaction)",
    demands:
      "voters who all approve a set of projects they can pay for with their shares of the budget include one who gets at least its cost",
    violation: (instance, profile, selected) => ejrViolation(instance, profile, selected, false),
  },
  {
    id: "ejr-up-to-one",
    name: "EJR up to one project (cost satisfaction)",
    demands:
      "voters who all approve a set of projects they can pay for with their shares include one who would get more than its cost with one more of them",
    violation: (instance, profile, selected) => ejrViolation(instance, profile, selected, true),
  },
  {
    id: "priceability",
    name: "Priceability",
    demands:
      "voters with equal budgets pay for exactly the funded projects they approve, and the supporters of each project left out hold no more than its cost",
    violation: (instance, profile, selected) => {
      const decided = pbPriceability(instance, profile, selected, { exhaustive: false });
      return decided.ok && !decided.value.priceable ? decided.value.reason : undefined;
    },
  },
];
