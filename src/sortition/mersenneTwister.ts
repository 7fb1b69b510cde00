/** MT19937's state size, in 32-bit words. */
const N = 624;
/** The offset of the word each step mixes in. */
const M = 397;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura 1998) as Ruby's `Random` runs it,
 * word for word: seeded from one 32-bit word (`init_genrand`) or from several
 * (`init_by_array`), giving 32-bit words. {@link MersenneTwister.fromRubySeed} seeds it as
 * `Random.new(seed)` does in Ruby 3.
 *
 * @category Random
 * @example
 * ```ts
 * const random = MersenneTwister.fromRubySeed(1234n);
 * random.nextUint32(); //=> 822569775, as Ruby's Random.new(1234).rand(2**32)
 * ```
 */
export class MersenneTwister {
  readonly #state = new Uint32Array(N);
  #index = N + 1;

  /**
   * A generator seeded as Ruby 3's `Random.new(seed)`: the seed's absolute value as
   * little-endian 32-bit words (0 as one word), a top word of 1 above others dropped
   * (Ruby's "leading-zero-guard"); one word seeds with `init_genrand`, several with
   * `init_by_array` (Ruby's `rand_init` and `rand_mt_init`).
   *
   * @example
   * ```ts
   * MersenneTwister.fromRubySeed(1_733_577_600n * 6n).nextUint32();
   * ```
   */
  static fromRubySeed(seed: bigint): MersenneTwister {
    const twister = new MersenneTwister();
    let rest = seed < 0n ? -seed : seed;
    const words: number[] = [];
    do {
      words.push(Number(rest & 0xffffffffn));
      rest >>= 32n;
    } while (rest > 0n);
    // Ruby's "leading-zero-guard": a top word of 1 above others is dropped, so
    // Random.new(2**32 + 5) is seeded as Random.new(5) (checked against Ruby 3.1).
    if (words.length > 1 && words[words.length - 1] === 1) words.pop();
    if (words.length === 1) twister.initGenrand(words[0] as number);
    else twister.initByArray(words);
    return twister;
  }

  /**
   * Seeds from one 32-bit word (`init_genrand`).
   *
   * @example
   * ```ts
   * const random = new MersenneTwister();
   * random.initGenrand(5489);
   * random.nextUint32(); //=> 3499211612
   * ```
   */
  initGenrand(seed: number): void {
    const mt = this.#state;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const previous = mt[i - 1] as number;
      mt[i] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + i) >>> 0;
    }
    this.#index = N;
  }

  /**
   * Seeds from 32-bit words (`init_by_array`).
   *
   * @example
   * ```ts
   * const random = new MersenneTwister();
   * random.initByArray([0x123, 0x234, 0x345, 0x456]);
   * random.nextUint32(); //=> 1067595299 (the reference implementation's first output)
   * ```
   */
  initByArray(key: readonly number[]): void {
    this.initGenrand(19650218);
    const mt = this.#state;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const previous = mt[i - 1] as number;
      mt[i] =
        ((mt[i] as number) ^ Math.imul(previous ^ (previous >>> 30), 1664525)) +
        (key[j] as number) +
        j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const previous = mt[i - 1] as number;
      mt[i] = ((mt[i] as number) ^ Math.imul(previous ^ (previous >>> 30), 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.#index = N;
  }

  /**
   * The next 32-bit word (`genrand_int32`), as an unsigned number. Throws if never seeded
   * (a programmer error).
   *
   * @example
   * ```ts
   * MersenneTwister.fromRubySeed(0n).nextUint32(); //=> 2357136044
   * ```
   */
  nextUint32(): number {
    const mt = this.#state;
    if (this.#index > N) throw new Error("MersenneTwister: seed it first");
    if (this.#index === N) {
      for (let k = 0; k < N; k++) {
        const y = ((mt[k] as number) & 0x80000000) | ((mt[(k + 1) % N] as number) & 0x7fffffff);
        mt[k] = (mt[(k + M) % N] as number) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.#index = 0;
    }
    let y = mt[this.#index++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}
