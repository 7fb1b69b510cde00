/**
 * Citizens' initiatives as Decidim runs them, pure and event-sourced: types with their
 * signature collection and scopes, the life of an initiative from creation through
 * technical validation and signatures to acceptance or rejection, one signature per
 * person per scope, paper batches counted with the online signatures, progress and goals.
 *
 * @module initiatives
 */

export {
  decideInitiative,
  type InitiativeCommand,
  type InitiativeContext,
  initiativeCommandSchema,
} from "./decideInitiative.js";
export {
  type InitiativeIssueCode,
  initiativeIssue,
  initiativeIssueMessages,
} from "./initiativeIssues.js";
export {
  applyInitiativeEvent,
  type Initiative,
  type InitiativeEvent,
  type InitiativeStatus,
  initiativeProgress,
  replayInitiative,
  supportsIn,
  votableScopes,
} from "./initiativeState.js";
export {
  INITIATIVE_SETTINGS,
  type InitiativeType,
  initiativeTypeSchema,
} from "./initiativeType.js";
