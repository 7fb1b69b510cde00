import type { PbBallot, PbProfile } from "./profile.js";

/** Identical ballots share a key; outside rankings the order of projects does not matter. */
function ballotKey(ballot: PbBallot, ordered: boolean): string {
  const pairs = ballot.projects.map((id, k) => `${id}\u0001${ballot.points?.[k] ?? ""}`);
  if (!ordered) pairs.sort();
  return pairs.join("\u0002");
}

/**
 * Merges identical ballots (same projects with the same points; for rankings, in the same
 * order) into one ballot
 * with their summed multiplicity. Voter ids and other voter columns are dropped: a
 * compressed ballot stands for many voters. Every rule gives the same outcome on the
 * compressed and the expanded profile.
 *
 * @category Model
 * @example
 * ```ts
 * compressProfile(profile).ballots.length; // Wrocław 2015: 131 778 ballots → 197
 * ```
 */
export function compressProfile(profile: PbProfile): PbProfile {
  const merged = new Map<
    string,
    { projects: readonly string[]; points?: readonly number[]; multiplicity: number }
  >();
  const ordered = profile.voteType === "ordinal";
  for (const ballot of profile.ballots) {
    const key = ballotKey(ballot, ordered);
    const entry = merged.get(key);
    if (entry !== undefined) {
      entry.multiplicity += ballot.multiplicity;
    } else {
      merged.set(
        key,
        ballot.points === undefined
          ? { projects: ballot.projects, multiplicity: ballot.multiplicity }
          : { projects: ballot.projects, points: ballot.points, multiplicity: ballot.multiplicity },
      );
    }
  }
  const ballots: PbBallot[] = [...merged.values()];
  return { voteType: profile.voteType, ballots, voteColumns: profile.voteColumns };
}

/**
 * The inverse of {@link compressProfile}: one ballot per voter (multiplicity 1).
 *
 * @category Model
 * @example
 * ```ts
 * expandProfile(compressProfile(profile)).ballots.length === profile.ballots.length; //=> true
 * ```
 */
export function expandProfile(profile: PbProfile): PbProfile {
  const ballots: PbBallot[] = [];
  for (const ballot of profile.ballots) {
    for (let copy = 0; copy < ballot.multiplicity; copy++)
      ballots.push({ ...ballot, multiplicity: 1 });
  }
  return { ...profile, ballots };
}
