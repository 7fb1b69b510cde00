import { IntSequenceTable } from "./intSequenceTable.js";

/**
 * Reads votes whose project ids are all plain decimal numbers (1822; not 01822, 1e3 or
 * 18 22) straight from the text: each id is read as a number and mapped to its position in
 * PROJECTS without making a string per id, and a vote seen before is found by its
 * positions in a table of typed arrays (Warsaw 2026: 61,668 votes, 55,017 distinct, read
 * without a string or a lookup key per vote). Anything else — a space, a leading zero, an
 * unknown or repeated id — is left to the general reader, which reports what is wrong.
 *
 * @internal
 * @example
 * ```ts
 * const votes = new NumericVotes(["7", "12"]);
 * const count = votes.read("12,7", 0, 4); //=> 2
 * votes.idsOf(count); //=> ["12", "7"]
 * votes.numberOf(count); //=> -1 (a vote not seen before, now number 0)
 * ```
 */
export class NumericVotes {
  private readonly byNumber = new Map<number, number>();
  private readonly sequences: IntSequenceTable;
  /** The positions of the ids of the vote read last. */
  private positions = new Int32Array(16);

  /** `expected`: how many votes to make room for (it grows past that). */
  constructor(
    private readonly ids: readonly string[],
    expected = 4096,
  ) {
    this.sequences = new IntSequenceTable(expected);
    for (const [position, id] of ids.entries()) {
      if (!/^(?:0|[1-9]\d{0,14})$/.test(id)) {
        this.byNumber.clear();
        break;
      }
      this.byNumber.set(Number(id), position);
    }
  }

  /**
   * How many ids the vote `text[from .. to)` names (0 for an empty one), or -1 if it is not
   * plain (then the general reader reads it). Their positions are kept for the next calls.
   */
  read(text: string, from: number, to: number): number {
    if (from === to) return 0;
    if (this.byNumber.size === 0) return -1;
    let count = 0;
    let value = 0;
    let digits = 0;
    for (let i = from; i <= to; i++) {
      const code = i < to ? text.charCodeAt(i) : 44;
      if (code >= 48 && code <= 57) {
        if (digits > 0 && value === 0) return -1;
        value = value * 10 + (code - 48);
        if (++digits > 15) return -1;
        continue;
      }
      const at = code === 44 && digits > 0 ? this.byNumber.get(value) : undefined;
      if (at === undefined) return -1;
      for (let k = 0; k < count; k++) if (this.positions[k] === at) return -1;
      if (count === this.positions.length) {
        const bigger = new Int32Array(2 * count);
        bigger.set(this.positions);
        this.positions = bigger;
      }
      this.positions[count++] = at;
      value = 0;
      digits = 0;
    }
    return count;
  }

  /** The PROJECTS strings of the `count` ids read last. */
  idsOf(count: number): string[] {
    const chosen = new Array<string>(count);
    for (let k = 0; k < count; k++) chosen[k] = this.ids[this.positions[k] as number] as string;
    return chosen;
  }

  /**
   * The number of the vote read last (its `count` ids in their order) among those numbered
   * so far, or `-(n + 1)` when it is new and gets number n (see IntSequenceTable).
   */
  numberOf(count: number): number {
    return this.sequences.numberOf(this.positions, count);
  }
}

/**
 * How many votes to make room for when grouping: META's num_votes (a sizing hint only;
 * nothing is checked against it here), at most one per 8 characters of the file and 2^18,
 * so that a false count allocates little; the table grows past it when it must.
 *
 * @internal
 * @example
 * ```ts
 * expectedVoteCount("61668", 3_160_653); //=> 61668
 * expectedVoteCount("many", 3_160_653); //=> 4096
 * ```
 */
export function expectedVoteCount(numVotes: string | undefined, textLength: number): number {
  const stated = Number(numVotes?.trim());
  if (!(Number.isSafeInteger(stated) && stated > 0)) return 4096;
  return Math.min(stated, Math.floor(textLength / 8), 2 ** 18);
}
