import { fail, ok, type Result } from "../../core/result.js";
import type { TieBreakingPolicy } from "../../core/tieBreaking.js";
import { budgetingIssue } from "../budgetingIssues.js";
import type { PbInstance } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import type { PbOutcome, PbRuleMetadata } from "../outcome.js";
import {
  type EqualSharesCompletion,
  methodOfEqualShares,
} from "./equalShares/methodOfEqualShares.js";
import { greedy } from "./greedy.js";
import { greedyNoSkip } from "./greedyNoSkip.js";
import { greedyThreshold } from "./greedyThreshold.js";

/**
 * Ties as the published results break them: the order of the PROJECTS section.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * greedy(instance, profile, { tieBreaking: publishedOrderTieBreaking });
 * ```
 */
export const publishedOrderTieBreaking: TieBreakingPolicy = [{ by: "position", prefer: "lower" }];

/** META equal-shares rules and the completion each means. */
const equalSharesCompletionOf: Readonly<Record<string, EqualSharesCompletion>> = {
  equalshares: "none",
  "equalshares/add1": "add1",
  "equalshares-comparison": "comparison",
  "equalshares/add1-comparison": "add1-comparison",
};

/**
 * The META `rule` values {@link officialRule} can apply.
 *
 * @category Rules
 * @example
 * ```ts
 * officialRuleIds.includes(instance.meta.rule ?? ""); // can officialRule count this file?
 * ```
 */
export const officialRuleIds: readonly string[] = [
  "greedy",
  "greedy-no-skip",
  "greedy-threshold",
  "equalshares",
  "equalshares/add1",
  "equalshares-comparison",
  "equalshares/add1-comparison",
];

/**
 * Applies the rule the file's META `rule` names, exactly as the city counted: projects
 * scored as Pabulib scores them (votes for approval and choose-1; points for cumulative;
 * `max_length − position` for rankings unless the file has a `points` column), and equal
 * scores ordered as the PROJECTS section lists them (the published ranking).
 *
 * The equal-shares rules are the Method of Equal Shares with cost satisfaction and the
 * cities' tie-breaking (lower cost, then more votes): `equalshares` plain,
 * `equalshares/add1` with the add1 completion, `equalshares-comparison` and
 * `equalshares/add1-comparison` then compared with greedy by votes (Wieliczka's rule).
 *
 * Returns the issue `unsupported-official-rule` for a META rule it does not know, and
 * `missing-official-rule` when META has none.
 *
 * @category Rules
 * @example
 * ```ts
 * const outcome = officialRule(instance, profile); // META rule: greedy-no-skip
 * if (outcome.ok) outcome.value.selected; // the projects Wrocław funded
 * ```
 */
export function officialRule(instance: PbInstance, profile: PbProfile): Result<PbOutcome> {
  const rule = instance.meta.rule?.trim();
  const options = { tieBreaking: publishedOrderTieBreaking };
  const annotate = (result: Result<PbOutcome>): Result<PbOutcome> =>
    result.ok
      ? ok(
          { ...result.value, notes: [`official rule from META: ${rule}`, ...result.value.notes] },
          result.warnings,
        )
      : result;
  switch (rule) {
    case "greedy":
      return annotate(greedy(instance, profile, options));
    case "greedy-no-skip":
      return annotate(greedyNoSkip(instance, profile, options));
    case "greedy-threshold":
      return annotate(greedyThreshold(instance, profile, options));
    case "equalshares":
    case "equalshares/add1":
    case "equalshares-comparison":
    case "equalshares/add1-comparison":
      return annotate(
        methodOfEqualShares(instance, profile, {
          completion: equalSharesCompletionOf[rule] as EqualSharesCompletion,
        }),
      );
    case undefined:
    case "":
      return fail([
        budgetingIssue("missing-official-rule", ["meta", "rule"], "META has no rule to apply"),
      ]);
    default:
      return fail([
        budgetingIssue(
          "unsupported-official-rule",
          ["meta", "rule"],
          `META rule "${rule}" is not supported yet (supported: ${officialRuleIds.join(", ")})`,
          { rule, supported: officialRuleIds },
        ),
      ]);
  }
}

/**
 * Metadata of {@link officialRule}.
 *
 * @category Rules
 * @example
 * ```ts
 * officialRuleMetadata.id; //=> "official"
 * ```
 */
export const officialRuleMetadata: PbRuleMetadata = {
  id: "official",
  name: "The rule named in the file",
  kind: "budget",
  ballotTypes: ["approval", "choose-1", "cumulative", "scoring", "ordinal"],
  properties: [],
  notes: ["reproduces published results"],
  reference: "Pabulib format, META `rule`: https://pabulib.org/format",
  description: "Applies the file's META rule with Pabulib's scoring and the published order.",
};
