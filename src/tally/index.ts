/**
 * Vote tallying: ranked profiles, head-to-head counts, single-winner rules (plurality,
 * instant runoff, Borda) and the Condorcet family (Copeland, Minimax, Schulze, Ranked
 * Pairs, Split Cycle) and single transferable vote as the Scottish statute counts it, each
 * with its rounds explained.
 *
 * @module tally
 */

export { type ApprovalProfile, approvalProfileSchema } from "./approvalProfile.js";
export { approvalVoting } from "./approvalVoting.js";
export { borda } from "./borda.js";
export { bordaElimination } from "./bordaElimination.js";
export { bucklin } from "./bucklin.js";
export { type CommitteeMethod, committeeMethods } from "./committeeMethods.js";
export { condorcetWinner } from "./condorcetWinner.js";
export { consensusRule } from "./consensusRule.js";
export { coombs } from "./coombs.js";
export { copeland } from "./copeland.js";
export { cumulativeVoting } from "./cumulativeVoting.js";
export { ePluribusHugo } from "./ePluribusHugo.js";
export {
  type EqualSharesCommitteeCompletion,
  equalSharesCommittee,
} from "./equalSharesCommittee.js";
export { greedyMonroe } from "./greedyMonroe.js";
export { type InstantRunoffOptions, instantRunoff } from "./instantRunoff.js";
export {
  adams,
  lexicographicChamberlinCourant,
  lexicographicMinimaxApproval,
  trivialRule,
} from "./lexicographicCommittees.js";
export { leximaxPhragmen } from "./leximaxPhragmen.js";
export {
  type MajorityJudgmentOptions,
  type MeritProfile,
  majorityJudgment,
} from "./majorityJudgment.js";
export { maximinSupportCommittee } from "./maximinSupportCommittee.js";
export {
  MEEK_EXACT_WORK_LIMIT,
  type MeekStvOptions,
  meekStv,
  type PrfAlternativeDefeats,
  prfMeekStv,
} from "./meekStv.js";
export { minimax } from "./minimax.js";
export { minimaxApproval } from "./minimaxApproval.js";
export { minimaxPhragmen } from "./minimaxPhragmen.js";
export { monroe } from "./monroe.js";
export type { TallyOutcome, TallyRound } from "./outcome.js";
export {
  PAIRWISE_WORK_LIMIT,
  type PairwiseMatrix,
  pairwiseMatrix,
} from "./pairwiseMatrix.js";
export { phragmenEnestroem } from "./phragmenEnestroem.js";
export { plurality } from "./plurality.js";
export { positionalScoring } from "./positionalScoring.js";
export { RANKED_PAIRS_WORK_LIMIT, rankedPairs } from "./rankedPairs.js";
export { type RankedBallot, type RankedProfile, rankedProfileSchema } from "./rankedProfile.js";
export {
  type ReferendumCount,
  type ReferendumRules,
  referendum,
  referendumCountSchema,
  referendumRulesSchema,
} from "./referendum.js";
export {
  type ReferendumBallots,
  referendumBallotsSchema,
  referendumQuestions,
} from "./referendumBallots.js";
export { resolveTies, type TallyTieBreak } from "./resolveTies.js";
export { satisfactionApproval } from "./satisfactionApproval.js";
export { schulze } from "./schulze.js";
export { schwartzSet } from "./schwartzSet.js";
export { type ScoreMethod, scoreMethods } from "./scoreMethods.js";
export { type ScoreProfile, scoreProfileSchema } from "./scoreProfile.js";
export { scoreVoting } from "./scoreVoting.js";
export { type ScottishStvOptions, scottishStv } from "./scottishStv.js";
export { sequentialPhragmenCommittee } from "./sequentialPhragmenCommittee.js";
export { sequentialThiele } from "./sequentialThiele.js";
export { smithSet } from "./smithSet.js";
export { splitCycle } from "./splitCycle.js";
export { stableVoting } from "./stableVoting.js";
export { type StarSummary, star, starFromSummary, starSummary } from "./star.js";
export type { StvArithmeticSpec } from "./stvNumbers.js";
export { type TallyMethod, tallyMethods } from "./tallyMethods.js";
export { thieleCommittee } from "./thieleCommittee.js";
export { twoRoundRunoff } from "./twoRoundRunoff.js";
export { prfWigmStv, type WigmStvOptions, wigmStv } from "./wigmStv.js";
