import { idRecord, idRecordFrom } from "../../core/idRecord.js";
import { ok, type Result } from "../../core/result.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * Shares of a vote split among k equal-ranked candidates are counted exactly in units of
 * 1/unit, unit = lcm(1, …, n) for n candidates (up to 20; whole numbers stay below 2^53
 * for any real electorate), so that splitting never rounds.
 *
 * @internal
 */
export function shareUnit(candidates: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let unit = 1;
  for (let k = 2; k <= Math.min(candidates, 20); k++) unit = (unit / gcd(unit, k)) * k;
  return unit;
}

/**
 * Tallies in share units back to votes, for display.
 *
 * @internal
 */
export function inVotes(
  tallies: Readonly<Record<string, number>>,
  unit: number,
): Record<string, number> {
  return idRecordFrom(
    Object.entries(tallies).map(([candidate, value]) => [candidate, value / unit]),
  );
}

/**
 * First preferences of the continuing candidates (withdrawn ones skipped): each ballot's
 * weight goes to the first tier naming a continuing candidate, shared equally among that
 * tier's continuing candidates; ballots naming none are exhausted. Tallies are whole
 * numbers of share units (see {@link shareUnit}); decisions compare them exactly.
 *
 * @internal
 */
export function firstPreferences(
  profile: RankedProfile,
  continuing: ReadonlySet<string>,
): { tallies: Record<string, number>; exhausted: number; unit: number } {
  const unit = shareUnit(continuing.size);
  const tallies = idRecord<number>();
  for (const candidate of continuing) tallies[candidate] = 0;
  let exhausted = 0;
  for (const ballot of profile.ballots) {
    let counted = false;
    for (const tier of ballot.ranking) {
      const open = tier.filter((candidate) => continuing.has(candidate));
      if (open.length === 0) continue;
      for (const candidate of open)
        tallies[candidate] = (tallies[candidate] ?? 0) + (ballot.weight * unit) / open.length;
      counted = true;
      break;
    }
    if (!counted) exhausted += ballot.weight;
  }
  return { tallies, exhausted, unit };
}

/**
 * Plurality: the most first preferences win (a first place shared by k candidates gives
 * each 1/k).
 *
 * @category Single winner
 * @example
 * ```ts
 * plurality(profile); // winners: the candidates with the most first preferences
 * ```
 */
export function plurality(profile: RankedProfile): Result<TallyOutcome> {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const continuing = new Set(profile.candidates.filter((candidate) => !withdrawn.has(candidate)));
  const { tallies, exhausted, unit } = firstPreferences(profile, continuing);
  const best = Math.max(...Object.values(tallies));
  const winners = [...continuing].filter((candidate) => tallies[candidate] === best);
  return ok({
    method: "plurality",
    winners,
    rounds: [
      {
        tallies: inVotes(tallies, unit),
        exhausted,
        elected: winners,
        note: `the most first preferences: ${best / unit}`,
      },
    ],
    notes: [],
  });
}
