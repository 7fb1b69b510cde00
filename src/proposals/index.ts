/**
 * Proposals in a consultation: commands and events with zod schemas, a pure `transition`
 * that says why it refuses, `replay` of an event log, and the supports each proposal
 * counts.
 *
 * @module proposals
 */
export { applyEvent, type Consultation, type ProposalRecord } from "./consultation.js";
export { countedSupports } from "./countedSupports.js";
export { participationFigures } from "./participationFigures.js";
export { type ProposalCommand, proposalCommandSchema } from "./proposalCommand.js";
export { type ProposalEvent, proposalEventSchema } from "./proposalEvent.js";
export { replay } from "./replay.js";
export { type SupportRules, supportRulesSchema } from "./supportRules.js";
export { type TransitionContext, transition } from "./transition.js";
