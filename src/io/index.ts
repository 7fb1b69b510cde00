/**
 * Pure text ⇄ data for the formats civic data is published in — Pabulib, BLT, PrefLib,
 * ranked CSV, abcvoting YAML, JSON ballots, proposals command files and event logs — with
 * exact locations in every issue; `readElection` reads any ballot file by name and content.
 *
 * @module io
 */
export { checkPabulib } from "./checkPabulib.js";
export {
  parseQuestionnaireFile,
  parseResponsesFile,
  parseSynthesisProposals,
  type ResponseFileEntry,
} from "./consultationFiles.js";
export {
  type DetailsOf,
  type IoIssueCode,
  type IoIssueDetails,
  type IoIssueParams,
  ioIssueMessages,
  type Located,
  type SometimesLocatedIoIssueCode,
  type UnlocatedIoIssueCode,
} from "./ioIssues.js";
export {
  type AbcvotingInstance,
  abcvotingDocumentSchema,
  parseAbcvoting,
} from "./parseAbcvoting.js";
export { type BallotsJson, parseBallotsJson } from "./parseBallotsJson.js";
export { parseBlt } from "./parseBlt.js";
export { parseJsonText } from "./parseJsonText.js";
export {
  type PabulibLocations,
  type PabulibReadOptions,
  parsePabulib,
  parsePabulibWithLocations,
} from "./parsePabulib.js";
export { type PreflibOptions, parsePreflib } from "./parsePreflib.js";
export {
  commandFileSchema,
  type ProposalCommandFile,
  parseProposalCommands,
  parseProposalEventLog,
} from "./parseProposalFiles.js";
export { parseRankedCsv } from "./parseRankedCsv.js";
export { type ElectionFile, type ProfileOf, readElection, readElectionOf } from "./readElection.js";
export { checkPbElectionText, readPbElection, readPbElectionChecked } from "./readPbElection.js";
export { parseResultsCsv, type ResultsCsvOptions, writeResultsCsv } from "./resultsCsv.js";
export {
  questionnaireResultsCsv,
  questionnaireResultsJson,
  type SurveyExportOptions,
  surveyExportCsv,
  surveyExportJson,
} from "./surveyExport.js";
export { writeAbcvoting } from "./writeAbcvoting.js";
export { writeBlt } from "./writeBlt.js";
export { MAX_PABULIB_ROWS, writePabulib } from "./writePabulib.js";
export { writePreflib, writePreflibCategories } from "./writePreflib.js";
export { writeRankedCsv } from "./writeRankedCsv.js";
