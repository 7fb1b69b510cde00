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
});
