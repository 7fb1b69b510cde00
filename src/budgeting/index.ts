/**
 * Participatory budgeting: instances, ballots, allocation rules and their explanations.
 *
 * @module budgeting
 */
export { analyzeOutcome, type OutcomeAnalysis } from "./analyzeOutcome.js";
export { ballotValues } from "./ballotValues.js";
export {
  checkExtendedJustifiedRepresentation,
  EJR_PROJECT_LIMIT,
  type EjrOptions,
  type EjrReport,
} from "./checkExtendedJustifiedRepresentation.js";
export { checkPbElection } from "./checkPbElection.js";
export { checkPriceability, type PriceabilityReport } from "./checkPriceability.js";
export { compressProfile, expandProfile } from "./compressProfile.js";
export type { PbElection } from "./election.js";
export { equalSharesCertificate, type PriceabilityCertificate } from "./equalSharesCertificate.js";
export { type GreedyOptions, greedy, greedyMetadata } from "./greedy.js";
export { greedyNoSkip, greedyNoSkipMetadata } from "./greedyNoSkip.js";
export {
  type GreedyThresholdOptions,
  greedyThreshold,
  greedyThresholdMetadata,
} from "./greedyThreshold.js";
export type { PbInstance, PbProject } from "./instance.js";
export {
  MAXIMIN_SUPPORT_WORK_LIMIT,
  type MaximinSupportOptions,
  maximinSupport,
  maximinSupportMetadata,
} from "./maximinSupport.js";
export {
  type EqualSharesCompletion,
  type EqualSharesOptions,
  equalSharesCompletions,
  methodOfEqualShares,
  methodOfEqualSharesMetadata,
} from "./methodOfEqualShares.js";
export {
  officialRule,
  officialRuleIds,
  officialRuleMetadata,
  publishedOrderTieBreaking,
} from "./officialRule.js";
export type { PbOutcome, PbPayment, PbRuleMetadata, PbStep } from "./outcome.js";
export {
  type PbElectionJson,
  pbElectionFromJson,
  pbElectionJsonSchema,
  pbElectionToJson,
} from "./pbElectionJson.js";
export { pbOutcomeToJson } from "./pbOutcomeToJson.js";
export { type PbRule, type PbRuleOptions, pbRules } from "./pbRules.js";
export {
  defaultPbTieBreaking,
  pbTieBreakingDirections,
  pbTieBreakingKeys,
} from "./pbTieBreaking.js";
export { type PbBallot, type PbProfile, type VoteType, voteTypes } from "./profile.js";
export { type ProjectSupport, projectSupport } from "./projectSupport.js";
export { projectWelfare } from "./projectWelfare.js";
export {
  additiveSatisfaction,
  cardinalitySatisfaction,
  costSatisfaction,
  defaultSatisfaction,
  pointsSatisfaction,
  type SatisfactionFunction,
} from "./satisfaction.js";
export {
  type SequentialPhragmenOptions,
  sequentialPhragmen,
  sequentialPhragmenMetadata,
} from "./sequentialPhragmen.js";
export {
  UTILITARIAN_NODE_LIMIT,
  type UtilitarianWelfareOptions,
  utilitarianWelfare,
  utilitarianWelfareMetadata,
} from "./utilitarianWelfare.js";
export {
  MAX_VOTERS,
  mergeRepeatedProjects,
  plainNumber,
  validatePbElection,
} from "./validatePbElection.js";
