import type { Result } from "../../core/result.js";
import type { PbInstance } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import type { PbOutcome, PbRuleMetadata } from "../outcome.js";
import { greedyEngine } from "./greedy.js";
import { type GreedyThresholdOptions, scoreThreshold } from "./greedyThreshold.js";

/**
 * Greedy without skipping, as Wrocław counted: rank projects by votes (or score) and fund
 * them in turn until the first one that does not fit; the count stops there. A project
 * whose cost is 999999999 is Pabulib's mark of a withdrawn project and is passed over.
 * With a minimum score (the `threshold` option or META `min_project_score_threshold`, as
 * Gdynia's files give), projects below it are passed over too: they are not candidates,
 * so they do not stop the count.
 *
 * @category Rules
 * @example
 * ```ts
 * const outcome = greedyNoSkip(instance, profile);
 * if (outcome.ok) outcome.value.explanation.at(-1)?.reason; //=> "stop"
 * ```
 */
export function greedyNoSkip(
  instance: PbInstance,
  profile: PbProfile,
  options: GreedyThresholdOptions = {},
): Result<PbOutcome> {
  const threshold = scoreThreshold(instance, options.threshold);
  if (!threshold.ok) return threshold;
  return greedyEngine(instance, profile, {
    ...options,
    threshold: threshold.value,
    rule: greedyNoSkipMetadata.id,
    stopAtFirstUnaffordable: true,
    skipWithdrawn: true,
  });
}

/**
 * Metadata of {@link greedyNoSkip}.
 *
 * @category Rules
 * @example
 * ```ts
 * greedyNoSkipMetadata.id; //=> "greedy-no-skip"
 * ```
 */
export const greedyNoSkipMetadata: PbRuleMetadata = {
  id: "greedy-no-skip",
  name: "Greedy utilitarian, stopping at the first project that does not fit",
  kind: "budget",
  ballotTypes: ["approval", "choose-1", "cumulative", "scoring", "ordinal"],
  properties: ["budget-feasible"],
  notes: [],
  reference: "Pabulib format, rule `greedy-no-skip`: https://pabulib.org/format",
  description: "Funds projects in order of votes until one does not fit, then stops.",
};
