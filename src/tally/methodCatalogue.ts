import { pbRules } from "../budgeting/rules/pbRules.js";
import type { MethodInfo } from "../core/methodInfo.js";
import { scoreMethods } from "./cardinal/scoreMethods.js";
import { committeeMethods } from "./committees/committeeMethods.js";
import { referendumMethod } from "./referendum/referendum.js";
import { tallyMethods } from "./tallyMethods.js";

/** Only the description of a method, without its `run`. */
function infoOf(method: MethodInfo): MethodInfo {
  const { id, name, kind, ballotTypes, properties, reference, notes } = method;
  return { id, name, kind, ballotTypes, properties, reference, notes };
}

/**
 * Every method civitas has, in one shape: approval committees, ranked rules (single winner
 * and STV), score methods, the referendum count and the budgeting rules. Each entry is
 * declared beside its method (`tallyMethods`, `committeeMethods`, `scoreMethods`,
 * `referendumMethod`, `pbRules`); this list collects them. Ids are unique within a kind (`maximin-support` is both
 * abcvoting's committee rule and pabutools' budgeting rule).
 *
 * @category Methods
 * @example
 * ```ts
 * methodCatalogue.filter((method) => method.properties.includes("condorcet")).map((m) => m.id);
 * //=> ["condorcet", "copeland", "llull", "minimax", "schulze", …]
 * ```
 */
export const methodCatalogue: readonly MethodInfo[] = [
  ...committeeMethods.map(infoOf),
  ...tallyMethods.map(infoOf),
  ...scoreMethods.map(infoOf),
  referendumMethod,
  ...pbRules.map((rule) => infoOf(rule.metadata)),
];
