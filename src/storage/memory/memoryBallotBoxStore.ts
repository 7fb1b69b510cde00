import type { BallotBoxStore, BoxTransaction, VoterRecord } from "../ballotBox/ballotBoxStore.js";
import type {
  BallotBoxDefinition,
  BallotBoxState,
  ChainEntry,
  StoredBallot,
  StoredPaperBatch,
} from "../ballotBox/ballotBoxTypes.js";

/** One box as the memory store keeps it. */
interface MemoryBox {
  readonly definition: BallotBoxDefinition;
  state: BallotBoxState;
  readonly voters: Map<string, VoterRecord>;
  /** Ballots in storage order: for unlinkable boxes a uniformly random order. */
  readonly ballots: StoredBallot[];
  readonly position: Map<string, number>;
  readonly batches: Map<string, StoredPaperBatch>;
  readonly chain: ChainEntry[];
  /** The end of the queue of transactions on this box. */
  queue: Promise<unknown>;
}

/** A transaction on one memory box: reads through an overlay, writes applied on commit. */
function memoryTransaction(
  box: MemoryBox | undefined,
  random: () => number,
  fault: number | undefined,
): { tx: BoxTransaction; apply: () => void } {
  let writes = 0;
  const write = () => {
    writes++;
    if (fault !== undefined && writes > fault)
      throw new Error(`memory store: injected fault after ${fault} writes`);
  };
  let state: BallotBoxState | undefined;
  const voters = new Map<string, VoterRecord | undefined>();
  const added: StoredBallot[] = [];
  const removed = new Set<string>();
  const appended: ChainEntry[] = [];
  const batches: StoredPaperBatch[] = [];
  const tx: BoxTransaction = {
    box: async () =>
      box === undefined ? undefined : { definition: box.definition, state: state ?? box.state },
    setState: async (next) => {
      write();
      state = next;
    },
    voter: async (voter) =>
      voters.has(voter)
        ? (voters.get(voter) ?? { cast: false })
        : (box?.voters.get(voter) ?? { cast: false }),
    claimVoters: async (claims) => {
      const claimed = claims.map(({ voter }) =>
        voters.has(voter) ? voters.get(voter) === undefined : box?.voters.has(voter) !== true,
      );
      if (claimed.some((each) => each)) write();
      claims.forEach(({ voter, record }, k) => {
        if (claimed[k] === true) voters.set(voter, record);
      });
      return claimed;
    },
    setVoter: async (voter, record) => {
      write();
      voters.set(voter, record);
    },
    addBallots: async (ballots) => {
      write();
      added.push(...ballots);
    },
    removeBallot: async (ballotId) => {
      write();
      removed.add(ballotId);
    },
    ballot: async (ballotId) => {
      if (removed.has(ballotId)) return undefined;
      const at = box?.position.get(ballotId);
      if (at !== undefined) return box?.ballots[at];
      return added.find((ballot) => ballot.ballotId === ballotId);
    },
    lastChainEntry: async () => appended.at(-1) ?? box?.chain.at(-1),
    appendChainEntries: async (entries) => {
      write();
      appended.push(...entries);
    },
    hasBatch: async (batchId) =>
      (box?.batches.has(batchId) ?? false) || batches.some((b) => b.batchId === batchId),
    addBatch: async (batch) => {
      write();
      batches.push(batch);
    },
    ballots: async () =>
      [...(box?.ballots ?? []), ...added]
        .filter((ballot) => !removed.has(ballot.ballotId))
        .sort((a, b) => (a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0)),
    batches: async () =>
      [...(box?.batches.values() ?? []), ...batches].sort((a, b) =>
        a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0,
      ),
    chain: async () => [...(box?.chain ?? []), ...appended],
  };
  const apply = () => {
    if (box === undefined) return;
    if (state !== undefined) box.state = state;
    for (const [voter, record] of voters)
      if (record === undefined) box.voters.delete(voter);
      else box.voters.set(voter, record);
    for (const ballotId of removed) {
      const at = box.position.get(ballotId);
      if (at === undefined) continue;
      const lastBallot = box.ballots.pop() as StoredBallot;
      box.position.delete(ballotId);
      if (at < box.ballots.length) {
        box.ballots[at] = lastBallot;
        box.position.set(lastBallot.ballotId, at);
      }
    }
    for (const ballot of added) {
      if (removed.has(ballot.ballotId)) continue;
      box.ballots.push(ballot);
      let at = box.ballots.length - 1;
      if (box.definition.secrecy === "unlinkable") {
        // Inside-out shuffle: the new ballot swaps with a uniformly random place.
        const other = Math.floor(random() * box.ballots.length);
        const moved = box.ballots[other] as StoredBallot;
        box.ballots[other] = ballot;
        box.ballots[at] = moved;
        box.position.set(moved.ballotId, at);
        at = other;
      }
      box.position.set(ballot.ballotId, at);
    }
    for (const batch of batches) box.batches.set(batch.batchId, batch);
    box.chain.push(...appended);
  };
  return { tx, apply };
}

/**
 * Options of {@link memoryBallotBoxStore}.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * memoryBallotBoxStore({ random: seededRandom(7) });
 * ```
 */
export interface MemoryBallotBoxStoreOptions {
  /** Where unlinkable ballots go; default `Math.random`. */
  readonly random?: (() => number) | undefined;
}

/**
 * What the memory store holds, in the order it holds it: what a dump of its memory shows.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * const raw = store.dump("angers-2026");
 * raw?.ballots.length;
 * ```
 */
export interface MemoryBoxDump {
  readonly voters: readonly (readonly [string, VoterRecord])[];
  readonly ballots: readonly StoredBallot[];
  readonly chain: readonly ChainEntry[];
}

/**
 * The memory store: the default adapter, no dependency, for tests, demos and one-process
 * apps. Transactions on a box run one after another; each works on an overlay that is
 * applied only when it commits. Unlinkable boxes place each new ballot at a uniformly
 * random position (the inside-out shuffle), so storage order says nothing of casting
 * order.
 *
 * @category Storage adapters
 * @example
 * ```ts
 * const box = ballotBox(memoryBallotBoxStore());
 * ```
 */
export function memoryBallotBoxStore(options: MemoryBallotBoxStoreOptions = {}): BallotBoxStore & {
  /** The box's raw contents in storage order (the linkability tests read it). */
  dump(box: string): MemoryBoxDump | undefined;
  /** Makes the next transaction throw after this many writes (fault tests). */
  failAfterWrites(writes: number): void;
} {
  const random = options.random ?? Math.random;
  const boxes = new Map<string, MemoryBox>();
  let failAfter: number | undefined;

  return {
    async definition(boxId) {
      return boxes.get(boxId)?.definition;
    },
    async createBox(definition) {
      if (boxes.has(definition.id)) return false;
      boxes.set(definition.id, {
        definition,
        state: "pending",
        voters: new Map(),
        ballots: [],
        position: new Map(),
        batches: new Map(),
        chain: [],
        queue: Promise.resolve(),
      });
      return true;
    },
    transact(boxId, work, commit) {
      const box = boxes.get(boxId);
      const run = async () => {
        const fault = failAfter;
        failAfter = undefined;
        const { tx, apply } = memoryTransaction(box, random, fault);
        const result = await work(tx);
        if (commit(result)) apply();
        return result;
      };
      if (box === undefined) return run();
      const next = box.queue.then(run, run);
      box.queue = next.catch(() => undefined);
      return next;
    },
    dump(boxId) {
      const box = boxes.get(boxId);
      if (box === undefined) return undefined;
      return { voters: [...box.voters], ballots: [...box.ballots], chain: [...box.chain] };
    },
    failAfterWrites(writes) {
      failAfter = writes;
    },
  };
}
