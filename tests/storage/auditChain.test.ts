import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BallotBoxExport,
  ballotBox,
  ballotDigest,
  canonicalJson,
  memoryBallotBoxStore,
  nextChainEntry,
  sha256Hex,
  verifyBallotBox,
} from "../../src/storage/index.js";

describe("the audit chain", () => {
  it("digests are the SHA-256 of canonical JSON, whatever the JSON value and id", () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), fc.string(), (id, ballot, digest) => {
        expect(ballotDigest(id, ballot)).toBe(sha256Hex(canonicalJson({ ballotId: id, ballot })));
        const entry = nextChainEntry(undefined, "genesis", "ballot", id, digest);
        expect(entry.hash).toBe(
          sha256Hex(`genesis\n${canonicalJson({ index: 0, kind: "ballot", ref: id, digest })}`),
        );
      }),
    );
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  async function closedBox(): Promise<BallotBoxExport> {
    const box = ballotBox(memoryBallotBoxStore());
    await box.define({ id: "b", secrecy: "linked", allowReplace: true, allowWithdraw: true });
    await box.open("b");
    for (const voter of ["ana", "ben", "cleo", "dan"]) await box.cast("b", voter, [voter]);
    await box.cast("b", "ben", ["ben", "again"]);
    await box.withdraw("b", "dan");
    await box.enterPaperBatch("b", {
      batchId: "desk",
      enteredBy: "clerk",
      ballots: [["paper"]],
      totals: { valid: 1, blank: 0, null: 0 },
    });
    await box.close("b");
    const exported = await box.export("b");
    if (!exported.ok) throw new Error("export failed");
    return exported.value;
  }

  it("verifies an honest export and finds every tampering", async () => {
    const honest = await closedBox();
    expect(verifyBallotBox(honest)).toMatchObject({ ok: true, value: { ballots: 4 } });
    const tampered: [string, BallotBoxExport][] = [
      [
        "a ballot changed",
        {
          ...honest,
          ballots: honest.ballots.map((b, k) => (k === 0 ? { ...b, ballot: ["evil"] } : b)),
        },
      ],
      ["a ballot removed", { ...honest, ballots: honest.ballots.slice(1) }],
      [
        "a ballot added",
        {
          ...honest,
          ballots: [
            ...honest.ballots,
            { ...(honest.ballots[0] as BallotBoxExport["ballots"][number]), ballotId: "extra" },
          ],
        },
      ],
      ["the chain cut", { ...honest, chain: honest.chain.slice(0, -1) }],
      [
        "two entries swapped",
        {
          ...honest,
          chain: [
            honest.chain[1],
            honest.chain[0],
            ...honest.chain.slice(2),
          ] as BallotBoxExport["chain"],
        },
      ],
      [
        "the totals of a batch changed",
        {
          ...honest,
          paperBatches: honest.paperBatches.map((b) => ({
            ...b,
            totals: { ...b.totals, blank: 9 },
          })),
        },
      ],
      [
        "another box's definition",
        { ...honest, definition: { ...honest.definition, id: "other" } },
      ],
    ];
    for (const [what, exported] of tampered) expect(verifyBallotBox(exported).ok, what).toBe(false);
  });

  const operation = fc.oneof(
    fc.record({
      kind: fc.constant("cast" as const),
      voter: fc.integer({ min: 0, max: 5 }),
      projects: fc.array(fc.constantFrom("p1", "p2", "é", 'q"uote'), { maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant("withdraw" as const), voter: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant("paper" as const), ballots: fc.integer({ min: 0, max: 3 }) }),
  );

  /** A box run through the operations (refusals included), closed and exported. */
  async function runBox(
    secrecy: "linked" | "unlinkable",
    operations: readonly (typeof operation extends fc.Arbitrary<infer T> ? T : never)[],
  ) {
    const box = ballotBox(memoryBallotBoxStore());
    const linked = secrecy === "linked";
    await box.define({ id: "b", secrecy, allowReplace: linked, allowWithdraw: linked });
    await box.open("b");
    for (const [k, op] of operations.entries()) {
      if (op.kind === "cast") await box.cast("b", `voter ${op.voter}`, op.projects);
      else if (op.kind === "withdraw") await box.withdraw("b", `voter ${op.voter}`);
      else
        await box.enterPaperBatch("b", {
          batchId: `desk ${k}`,
          enteredBy: "clerk",
          ballots: Array.from({ length: op.ballots }, (_, j) => [`p${j}`]),
          totals: { valid: op.ballots, blank: 0, null: 0 },
        });
    }
    const closed = await box.close("b");
    const exported = await box.export("b");
    if (!closed.ok || !exported.ok) throw new Error("the box did not close");
    return { closed: closed.value, exported: exported.value };
  }

  it("every box, whatever was cast, replaced, withdrawn or entered on paper, verifies to its published digest; any change to one ballot, one entry or the order does not", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("linked" as const, "unlinkable" as const),
        fc.array(operation, { maxLength: 14 }),
        fc.nat(),
        async (secrecy, operations, pick) => {
          const { closed, exported } = await runBox(secrecy, operations);
          expect(verifyBallotBox(exported)).toMatchObject({
            ok: true,
            value: { digest: closed.digest, ballots: closed.ballots },
          });
          const { ballots, chain } = exported;
          const tampered: BallotBoxExport[] = [
            {
              ...exported,
              chain: chain.map((entry, k) =>
                k === pick % chain.length ? { ...entry, ref: `${entry.ref}!` } : entry,
              ),
            },
          ];
          if (ballots.length > 0) {
            const at = pick % ballots.length;
            tampered.push(
              {
                ...exported,
                ballots: ballots.map((b, k) => (k === at ? { ...b, ballot: ["changed"] } : b)),
              },
              { ...exported, ballots: ballots.filter((_, k) => k !== at) },
              { ...exported, ballots: [...ballots, ballots[at] as (typeof ballots)[number]] },
            );
          }
          if (ballots.length > 1) tampered.push({ ...exported, ballots: [...ballots].reverse() });
          for (const each of tampered) expect(verifyBallotBox(each).ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("an open unlinkable box's export holds every ballot (the chain takes them at closing, so it verifies only then)", async () => {
    const box = ballotBox(memoryBallotBoxStore());
    await box.define({ id: "u", secrecy: "unlinkable" });
    await box.open("u");
    for (const voter of ["ana", "ben", "cleo"]) await box.cast("u", voter, [voter]);
    const open = await box.export("u");
    if (!open.ok) throw new Error("export failed");
    expect(open.value.ballots.map((b) => b.ballot).sort()).toEqual([["ana"], ["ben"], ["cleo"]]);
    expect(verifyBallotBox(open.value).ok).toBe(false);
    await box.close("u");
    const closed = await box.export("u");
    expect(closed.ok && verifyBallotBox(closed.value).ok).toBe(true);
  });
});
