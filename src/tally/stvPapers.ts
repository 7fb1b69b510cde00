import { makeIssue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import type { RankedProfile } from "./rankedProfile.js";

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
}

/**
 * Checks an STV count's seats and ballots (whole-number weights, no equal ranks) and lays
 * the ballots out as papers; `method` names the count in the issues.
 *
 * @internal
 */
export function stvPapers(
  profile: RankedProfile,
  seats: number | undefined,
  method: string,
): Result<StvPapers> {
  if (seats === undefined || !Number.isInteger(seats) || seats < 1) {
    return fail([makeIssue("missing-seats", ["seats"], `${method} needs the number of seats`)]);
  }
  const withdrawn = new Set(profile.withdrawn ?? []);
  const candidates = profile.candidates.filter((candidate) => !withdrawn.has(candidate));
  const index = new Map(candidates.map((candidate, c) => [candidate, c]));
  const ballots = profile.ballots;
  let ranks = 0;
  for (const ballot of ballots) ranks += ballot.ranking.length;
  const prefs = new Int32Array(ranks);
  const prefStart = new Int32Array(ballots.length + 1);
  const counts = new Float64Array(ballots.length);
  let filled = 0;
  let paperCount = 0;
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b] as (typeof ballots)[number];
    if (!Number.isSafeInteger(ballot.weight)) {
      return fail([
        makeIssue(
          "invalid-weight",
          ["ballots", b],
          `ballot ${b + 1} has weight ${ballot.weight}, not a whole number`,
        ),
      ]);
    }
    const before = filled;
    for (const tier of ballot.ranking) {
      if (tier.length > 1) {
        return fail([
          makeIssue(
            "equal-ranks",
            ["ballots", b],
            `ballot ${b + 1} ranks candidates equal, which ${method} here does not allow`,
          ),
        ]);
      }
      const c = index.get(tier[0] as string);
      if (c !== undefined) prefs[filled++] = c;
    }
    if (filled > before) {
      counts[paperCount] = ballot.weight;
      paperCount++;
      prefStart[paperCount] = filled;
    }
  }
  return ok({ seats, candidates, prefs, prefStart, counts, paperCount });
}
