import { ownValue } from "../core/idRecord.js";
import type { RankedProfile } from "../tally/ballots/rankedProfile.js";

/**
 * Writes a ranked profile as a PrefLib file: candidates numbered from 1 in `candidates`
 * order, identical ballots merged with their counts, ties in braces, and the header
 * PrefLib expects. The data type is the strictest that fits (SOC, SOI, TOC or TOI).
 * `parsePreflib` reads it back.
 *
 * @category PrefLib
 * @example
 * ```ts
 * writePreflib({ candidates: ["a", "b"], names: { a: "Ann", b: "Bo" }, ballots: [{ ranking: [["b"], ["a"]], weight: 2 }] });
 * // "# DATA TYPE: soc\n…\n2: 2,1\n"
 * ```
 */
export function writePreflib(profile: RankedProfile): string {
  const number = new Map(profile.candidates.map((candidate, k) => [candidate, k + 1]));
  const counts = new Map<string, number>();
  let complete = true;
  let strict = true;
  for (const ballot of profile.ballots) {
    const ranked = ballot.ranking.reduce((sum, tier) => sum + tier.length, 0);
    if (ranked !== profile.candidates.length) complete = false;
    if (ballot.ranking.some((tier) => tier.length > 1)) strict = false;
    const order = ballot.ranking
      .map((tier) => {
        const numbers = tier.map((candidate) => number.get(candidate));
        return tier.length > 1 ? `{${numbers.join(",")}}` : String(numbers[0]);
      })
      .join(",");
    counts.set(order, (counts.get(order) ?? 0) + ballot.weight);
  }
  const type = `${strict ? "s" : "t"}o${complete ? "c" : "i"}`;
  const voters = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const header = [
    `# TITLE: ${profile.title ?? ""}`,
    `# DATA TYPE: ${type}`,
    `# NUMBER ALTERNATIVES: ${profile.candidates.length}`,
    `# NUMBER VOTERS: ${voters}`,
    `# NUMBER UNIQUE ORDERS: ${counts.size}`,
    ...profile.candidates.map(
      (candidate, k) =>
        `# ALTERNATIVE NAME ${k + 1}: ${ownValue(profile.names, candidate) ?? candidate}`,
    ),
  ];
  const body = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([order, count]) => `${count}: ${order}`);
  return `${[...header, ...body].join("\n")}\n`;
}
