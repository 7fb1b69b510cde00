import { catalogueIssue } from "../core/catalogueIssue.js";
import type { Issue } from "../core/issue.js";

/**
 * Why an experiment or a generator's specification is refused, by code: the English
 * message of each, made from the issue's typed `params`.
 *
 * @category Issues
 * @example
 * ```ts
 * simulationIssueMessages["unknown-method"]({ method: "irvv", known: "plurality, irv" });
 * ```
 */
export const simulationIssueMessages = {
  "invalid-experiment": (p: { readonly reason: string }) => `the experiment ${p.reason}`,
  "unknown-method": (p: { readonly method: string; readonly known: string }) =>
    `there is no single-winner method ${p.method} (known: ${p.known})`,
} as const;

/**
 * A code of civitas/simulation's issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: SimulationIssueCode = "unknown-method";
 * ```
 */
export type SimulationIssueCode = keyof typeof simulationIssueMessages;

/**
 * One simulation refusal, its message from the catalogue.
 *
 * @category Issues
 * @example
 * ```ts
 * simulationIssue("invalid-experiment", ["seed"], { reason: "needs a seed" }).message;
 * ```
 */
export function simulationIssue<C extends SimulationIssueCode>(
  code: C,
  path: readonly (string | number)[],
  params: Parameters<(typeof simulationIssueMessages)[C]>[0],
): Issue {
  return catalogueIssue(simulationIssueMessages, code, path, params);
}
