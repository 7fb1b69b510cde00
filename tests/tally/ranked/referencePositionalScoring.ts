/** The previous positional scoring, kept to check the fast one: a fraction per ballot and tier. */
import { makeIssue } from "../../../src/core/issue.js";
import {
  addRational,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
} from "../../../src/core/rational.js";
import { fail, type Result } from "../../../src/core/result.js";
import type { RankedProfile } from "../../../src/tally/ballots/rankedProfile.js";
import { totalsOutcome } from "../../../src/tally/ballots/totalsOutcome.js";
import type { TallyOutcome } from "../../../src/tally/outcome.js";

/**
 * A positional scoring rule with any scoring vector: the candidate ranked k-th (from 0) on
 * a ballot gets `vector[k]` points (0 past the vector's end and for unranked candidates);
 * candidates ranked equal share the points of the positions they span equally, exactly.
 * Weights count, totals are exact fractions, every tied winner is returned and the
 * ranking orders all candidates. `[1]` is plurality, `[n-1, …, 1, 0]` Borda, `[1, 1/2,
 * 1/3, …]` Dowdall (Nauru), `[1, …, 1, 0]` anti-plurality on complete rankings.
 *
 * @category Single winner
 * @example
 * ```ts
 * positionalScoring(profile, { vector: [3, 2, 1] }).ok;
 * positionalScoring(profile, { vector: [rational(1), rational(1, 2), rational(1, 3)] }).ok;
 * ```
 */
export function referencePositionalScoring(
  profile: RankedProfile,
  options: { readonly vector: readonly (number | Rational)[]; readonly method?: string },
): Result<TallyOutcome> {
  const bad = options.vector.findIndex(
    (value) => typeof value === "number" && !Number.isFinite(value),
  );
  if (bad >= 0)
    return fail([
      makeIssue(
        "invalid-scoring-vector",
        ["vector", bad],
        `score ${options.vector[bad]} is not a number`,
      ),
    ]);
  const vector = options.vector.map((value) =>
    typeof value === "number" ? rationalFromNumber(value) : value,
  );
  const pointsAt = (position: number) => vector[position] ?? rational(0);
  const index = new Map(profile.candidates.map((candidate, c) => [candidate, c]));
  const totals = profile.candidates.map(() => rational(0));
  for (const ballot of profile.ballots) {
    const weight = rationalFromNumber(ballot.weight);
    let position = 0;
    for (const tier of ballot.ranking) {
      let shared = rational(0);
      for (let k = 0; k < tier.length; k++) shared = addRational(shared, pointsAt(position + k));
      const each = multiplyRational(multiplyRational(shared, rational(1, tier.length)), weight);
      for (const candidate of tier) {
        const c = index.get(candidate);
        if (c !== undefined) totals[c] = addRational(totals[c] as Rational, each);
      }
      position += tier.length;
    }
  }
  return totalsOutcome(
    options.method ?? "positional-scoring",
    profile.candidates,
    totals,
    `points by position: ${vector.map((value) => (value.den === 1n ? `${value.num}` : `${value.num}/${value.den}`)).join(", ")}${vector.length > 0 ? ", then 0" : ""}`,
  );
}
