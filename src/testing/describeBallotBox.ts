import { describe, expect, it } from "vitest";
import { fail, ok } from "../core/result.js";
import { ballotBox } from "../storage/ballotBox/ballotBox.js";
import type { BallotBoxStore } from "../storage/ballotBox/ballotBoxStore.js";
import { verifyBallotBox } from "../storage/ballotBox/verifyBallotBox.js";
import { storageIssue } from "../storage/storageIssues.js";
import { linkability, type RawDump } from "./linkability.js";

/**
 * What an adapter gives the conformance suite: a fresh store, and where it can, a raw dump
 * of a box (rows in storage order) and a way to make the next transaction fail midway.
 *
 * @category Conformance
 * @example
 * ```ts
 * describeBallotBox("memory", async () => {
 *   const store = memoryBallotBoxStore();
 *   return { store, failAfterWrites: store.failAfterWrites };
 * });
 * ```
 */
export interface BallotBoxAdapter {
  readonly store: BallotBoxStore;
  /** Every row the store holds about a box, in storage order (the linkability test). */
  readonly dump?: ((box: string) => Promise<RawDump>) | undefined;
  /** Makes the next transaction fail after this many writes, as a dropped connection does. */
  readonly failAfterWrites?: ((writes: number) => void) | undefined;
  /** Releases what the store holds (connections). */
  readonly close?: (() => Promise<void>) | undefined;
}

/** Ballots of the suite: lists of project ids, refused otherwise. */
const projectList = (ballot: unknown) =>
  Array.isArray(ballot) && ballot.every((item) => typeof item === "string")
    ? ok(ballot)
    : fail([storageIssue("ballot-rejected", [], { reason: "a list of project ids" })]);

/**
 * The ballot-box conformance suite every adapter runs (vitest): concurrency (2,000 voters
 * casting 10,000 times at once with duplicates, replaces and withdrawals: one counted
 * ballot per voter, every receipt's ballot present, the chain verifies), faults (a paper
 * batch failing halfway leaves none of it, a cast failing midway leaves no half ballot, a
 * closed box refuses), bad input (malformed ballots, unknown box, voter ids of any
 * Unicode, oversized ballots: issues, nothing stored) and, given a dump, unlinkability.
 *
 * @category Conformance
 * @example
 * ```ts
 * describeBallotBox("memory", async () => ({ store: memoryBallotBoxStore() }));
 * ```
 */
export function describeBallotBox(
  name: string,
  makeAdapter: () => Promise<BallotBoxAdapter>,
  options: { readonly timeout?: number } = {},
): void {
  // Long by design: the suite is a list of tests, each a few lines over one fresh store.
  const withBox = async (
    definition: Record<string, unknown>,
    test: (box: ReturnType<typeof ballotBox>, adapter: BallotBoxAdapter) => Promise<void>,
  ) => {
    const adapter = await makeAdapter();
    try {
      const box = ballotBox(adapter.store, { validate: projectList });
      expect((await box.define(definition)).ok).toBe(true);
      expect((await box.open(definition.id as string)).ok).toBe(true);
      await test(box, adapter);
    } finally {
      await adapter.close?.();
    }
  };

  // A server answers each of the 10,000 transactions over the network: allow it minutes.
  describe(`ballot box conformance: ${name}`, { timeout: options.timeout ?? 60_000 }, () => {
    it("casts, refuses a second ballot, closes, exports and verifies", async () => {
      await withBox({ id: "b1", secrecy: "unlinkable" }, async (box) => {
        const receipt = await box.cast("b1", "ana", ["p1", "p2"]);
        expect(receipt.ok).toBe(true);
        const again = await box.cast("b1", "ana", ["p3"]);
        expect(!again.ok && again.issues[0]?.code).toBe("already-cast");
        expect((await box.cast("b1", "ben", ["p3"])).ok).toBe(true);
        const closed = await box.close("b1");
        expect(closed.ok && closed.value.ballots).toBe(2);
        const exported = await box.export("b1");
        if (!exported.ok) throw new Error("export failed");
        const verified = verifyBallotBox(exported.value);
        expect(verified.ok && closed.ok && verified.value.digest).toBe(
          closed.ok && closed.value.digest,
        );
        if (receipt.ok)
          expect(exported.value.ballots).toContainEqual(
            expect.objectContaining({
              ballotId: receipt.value.ballotId,
              digest: receipt.value.digest,
            }),
          );
        const late = await box.cast("b1", "cleo", ["p1"]);
        expect(!late.ok && late.issues[0]?.code).toBe("box-not-open");
      });
    });

    it("2,000 voters casting 10,000 times at once: one counted ballot per voter, every receipt's ballot present, the chain verifies", async () => {
      await withBox(
        { id: "rush", secrecy: "linked", allowReplace: true, allowWithdraw: true },
        async (box) => {
          const voters = 2_000;
          const operations = Array.from({ length: 10_000 }, (_, k) => {
            const voter = `voter-${(k * 7919) % voters}`;
            // Each voter acts 5 times (rounds of 2,000); one round in four is a withdrawal.
            const kind = (Math.floor(k / voters) + (k % 3)) % 4 === 3 ? "withdraw" : "cast";
            return { voter, kind, k };
          });
          // The first 2,000 (one cast per voter) at once, then the other 8,000 at once:
          // casts that replace, withdrawals and casts after them, interleaved as they come.
          const run = ({ voter, kind, k }: (typeof operations)[number]) =>
            kind === "withdraw"
              ? box.withdraw("rush", voter)
              : box.cast("rush", voter, [voter, `n${k}`]);
          const results = [
            ...(await Promise.all(operations.slice(0, voters).map(run))),
            ...(await Promise.all(operations.slice(voters).map(run))),
          ];
          const voterOf = new Map<string, string>();
          let casts = 0;
          let withdrawals = 0;
          results.forEach((result, k) => {
            if (!result.ok) return;
            const { voter } = operations[k] as { voter: string };
            if (result.value === undefined) withdrawals++;
            else {
              casts++;
              voterOf.set(result.value.ballotId, voter);
            }
          });
          expect(casts).toBeGreaterThan(2_000);
          expect(withdrawals).toBeGreaterThan(0);
          const closed = await box.close("rush");
          expect(closed.ok).toBe(true);
          const exported = await box.export("rush");
          if (!exported.ok) throw new Error("export failed");
          expect(verifyBallotBox(exported.value).ok).toBe(true);
          // Every accepted cast is in the chain once; replaying it voter by voter gives
          // each voter at most one ballot, and exactly the ballots exported.
          const chain = exported.value.chain;
          expect(chain.filter((entry) => entry.kind === "ballot").length).toBe(casts);
          expect(
            chain.filter((entry) => entry.kind === "withdrawal").length,
          ).toBeGreaterThanOrEqual(withdrawals);
          const current = new Map<string, string>();
          for (const entry of chain) {
            const voter = voterOf.get(entry.ref);
            if (voter === undefined) continue;
            if (entry.kind === "ballot") {
              expect(current.has(voter)).toBe(false);
              current.set(voter, entry.ref);
            } else if (entry.kind === "withdrawal") {
              expect(current.get(voter)).toBe(entry.ref);
              current.delete(voter);
            }
          }
          expect(exported.value.ballots.map((ballot) => ballot.ballotId).sort()).toEqual(
            [...current.values()].sort(),
          );
          for (const ballot of exported.value.ballots)
            expect((ballot.ballot as string[])[0]).toBe(voterOf.get(ballot.ballotId));
        },
      );
    });

    it("unlinkable: 2,000 voters casting 10,000 times at once leaves exactly one ballot each", async () => {
      await withBox({ id: "secret", secrecy: "unlinkable" }, async (box) => {
        const results = await Promise.all(
          Array.from({ length: 10_000 }, (_, k) =>
            box.cast("secret", `voter-${k % 2_000}`, [`voter-${k % 2_000}`, `n${k}`]),
          ),
        );
        expect(results.filter((result) => result.ok).length).toBe(2_000);
        expect(
          results.every((result) => result.ok || result.issues[0]?.code === "already-cast"),
        ).toBe(true);
        const replaced = await box.withdraw("secret", "voter-1");
        expect(!replaced.ok && replaced.issues[0]?.code).toBe("ballots-final");
        await box.close("secret");
        const exported = await box.export("secret");
        if (!exported.ok) throw new Error("export failed");
        expect(exported.value.ballots.length).toBe(2_000);
        expect(new Set(exported.value.ballots.map((b) => (b.ballot as string[])[0])).size).toBe(
          2_000,
        );
        expect(verifyBallotBox(exported.value).ok).toBe(true);
      });
    });

    it("paper batches count with the online ballots, once each, with their totals", async () => {
      await withBox({ id: "paper", secrecy: "unlinkable" }, async (box) => {
        await box.cast("paper", "ana", ["p1"]);
        const batch = {
          batchId: "desk-1",
          enteredBy: "clerk-7",
          ballots: [["p1"], ["p2"], ["p1", "p2"]],
          totals: { valid: 3, blank: 1, null: 2 },
        };
        expect((await box.enterPaperBatch("paper", batch)).ok).toBe(true);
        const twice = await box.enterPaperBatch("paper", batch);
        expect(!twice.ok && twice.issues[0]?.code).toBe("batch-exists");
        const wrongTotals = await box.enterPaperBatch("paper", {
          ...batch,
          batchId: "desk-2",
          totals: { valid: 2, blank: 0, null: 0 },
        });
        expect(!wrongTotals.ok && wrongTotals.issues[0]?.code).toBe("invalid-paper-batch");
        const closed = await box.close("paper");
        expect(closed.ok && closed.value.ballots).toBe(4);
        const exported = await box.export("paper");
        if (!exported.ok) throw new Error("export failed");
        expect(exported.value.paperBatches.map((b) => b.totals)).toEqual([batch.totals]);
        expect(verifyBallotBox(exported.value).ok).toBe(true);
      });
    });

    it("a paper batch with one bad ballot, or failing halfway, stores none of it", async () => {
      await withBox({ id: "faults", secrecy: "linked" }, async (box, adapter) => {
        const bad = await box.enterPaperBatch("faults", {
          batchId: "desk-1",
          enteredBy: "clerk-7",
          ballots: [["p1"], [42], ["p2"]],
          totals: { valid: 3, blank: 0, null: 0 },
        });
        expect(!bad.ok && bad.issues[0]?.path).toEqual(["ballots", 1]);
        const good = {
          batchId: "desk-2",
          enteredBy: "clerk-7",
          ballots: Array.from({ length: 10 }, (_, k) => [`p${k}`]),
          totals: { valid: 10, blank: 0, null: 0 },
        };
        if (adapter.failAfterWrites !== undefined) {
          // The ballots and the batch are written, the chain entry fails.
          adapter.failAfterWrites(2);
          await expect(box.enterPaperBatch("faults", good)).rejects.toThrow();
          const midway = await box.export("faults");
          expect(midway.ok && midway.value.ballots.length).toBe(0);
          expect(midway.ok && midway.value.chain.length).toBe(0);
          // A cast cut off midway leaves no half ballot, and the voter can cast again.
          adapter.failAfterWrites(1);
          await expect(box.cast("faults", "ana", ["p1"])).rejects.toThrow();
          expect((await box.cast("faults", "ana", ["p1"])).ok).toBe(true);
        }
        expect((await box.enterPaperBatch("faults", good)).ok).toBe(true);
        const exported = await box.export("faults");
        if (!exported.ok) throw new Error("export failed");
        expect(verifyBallotBox(exported.value).ok).toBe(true);
        expect(exported.value.ballots.filter((b) => b.source === "paper").length).toBe(10);
      });
    });

    it("a closed box refuses casts, withdrawals, batches and a second closing", async () => {
      await withBox(
        { id: "shut", secrecy: "linked", allowReplace: true, allowWithdraw: true },
        async (box) => {
          await box.cast("shut", "ana", ["p1"]);
          await box.close("shut");
          const codes = [
            await box.cast("shut", "ben", ["p1"]),
            await box.withdraw("shut", "ana"),
            await box.enterPaperBatch("shut", {
              batchId: "late",
              enteredBy: "clerk",
              ballots: [],
              totals: { valid: 0, blank: 0, null: 0 },
            }),
            await box.close("shut"),
            await box.open("shut"),
          ].map((result) => (result.ok ? "ok" : result.issues[0]?.code));
          expect(codes).toEqual([
            "box-not-open",
            "box-not-open",
            "box-not-open",
            "box-not-closable",
            "box-closed",
          ]);
        },
      );
    });

    it("refuses bad input with issues and stores nothing: malformed ballots, unknown box, bad voter ids, oversized ballots", async () => {
      await withBox({ id: "strict", secrecy: "linked", maxBallotBytes: 200 }, async (box) => {
        const refused = [
          await box.cast("strict", "ana", { not: "a list" }),
          await box.cast("strict", "ana", [1, 2]),
          await box.cast("nowhere", "ana", ["p1"]),
          await box.cast("strict", "", ["p1"]),
          await box.cast("strict", 42, ["p1"]),
          await box.cast("strict", "x".repeat(5_000), ["p1"]),
          await box.cast(
            "strict",
            "ana",
            Array.from({ length: 100 }, (_, k) => `p${k}`),
          ),
          await box.define({ id: "strict", secrecy: "linked" }),
          await box.define({ id: "bad", secrecy: "unlinkable", allowReplace: true }),
          await box.define({ id: "bad", secrecy: "sometimes" }),
        ].map((result) => (result.ok ? "ok" : result.issues[0]?.code));
        expect(refused).toEqual([
          "ballot-rejected",
          "ballot-rejected",
          "unknown-box",
          "invalid-voter",
          "invalid-voter",
          "invalid-voter",
          "ballot-too-large",
          "box-exists",
          "invalid-box",
          "invalid-box",
        ]);
        // Schema refusals carry the params their catalogue entry types.
        const unknownSecrecy = await box.define({ id: "bad", secrecy: "sometimes" });
        expect(!unknownSecrecy.ok && unknownSecrecy.issues[0]?.params).toHaveProperty("reason");
        // Voter ids are any Unicode text, each its own voter (no normalisation).
        const unicode = ["Zoë", "Zoe\u0308", "محمد", "🗳️", "a\u0000b", "\ud800", " "];
        for (const voter of unicode)
          expect((await box.cast("strict", voter, ["p1"])).ok).toBe(true);
        for (const voter of unicode)
          expect((await box.cast("strict", voter, ["p1"])).ok).toBe(false);
        const exported = await box.export("strict");
        expect(exported.ok && exported.value.ballots.length).toBe(unicode.length);
      });
    });

    it("unlinkable: a dump relates no voter to their ballot", async (context) => {
      await withBox({ id: "dump", secrecy: "unlinkable" }, async (box, adapter) => {
        if (adapter.dump === undefined) {
          context.skip();
          return;
        }
        const casts = Array.from({ length: 200 }, (_, k) => ({
          voter: `citizen-${k}`,
          marker: `marker-${k}-end`,
        }));
        for (const { voter, marker } of casts) await box.cast("dump", voter, [marker]);
        const before = linkability(await adapter.dump("dump"), casts, ["dump"]);
        expect(before.leaks).toEqual([]);
        await box.close("dump");
        const after = linkability(await adapter.dump("dump"), casts, ["dump"]);
        expect(after.leaks).toEqual([]);
      });
    });
  });
}
