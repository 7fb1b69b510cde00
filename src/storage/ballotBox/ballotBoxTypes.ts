/**
 * Whether a box keeps who voted apart from what they voted.
 * - `unlinkable`: ballots get random ids, no join key, no timestamps, and are stored in an
 *   order that does not follow the casting order; the voter roll only says who voted. A
 *   ballot can then be neither replaced nor withdrawn.
 * - `linked`: each voter's ballot is known to the box (Decidim's default, where an order
 *   belongs to a user), so the rules may let voters replace or withdraw it until closing.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const secrecy: Secrecy = "unlinkable";
 * ```
 */
export type Secrecy = "unlinkable" | "linked";

/**
 * A ballot box: one ballot per voter, counted when it closes.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const box: BallotBoxDefinition = {
 *   id: "angers-2026", secrecy: "linked", allowReplace: true, allowWithdraw: true, maxBallotBytes: 65536,
 * };
 * ```
 */
export interface BallotBoxDefinition {
  readonly id: string;
  readonly secrecy: Secrecy;
  /** A voter may cast again, replacing their ballot (linked boxes only; CONSUL's change). */
  readonly allowReplace: boolean;
  /** A voter may withdraw their ballot, then cast again (linked boxes only; Decidim's cancel). */
  readonly allowWithdraw: boolean;
  /** The largest ballot, as canonical JSON in UTF-8 bytes. */
  readonly maxBallotBytes: number;
}

/**
 * Where a box is in its life: `pending` (defined, not yet open), `open` (takes ballots),
 * `closed` (counted; takes nothing more). The app opens and closes it as its process
 * calendar says (`phaseAt`).
 *
 * @category Ballot box
 * @example
 * ```ts
 * const state: BallotBoxState = "open";
 * ```
 */
export type BallotBoxState = "pending" | "open" | "closed";

/**
 * A ballot as the box keeps it: its id (random for online ballots), the ballot as JSON,
 * its digest (SHA-256 of the canonical JSON of `{ ballotId, ballot }`) and where it came
 * from.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const stored: StoredBallot = { ballotId: "5f0c…", ballot: ["p1", "p7"], digest: "9a4e…", source: "online" };
 * ```
 */
export interface StoredBallot {
  readonly ballotId: string;
  readonly ballot: unknown;
  readonly digest: string;
  readonly source: "online" | "paper";
  /** The paper batch it was entered in. */
  readonly batch?: string;
}

/**
 * What a voter keeps after casting: with the published export anyone can check that the
 * ballot with this id and digest was counted.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const receipt: Receipt = { box: "angers-2026", ballotId: "5f0c…", digest: "9a4e…" };
 * ```
 */
export interface Receipt {
  readonly box: string;
  readonly ballotId: string;
  readonly digest: string;
}

/**
 * CONSUL's recount totals of a paper batch: valid ballots (those entered), blank ballots
 * and null (spoilt) ballots.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const totals: PaperTotals = { valid: 120, blank: 4, null: 2 };
 * ```
 */
export interface PaperTotals {
  readonly valid: number;
  readonly blank: number;
  readonly null: number;
}

/**
 * A batch of paper ballots as the box keeps it.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const batch: StoredPaperBatch = { batchId: "desk-3/1", enteredBy: "clerk-12", totals: { valid: 2, blank: 0, null: 1 }, ballotIds: ["paper:desk-3/1:0", "paper:desk-3/1:1"], digest: "…" };
 * ```
 */
export interface StoredPaperBatch {
  readonly batchId: string;
  readonly enteredBy: string;
  readonly totals: PaperTotals;
  readonly ballotIds: readonly string[];
  /** SHA-256 of the canonical JSON of the batch with its ballots' digests. */
  readonly digest: string;
}

/**
 * One link of a box's audit chain: `hash` = SHA-256 of `previous`, a newline and the
 * canonical JSON of `{ index, kind, ref, digest }`. The first entry's `previous` is the
 * box's genesis (`ballotBoxGenesis`).
 *
 * @category Ballot box
 * @example
 * ```ts
 * const entry: ChainEntry = { index: 0, kind: "ballot", ref: "5f0c…", digest: "9a4e…", previous: "…", hash: "…" };
 * ```
 */
export interface ChainEntry {
  readonly index: number;
  readonly kind: "ballot" | "withdrawal" | "paper-batch" | "closing";
  /** The ballot or batch id (the closing: the box id). */
  readonly ref: string;
  /** The ballot's, batch's or closing's digest (a withdrawal: the withdrawn ballot's). */
  readonly digest: string;
  readonly previous: string;
  readonly hash: string;
}

/**
 * Everything needed to check a closed box and recount it: the counted ballots (in the
 * chain's order: see `ballotsInChainOrder`), the paper batches and the audit chain. Publish it with its closing digest (the last
 * chain hash).
 *
 * @category Ballot box
 * @example
 * ```ts
 * const exported = await box.export("angers-2026");
 * if (exported.ok) verifyBallotBox(exported.value);
 * ```
 */
export interface BallotBoxExport {
  readonly definition: BallotBoxDefinition;
  readonly state: BallotBoxState;
  readonly ballots: readonly StoredBallot[];
  readonly paperBatches: readonly StoredPaperBatch[];
  readonly chain: readonly ChainEntry[];
}
