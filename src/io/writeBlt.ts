import { ownValue } from "../core/idRecord.js";
import type { RankedProfile } from "../tally/ballots/rankedProfile.js";

const quote = (text: string) => `"${text.replace(/"/g, "'")}"`;

/**
 * Writes a ranked profile as a BLT file: candidates are numbered in `candidates` order
 * (1 first), equal ranks written `a=b`, withdrawn candidates on the second line as negative
 * numbers, the tie order as `[tie …]`, then names and title in quotes. `parseBlt` reads it
 * back to the same profile when the ids are `"1"`, `"2"`, ….
 *
 * @category BLT
 * @example
 * ```ts
 * writeBlt({ candidates: ["1", "2"], names: { "1": "Ann", "2": "Bo" }, ballots: [{ ranking: [["2"], ["1"]], weight: 3 }], seats: 1 });
 * //=> '2 1\n3 2 1 0\n0\n"Ann"\n"Bo"\n""\n'
 * ```
 */
export function writeBlt(profile: RankedProfile): string {
  const number = new Map(profile.candidates.map((candidate, k) => [candidate, k + 1]));
  const lines = [`${profile.candidates.length} ${profile.seats ?? 1}`];
  if (profile.withdrawn !== undefined && profile.withdrawn.length > 0) {
    lines.push(profile.withdrawn.map((candidate) => `-${number.get(candidate)}`).join(" "));
  }
  if (profile.tieOrder !== undefined && profile.tieOrder.length > 0) {
    lines.push(`[tie ${profile.tieOrder.map((candidate) => number.get(candidate)).join(" ")}]`);
  }
  for (const ballot of profile.ballots) {
    const ranks = ballot.ranking.map((tier) =>
      tier.map((candidate) => number.get(candidate)).join("="),
    );
    lines.push([String(ballot.weight), ...ranks, "0"].join(" "));
  }
  lines.push("0");
  for (const candidate of profile.candidates)
    lines.push(quote(ownValue(profile.names, candidate) ?? candidate));
  lines.push(quote(profile.title ?? ""));
  return `${lines.join("\n")}\n`;
}
