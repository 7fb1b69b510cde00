import { type CompactBallots, standingIn } from "./compactBallots.js";

/**
 * One end of ballots kept across the rounds of an elimination count: each ballot's first
 * (or last) tier with a candidate still in the count. A ballot whose tier there is one
 * candidate is filed under that candidate with its weight, and moves only when that
 * candidate goes out — over a whole count each ballot walks its ranking once, instead of
 * every ballot being looked at every round; a ballot whose tier there is a tie is counted
 * afresh each round.
 *
 * @internal
 */
export interface PlaceTracker {
  /** Files a ballot (from its pointer on). */
  readonly add: (b: number) => void;
  /** Adds this round's places, in share units of `unit`, to `into` (candidates in the count). */
  readonly tally: (unit: number, into: Float64Array) => void;
  /** Moves the ballots filed under candidates that just went out. */
  readonly remove: (gone: readonly number[]) => void;
  /** The weight of the ballots with no candidate left in the count at this end. */
  readonly exhausted: () => number;
}

/**
 * A {@link PlaceTracker} over `pointer` (each ballot's current tier), walking down the
 * ranking (`direction` 1: first places) or up (-1: last places).
 *
 * @internal
 */
export function placeTracker(
  ballots: CompactBallots,
  alive: Uint8Array,
  pointer: Int32Array,
  direction: 1 | -1,
): PlaceTracker {
  const { members, tierStart, ballotStart, weights } = ballots;
  const n = ballots.candidates.length;
  const weight = new Float64Array(n);
  const filed: number[][] = Array.from({ length: n }, () => []);
  let tied: number[] = [];
  let exhausted = 0;
  const settle = (b: number, into: number[]) => {
    const stop = direction === 1 ? (ballotStart[b + 1] as number) : (ballotStart[b] as number) - 1;
    let t = pointer[b] as number;
    let k = 0;
    for (; t !== stop; t += direction) {
      k = standingIn(ballots, t, alive);
      if (k > 0) break;
    }
    pointer[b] = t;
    if (t === stop) {
      exhausted += weights[b] as number;
      return;
    }
    if (k > 1) {
      into.push(b);
      return;
    }
    for (let i = tierStart[t] as number; i < (tierStart[t + 1] as number); i++) {
      const c = members[i] as number;
      if (alive[c] === 1) {
        weight[c] = (weight[c] as number) + (weights[b] as number);
        (filed[c] as number[]).push(b);
      }
    }
  };
  return {
    add: (b) => settle(b, tied),
    tally: (unit, into) => {
      // A tie down to one candidate joins the filed ballots first.
      const still: number[] = [];
      for (const b of tied) settle(b, still);
      tied = still;
      for (let c = 0; c < n; c++)
        if (alive[c] === 1) into[c] = (into[c] as number) + (weight[c] as number) * unit;
      for (const b of tied) {
        const t = pointer[b] as number;
        const share = ((weights[b] as number) * unit) / standingIn(ballots, t, alive);
        for (let i = tierStart[t] as number; i < (tierStart[t + 1] as number); i++) {
          const c = members[i] as number;
          if (alive[c] === 1) into[c] = (into[c] as number) + share;
        }
      }
    },
    remove: (gone) => {
      for (const c of gone) {
        const moving = filed[c] as number[];
        filed[c] = [];
        weight[c] = 0;
        for (const b of moving) settle(b, tied);
      }
    },
    exhausted: () => exhausted,
  };
}
