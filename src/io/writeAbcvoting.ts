import type { AbcvotingInstance } from "./parseAbcvoting.js";

const flow = (sets: readonly (readonly number[])[]) =>
  `[${sets.map((set) => `[${set.join(", ")}]`).join(", ")}]`;

/**
 * Writes an abcvoting `.abc.yaml` instance: candidates are numbered from 0 in `candidates`
 * order, each ballot is one voter (`voter_weights` when a weight is not 1), and every
 * expected result becomes a `compute` entry. `parseAbcvoting` reads it back to the same
 * instance when the candidate ids are `"0"`, `"1"`, …. Committee size defaults to 1.
 *
 * @category abcvoting
 * @example
 * ```ts
 * writeAbcvoting({ profile: { candidates: ["0", "1"], names: {}, ballots: [{ approved: ["1"], weight: 1 }], seats: 1 }, expected: [] });
 * //=> "profile: [[1]]\nnum_cand: 2\ncommitteesize: 1\ncompute: []\n"
 * ```
 */
export function writeAbcvoting(instance: AbcvotingInstance): string {
  const { profile, expected } = instance;
  const number = new Map(profile.candidates.map((candidate, k) => [candidate, k]));
  const numbered = (members: readonly string[]) =>
    members
      .map((candidate) => number.get(candidate))
      .filter((k): k is number => k !== undefined)
      .sort((a, b) => a - b);
  const lines = [`profile: ${flow(profile.ballots.map((ballot) => numbered(ballot.approved)))}`];
  if (profile.ballots.some((ballot) => ballot.weight !== 1))
    lines.push(`voter_weights: [${profile.ballots.map((ballot) => ballot.weight).join(", ")}]`);
  lines.push(`num_cand: ${profile.candidates.length}`, `committeesize: ${profile.seats ?? 1}`);
  if (expected.length === 0) lines.push("compute: []");
  else {
    lines.push("compute:");
    for (const entry of expected)
      lines.push(
        `- rule_id: ${entry.rule}`,
        `  result: ${entry.committees === null ? "null" : flow(entry.committees.map(numbered))}`,
        `  resolute: ${entry.resolute}`,
      );
  }
  return `${lines.join("\n")}\n`;
}
