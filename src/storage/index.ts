/**
 * civitas/storage: the one place with I/O, behind ports. A ballot box (one ballot per
 * voter, receipts, replacing and withdrawing where the rules allow, paper batches, secrecy
 * modes, an audit chain anyone can verify) written once over the `BallotBoxStore` port,
 * and an `EventStore` port for the proposals' and orders' event logs; the memory adapters
 * need no dependency. Adapters for other stores pass the conformance suite of
 * `civitas/testing`.
 *
 * @module storage
 */
export {
  ballotBoxGenesis,
  ballotDigest,
  ballotsInChainOrder,
  chainEntryHash,
  closingDigest,
  nextChainEntry,
  paperBatchDigest,
} from "./ballotBox/auditChain.js";
export {
  type BallotBox,
  type BallotBoxOptions,
  BallotBoxService,
  ballotBox,
} from "./ballotBox/ballotBox.js";
export type { BallotBoxStore, BoxTransaction, VoterRecord } from "./ballotBox/ballotBoxStore.js";
export type {
  BallotBoxDefinition,
  BallotBoxExport,
  BallotBoxState,
  ChainEntry,
  PaperTotals,
  Receipt,
  Secrecy,
  StoredBallot,
  StoredPaperBatch,
} from "./ballotBox/ballotBoxTypes.js";
export { verifyBallotBox } from "./ballotBox/verifyBallotBox.js";
export { canonicalJson } from "./canonicalJson.js";
export { sha256Hex } from "./digest.js";
export { decideAndAppend } from "./eventStore/decideAndAppend.js";
export type { EventStore, StoredEvent } from "./eventStore/eventStore.js";
export {
  type MemoryBallotBoxStoreOptions,
  type MemoryBoxDump,
  memoryBallotBoxStore,
} from "./memory/memoryBallotBoxStore.js";
export { memoryEventStore } from "./memory/memoryEventStore.js";
export {
  type StorageIssueCode,
  type StorageIssueParams,
  storageIssue,
  storageIssueMessages,
} from "./storageIssues.js";
