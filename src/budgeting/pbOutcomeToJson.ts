import { formatMoney } from "../core/money.js";
import type { PbOutcome } from "./outcome.js";

/**
 * An outcome as plain JSON data: amounts as decimal strings in major units at `scale`.
 * This is the shape `civitas pb run --json` prints (with `file` added).
 *
 * @category Rules
 * @example
 * ```ts
 * pbOutcomeToJson(outcome, instance.scale);
 * //=> { rule: "greedy", selected: ["618", …], cost: "7500000", budget: "7500000", explanation: […], … }
 * ```
 */
export function pbOutcomeToJson(outcome: PbOutcome, scale: number) {
  return {
    rule: outcome.rule,
    selected: [...outcome.selected],
    cost: formatMoney(outcome.cost, scale),
    budget: formatMoney(outcome.budget, scale),
    explanation: outcome.explanation.map((step) => ({
      project: step.project,
      action: step.action,
      reason: step.reason,
      cost: formatMoney(step.cost, scale),
      measure: step.measure,
      value: step.value,
      budget_left: formatMoney(step.budgetLeft, scale),
      ...(step.payments === undefined
        ? {}
        : { payments: step.payments.map((payment) => ({ ...payment })) }),
      ...(step.tiedWith === undefined ? {} : { tied_with: [...step.tiedWith] }),
    })),
    tie_breaking: outcome.tieBreaking.map((criterion) => ({ ...criterion })),
    notes: [...outcome.notes],
  };
}
