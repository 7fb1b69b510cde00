/**
 * Participatory budgeting: the election model (instances, ballots, validation), allocation
 * rules with their explanations (greedy family, utilitarian, equal shares, sequential
 * Phragmén, maximin support, the official rule), analysis (fairness figures, EJR,
 * priceability), and voting (ballot rules as Decidim, CONSUL and Pabulib define them, the
 * checks a voting page shows, orders with workflows over several budgets, Decidim's and
 * CONSUL's results).
 *
 * @module budgeting
 */
export { analyzeOutcome, type OutcomeAnalysis } from "./analysis/analyzeOutcome.js";
export {
  checkExtendedJustifiedRepresentation,
  EJR_PROJECT_LIMIT,
  type EjrOptions,
  type EjrReport,
} from "./analysis/checkExtendedJustifiedRepresentation.js";
export { checkPriceability, type PriceabilityReport } from "./analysis/checkPriceability.js";
export {
  type PbPriceability,
  type PbPriceabilityOptions,
  pbPriceability,
} from "./analysis/pbPriceability.js";
export { projectWelfare } from "./analysis/projectWelfare.js";
export { type OutcomePreference, votersPreferring } from "./analysis/votersPreferring.js";
export {
  type BallotAt,
  type BudgetingIssueCode,
  type BudgetingIssueParams,
  budgetingIssueMessages,
  type OrderAt,
} from "./budgetingIssues.js";
export { ballotValues } from "./election/ballotValues.js";
export { checkPbElection } from "./election/checkPbElection.js";
export { compressProfile, expandProfile } from "./election/compressProfile.js";
export type { PbElection } from "./election/election.js";
export type { PbInstance, PbProject } from "./election/instance.js";
export {
  type PbElectionJson,
  pbElectionFromJson,
  pbElectionJsonSchema,
  pbElectionToJson,
} from "./election/pbElectionJson.js";
export {
  defaultPbTieBreaking,
  pbTieBreakingDirections,
  pbTieBreakingKeys,
} from "./election/pbTieBreaking.js";
export { type PbBallot, type PbProfile, type VoteType, voteTypes } from "./election/profile.js";
export { type ProjectSupport, projectSupport } from "./election/projectSupport.js";
export {
  additiveSatisfaction,
  cardinalitySatisfaction,
  costSatisfaction,
  defaultSatisfaction,
  pointsSatisfaction,
  type SatisfactionFunction,
} from "./election/satisfaction.js";
export {
  MAX_VOTERS,
  mergeRepeatedProjects,
  plainNumber,
  validatePbElection,
} from "./election/validatePbElection.js";
export type { PbOutcome, PbPayment, PbRuleMetadata, PbStep } from "./outcome.js";
export { pbOutcomeToJson } from "./pbOutcomeToJson.js";
export {
  equalSharesCertificate,
  type PriceabilityCertificate,
} from "./rules/equalShares/equalSharesCertificate.js";
export {
  type EqualSharesCompletion,
  type EqualSharesOptions,
  equalSharesCompletions,
  methodOfEqualShares,
  methodOfEqualSharesMetadata,
} from "./rules/equalShares/methodOfEqualShares.js";
export { type GreedyOptions, greedy, greedyMetadata } from "./rules/greedy.js";
export { greedyNoSkip, greedyNoSkipMetadata } from "./rules/greedyNoSkip.js";
export {
  type GreedyThresholdOptions,
  greedyThreshold,
  greedyThresholdMetadata,
} from "./rules/greedyThreshold.js";
export {
  MAXIMIN_SUPPORT_WORK_LIMIT,
  type MaximinSupportOptions,
  maximinSupport,
  maximinSupportMetadata,
} from "./rules/maximinSupport.js";
export {
  officialRule,
  officialRuleIds,
  officialRuleMetadata,
  publishedOrderTieBreaking,
} from "./rules/officialRule.js";
export { type PbRule, type PbRuleOptions, pbRules } from "./rules/pbRules.js";
export {
  type SequentialPhragmenOptions,
  sequentialPhragmen,
  sequentialPhragmenMetadata,
} from "./rules/sequentialPhragmen.js";
export {
  UTILITARIAN_NODE_LIMIT,
  type UtilitarianWelfareOptions,
  utilitarianWelfare,
  utilitarianWelfareMetadata,
} from "./rules/utilitarianWelfare.js";
export { ballotChecker, canAdd, canRemove, canSubmit } from "./voting/ballotChecks.js";
export {
  type BallotRule,
  type BallotRules,
  type BudgetBallot,
  ballotRulesFor,
  ballotRulesFromJson,
  ballotRulesJsonSchema,
  ballotRulesJsonSchemaDocument,
  budgetBallotFromJson,
  budgetBallotSchema,
  type VotingProject,
} from "./voting/ballotRules.js";
export {
  type ConsulHeadingResult,
  type ConsulInvestment,
  consulResults,
  consulVotes,
} from "./voting/consulResults.js";
export { canSupportInHeading } from "./voting/consulSupports.js";
export { decidimVotes } from "./voting/decidimVotes.js";
export {
  applyOrderEvent,
  emptyOrders,
  type Order,
  type OrderCommand,
  type OrderEvent,
  type OrdersContext,
  type OrdersState,
  type OrderWorkflow,
  orderTransition,
  replayOrders,
} from "./voting/orders.js";
export { ordersToPbElection } from "./voting/ordersToPbElection.js";
export {
  consulFileFromJson,
  consulFileSchema,
  ordersFileFromJson,
  ordersFileSchema,
} from "./voting/votingFiles.js";
export { type VotingIssueCode, votingIssue, votingIssueMessages } from "./voting/votingIssues.js";
