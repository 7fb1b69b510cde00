import type { PbProfile } from "../election/profile.js";

/**
 * How many voters prefer one outcome to another, each voter (times the ballot's
 * multiplicity) by how many of the projects they voted for each outcome funds.
 *
 * @category Analysis
 * @example
 * ```ts
 * const { preferFirst, preferSecond } = votersPreferring(profile, greedyOutcome, mesOutcome);
 * ```
 */
export interface OutcomePreference {
  /** Voters who voted for more projects of the first outcome than of the second. */
  readonly preferFirst: number;
  /** Voters who voted for more projects of the second. */
  readonly preferSecond: number;
  /** Voters with as many of their projects funded either way. */
  readonly indifferent: number;
}

/**
 * Compares two outcomes (sets of funded projects) by their voters: each voter prefers the
 * outcome that funds more of the projects on their ballot. Equal shares' comparison
 * completion (Wieliczka's rule: greedy replaces equal shares when more voters prefer it)
 * is this comparison.
 *
 * @category Analysis
 * @example
 * ```ts
 * votersPreferring(profile, ["p1", "p2"], ["p3"]);
 * //=> { preferFirst: 412, preferSecond: 380, indifferent: 57 }
 * ```
 */
export function votersPreferring(
  profile: PbProfile,
  first: readonly string[],
  second: readonly string[],
): OutcomePreference {
  const inFirst = new Set(first);
  const inSecond = new Set(second);
  let preferFirst = 0;
  let preferSecond = 0;
  let indifferent = 0;
  for (const ballot of profile.ballots) {
    let balance = 0;
    for (const project of new Set(ballot.projects)) {
      if (inFirst.has(project)) balance++;
      if (inSecond.has(project)) balance--;
    }
    if (balance > 0) preferFirst += ballot.multiplicity;
    else if (balance < 0) preferSecond += ballot.multiplicity;
    else indifferent += ballot.multiplicity;
  }
  return { preferFirst, preferSecond, indifferent };
}
