import { randomUUID } from "node:crypto";
import * as z from "zod/mini";
import type { Issue } from "../../core/issue.js";
import { fail, ok, type Result } from "../../core/result.js";
import { schemaIssues } from "../../core/schemaIssues.js";
import { canonicalJson } from "../canonicalJson.js";
import { GroupCommit } from "../groupCommit.js";
import { storageIssue } from "../storageIssues.js";
import {
  ballotBoxGenesis,
  ballotDigest,
  ballotsInChainOrder,
  closingDigest,
  nextChainEntry,
  paperBatchDigest,
} from "./auditChain.js";
import type { BallotBoxStore, BoxTransaction } from "./ballotBoxStore.js";
import type {
  BallotBoxDefinition,
  BallotBoxExport,
  ChainEntry,
  Receipt,
  StoredBallot,
} from "./ballotBoxTypes.js";

/** The largest voter id, box id or batch id, in UTF-16 code units. */
const MAX_ID_LENGTH = 1024;
const DEFAULT_MAX_BALLOT_BYTES = 65_536;

/** The most casts written in one transaction (a group commit). */
const MAX_CASTS_TOGETHER = 256;

/** A validated cast waiting for its group commit. */
interface PendingCast {
  readonly voter: string;
  readonly stored: StoredBallot;
}

const receiptOf = (box: string, { ballotId, digest }: StoredBallot): Receipt => ({
  box,
  ballotId,
  digest,
});

const idSchema = z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH));

const definitionSchema = z.object({
  id: idSchema,
  secrecy: z.enum(["unlinkable", "linked"]),
  allowReplace: z.optional(z.boolean()),
  allowWithdraw: z.optional(z.boolean()),
  maxBallotBytes: z.optional(z.number().check(z.int(), z.minimum(2), z.maximum(16_777_216))),
});

const paperBatchSchema = z.object({
  batchId: idSchema,
  enteredBy: idSchema,
  ballots: z.array(z.unknown()),
  totals: z.object({
    valid: z.number().check(z.int(), z.nonnegative()),
    blank: z.number().check(z.int(), z.nonnegative()),
    null: z.number().check(z.int(), z.nonnegative()),
  }),
});

/**
 * Options of {@link ballotBox}.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const options: BallotBoxOptions = { validate: (ballot) => budgetBallotFromJson(ballot) };
 * ```
 */
export interface BallotBoxOptions {
  /**
   * Checks a ballot and returns the value to store (a budget ballot, a ranking…); an issue
   * refuses it. Default: any JSON value.
   */
  readonly validate?: ((ballot: unknown) => Result<unknown>) | undefined;
  /** Makes online ballots' ids; default random UUIDs. */
  readonly ballotIds?: (() => string) | undefined;
  /**
   * How many group commits of casts an unlinkable box writes at once (its casts share
   * the box; a linked box writes one at a time, its chain being one line). Default 4, a
   * pool's worth of connections.
   */
  readonly parallelCommits?: number | undefined;
}

/**
 * The ballot box service (see {@link ballotBox}): its methods validate every input and
 * refuse with issues coded in `storageIssueMessages`.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const box: BallotBoxService = ballotBox(memoryBallotBoxStore());
 * ```
 */
export class BallotBoxService {
  private readonly validate: (ballot: unknown) => Result<unknown>;
  private readonly makeId: () => string;

  constructor(
    private readonly store: BallotBoxStore,
    options: BallotBoxOptions = {},
  ) {
    this.validate = options.validate ?? ((ballot: unknown) => ok(ballot));
    this.makeId = options.ballotIds ?? randomUUID;
    this.lanes = options.parallelCommits ?? 4;
  }

  private readonly lanes: number;

  /** Runs work on a box that exists, keeping its writes only if it succeeds. */
  private onBox<T>(
    box: string,
    work: (
      tx: BoxTransaction,
      found: { definition: BallotBoxDefinition; state: string },
    ) => Promise<Result<T>>,
    options: { readonly shared?: boolean } = {},
  ): Promise<Result<T>> {
    return this.store.transact(
      box,
      async (tx) => {
        const found = await tx.box();
        if (found === undefined) return fail([storageIssue("unknown-box", ["box"], { box })]);
        return work(tx, found);
      },
      (result) => result.ok,
      options,
    );
  }

  /** Definitions never change once a box exists: read once, then kept. */
  private readonly definitions = new Map<string, BallotBoxDefinition>();

  private async definitionOf(box: string): Promise<BallotBoxDefinition | undefined> {
    const known = this.definitions.get(box);
    if (known !== undefined) return known;
    const found = await this.store.definition(box);
    if (found !== undefined) this.definitions.set(box, found);
    return found;
  }

  private checkId(value: unknown, path: string): Issue[] {
    return typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH
      ? []
      : [
          storageIssue(path === "voter" ? "invalid-voter" : "invalid-box", [path], {
            reason: `must be text of 1 to ${MAX_ID_LENGTH} characters`,
          }),
        ];
  }

  /** The ballot validated and sized, as its canonical JSON reads back. */
  private readBallot(ballot: unknown, limit: number): Result<unknown> {
    const checked = this.validate(ballot);
    if (!checked.ok)
      return fail([
        storageIssue("ballot-rejected", ["ballot"], {
          reason: checked.issues.map((issue) => issue.message).join("; "),
        }),
      ]);
    let text: string;
    try {
      text = canonicalJson(checked.value);
    } catch (error) {
      return fail([
        storageIssue("ballot-rejected", ["ballot"], { reason: (error as Error).message }),
      ]);
    }
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > limit)
      return fail([storageIssue("ballot-too-large", ["ballot"], { bytes, limit })]);
    return ok(JSON.parse(text) as unknown);
  }

  /** Appends entries, each following the one before, to the box's chain in one write. */
  private async appendChain(
    tx: BoxTransaction,
    definition: BallotBoxDefinition,
    entries: readonly (readonly [kind: ChainEntry["kind"], ref: string, digest: string])[],
  ): Promise<void> {
    const genesis = ballotBoxGenesis(definition);
    let last = await tx.lastChainEntry();
    const added: ChainEntry[] = [];
    for (const [kind, ref, digest] of entries) {
      last = nextChainEntry(last, genesis, kind, ref, digest);
      added.push(last);
    }
    await tx.appendChainEntries(added);
  }

  /** Defines a box (state `pending`); unlinkable boxes take neither replacing nor withdrawing. */
  async define(input: unknown): Promise<Result<BallotBoxDefinition>> {
    const parsed = definitionSchema.safeParse(input);
    if (!parsed.success)
      return fail(
        schemaIssues(parsed.error, "invalid-box", "box").map((issue) =>
          storageIssue("invalid-box", issue.path, { reason: `is not valid: ${issue.message}` }),
        ),
      );
    const { id, secrecy } = parsed.data;
    const definition: BallotBoxDefinition = {
      id,
      secrecy,
      allowReplace: parsed.data.allowReplace ?? false,
      allowWithdraw: parsed.data.allowWithdraw ?? false,
      maxBallotBytes: parsed.data.maxBallotBytes ?? DEFAULT_MAX_BALLOT_BYTES,
    };
    if (secrecy === "unlinkable" && (definition.allowReplace || definition.allowWithdraw))
      return fail([
        storageIssue("invalid-box", ["allowReplace"], {
          reason:
            "is unlinkable: who voted is kept apart from what they voted, so a ballot can be neither replaced nor withdrawn",
        }),
      ]);
    if (!(await this.store.createBox(definition)))
      return fail([storageIssue("box-exists", ["id"], { box: id })]);
    return ok(definition);
  }

  /** Opens a pending box (when the calendar's voting phase starts); an open box stays open. */
  open(box: string): Promise<Result<void>> {
    return this.onBox(box, async (tx, { state }) => {
      if (state === "closed") return fail([storageIssue("box-closed", ["box"], { box })]);
      if (state === "pending") await tx.setState("open");
      return ok(undefined);
    });
  }

  /**
   * Casts a voter's ballot: refused when the box is not open, the voter already has a
   * ballot (unless the box allows replacing, which then replaces it), the voter id or
   * the ballot is invalid. Returns the receipt.
   */
  async cast(box: string, voter: unknown, ballot: unknown): Promise<Result<Receipt>> {
    const badVoter = this.checkId(voter, "voter");
    if (badVoter.length > 0) return fail(badVoter);
    const known = await this.definitionOf(box);
    if (known === undefined) return fail([storageIssue("unknown-box", ["box"], { box })]);
    // Checked and digested before any lock is taken.
    const value = this.readBallot(ballot, known.maxBallotBytes);
    if (!value.ok) return value;
    const ballotId = this.makeId();
    const digest = ballotDigest(ballotId, value.value);
    const stored: StoredBallot = { ballotId, ballot: value.value, digest, source: "online" };
    // Unlinkable casts run side by side (shared transactions): a few lanes at a time.
    return this.casts.submit(
      box,
      { voter: voter as string, stored },
      known.secrecy === "unlinkable" ? this.lanes : 1,
    );
  }

  /** Casts that came while others were being written: one transaction for them all. */
  private readonly casts = new GroupCommit<PendingCast, Result<Receipt>>(
    (box, casts) => this.castTogether(box, casts),
    MAX_CASTS_TOGETHER,
  );

  private async castTogether(
    box: string,
    casts: readonly PendingCast[],
  ): Promise<readonly Result<Receipt>[]> {
    const known = await this.definitionOf(box);
    const unlinkable = known?.secrecy === "unlinkable";
    const together = await this.onBox(
      box,
      async (tx, { definition, state }) => {
        if (state !== "open") return fail([storageIssue("box-not-open", ["box"], { box, state })]);
        return ok(await this.castOnOpenBox(tx, box, definition, casts));
      },
      { shared: unlinkable },
    );
    return together.ok ? together.value : casts.map(() => together);
  }

  /**
   * Casts on an open box: every voter's first ballot of the group at once (the roll
   * claimed in one write, the ballots stored in one, their chain entries appended in one),
   * then one by one those whose voter the roll already had, in the order they came:
   * replaced where the box allows it (a withdrawal entry, then the new ballot), refused
   * otherwise. No chain entry until closing in an unlinkable box.
   */
  private async castOnOpenBox(
    tx: BoxTransaction,
    box: string,
    definition: BallotBoxDefinition,
    casts: readonly PendingCast[],
  ): Promise<Result<Receipt>[]> {
    const linked = definition.secrecy === "linked";
    const firsts = [...new Map(casts.map((cast, k) => [cast.voter, k])).values()].sort(
      (a, b) => a - b,
    );
    const claimed = await tx.claimVoters(
      firsts.map((k) => {
        const { voter, stored } = casts[k] as PendingCast;
        return { voter, record: { cast: true, ...(linked ? { ballotId: stored.ballotId } : {}) } };
      }),
    );
    const accepted = firsts
      .filter((_, j) => claimed[j] === true)
      .map((k) => casts[k] as PendingCast);
    if (accepted.length > 0) {
      await tx.addBallots(accepted.map((cast) => cast.stored));
      if (linked)
        await this.appendChain(
          tx,
          definition,
          accepted.map(({ stored }) => ["ballot", stored.ballotId, stored.digest] as const),
        );
    }
    const results: Result<Receipt>[] = [];
    const done = new Set(accepted);
    for (const cast of casts)
      results.push(
        done.has(cast)
          ? ok(receiptOf(box, cast.stored))
          : await this.castAgain(tx, box, definition, cast),
      );
    return results;
  }

  /** A cast whose voter the roll has: replaced where the box allows it, refused otherwise. */
  private async castAgain(
    tx: BoxTransaction,
    box: string,
    definition: BallotBoxDefinition,
    { voter, stored }: PendingCast,
  ): Promise<Result<Receipt>> {
    const record = await tx.voter(voter);
    if (!definition.allowReplace || record.ballotId === undefined)
      return fail([storageIssue("already-cast", ["voter"], { box })]);
    const old = await tx.ballot(record.ballotId);
    await tx.removeBallot(record.ballotId);
    await tx.setVoter(voter, { cast: true, ballotId: stored.ballotId });
    await tx.addBallots([stored]);
    await this.appendChain(tx, definition, [
      ["withdrawal", record.ballotId, old?.digest ?? ""],
      ["ballot", stored.ballotId, stored.digest],
    ]);
    return ok(receiptOf(box, stored));
  }

  /** Withdraws a voter's ballot where the box allows it; the voter may cast again. */
  async withdraw(box: string, voter: unknown): Promise<Result<void>> {
    const badVoter = this.checkId(voter, "voter");
    if (badVoter.length > 0) return fail(badVoter);
    return this.onBox(box, async (tx, { definition, state }) => {
      if (state !== "open") return fail([storageIssue("box-not-open", ["box"], { box, state })]);
      if (!definition.allowWithdraw)
        return fail([storageIssue("ballots-final", ["box"], { box, secrecy: definition.secrecy })]);
      const record = await tx.voter(voter as string);
      if (record.ballotId === undefined)
        return fail([storageIssue("no-ballot-to-change", ["voter"], { box })]);
      const old = await tx.ballot(record.ballotId);
      await tx.removeBallot(record.ballotId);
      await tx.setVoter(voter as string, undefined);
      await this.appendChain(tx, definition, [["withdrawal", record.ballotId, old?.digest ?? ""]]);
      return ok(undefined);
    });
  }

  /**
   * Enters a batch of paper ballots with CONSUL's recount totals (valid = the ballots
   * entered, blank, null): every ballot is checked first, and the batch is stored whole
   * or not at all; a batch id is entered once.
   */
  async enterPaperBatch(box: string, input: unknown): Promise<Result<{ ballots: number }>> {
    const parsed = paperBatchSchema.safeParse(input);
    if (!parsed.success) {
      const batch = String((input as { batchId?: unknown } | null)?.batchId ?? "(no id)");
      return fail(
        schemaIssues(parsed.error, "invalid-paper-batch", "batch").map((issue) =>
          storageIssue("invalid-paper-batch", issue.path, { batch, reason: issue.message }),
        ),
      );
    }
    const { batchId, enteredBy, ballots, totals } = parsed.data;
    if (totals.valid !== ballots.length)
      return fail([
        storageIssue("invalid-paper-batch", ["totals", "valid"], {
          batch: batchId,
          reason: `the totals say ${totals.valid} valid ballots but ${ballots.length} are entered`,
        }),
      ]);
    return this.onBox(box, async (tx, { definition, state }) => {
      if (state !== "open") return fail([storageIssue("box-not-open", ["box"], { box, state })]);
      if (await tx.hasBatch(batchId))
        return fail([storageIssue("batch-exists", ["batchId"], { batch: batchId })]);
      const stored: StoredBallot[] = [];
      for (const [k, ballot] of ballots.entries()) {
        const value = this.readBallot(ballot, definition.maxBallotBytes);
        if (!value.ok)
          return fail([
            storageIssue("invalid-paper-batch", ["ballots", k], {
              batch: batchId,
              reason: `ballot ${k + 1}: ${value.issues.map((issue) => issue.message).join("; ")}`,
            }),
          ]);
        const ballotId = `paper:${batchId}:${k}`;
        stored.push({
          ballotId,
          ballot: value.value,
          digest: ballotDigest(ballotId, value.value),
          source: "paper",
          batch: batchId,
        });
      }
      await tx.addBallots(stored);
      const digest = paperBatchDigest(
        batchId,
        enteredBy,
        totals,
        stored.map((ballot) => ballot.digest),
      );
      const ballotIds = stored.map((ballot) => ballot.ballotId);
      await tx.addBatch({ batchId, enteredBy, totals, ballotIds, digest });
      await this.appendChain(tx, definition, [["paper-batch", batchId, digest]]);
      return ok({ ballots: stored.length });
    });
  }

  /**
   * Closes an open box: unlinkable boxes chain their online ballots now, in the order of
   * their random ids; the closing entry commits to every counted ballot, in the chain's
   * order. Returns the closing digest to publish and how many ballots are counted.
   */
  close(box: string): Promise<Result<{ digest: string; ballots: number }>> {
    return this.onBox(box, async (tx, { definition, state }) => {
      if (state !== "open")
        return fail([storageIssue("box-not-closable", ["box"], { box, state })]);
      const stored = await tx.ballots();
      if (definition.secrecy === "unlinkable")
        await this.appendChain(
          tx,
          definition,
          stored
            .filter((ballot) => ballot.source === "online")
            .sort((a, b) => (a.ballotId < b.ballotId ? -1 : a.ballotId > b.ballotId ? 1 : 0))
            .map((ballot) => ["ballot", ballot.ballotId, ballot.digest] as const),
        );
      const ballots = ballotsInChainOrder(await tx.chain(), stored, await tx.batches());
      await this.appendChain(tx, definition, [["closing", box, closingDigest(ballots)]]);
      await tx.setState("closed");
      const last = await tx.lastChainEntry();
      return ok({ digest: last?.hash ?? "", ballots: ballots.length });
    });
  }

  /**
   * The box's export (see `verifyBallotBox`): the counted ballots in the chain's order,
   * the paper batches, the chain.
   */
  export(box: string): Promise<Result<BallotBoxExport>> {
    return this.store.transact(
      box,
      async (tx): Promise<Result<BallotBoxExport>> => {
        const found = await tx.box();
        if (found === undefined) return fail([storageIssue("unknown-box", ["box"], { box })]);
        const [chain, paperBatches] = [await tx.chain(), await tx.batches()];
        return ok({
          definition: found.definition,
          state: found.state,
          ballots: ballotsInChainOrder(chain, await tx.ballots(), paperBatches),
          paperBatches,
          chain,
        });
      },
      () => false,
    );
  }
}

/**
 * A ballot box service over a store: one ballot per voter, receipts, replacing and
 * withdrawing where the box allows, paper batches entered whole or not at all, an audit
 * chain, closing and export. Every input is validated; every refusal is an issue with a
 * code from `storageIssueMessages`.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const box = ballotBox(memoryBallotBoxStore());
 * await box.define({ id: "angers-2026", secrecy: "unlinkable" });
 * await box.open("angers-2026");
 * const receipt = await box.cast("angers-2026", "voter-17", ["p1", "p7"]);
 * const closed = await box.close("angers-2026"); // { digest, ballots }
 * ```
 */
export function ballotBox(store: BallotBoxStore, options: BallotBoxOptions = {}): BallotBoxService {
  return new BallotBoxService(store, options);
}

/**
 * The service {@link ballotBox} returns.
 *
 * @category Ballot box
 * @example
 * ```ts
 * const box: BallotBox = ballotBox(memoryBallotBoxStore());
 * ```
 */
export type BallotBox = BallotBoxService;
