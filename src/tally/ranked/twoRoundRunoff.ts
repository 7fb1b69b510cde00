import { ok, type Result } from "../../core/result.js";
import { displayName } from "../ballots/displayName.js";
import { headToHead } from "../ballots/pairwiseMatrix.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome } from "../outcome.js";
import { firstPreferences, inVotes } from "./plurality.js";

/**
 * Two-round runoff read from rankings: a candidate with a majority of first preferences
 * wins outright; otherwise the two with the most first preferences meet head to head.
 * When a tie decides who reaches the runoff, every possible runoff is played and all its
 * winners are returned.
 *
 * @category Single winner
 * @example
 * ```ts
 * twoRoundRunoff(profile).ok;
 * ```
 */
export function twoRoundRunoff(profile: RankedProfile): Result<TallyOutcome> {
  const withdrawn = new Set(profile.withdrawn ?? []);
  const continuing = new Set(profile.candidates.filter((candidate) => !withdrawn.has(candidate)));
  const { tallies, exhausted, unit } = firstPreferences(profile, continuing);
  const active = Object.values(tallies).reduce((sum, value) => sum + value, 0);
  const ordered = [...continuing].sort((a, b) => (tallies[b] as number) - (tallies[a] as number));
  const top = tallies[ordered[0] as string] as number;
  if (top * 2 > active || continuing.size === 1) {
    const winner = ordered[0] as string;
    return ok({
      method: "runoff",
      winners: [winner],
      rounds: [
        {
          tallies: inVotes(tallies, unit),
          exhausted,
          elected: [winner],
          note: `${displayName(profile, winner)} has a majority in the first round`,
        },
      ],
      notes: [],
    });
  }
  const firsts = ordered.filter((candidate) => tallies[candidate] === top);
  const pairs: [string, string][] = [];
  if (firsts.length >= 2) {
    for (let i = 0; i < firsts.length; i++)
      for (let j = i + 1; j < firsts.length; j++)
        pairs.push([firsts[i] as string, firsts[j] as string]);
  } else {
    const second = Math.max(...ordered.slice(1).map((candidate) => tallies[candidate] as number));
    for (const candidate of ordered.slice(1))
      if (tallies[candidate] === second) pairs.push([firsts[0] as string, candidate]);
  }
  const winners = new Set<string>();
  for (const [a, b] of pairs) {
    const margin = headToHead(profile, a, b);
    if (margin >= 0) winners.add(a);
    if (margin <= 0) winners.add(b);
  }
  const chosen = profile.candidates.filter((candidate) => winners.has(candidate));
  return ok({
    method: "runoff",
    winners: chosen,
    rounds: [
      {
        tallies: inVotes(tallies, unit),
        exhausted,
        note: `runoff between ${pairs.map((pair) => pair.map((id) => displayName(profile, id)).join(" and ")).join("; or ")}`,
      },
      { elected: chosen, note: "the runoff's head-to-head majority" },
    ],
    notes: pairs.length > 1 ? ["a first-round tie: every possible runoff was played"] : [],
  });
}
