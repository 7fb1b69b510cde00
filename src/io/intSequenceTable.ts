/**
 * Numbers every distinct sequence of small whole numbers it is given, in order of first
 * sight: a hash table over typed arrays, so that grouping a hundred thousand votes makes
 * no string and no object per vote. Sequences are compared element by element, so two
 * sequences share a number only when they are equal.
 *
 * @internal
 * @example
 * ```ts
 * const table = new IntSequenceTable();
 * table.numberOf(Int32Array.of(3, 1), 2); //=> -1 (new: number 0)
 * table.numberOf(Int32Array.of(3, 1), 2); //=> 0
 * table.numberOf(Int32Array.of(1, 3), 2); //=> -2 (new: number 1)
 * ```
 */
export class IntSequenceTable {
  /** Open addressing, at most half full: sequence number + 1 (0: empty slot). */
  private slots: Int32Array;
  /** The hash of each sequence, by number. */
  private hashes: Int32Array;
  /** Sequence n is `pool[starts[n] .. starts[n + 1])`. */
  private starts: Int32Array;
  private pool: Int32Array;
  private count = 0;

  /** Room for `capacity` sequences (of four numbers on average) before any array grows. */
  constructor(capacity = 4096) {
    const size = Math.max(1, capacity);
    let slots = 2;
    while (slots < 2 * size) slots *= 2;
    this.slots = new Int32Array(slots);
    this.hashes = new Int32Array(size + 1);
    this.starts = new Int32Array(size + 1);
    this.pool = new Int32Array(4 * size);
  }

  /** How many distinct sequences it holds. */
  get size(): number {
    return this.count;
  }

  /**
   * The number n of `values[0 .. length)` if it was seen before; otherwise it gets the
   * next number n and the answer is `-(n + 1)` (a number, not an object, for the loop
   * that reads every vote).
   */
  numberOf(values: Int32Array, length: number): number {
    let hash = length;
    for (let k = 0; k < length; k++) hash = Math.imul(hash ^ (values[k] as number), 0x01000193);
    // MurmurHash3's finaliser: the high bits reach the low ones the mask keeps.
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
    const mask = this.slots.length - 1;
    let at = hash & mask;
    for (let slot = this.slots[at] as number; slot !== 0; slot = this.slots[at] as number) {
      if (this.hashes[slot - 1] === hash && this.equals(slot - 1, values, length)) {
        return slot - 1;
      }
      at = (at + 1) & mask;
    }
    const index = this.count;
    this.append(values, length, hash);
    this.slots[at] = index + 1;
    if (2 * this.count > this.slots.length) this.rehash();
    return -(index + 1);
  }

  private equals(n: number, values: Int32Array, length: number): boolean {
    const start = this.starts[n] as number;
    if ((this.starts[n + 1] as number) - start !== length) return false;
    for (let k = 0; k < length; k++) if (this.pool[start + k] !== values[k]) return false;
    return true;
  }

  private append(values: Int32Array, length: number, hash: number): void {
    const n = this.count;
    // starts has one more entry than there are sequences; hashes as many (room for n).
    // Arrays grow fourfold: a hundred thousand votes make few of them.
    if (n + 2 > this.starts.length) {
      this.starts = grown(this.starts, 4 * this.starts.length);
      this.hashes = grown(this.hashes, this.starts.length);
    }
    const start = this.starts[n] as number;
    if (start + length > this.pool.length) {
      this.pool = grown(this.pool, Math.max(4 * this.pool.length, start + length));
    }
    for (let k = 0; k < length; k++) this.pool[start + k] = values[k] as number;
    this.starts[n + 1] = start + length;
    this.hashes[n] = hash;
    this.count = n + 1;
  }

  private rehash(): void {
    const slots = new Int32Array(4 * this.slots.length);
    const mask = slots.length - 1;
    for (let n = 0; n < this.count; n++) {
      let at = (this.hashes[n] as number) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = n + 1;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}
