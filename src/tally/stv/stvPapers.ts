import { fail, ok, type Result } from "../../core/result.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import { tallyIssue } from "../tallyIssues.js";

/**
 * The papers of an STV count in flat arrays: the preferences of paper `p` (indices into
 * `candidates`) are `prefs[prefStart[p] .. prefStart[p + 1])`, and `counts[p]` papers carry
 * them. Ballots naming no continuing candidate are left out.
 *
 * @internal
 */
export interface StvPapers {
  readonly seats: number;
  /** The candidates not withdrawn, in file order. */
  readonly candidates: readonly string[];
  readonly prefs: Int32Array;
  readonly prefStart: Int32Array;
  readonly counts: Float64Array;
  readonly paperCount: number;
  /** `newTier[i]` is 1 where `prefs[i]` is ranked below the preference before it, 0 where equal. */
  readonly newTier: Uint8Array;
}

/**
 * Checks an STV count's seats and ballots (whole-number weights; equal ranks only where
 * `allowEqualRanks`) and lays the ballots out as papers; `method` names the count in the
 * issues.
 *
 * @internal
 */
export function stvPapers(
  profile: RankedProfile,
  seats: number | undefined,
  method: string,
  allowEqualRanks = false,
): Result<StvPapers> {
  if (seats === undefined || !Number.isInteger(seats) || seats < 1) {
    return fail([tallyIssue("missing-seats", ["seats"], `${method} needs the number of seats`)]);
  }
  const withdrawn = new Set(profile.withdrawn ?? []);
  const candidates = profile.candidates.filter((candidate) => !withdrawn.has(candidate));
  const index = new Map(candidates.map((candidate, c) => [candidate, c]));
  const ballots = profile.ballots;
  let ranks = 0;
  for (const ballot of ballots) for (const tier of ballot.ranking) ranks += tier.length;
  const prefs = new Int32Array(ranks);
  const newTier = new Uint8Array(ranks);
  const prefStart = new Int32Array(ballots.length + 1);
  const counts = new Float64Array(ballots.length);
  let filled = 0;
  let paperCount = 0;
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b] as (typeof ballots)[number];
    if (!Number.isSafeInteger(ballot.weight)) {
      return fail([
        tallyIssue(
          "invalid-weight",
          ["ballots", b],
          `ballot ${b + 1} has weight ${ballot.weight}, not a whole number below 2^53`,
        ),
      ]);
    }
    const before = filled;
    for (const tier of ballot.ranking) {
      if (tier.length > 1 && !allowEqualRanks) {
        return fail([
          tallyIssue(
            "equal-ranks",
            ["ballots", b],
            `ballot ${b + 1} ranks candidates equal, which ${method} here does not allow`,
          ),
        ]);
      }
      let first = true;
      for (const candidate of tier) {
        const c = index.get(candidate);
        if (c === undefined) continue;
        newTier[filled] = first ? 1 : 0;
        prefs[filled++] = c;
        first = false;
      }
    }
    if (filled > before) {
      counts[paperCount] = ballot.weight;
      paperCount++;
      prefStart[paperCount] = filled;
    }
  }
  return ok({ seats, candidates, prefs, prefStart, counts, paperCount, newTier });
}
