import type {
  BallotBoxDefinition,
  BallotBoxState,
  ChainEntry,
  StoredBallot,
  StoredPaperBatch,
} from "./ballotBoxTypes.js";

/**
 * What a voter has in a box, as the roll records it: nothing, a ballot (linked boxes name
 * it; unlinkable boxes only know that one was cast).
 *
 * @category Storage ports
 * @example
 * ```ts
 * const record: VoterRecord = { cast: true, ballotId: "5f0c…" };
 * ```
 */
export interface VoterRecord {
  readonly cast: boolean;
  /** Linked boxes only. */
  readonly ballotId?: string | undefined;
}

/**
 * The reads and writes of one box inside one transaction. Everything a transaction
 * writes is kept only if it finishes: a thrown error or a failed result keeps nothing.
 *
 * @category Storage ports
 * @example
 * ```ts
 * await store.transact("angers-2026", async (tx) => (await tx.box())?.state);
 * ```
 */
export interface BoxTransaction {
  box(): Promise<
    { readonly definition: BallotBoxDefinition; readonly state: BallotBoxState } | undefined
  >;
  setState(state: BallotBoxState): Promise<void>;
  voter(voter: string): Promise<VoterRecord>;
  /**
   * Records each voter as having cast, only if the roll does not have them yet; returns,
   * in order, whether each was recorded (false: the roll had them). The voters are
   * distinct. Atomic per voter, even between shared transactions.
   */
  claimVoters(
    claims: readonly { readonly voter: string; readonly record: VoterRecord }[],
  ): Promise<readonly boolean[]>;
  /** Records that the voter cast (with the ballot's id in linked boxes) or, `undefined`, that they have none now. */
  setVoter(voter: string, record: VoterRecord | undefined): Promise<void>;
  /**
   * Stores ballots (the casts of a group commit, a paper batch) in as few writes as the
   * store can; unlinkable boxes store online ballots where their position says nothing of
   * when they came.
   */
  addBallots(ballots: readonly StoredBallot[]): Promise<void>;
  removeBallot(ballotId: string): Promise<void>;
  ballot(ballotId: string): Promise<StoredBallot | undefined>;
  lastChainEntry(): Promise<ChainEntry | undefined>;
  /** Appends entries that follow the last one and each other, in as few writes as it can. */
  appendChainEntries(entries: readonly ChainEntry[]): Promise<void>;
  hasBatch(batchId: string): Promise<boolean>;
  addBatch(batch: StoredPaperBatch): Promise<void>;
  /** Every ballot in the box, in any order. */
  ballots(): Promise<readonly StoredBallot[]>;
  batches(): Promise<readonly StoredPaperBatch[]>;
  chain(): Promise<readonly ChainEntry[]>;
}

/**
 * The ballot-box port an adapter implements: boxes, and transactions over one box that
 * run one at a time per box and keep all of their writes or none. The rules (one ballot
 * per voter, replacing, paper batches, the audit chain) live once, in `ballotBox`, above
 * this port; an adapter only stores.
 *
 * @category Storage ports
 * @example
 * ```ts
 * const box = ballotBox(memoryBallotBoxStore());
 * ```
 */
export interface BallotBoxStore {
  /** Creates a box in state `pending`; false when the id is taken. */
  createBox(definition: BallotBoxDefinition): Promise<boolean>;
  /** A box's definition (it never changes once created), outside any transaction. */
  definition(box: string): Promise<BallotBoxDefinition | undefined>;
  /**
   * Runs `work` on one box: transactions on the same box see each other's writes in
   * turn (serialised), and a transaction keeps its writes only if `work` resolves and
   * `commit(result)` says so. A `shared` transaction only adds voters (with
   * `claimVoters`) and ballots that no other write depends on (unlinkable casts): it may
   * run beside other shared ones, never beside an exclusive one (opening, closing).
   */
  transact<T>(
    box: string,
    work: (tx: BoxTransaction) => Promise<T>,
    commit: (result: T) => boolean,
    options?: { readonly shared?: boolean },
  ): Promise<T>;
}
