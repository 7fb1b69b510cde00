import { fail, ok, type Result } from "../../core/result.js";
import { canonicalJson, jsonString } from "../canonicalJson.js";
import { sha256Hex } from "../digest.js";
import { storageIssue } from "../storageIssues.js";
import {
  ballotBoxGenesis,
  ballotDigest,
  ClosingDigest,
  chainEntryHash,
  paperBatchDigest,
  withdrawnLater,
} from "./auditChain.js";
import type {
  BallotBoxExport,
  ChainEntry,
  StoredBallot,
  StoredPaperBatch,
} from "./ballotBoxTypes.js";

/** Where a verification stands as it walks the chain. */
interface Walk {
  readonly ballots: readonly StoredBallot[];
  /** The next exported ballot the chain must count. */
  next: number;
  readonly closing: ClosingDigest;
}

const chainBroken = (index: number, reason: string): Result<never> =>
  fail([storageIssue("chain-broken", ["chain", index], { index, reason })]);

const ballotsMismatch = (reason: string): Result<never> =>
  fail([storageIssue("ballots-mismatch", ["ballots"], { reason })]);

/**
 * A counted online ballot entry against the next exported ballot: its digest recomputed
 * once, then the entry's hash built from it (a digest that matches is hex, so needs no
 * escape). Returns the entry's hash, or why the ballot does not verify.
 */
function walkBallotEntry(walk: Walk, entry: ChainEntry, previous: string): string | Result<never> {
  const ballot = walk.ballots[walk.next];
  walk.next++;
  if (ballot?.source !== "online" || ballot.ballotId !== entry.ref)
    return ballotsMismatch(
      `ballot ${entry.ref} is not where the chain's order puts it (position ${walk.next - 1})`,
    );
  const id = jsonString(ballot.ballotId);
  const digest = sha256Hex(`{"ballot":${canonicalJson(ballot.ballot)},"ballotId":${id}}`);
  if (digest !== ballot.digest)
    return ballotsMismatch(`ballot ${ballot.ballotId} does not match its digest`);
  if (digest !== entry.digest)
    return ballotsMismatch(`ballot ${entry.ref} is not the one the chain holds`);
  walk.closing.add(digest);
  return sha256Hex(
    `${previous}\n{"digest":"${digest}","index":${entry.index},"kind":"ballot","ref":${id}}`,
  );
}

/** A paper-batch entry against its batch and the next exported ballots, its digest recomputed. */
function walkPaperBatch(walk: Walk, entry: ChainEntry, batch: StoredPaperBatch | undefined) {
  if (batch?.digest !== entry.digest)
    return ballotsMismatch(`paper batch ${entry.ref} is not the one the chain holds`);
  const digests: string[] = [];
  for (const ballotId of batch.ballotIds) {
    const ballot = walk.ballots[walk.next];
    walk.next++;
    if (
      ballot?.source !== "paper" ||
      ballot.batch !== batch.batchId ||
      ballot.ballotId !== ballotId
    )
      return ballotsMismatch(
        `paper ballot ${ballotId} of batch ${batch.batchId} is not where the chain's order puts it`,
      );
    if (ballotDigest(ballot.ballotId, ballot.ballot) !== ballot.digest)
      return ballotsMismatch(`ballot ${ballot.ballotId} does not match its digest`);
    walk.closing.add(ballot.digest);
    digests.push(ballot.digest);
  }
  if (paperBatchDigest(batch.batchId, batch.enteredBy, batch.totals, digests) !== batch.digest)
    return ballotsMismatch(`paper batch ${batch.batchId} does not match its digest`);
  return ok(undefined);
}

/**
 * Checks a box's export from scratch: every chain link, every ballot's and batch's digest,
 * that the ballots are exactly those the chain counts, in its order (withdrawn ones out,
 * paper ones in their batches; see `ballotsInChainOrder`), and for a closed box the
 * closing entry. Returns the closing digest (the last hash) and the number of counted
 * ballots; anyone holding the export and the published digest can run it.
 *
 * One pass over the chain and the ballots together, no lookup table: each ballot's digest
 * is computed once and serves its entry's hash and the closing digest
 * (`npm run bench:storage` prints the time for a million).
 *
 * @category Ballot box
 * @example
 * ```ts
 * const checked = verifyBallotBox(exported);
 * if (checked.ok) checked.value.digest; // compare with the published closing digest
 * ```
 */
export function verifyBallotBox(
  exported: BallotBoxExport,
): Result<{ readonly digest: string; readonly ballots: number }> {
  const { chain, ballots, paperBatches } = exported;
  const batches = new Map(paperBatches.map((batch) => [batch.batchId, batch]));
  if (batches.size !== paperBatches.length)
    return ballotsMismatch("a paper batch is exported twice");
  const withdrawn = withdrawnLater(chain);
  const walk: Walk = { ballots, next: 0, closing: new ClosingDigest() };
  const chained = new Set<string>();
  let previous = ballotBoxGenesis(exported.definition);
  for (let k = 0; k < chain.length; k++) {
    const entry = chain[k] as ChainEntry;
    if (entry.index !== k) return chainBroken(k, `its index is ${entry.index}`);
    if (entry.previous !== previous) return chainBroken(k, "it does not follow the entry before");
    let hash: string;
    if (entry.kind === "ballot" && withdrawn?.[k] !== 1) {
      const walked = walkBallotEntry(walk, entry, previous);
      if (typeof walked !== "string") return walked;
      hash = walked;
    } else {
      if (entry.kind === "paper-batch") {
        if (chained.has(entry.ref))
          return ballotsMismatch(`paper batch ${entry.ref} is chained twice`);
        chained.add(entry.ref);
        const walked = walkPaperBatch(walk, entry, batches.get(entry.ref));
        if (!walked.ok) return walked;
      }
      hash = chainEntryHash(previous, k, entry.kind, entry.ref, entry.digest);
    }
    if (entry.hash !== hash) return chainBroken(k, "its hash does not match its contents");
    if (entry.kind === "closing" && k !== chain.length - 1)
      return chainBroken(k, "entries follow the closing");
    previous = hash;
  }
  if (chained.size !== paperBatches.length)
    return ballotsMismatch("a paper batch is not in the chain");
  if (walk.next !== ballots.length)
    return ballotsMismatch("some ballots are not counted by the chain");
  const closing = walk.closing.digest();
  const last = chain.at(-1);
  if (exported.state === "closed") {
    if (last?.kind !== "closing")
      return chainBroken(chain.length, "the closed box has no closing entry");
    if (last.digest !== closing)
      return ballotsMismatch("the closing digest does not match the counted ballots");
  }
  return ok({ digest: previous, ballots: ballots.length });
}
