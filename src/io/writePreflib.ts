import { ownValue } from "../core/idRecord.js";
import type { ApprovalProfile } from "../tally/ballots/approvalProfile.js";
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
  return preflibFile(type, profile, counts, []);
}

/** A PrefLib file: its header (with `extra` lines before the names) and the counted lines. */
function preflibFile(
  type: string,
  profile: Pick<RankedProfile, "candidates" | "names" | "title">,
  counts: ReadonlyMap<string, number>,
  extra: readonly string[],
): string {
  const voters = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const header = [
    `# TITLE: ${profile.title ?? ""}`,
    `# DATA TYPE: ${type}`,
    `# NUMBER ALTERNATIVES: ${profile.candidates.length}`,
    `# NUMBER VOTERS: ${voters}`,
    `# NUMBER UNIQUE ORDERS: ${counts.size}`,
    ...extra,
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

/**
 * Writes approval ballots as a PrefLib categorical file (CAT) with two categories,
 * "Approved" and "Not approved", as abcvoting reads them: candidates numbered from 1,
 * identical ballots merged with their counts, a category of one candidate written bare, of
 * several in braces, and an empty one as `{}`. Ballot weights must be whole numbers
 * (PrefLib counts voters); `readElection` reads the file back as approval ballots.
 *
 * @category PrefLib
 * @example
 * ```ts
 * writePreflibCategories({ candidates: ["a", "b", "c"], names: {}, ballots: [{ approved: ["a", "c"], weight: 2 }] });
 * // "# DATA TYPE: cat\n…\n2: {1,3},2\n"
 * ```
 */
export function writePreflibCategories(profile: ApprovalProfile): string {
  const number = new Map(profile.candidates.map((candidate, k) => [candidate, k + 1]));
  const category = (members: readonly number[]) =>
    members.length === 1 ? String(members[0]) : `{${members.join(",")}}`;
  const counts = new Map<string, number>();
  for (const ballot of profile.ballots) {
    if (!Number.isSafeInteger(ballot.weight) || ballot.weight < 0)
      throw new RangeError(
        `writePreflibCategories: a weight of ${ballot.weight} is not a count of voters`,
      );
    if (ballot.weight === 0) continue;
    const approved = new Set(ballot.approved);
    const numbers = (inside: boolean) =>
      profile.candidates
        .filter((candidate) => approved.has(candidate) === inside)
        .map((candidate) => number.get(candidate) as number);
    const line = `${category(numbers(true))},${category(numbers(false))}`;
    counts.set(line, (counts.get(line) ?? 0) + ballot.weight);
  }
  return preflibFile("cat", profile, counts, [
    "# NUMBER CATEGORIES: 2",
    "# CATEGORY NAME 1: Approved",
    "# CATEGORY NAME 2: Not approved",
  ]);
}
