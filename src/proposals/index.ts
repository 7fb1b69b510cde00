/**
 * Proposals in a consultation, event-sourced: a lifecycle as data (answer states, who may
 * run each command, what the phase must permit), commands and events with zod schemas, a
 * pure `transition` that says why it refuses, `replay` of an event log, supports with
 * limits, minimums, thresholds and CONSUL's census threshold and archival, amendments with
 * versions, collaborative drafts, merges, splits and copies, valuation with costs, the
 * bridge to a `civitas/budgeting` instance, and participation figures by phase and scope.
 *
 * @module proposals
 */
export { archivedProposals } from "./archivedProposals.js";
export { citizenView } from "./citizenView.js";
export {
  type AmendmentRecord,
  applyEvent,
  type CollaborativeDraftRecord,
  type Consultation,
  emptyConsultation,
  type ProposalRecord,
} from "./consultation.js";
export { countedSupports } from "./countedSupports.js";
export {
  type AnswerState,
  defaultLifecycle,
  defineLifecycle,
  type Lifecycle,
  lifecycleSchema,
  type Role,
} from "./lifecycle.js";
export {
  type ParticipationCounts,
  type PhaseActivity,
  participationFigures,
} from "./participationFigures.js";
export {
  PROPOSAL_COMMAND_TYPES,
  type ProposalCommand,
  proposalCommandSchema,
} from "./proposalCommand.js";
export { type ProposalEvent, proposalEventSchema } from "./proposalEvent.js";
export { proposalHistory } from "./proposalHistory.js";
export {
  type ProposalIssueCode,
  type ProposalIssueParams,
  proposalDataIssueMessages,
  proposalIssue,
  proposalIssueMessages,
} from "./proposalIssues.js";
export { replay } from "./replay.js";
export { successfulProposals } from "./successfulProposals.js";
export { type SupportRules, supportRulesSchema } from "./supportRules.js";
export { toBudgetInstance } from "./toBudgetInstance.js";
export { type TransitionContext, transition } from "./transition.js";
