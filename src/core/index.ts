/**
 * The foundation every civitas module shares: exact numbers (and exact linear systems),
 * money in minor units, issues returned as values, and tie-breaking policies as data.
 *
 * @module core
 */

export { catalogueIssue } from "./catalogueIssue.js";
export { type CoreIssueCode, coreIssueMessages } from "./coreIssues.js";
export { csvField } from "./csvField.js";
export {
  type Decimal,
  formatDecimal,
  minimalScale,
  parseDecimal,
  rescaleDecimal,
} from "./decimal.js";
export { escapeXml } from "./escapeXml.js";
export { greatestCommonDivisor } from "./greatestCommonDivisor.js";
export { idRecord, idRecordFrom, ownValue } from "./idRecord.js";
export {
  type Issue,
  type IssueMaker,
  type IssueSeverity,
  issueMaker,
  isWarning,
  makeIssue,
  makeWarning,
  type NoDetails,
  oneLine,
  warningMaker,
} from "./issue.js";
export {
  type Feasibility,
  findFeasiblePoint,
  LINEAR_SYSTEM_WORK_LIMIT,
  type LinearConstraint,
  type LinearSystem,
} from "./linearFeasibility.js";
export {
  type AxiomId,
  axioms,
  type MethodBallotType,
  type MethodInfo,
  type MethodKind,
} from "./methodInfo.js";
export { formatMoney, type Money, moneyScaleOf, parseMoney } from "./money.js";
export {
  addRational,
  compareRational,
  divideRational,
  formatRational,
  formatRationalAsDecimal,
  multiplyRational,
  type Rational,
  rational,
  rationalFromDecimal,
  rationalFromNumber,
  rationalToNumber,
  subtractRational,
} from "./rational.js";
export {
  fail,
  ok,
  partitionIssues,
  type Result,
  strictResult,
  withWarnings,
} from "./result.js";
export { schemaIssues } from "./schemaIssues.js";
export { seededRandom, seededShuffle } from "./seededRandom.js";
export { hmacSha256, sha256 } from "./sha256.js";
export {
  orderByTieBreaking,
  parseTieBreakingPolicy,
  type TieBreakingCriterion,
  type TieBreakingKeys,
  type TieBreakingPolicy,
  type TieBreakingValue,
  tieBreakingComparator,
} from "./tieBreaking.js";
