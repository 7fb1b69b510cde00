import { ownValue } from "../../core/idRecord.js";
import {
  addRational,
  divideRational,
  multiplyRational,
  rational,
  rationalFromNumber,
} from "../../core/rational.js";
import type { Result } from "../../core/result.js";
import type { ScoreProfile } from "../ballots/scoreProfile.js";
import { totalsOutcome } from "../ballots/totalsOutcome.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * Score voting (range voting): the candidate with the highest total score wins (`sum`,
 * the default), or with the highest mean over the ballots that score it (`mean`: a
 * ballot that leaves a candidate out abstains on it, and a candidate nobody scores has
 * mean 0). Totals are exact, weights included; every tied winner is returned, and the
 * ranking orders all candidates.
 *
 * @category Cardinal
 * @example
 * ```ts
 * scoreVoting(profile).ok;
 * scoreVoting(profile, { aggregate: "mean" }).ok;
 * ```
 */
export function scoreVoting(
  profile: ScoreProfile,
  options: { readonly aggregate?: "sum" | "mean" } = {},
): Result<TallyOutcome> {
  const mean = options.aggregate === "mean";
  const totals = profile.candidates.map((candidate) => {
    let sum = rational(0);
    let voters = rational(0);
    for (const ballot of profile.ballots) {
      const score = ownValue(ballot.scores, candidate);
      if (score === undefined) continue;
      const weight = rationalFromNumber(ballot.weight);
      sum = addRational(sum, multiplyRational(weight, rational(score)));
      voters = addRational(voters, weight);
    }
    return mean ? (voters.num === 0n ? rational(0) : divideRational(sum, voters)) : sum;
  });
  return totalsOutcome(
    mean ? "score-mean" : "score",
    profile.candidates,
    totals,
    mean
      ? "each candidate's mean score over the ballots that score it"
      : "each candidate's total score",
  );
}
