import type { RankedProfile } from "./rankedProfile.js";

/**
 * The profile with only `keep` as candidates: the others removed from every ranking (empty
 * tiers dropped), as elimination rules see it after each round.
 *
 * @internal
 */
export function restrictProfile(profile: RankedProfile, keep: ReadonlySet<string>): RankedProfile {
  return {
    ...profile,
    candidates: profile.candidates.filter((candidate) => keep.has(candidate)),
    ballots: profile.ballots.map((ballot) => ({
      weight: ballot.weight,
      ranking: ballot.ranking
        .map((tier) => tier.filter((candidate) => keep.has(candidate)))
        .filter((tier) => tier.length > 0),
    })),
    withdrawn: [],
  };
}
