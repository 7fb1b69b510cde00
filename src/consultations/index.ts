/**
 * Consultations: questionnaires as data with Decidim's question types and display
 * conditions, responses checked as a form must (typed issues per question), online and
 * paper responses event-sourced with the calendar's phases and eligibility, results with
 * exact shares and breakdowns that suppress small groups with their complements, and the
 * synthesis a parliament publishes — themes, most supported proposals with their
 * arguments, near-duplicate proposals — as data, Markdown and standalone HTML.
 *
 * @module consultations
 */
export { checkResponse } from "./checkResponse.js";
export {
  type ConsultationIssueCode,
  consultationIssue,
  consultationIssueMessages,
} from "./consultationIssues.js";
export { foldText, shownQuestions } from "./displayConditions.js";
export { type NearDuplicateGroup, nearDuplicates, textTerms } from "./nearDuplicates.js";
export {
  type DisplayCondition,
  isAnswerable,
  type LocalizedText,
  parseQuestionnaire,
  type Question,
  type Questionnaire,
  type QuestionnaireItem,
  questionnaireJsonSchema,
  questionnaireSchema,
  textIn,
} from "./questionnaire.js";
export {
  type Answer,
  isAnswered,
  type QuestionnaireResponse,
  questionnaireResponseSchema,
} from "./questionnaireResponse.js";
export {
  type ChannelCounts,
  type OptionResult,
  type QuestionBreakdown,
  type QuestionnaireResults,
  type QuestionResult,
  questionnaireResults,
  type ResultsOptions,
  type SortingOptionResult,
  type TextCount,
} from "./questionnaireResults.js";
export {
  englishSynthesisLabels,
  frenchSynthesisLabels,
  type RenderOptions,
  type SynthesisLabels,
  synthesisHtml,
  synthesisMarkdown,
} from "./renderSynthesis.js";
export {
  applyResponseEvent,
  type CountedResponse,
  countedResponses,
  decideResponse,
  emptyLedger,
  type ResponseCommand,
  type ResponseContext,
  type ResponseEvent,
  type ResponseLedger,
  replayResponses,
  responseCommandSchema,
} from "./responseLedger.js";
export { smallGroupSuppression } from "./smallGroupSuppression.js";
export {
  type ConsultationSynthesis,
  consultationSynthesis,
  type SynthesisCategory,
  type SynthesisComment,
  type SynthesisOptions,
  type SynthesisProposal,
  type SynthesisTopProposal,
  synthesisProposals,
  synthesisProposalsSchema,
} from "./synthesis.js";
