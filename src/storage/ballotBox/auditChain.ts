import { createHash } from "node:crypto";
import { fail, ok, type Result } from "../../core/result.js";
import { canonicalJson } from "../canonicalJson.js";
import { sha256Hex } from "../digest.js";
import { storageIssue } from "../storageIssues.js";
import type {
  BallotBoxDefinition,
  BallotBoxExport,
  ChainEntry,
  PaperTotals,
  StoredBallot,
} from "./ballotBoxTypes.js";

/**
 * The hash a box's chain starts from: SHA-256 of its definition, so a chain cannot be
 * moved to another box.
 *
 * @category Ballot box
 * @example
 * ```ts
 * ballotBoxGenesis(definition).length; //=> 64
 * ```
 */
export function ballotBoxGenesis(definition: BallotBoxDefinition): string {
  return sha256Hex(`civitas ballot box\n${canonicalJson(definition)}`);
}

/**
 * A ballot's digest: SHA-256 of the canonical JSON of `{ ballotId, ballot }`.
 *
 * @category Ballot box
 * @example
 * ```ts
 * ballotDigest("5f0c", ["p1", "p7"]).length; //=> 64
 * ```
 */
export function ballotDigest(ballotId: string, ballot: unknown): string {
  // canonicalJson({ ballotId, ballot }), its keys written in their sorted order.
  return sha256Hex(`{"ballot":${canonicalJson(ballot)},"ballotId":${JSON.stringify(ballotId)}}`);
}

/**
 * A paper batch's digest: SHA-256 of the canonical JSON of its id, who entered it, its
 * totals and its ballots' digests in order.
 *
 * @category Ballot box
 * @example
 * ```ts
 * paperBatchDigest("desk-3/1", "clerk-12", { valid: 0, blank: 1, null: 0 }, []).length; //=> 64
 * ```
 */
export function paperBatchDigest(
  batchId: string,
  enteredBy: string,
  totals: PaperTotals,
  ballotDigests: readonly string[],
): string {
  return sha256Hex(canonicalJson({ batchId, enteredBy, totals, ballots: ballotDigests }));
}

/**
 * The closing digest: SHA-256 of the counted ballots' ids and digests, sorted by id.
 *
 * @category Ballot box
 * @example
 * ```ts
 * closingDigest([]).length; //=> 64
 * ```
 */
export function closingDigest(
  ballots: readonly Pick<StoredBallot, "ballotId" | "digest">[],
): string {
  let sorted = ballots;
  for (let k = 1; k < ballots.length; k++)
    if ((ballots[k - 1] as StoredBallot).ballotId > (ballots[k] as StoredBallot).ballotId) {
      sorted = [...ballots].sort((a, b) =>
        a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0,
      );
      break;
    }
  // canonicalJson of the [id, digest] pairs, hashed as it is written (no million-entry string).
  const hash = createHash("sha256");
  hash.update("[");
  sorted.forEach(({ ballotId, digest }, k) => {
    hash.update(`${k === 0 ? "" : ","}[${JSON.stringify(ballotId)},${JSON.stringify(digest)}]`);
  });
  hash.update("]");
  return hash.digest("hex");
}

/**
 * The entry that follows `last` (or starts the chain from `genesis`).
 *
 * @category Ballot box
 * @example
 * ```ts
 * const first = nextChainEntry(undefined, genesis, "ballot", ballotId, digest);
 * const second = nextChainEntry(first, genesis, "withdrawal", ballotId, digest);
 * ```
 */
export function nextChainEntry(
  last: ChainEntry | undefined,
  genesis: string,
  kind: ChainEntry["kind"],
  ref: string,
  digest: string,
): ChainEntry {
  const index = last === undefined ? 0 : last.index + 1;
  const previous = last === undefined ? genesis : last.hash;
  return {
    index,
    kind,
    ref,
    digest,
    previous,
    hash: chainHash(previous, index, kind, ref, digest),
  };
}

/** An entry's hash: canonicalJson({ index, kind, ref, digest }), keys in sorted order. */
function chainHash(
  previous: string,
  index: number,
  kind: string,
  ref: string,
  digest: string,
): string {
  return sha256Hex(
    `${previous}\n{"digest":${JSON.stringify(digest)},"index":${index},"kind":${JSON.stringify(kind)},"ref":${JSON.stringify(ref)}}`,
  );
}

/** The ballots the chain says are counted, by id, with their digests. */
function countedByChain(chain: readonly ChainEntry[]): Map<string, string> {
  const counted = new Map<string, string>();
  for (const entry of chain) {
    if (entry.kind === "ballot") counted.set(entry.ref, entry.digest);
    else if (entry.kind === "withdrawal") counted.delete(entry.ref);
  }
  return counted;
}

/**
 * Checks a box's export from scratch: every chain link, every ballot's and batch's digest,
 * that the ballots are exactly those the chain counts (withdrawn ones out, paper ones in
 * their batches), and for a closed box the closing entry. Returns the closing digest (the
 * last hash) and the number of counted ballots; anyone holding the export and the
 * published digest can run it.
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
  const broken = (index: number, reason: string): Result<never> =>
    fail([storageIssue("chain-broken", ["chain", index], { index, reason })]);
  const mismatch = (reason: string): Result<never> =>
    fail([storageIssue("ballots-mismatch", ["ballots"], { reason })]);
  const genesis = ballotBoxGenesis(exported.definition);
  let last: ChainEntry | undefined;
  for (const [k, entry] of exported.chain.entries()) {
    if (entry.index !== k) return broken(k, `its index is ${entry.index}`);
    if (entry.previous !== (last?.hash ?? genesis))
      return broken(k, "it does not follow the entry before");
    if (entry.hash !== chainHash(entry.previous, k, entry.kind, entry.ref, entry.digest))
      return broken(k, "its hash does not match its contents");
    if (entry.kind === "closing" && k !== exported.chain.length - 1)
      return broken(k, "entries follow the closing");
    last = entry;
  }
  const counted = countedByChain(exported.chain);
  const batches = new Map(exported.paperBatches.map((batch) => [batch.batchId, batch]));
  for (const entry of exported.chain)
    if (entry.kind === "paper-batch" && batches.get(entry.ref)?.digest !== entry.digest)
      return mismatch(`paper batch ${entry.ref} is not the one the chain holds`);
  // Ballots come sorted by id: one pass finds duplicates; online ones must each be a distinct
  // counted ballot of the chain, so as many of them as the chain counts means none missing.
  const paperById = new Map<string, StoredBallot>();
  let online = 0;
  let sorted = true;
  for (const [k, ballot] of exported.ballots.entries()) {
    if (k > 0 && (exported.ballots[k - 1] as StoredBallot).ballotId >= ballot.ballotId)
      sorted = false;
    if (ballotDigest(ballot.ballotId, ballot.ballot) !== ballot.digest)
      return mismatch(`ballot ${ballot.ballotId} does not match its digest`);
    if (ballot.source === "paper") paperById.set(ballot.ballotId, ballot);
    else if (counted.get(ballot.ballotId) !== ballot.digest)
      return mismatch(`ballot ${ballot.ballotId} is not one the chain counts`);
    else online++;
  }
  if (!sorted) {
    const ids = new Set<string>();
    for (const { ballotId } of exported.ballots) {
      if (ids.has(ballotId)) return mismatch(`ballot ${ballotId} appears twice`);
      ids.add(ballotId);
    }
  }
  if (online !== counted.size) return mismatch("ballots of the chain are missing");
  let paper = 0;
  for (const batch of exported.paperBatches) {
    const digests: string[] = [];
    for (const ballotId of batch.ballotIds) {
      const ballot = paperById.get(ballotId);
      if (ballot?.source !== "paper" || ballot.batch !== batch.batchId)
        return mismatch(`paper ballot ${ballotId} of batch ${batch.batchId} is missing`);
      digests.push(ballot.digest);
    }
    paper += digests.length;
    if (paperBatchDigest(batch.batchId, batch.enteredBy, batch.totals, digests) !== batch.digest)
      return mismatch(`paper batch ${batch.batchId} does not match its digest`);
  }
  if (counted.size + paper !== exported.ballots.length)
    return mismatch("some ballots belong neither to the chain nor to a paper batch");
  if (exported.state === "closed") {
    const closing = exported.chain.at(-1);
    if (closing?.kind !== "closing")
      return broken(exported.chain.length, "the closed box has no closing entry");
    if (closing.digest !== closingDigest(exported.ballots))
      return mismatch("the closing digest does not match the counted ballots");
  }
  return ok({ digest: last?.hash ?? genesis, ballots: exported.ballots.length });
}
