/**
 * Vote tallying, each method with its rounds explained and its metadata in a catalogue
 * (`tallyMethods`, `committeeMethods`, `scoreMethods`). Folders by family: `ballots/`
 * (ranked, approval and score profiles, head-to-head counts, tie resolution), `ranked/`
 * (plurality, instant runoff, two-round runoff, Bucklin, Coombs, Borda, Baldwin, Nanson,
 * positional scores), `condorcet/` (Condorcet winner, Smith and Schwartz sets, Copeland and
 * Llull, Minimax, Schulze, Ranked Pairs, Split Cycle, Stable Voting), `stv/` (Scottish STV,
 * Meek, Warren and WIGM), `committees/` (approval committees as abcvoting defines them),
 * `cardinal/` (score, STAR, Majority Judgment, approval and cumulative voting) and
 * `referendum/` (yes/no questions with supermajorities and quorums).
 *
 * @module tally
 */

export { type ApprovalProfile, approvalProfileSchema } from "./ballots/approvalProfile.js";
export {
  PAIRWISE_WORK_LIMIT,
  type PairwiseMatrix,
  pairwiseMatrix,
} from "./ballots/pairwiseMatrix.js";
export {
  type RankedBallot,
  type RankedProfile,
  rankedProfileSchema,
} from "./ballots/rankedProfile.js";
export { resolveTies, type TallyTieBreak } from "./ballots/resolveTies.js";
export { type ScoreProfile, scoreProfileSchema } from "./ballots/scoreProfile.js";
export { parseTallyTieBreak } from "./ballots/tieBreakSpec.js";
export { approvalVoting } from "./cardinal/approvalVoting.js";
export { cumulativeVoting } from "./cardinal/cumulativeVoting.js";
export {
  type MajorityJudgmentOptions,
  type MeritProfile,
  majorityJudgment,
} from "./cardinal/majorityJudgment.js";
export { type ScoreMethod, scoreMethods } from "./cardinal/scoreMethods.js";
export { scoreVoting } from "./cardinal/scoreVoting.js";
export { type StarSummary, star, starFromSummary, starSummary } from "./cardinal/star.js";
export { committeeAsBudget } from "./committees/committeeAsBudget.js";
export { type CommitteeMethod, committeeMethods } from "./committees/committeeMethods.js";
export {
  type CommitteePriceability,
  type CommitteePriceSystem,
  committeePriceability,
} from "./committees/committeePriceability.js";
export {
  COMMITTEE_LIMIT,
  type CommitteeSearchOptions,
} from "./committees/committeeSearch.js";
export { consensusRule } from "./committees/consensusRule.js";
export { ePluribusHugo } from "./committees/ePluribusHugo.js";
export {
  type EqualSharesCommitteeCompletion,
  equalSharesCommittee,
} from "./committees/equalSharesCommittee.js";
export { greedyMonroe } from "./committees/greedyMonroe.js";
export {
  adams,
  lexicographicChamberlinCourant,
  lexicographicMinimaxApproval,
  trivialRule,
} from "./committees/lexicographicCommittees.js";
export { leximaxPhragmen } from "./committees/leximaxPhragmen.js";
export { maximinSupportCommittee } from "./committees/maximinSupportCommittee.js";
export { minimaxApproval } from "./committees/minimaxApproval.js";
export { minimaxPhragmen } from "./committees/minimaxPhragmen.js";
export { monroe } from "./committees/monroe.js";
export { phragmenEnestroem } from "./committees/phragmenEnestroem.js";
export { satisfactionApproval } from "./committees/satisfactionApproval.js";
export { sequentialPhragmenCommittee } from "./committees/sequentialPhragmenCommittee.js";
export { sequentialThiele } from "./committees/sequentialThiele.js";
export { thieleCommittee } from "./committees/thieleCommittee.js";
export { condorcetWinner } from "./condorcet/condorcetWinner.js";
export { copeland } from "./condorcet/copeland.js";
export { minimax } from "./condorcet/minimax.js";
export { RANKED_PAIRS_WORK_LIMIT, rankedPairs } from "./condorcet/rankedPairs.js";
export { schulze } from "./condorcet/schulze.js";
export { schwartzSet } from "./condorcet/schwartzSet.js";
export { smithSet } from "./condorcet/smithSet.js";
export { splitCycle } from "./condorcet/splitCycle.js";
export { stableVoting } from "./condorcet/stableVoting.js";
export { methodCatalogue } from "./methodCatalogue.js";
export type { TallyOutcome, TallyRound } from "./outcome.js";
export { borda } from "./ranked/borda.js";
export { bordaElimination } from "./ranked/bordaElimination.js";
export { bucklin } from "./ranked/bucklin.js";
export { coombs } from "./ranked/coombs.js";
export { type InstantRunoffOptions, instantRunoff } from "./ranked/instantRunoff.js";
export { plurality } from "./ranked/plurality.js";
export { positionalScoring } from "./ranked/positionalScoring.js";
export { twoRoundRunoff } from "./ranked/twoRoundRunoff.js";
export {
  type ReferendumCount,
  type ReferendumRules,
  referendum,
  referendumCountSchema,
  referendumMethod,
  referendumRulesSchema,
} from "./referendum/referendum.js";
export {
  type ReferendumBallots,
  referendumBallotsSchema,
  referendumQuestions,
} from "./referendum/referendumBallots.js";
export {
  MEEK_EXACT_WORK_LIMIT,
  type MeekStvOptions,
  meekStv,
  type PrfAlternativeDefeats,
  prfMeekStv,
} from "./stv/meekStv.js";
export { type ScottishStvOptions, scottishStv } from "./stv/scottishStv.js";
export { parseStvArithmetic, type StvArithmeticSpec } from "./stv/stvNumbers.js";
export { prfWigmStv, type WigmStvOptions, wigmStv } from "./stv/wigmStv.js";
export {
  type TallyIssueCode,
  type TallyIssueParams,
  tallyIssueMessages,
} from "./tallyIssues.js";
export { type TallyMethod, tallyMethods } from "./tallyMethods.js";
export { settleTies, type TiePolicy, tallyOutcomeToJson } from "./tallyOutcomeToJson.js";
