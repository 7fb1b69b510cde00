/**
 * civitas: participatory-democracy domain logic as pure, exact, typed functions.
 *
 * The root entry re-exports every module; import a subpath (`civitas/budgeting`,
 * `civitas/tally`, `civitas/calendar`, `civitas/proposals`, `civitas/io`, `civitas/core`) to load only what you use.
 *
 * @module civitas
 */
export * from "./budgeting/index.js";
export * from "./calendar/index.js";
export * from "./core/index.js";
export * from "./io/index.js";
export { type IssueCode, issueCatalogue } from "./issueCatalogue.js";
export * from "./proposals/index.js";
export * from "./tally/index.js";
