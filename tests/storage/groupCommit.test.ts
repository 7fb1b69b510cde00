import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../src/storage/groupCommit.js";

/** A write that records its batches and lets the test finish them one by one. */
function recordingWrite() {
  const batches: { key: string; items: readonly number[]; finish: (fail?: boolean) => void }[] = [];
  const write = (key: string, items: readonly number[]) =>
    new Promise<readonly number[]>((resolve, reject) => {
      batches.push({
        key,
        items,
        finish: (fail) =>
          fail === true ? reject(new Error("disk full")) : resolve(items.map((item) => item * 10)),
      });
    });
  return { batches, write };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("group commit", () => {
  it("writes the first item at once, and the items that came meanwhile together in the next batch", async () => {
    const { batches, write } = recordingWrite();
    const group = new GroupCommit(write, 100);
    const outputs = [1, 2, 3, 4].map((item) => group.submit("box", item, 1));
    await settle();
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);
    batches[0]?.finish();
    await settle();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4]]);
    batches[1]?.finish();
    expect(await Promise.all(outputs)).toEqual([10, 20, 30, 40]);
  });

  it("runs at most `lanes` batches of a key at once, keys apart, batches no larger than the limit", async () => {
    const { batches, write } = recordingWrite();
    const group = new GroupCommit(write, 2);
    const outputs = [1, 2, 3, 4, 5, 6, 7].map((item) => group.submit("a", item, 2));
    const other = group.submit("b", 8, 2);
    await settle();
    expect(batches.map((batch) => [batch.key, batch.items])).toEqual([
      ["a", [1]],
      ["a", [2]],
      ["b", [8]],
    ]);
    for (const batch of batches.slice(0, 3)) batch.finish();
    await settle();
    expect(batches.slice(3).map((batch) => batch.items)).toEqual([
      [3, 4],
      [5, 6],
    ]);
    for (const batch of batches.slice(3)) batch.finish();
    await settle();
    batches[5]?.finish();
    expect(await Promise.all([...outputs, other])).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it("a failed write rejects the items of its batch only", async () => {
    const { batches, write } = recordingWrite();
    const group = new GroupCommit(write, 100);
    const first = group.submit("box", 1, 1);
    const second = group.submit("box", 2, 1);
    await settle();
    batches[0]?.finish(true);
    await expect(first).rejects.toThrow("disk full");
    await settle();
    batches[1]?.finish();
    expect(await second).toBe(20);
  });

  it("every item gets its own output, whatever the timing, lanes and limit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom("a", "b"), fc.nat({ max: 3 })), { maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        async (submissions, lanes, limit) => {
          let running = 0;
          let most = 0;
          const group = new GroupCommit(async (_key: string, items: readonly number[]) => {
            running++;
            most = Math.max(most, running);
            expect(items.length).toBeLessThanOrEqual(limit);
            await settle();
            running--;
            return items.map((item) => -item);
          }, limit);
          const outputs = await Promise.all(
            submissions.map(async ([key, delay], k) => {
              for (let d = 0; d < delay; d++) await settle();
              return group.submit(key, k, lanes);
            }),
          );
          expect(outputs).toEqual(submissions.map((_, k) => -k));
          expect(most).toBeLessThanOrEqual(2 * lanes);
        },
      ),
    );
  });
});
