/**
 * Simulations for research: seeded profile generators, each with its reference, whose
 * output matches its model's exact distribution (chi-square tests at fixed seeds). The
 * same seed draws the same profile on every machine. Ordinal generators return a
 * `civitas/tally` ranked profile, approval generators an approval profile, identical
 * ballots merged with their weight; `budgetElection` a `civitas/budgeting` election.
 *
 * @module simulation
 */
export {
  type ApprovalOptions,
  approvalImpartialCulture,
  approvalNoise,
  type CentralBallotOptions,
  disjointResampling,
  euclideanApproval,
  resampling,
} from "./approval/approvalGenerators.js";
export {
  type BudgetAxiom,
  type BudgetOutcomeOf,
  budgetAxioms,
} from "./axioms/budgetAxioms.js";
export {
  type CommitteeAxiom,
  type CommitteeOf,
  committeeAxioms,
} from "./axioms/committeeAxioms.js";
export {
  type BudgetCounterexample,
  type CommitteeCounterexample,
  type Counterexample,
  type CounterexampleSearch,
  findBudgetCounterexample,
  findCommitteeCounterexample,
  findCounterexample,
} from "./axioms/findCounterexample.js";
export {
  type SingleWinnerAxiom,
  singleWinnerAxioms,
  type WinnersOf,
  winnersOf,
} from "./axioms/singleWinnerAxioms.js";
export { type BudgetElectionOptions, budgetElection } from "./budget/budgetElection.js";
export {
  drawOrdinalProfile,
  type Experiment,
  type ExperimentRow,
  experimentCsvHeader,
  experimentFromJson,
  experimentRowCsv,
  experimentSchema,
  experimentUnitRows,
  experimentUnits,
  finishedUnits,
  type OrdinalGenerator,
  ordinalGeneratorSchema,
  runExperiment,
} from "./experiment.js";
export { runExperimentInParallel } from "./experimentInParallel.js";
export { euclidean } from "./ordinal/euclidean.js";
export { groupSeparable } from "./ordinal/groupSeparable.js";
export { impartialAnonymousCulture } from "./ordinal/impartialAnonymousCulture.js";
export { impartialCulture } from "./ordinal/impartialCulture.js";
export { type MallowsOptions, mallows, phiFromNormalized } from "./ordinal/mallows.js";
export type { OrdinalOptions } from "./ordinal/ordinalProfile.js";
export { singleCrossing } from "./ordinal/singleCrossing.js";
export { singlePeakedConitzer, singlePeakedWalsh } from "./ordinal/singlePeaked.js";
export { urn } from "./ordinal/urn.js";
export {
  type SimulationIssueCode,
  simulationIssue,
  simulationIssueMessages,
} from "./simulationIssues.js";
