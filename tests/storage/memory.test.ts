import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/index.js";
import {
  ballotBox,
  type MemoryBoxDump,
  memoryBallotBoxStore,
  memoryEventStore,
} from "../../src/storage/index.js";
import { describeBallotBox, describeEventStore, linkability } from "../../src/testing/index.js";

/** A memory box's dump as rows: the roll, the ballots and the chain in storage order. */
const rows = (dump: MemoryBoxDump | undefined) => ({
  voters: (dump?.voters ?? []).map(([voter, record]) => ({ voter, ...record })),
  ballots: (dump?.ballots ?? []).map((ballot) => ({ ...ballot })),
  chain: (dump?.chain ?? []).map((entry) => ({ ...entry })),
});

describeBallotBox("memory", async () => {
  const store = memoryBallotBoxStore();
  return {
    store,
    dump: async (box) => rows(store.dump(box)),
    failAfterWrites: (writes) => store.failAfterWrites(writes),
  };
});

describeEventStore("memory", async () => ({ store: memoryEventStore() }));

describe("the linkability check", () => {
  const casts = Array.from({ length: 200 }, (_, k) => ({
    voter: `citizen-${k}`,
    marker: `marker-${k}-end`,
  }));
  const castAll = async (store: ReturnType<typeof memoryBallotBoxStore>, secrecy: string) => {
    const box = ballotBox(store);
    await box.define({ id: "box", secrecy });
    await box.open("box");
    for (const { voter, marker } of casts) await box.cast("box", voter, [marker]);
    return rows(store.dump("box"));
  };

  it("passes the memory store's unlinkable box (random placement)", async () => {
    const report = linkability(
      await castAll(memoryBallotBoxStore({ random: seededRandom(3) }), "unlinkable"),
      casts,
      ["box"],
    );
    expect(report.leaks).toEqual([]);
    expect(Math.abs(report.orderCorrelation)).toBeLessThan(0.3);
  });

  it("fails a planted leak: ballots kept in casting order", async () => {
    // random() just below 1 puts every new ballot last: storage order = casting order.
    const leaky = memoryBallotBoxStore({ random: () => 0.999_999 });
    const report = linkability(await castAll(leaky, "unlinkable"), casts, ["box"]);
    expect(report.leaks.some((leak) => leak.includes("storage order"))).toBe(true);
  });

  it("fails a planted leak: a linked box, whose roll names each voter's ballot", async () => {
    const report = linkability(await castAll(memoryBallotBoxStore(), "linked"), casts, ["box"]);
    expect(report.leaks.some((leak) => leak.includes("share"))).toBe(true);
  });

  it("fails a planted leak: a timestamp on both the voter and the ballot", () => {
    const dump = {
      voters: casts.map(({ voter }, k) => ({
        voter,
        at: `2026-10-11T10:${String(k % 60).padStart(2, "0")}:${k}`,
      })),
      ballots: [...casts].reverse().map(({ marker }, k) => ({
        ballot: [marker],
        at: `2026-10-11T10:${String((199 - k) % 60).padStart(2, "0")}:${199 - k}`,
      })),
    };
    expect(linkability(dump, casts).leaks.length).toBeGreaterThan(0);
  });
});
