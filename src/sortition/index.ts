/**
 * Draws by lot that anyone can check: Decidim's sortitions reproduced exactly from their
 * public inputs (Ruby's MT19937 and `Array#sample`, word for word), and a committed
 * public draw for new processes with its verifier.
 *
 * @module sortition
 */

export {
  type DecidimCandidateProposal,
  type DecidimDraw,
  type DecidimDrawInputs,
  decidimCandidates,
  decidimDraw,
  decidimDrawSchema,
} from "./decidimDraw.js";
export { MersenneTwister } from "./mersenneTwister.js";
export { type GreedyPanels, greedyPanels } from "./panels/greedyPanel.js";
export {
  drawPanel,
  type LinearProgramSolver,
  leximinPanels,
  type PanelDistribution,
} from "./panels/leximinPanels.js";
export { type PanelSelection, panelSelectionSchema } from "./panels/panelPool.js";
export {
  drawCommitment,
  type PublicDraw,
  type PublicDrawInputs,
  publicDraw,
  publicDrawSchema,
  verifyPublicDraw,
} from "./publicDraw.js";
export { rubyRandUpto, rubySample } from "./rubySample.js";
export {
  type SortitionIssueCode,
  sortitionIssue,
  sortitionIssueMessages,
} from "./sortitionIssues.js";
