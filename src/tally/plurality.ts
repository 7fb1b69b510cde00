import { ok, type Result } from "../core/result.js";
import type { TallyOutcome } from "./outcome.js";
import type { RankedProfile } from "./rankedProfile.js";

/**
 * First preferences of the continuing candidates (withdrawn ones skipped): each ballot's
 * weight goes to the first tier naming a continuing candidate, shared equally among that
 * tier's continuing candidates; ballots naming none are exhausted.
 *
 * @internal
 */
export function firstPreferences(
  profile: RankedProfile,
  continuing: ReadonlySet<string>,
): { tallies: Record<string, number>; exhausted: number } {
  const tallies: Record<string, number> = {};
  for (const candidate of continuing) tallies[candidate] = 0;
  let exhausted = 0;
  for (const ballot of profile.ballots) {
    let counted = false;
    for (const tier of ballot.ranking) {
      const open = tier.filter((candidate) => continuing.has(candidate));
      if (open.length === 0) continue;
      for (const candidate of open)
        tallies[candidate] = (tallies[candidate] ?? 0) + ballot.weight / open.length;
      counted = true;
      break;
    }
    if (!counted) exhausted += ballot.weight;
  }
  return { tallies, exhausted };
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
  const { tallies, exhausted } = firstPreferences(profile, continuing);
  const best = Math.max(...Object.values(tallies));
  const winners = [...continuing].filter((candidate) => tallies[candidate] === best);
  return ok({
    method: "plurality",
    winners,
    rounds: [{ tallies, exhausted, elected: winners, note: `the most first preferences: ${best}` }],
    notes: [],
  });
}
