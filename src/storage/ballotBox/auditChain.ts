import { createHash } from "node:crypto";
import { canonicalJson, jsonString } from "../canonicalJson.js";
import { sha256Hex } from "../digest.js";
import type {
  BallotBoxDefinition,
  ChainEntry,
  PaperTotals,
  StoredBallot,
  StoredPaperBatch,
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
  return sha256Hex(`{"ballot":${canonicalJson(ballot)},"ballotId":${jsonString(ballotId)}}`);
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
 * The closing digest written ballot by ballot: `add` takes a counted ballot's digest; the
 * text is hashed in chunks of about 64 kB, neither a million-line string nor an update
 * per ballot (which would cost more than the hashing).
 *
 * @internal
 */
export class ClosingDigest {
  private readonly hash = createHash("sha256");
  private lines: string[] = [];

  add(digest: string): void {
    this.lines.push(digest);
    if (this.lines.length === 1024) this.flush();
  }

  digest(): string {
    this.flush();
    return this.hash.digest("hex");
  }

  private flush(): void {
    if (this.lines.length > 0) this.hash.update(`${this.lines.join("\n")}\n`);
    this.lines = [];
  }
}

/**
 * The closing digest: SHA-256 of the counted ballots' digests in the chain's order (see
 * {@link ballotsInChainOrder}), each followed by a newline. A ballot's digest covers its
 * id, so this commits to every counted ballot and to nothing else.
 *
 * @category Ballot box
 * @example
 * ```ts
 * closingDigest([]); //=> "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 * ```
 */
export function closingDigest(ballots: readonly Pick<StoredBallot, "digest">[]): string {
  const closing = new ClosingDigest();
  for (const { digest } of ballots) closing.add(digest);
  return closing.digest();
}

/**
 * Which of a chain's entries are ballots a later withdrawal names (1), so not counted;
 * undefined when the chain withdraws nothing.
 *
 * @internal
 */
export function withdrawnLater(chain: readonly ChainEntry[]): Uint8Array | undefined {
  const withdrawals = new Map<string, number>();
  for (let k = 0; k < chain.length; k++) {
    const entry = chain[k] as ChainEntry;
    if (entry.kind === "withdrawal") withdrawals.set(entry.ref, k);
  }
  if (withdrawals.size === 0) return undefined;
  const out = new Uint8Array(chain.length);
  for (let k = 0; k < chain.length; k++) {
    const entry = chain[k] as ChainEntry;
    if (entry.kind === "ballot" && (withdrawals.get(entry.ref) ?? -1) > k) out[k] = 1;
  }
  return out;
}

/**
 * The counted ballots in the chain's order, the order of an export and of the closing
 * digest: for each entry in turn, a ballot entry that no later withdrawal names gives its
 * ballot, a paper-batch entry its batch's ballots in the batch's order. Ballots the chain
 * does not count yet (an open unlinkable box's, chained at closing) come last, by id, so
 * an export never leaves a stored ballot out (and does not verify until the box closes).
 *
 * @category Ballot box
 * @example
 * ```ts
 * const ordered = ballotsInChainOrder(await tx.chain(), await tx.ballots(), await tx.batches());
 * closingDigest(ordered);
 * ```
 */
export function ballotsInChainOrder(
  chain: readonly ChainEntry[],
  ballots: readonly StoredBallot[],
  batches: readonly StoredPaperBatch[],
): StoredBallot[] {
  const byId = new Map(ballots.map((ballot) => [ballot.ballotId, ballot]));
  const batchById = new Map(batches.map((batch) => [batch.batchId, batch]));
  const withdrawn = withdrawnLater(chain);
  const out: StoredBallot[] = [];
  const take = (ballotId: string) => {
    const ballot = byId.get(ballotId);
    if (ballot === undefined) return;
    out.push(ballot);
    byId.delete(ballotId);
  };
  for (let k = 0; k < chain.length; k++) {
    const entry = chain[k] as ChainEntry;
    if (entry.kind === "ballot" && withdrawn?.[k] !== 1) take(entry.ref);
    else if (entry.kind === "paper-batch")
      for (const ballotId of batchById.get(entry.ref)?.ballotIds ?? []) take(ballotId);
  }
  const rest = [...byId.values()].sort((a, b) =>
    a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0,
  );
  return rest.length === 0 ? out : [...out, ...rest];
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
    hash: chainEntryHash(previous, index, kind, ref, digest),
  };
}

/**
 * An entry's hash: SHA-256 of the previous hash, a newline and the canonical JSON of
 * `{ index, kind, ref, digest }`.
 *
 * @category Ballot box
 * @example
 * ```ts
 * chainEntryHash(genesis, 0, "ballot", ballotId, digest) === first.hash; //=> true
 * ```
 */
export function chainEntryHash(
  previous: string,
  index: number,
  kind: string,
  ref: string,
  digest: string,
): string {
  return sha256Hex(
    `${previous}\n{"digest":${jsonString(digest)},"index":${index},"kind":${jsonString(kind)},"ref":${jsonString(ref)}}`,
  );
}
