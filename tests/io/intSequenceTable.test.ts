import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntSequenceTable } from "../../src/io/intSequenceTable.js";

describe("IntSequenceTable", () => {
  it("numbers sequences in order of first sight, equal ones alike, past every growth of its arrays", () => {
    fc.assert(
      fc.property(
        // Over a thousand distinct sequences (empty and repeated ones are drawn too), each met again later in another order: every number
        // the table gives, up to and past each growth of its slots, hashes and pool, is
        // asked for again.
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }), {
          minLength: 1600,
          maxLength: 3000,
        }),
        fc.integer(),
        (sequences, seed) => {
          const again = sequences
            .map((sequence, k) => ({ sequence, key: Math.imul(k + 1, seed | 1) }))
            .sort((a, b) => a.key - b.key)
            .map(({ sequence }) => sequence);
          // Room for 16 at first: the arrays grow many times over.
          const table = new IntSequenceTable(16);
          const model = new Map<string, number>();
          for (const sequence of [...sequences, ...again]) {
            const key = sequence.join(",");
            // A longer buffer than the sequence: only `length` values count.
            const values = Int32Array.from([...sequence, 99, 98]);
            const answer = table.numberOf(values, sequence.length);
            const known = model.get(key);
            if (known === undefined) {
              expect(answer).toBe(-(model.size + 1));
              model.set(key, model.size);
            } else expect(answer).toBe(known);
          }
          expect(table.size).toBe(model.size);
        },
      ),
      // Shrinking thousands of sequences takes minutes; the failing case is reported as found.
      { numRuns: 20, endOnFailure: true },
    );
  });
});
