/**
 * civitas/testing: the conformance suites storage adapters run (vitest, an optional peer
 * dependency of this subpath only), and the linkability check behind the unlinkable
 * ballot box's promise.
 *
 * @module testing
 */
export { type BallotBoxAdapter, describeBallotBox } from "./describeBallotBox.js";
export { describeEventStore } from "./describeEventStore.js";
export { type LinkabilityReport, linkability, type RawDump } from "./linkability.js";
