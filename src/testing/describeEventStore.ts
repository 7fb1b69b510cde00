import { describe, expect, it } from "vitest";
import type { EventStore } from "../storage/eventStore/eventStore.js";

/**
 * The event-store conformance suite every adapter runs (vitest): appends with expected
 * versions, conflicts as issues, 100 concurrent appends at the same version of which
 * exactly one wins, several events appended all or none, reading a stream and everything
 * after a position.
 *
 * @category Conformance
 * @example
 * ```ts
 * describeEventStore("memory", async () => ({ store: memoryEventStore() }));
 * ```
 */
export function describeEventStore(
  name: string,
  makeStore: () => Promise<{
    readonly store: EventStore<unknown>;
    readonly close?: (() => Promise<void>) | undefined;
  }>,
): void {
  const withStore = async (test: (store: EventStore<unknown>) => Promise<void>) => {
    const made = await makeStore();
    try {
      await test(made.store);
    } finally {
      await made.close?.();
    }
  };

  describe(`event store conformance: ${name}`, () => {
    it("appends at the expected version and reads streams back in order", async () => {
      await withStore(async (store) => {
        expect((await store.append("a", [{ n: 1 }, { n: 2 }], 0)).ok).toBe(true);
        expect((await store.append("b", [{ n: 3 }], 0)).ok).toBe(true);
        const third = await store.append("a", [{ n: 4 }], 2);
        expect(third.ok && third.value.version).toBe(3);
        expect((await store.read("a")).map((e) => [e.version, e.event])).toEqual([
          [1, { n: 1 }],
          [2, { n: 2 }],
          [3, { n: 4 }],
        ]);
        expect((await store.read("a", 3)).map((e) => e.event)).toEqual([{ n: 4 }]);
        const all = await store.readAll(0);
        expect(all.map((e) => e.event)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
        expect(all.map((e) => e.position)).toEqual(
          [...all.map((e) => e.position)].sort((x, y) => x - y),
        );
        const after = await store.readAll(all[1]?.position ?? 0, 1);
        expect(after.map((e) => e.event)).toEqual([{ n: 3 }]);
      });
    });

    it("refuses a stale expected version with version-conflict, storing nothing", async () => {
      await withStore(async (store) => {
        await store.append("s", [{ n: 1 }], 0);
        const stale = await store.append("s", [{ n: 2 }, { n: 3 }], 0);
        expect(!stale.ok && stale.issues[0]?.code).toBe("version-conflict");
        expect(!stale.ok && stale.issues[0]?.params).toMatchObject({ expected: 0, actual: 1 });
        expect((await store.read("s")).length).toBe(1);
      });
    });

    it("of 100 writers appending at the same version at once, exactly one wins", async () => {
      await withStore(async (store) => {
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, k) => store.append("race", [{ k }, { k }], 0)),
        );
        expect(results.filter((result) => result.ok).length).toBe(1);
        const events = await store.read("race");
        expect(events.length).toBe(2);
        expect(new Set(events.map((e) => (e.event as { k: number }).k)).size).toBe(1);
      });
    });

    it("refuses events that are not JSON values, storing nothing", async () => {
      await withStore(async (store) => {
        const bad = await store.append("j", [{ n: 1 }, { n: Number.NaN }], 0);
        expect(!bad.ok && bad.issues[0]?.code).toBe("events-not-json");
        expect((await store.read("j")).length).toBe(0);
      });
    });
  });
}
