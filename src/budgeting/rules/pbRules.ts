import type { Result } from "../../core/result.js";
import type { TieBreakingPolicy } from "../../core/tieBreaking.js";
import type { PbInstance } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import type { SatisfactionFunction } from "../election/satisfaction.js";
import type { PbOutcome, PbRuleMetadata } from "../outcome.js";
import {
  type EqualSharesCompletion,
  methodOfEqualShares,
  methodOfEqualSharesMetadata,
} from "./equalShares/methodOfEqualShares.js";
import { greedy, greedyMetadata } from "./greedy.js";
import { greedyNoSkip, greedyNoSkipMetadata } from "./greedyNoSkip.js";
import { greedyThreshold, greedyThresholdMetadata } from "./greedyThreshold.js";
import { maximinSupport, maximinSupportMetadata } from "./maximinSupport.js";
import { officialRule, officialRuleMetadata } from "./officialRule.js";
import { sequentialPhragmen, sequentialPhragmenMetadata } from "./sequentialPhragmen.js";
import { utilitarianWelfare, utilitarianWelfareMetadata } from "./utilitarianWelfare.js";

/**
 * The options every registered rule understands (rules ignore what they do not use:
 * `official` always follows the file).
 *
 * @category Rules
 * @example
 * ```ts
 * pbRules[0]?.run(instance, profile, { sat: costSatisfaction, tieBreaking: defaultPbTieBreaking });
 * ```
 */
export interface PbRuleOptions {
  readonly sat?: SatisfactionFunction | undefined;
  readonly tieBreaking?: TieBreakingPolicy | undefined;
  /** How equal shares spends what is left (`mes` only); default `none`. */
  readonly completion?: EqualSharesCompletion | undefined;
}

/**
 * A rule with its metadata, callable as `(instance, profile, options)`.
 *
 * @category Rules
 * @example
 * ```ts
 * const rule: PbRule | undefined = pbRules.find((r) => r.metadata.id === "greedy");
 * rule?.run(instance, profile);
 * ```
 */
export interface PbRule {
  readonly metadata: PbRuleMetadata;
  readonly run: (
    instance: PbInstance,
    profile: PbProfile,
    options?: PbRuleOptions,
  ) => Result<PbOutcome>;
}

/**
 * Every budgeting rule civitas has, by id: the list the CLI and any host can dispatch on,
 * and the one a test loops over to hold every rule to the same properties.
 *
 * @category Rules
 * @example
 * ```ts
 * pbRules.map((rule) => rule.metadata.id);
 * //=> ["greedy", "greedy-no-skip", "greedy-threshold", "utilitarian", "mes", "phragmen", "maximin-support", "official"]
 * ```
 */
export const pbRules: readonly PbRule[] = [
  { metadata: greedyMetadata, run: greedy },
  { metadata: greedyNoSkipMetadata, run: greedyNoSkip },
  { metadata: greedyThresholdMetadata, run: greedyThreshold },
  { metadata: utilitarianWelfareMetadata, run: utilitarianWelfare },
  { metadata: methodOfEqualSharesMetadata, run: methodOfEqualShares },
  {
    metadata: sequentialPhragmenMetadata,
    run: (instance, profile, options) =>
      sequentialPhragmen(instance, profile, { tieBreaking: options?.tieBreaking }),
  },
  {
    metadata: maximinSupportMetadata,
    run: (instance, profile, options) =>
      maximinSupport(instance, profile, { tieBreaking: options?.tieBreaking }),
  },
  { metadata: officialRuleMetadata, run: (instance, profile) => officialRule(instance, profile) },
];
