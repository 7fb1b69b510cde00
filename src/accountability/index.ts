/**
 * Following what was funded: results (Decidim's accountability) as a tree with statuses,
 * progress computed for parents as Decidim computes it, the component's progress in both
 * of Decidim's ways, timelines, and results made from a budget's selected projects. The
 * CSV in Decidim's columns is `civitas/io`'s (`parseResultsCsv`, `writeResultsCsv`).
 *
 * @module accountability
 */

export {
  barChart,
  type ChartOptions,
  projectVotesChart,
  resultsProgressChart,
  turnoutChart,
} from "./charts.js";
export {
  type ParticipationAction,
  type ParticipationKind,
  type ParticipationStatistics,
  participationStatistics,
} from "./participation.js";
export {
  participationFromInitiative,
  participationFromOrders,
  participationFromProposals,
} from "./participationFromLogs.js";
export {
  componentProgress,
  type Result,
  type ResultStatus,
  resultProgress,
  resultSchema,
  resultStatusSchema,
  resultsFromProjects,
} from "./results.js";
