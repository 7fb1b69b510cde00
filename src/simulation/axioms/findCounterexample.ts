import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import { restrictProfile } from "../../tally/ballots/restrictProfile.js";
import { impartialCulture } from "../ordinal/impartialCulture.js";
import type { SingleWinnerAxiom, WinnersOf } from "./singleWinnerAxioms.js";

/**
 * A counterexample found: the profile (as small as shrinking could make it) and how the
 * method breaks the axiom there.
 *
 * @category Axioms
 * @example
 * ```ts
 * const found: Counterexample = { profile, violation: "c2 beats everyone head to head, yet the winners are c1" };
 * ```
 */
export interface Counterexample {
  readonly profile: RankedProfile;
  readonly violation: string;
}

/** A profile's voters, one ballot each. */
const expanded = (profile: RankedProfile): RankedProfile => ({
  ...profile,
  ballots: profile.ballots.flatMap((ballot) =>
    Array.from({ length: ballot.weight }, () => ({ ranking: ballot.ranking, weight: 1 })),
  ),
});

/** Drops voters, then candidates, one at a time while the axiom stays broken. */
function shrink(method: WinnersOf, axiom: SingleWinnerAxiom, start: RankedProfile): Counterexample {
  let profile = expanded(start);
  let violation = axiom.violation(method, profile) as string;
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 0; k < profile.ballots.length && !changed; k++) {
      const fewer = { ...profile, ballots: profile.ballots.filter((_, j) => j !== k) };
      const broken = fewer.ballots.length > 0 ? axiom.violation(method, fewer) : undefined;
      if (broken !== undefined) [profile, violation, changed] = [fewer, broken, true];
    }
    for (const candidate of profile.candidates) {
      if (changed || profile.candidates.length <= 2) break;
      const keep = new Set(profile.candidates.filter((c) => c !== candidate));
      const smaller = restrictProfile(profile, keep);
      const broken = axiom.violation(method, smaller);
      if (broken !== undefined) [profile, violation, changed] = [smaller, broken, true];
    }
  }
  return { profile, violation };
}

/**
 * Searches impartial-culture profiles (3 to `maxCandidates` candidates, 1 to `maxVoters`
 * voters, seeded) for one where the method breaks the axiom, and shrinks what it finds,
 * voter by voter and candidate by candidate, to a profile no voter or candidate can be
 * taken from. Undefined when `tries` profiles found none (which proves nothing).
 *
 * @category Axioms
 * @example
 * ```ts
 * const condorcetWinner = singleWinnerAxioms[0] as SingleWinnerAxiom;
 * const found = findCounterexample(winnersOf(borda), condorcetWinner, { seed: 1 });
 * found?.violation; // "c2 beats everyone head to head, yet the winners are c1"
 * ```
 */
export function findCounterexample(
  method: WinnersOf,
  axiom: SingleWinnerAxiom,
  options: {
    readonly seed: number | string;
    readonly maxCandidates?: number;
    readonly maxVoters?: number;
    readonly tries?: number;
  },
): Counterexample | undefined {
  const maxCandidates = options.maxCandidates ?? 4;
  const maxVoters = options.maxVoters ?? 15;
  for (let t = 0; t < (options.tries ?? 2_000); t++) {
    const candidates = 3 + (t % (maxCandidates - 2));
    const voters = 1 + ((t * 7) % maxVoters);
    const profile = impartialCulture({ candidates, voters, seed: `${String(options.seed)}/${t}` });
    if (axiom.violation(method, profile) !== undefined) return shrink(method, axiom, profile);
  }
  return undefined;
}
