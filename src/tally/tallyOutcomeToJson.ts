import { ownValue } from "../core/idRecord.js";
import { resolveTies, type TallyTieBreak } from "./ballots/resolveTies.js";
import type { TallyOutcome } from "./outcome.js";

/**
 * How a count's ties are settled for publication: a committee rule's tied committees and a
 * single-winner rule's tied winners are resolved by the tie-break (default: the candidates'
 * order), unless `irresolute`, which keeps every tied winner and lists them. Multi-winner
 * ranked rules (STV) resolve their own ties round by round.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const policy: TiePolicy = { tieBreak: [{ by: "lottery", seed: "2026" }], irresolute: false };
 * ```
 */
export interface TiePolicy {
  readonly tieBreak: TallyTieBreak;
  readonly irresolute: boolean;
}

/**
 * A count with its ties settled by a {@link TiePolicy}: the outcome to publish, whether it
 * was a tie, and (irresolute) the tied options, each a list of candidates.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const settled = settleTies(outcome, ["a", "b"], "single-winner", { tieBreak: [{ by: "order", order: ["a", "b"] }], irresolute: false });
 * settled.outcome.winners; //=> ["a"]
 * ```
 */
export function settleTies(
  outcome: TallyOutcome,
  candidates: readonly string[],
  kind: "single-winner" | "committee" | "stv",
  policy: TiePolicy,
): { outcome: TallyOutcome; tied: boolean; options?: readonly (readonly string[])[] } {
  if (kind === "committee") {
    const settled = resolveTies(outcome, candidates, policy.tieBreak, { committee: true });
    const options = settled.committees ?? [settled.winners];
    return {
      outcome: settled,
      tied: options.length > 1,
      ...(policy.irresolute ? { options } : {}),
    };
  }
  if (kind === "stv")
    return { outcome, tied: false, ...(policy.irresolute ? { options: [outcome.winners] } : {}) };
  const tied = outcome.winners.length > 1;
  return {
    outcome:
      tied && !policy.irresolute ? resolveTies(outcome, candidates, policy.tieBreak) : outcome,
    tied,
    ...(policy.irresolute ? { options: outcome.winners.map((winner) => [winner]) } : {}),
  };
}

/**
 * A tally outcome as JSON, the shape `civitas tally --json` prints: the method, seats,
 * winners by name and by id, the ranking when the rule ranks every candidate, the rounds,
 * the tied options when ties were kept, and the notes.
 *
 * @category Outcomes
 * @example
 * ```ts
 * tallyOutcomeToJson(outcome, { method: "irv", names: { a: "Alice" } });
 * //=> { method: "irv", winners: ["Alice"], winner_ids: ["a"], rounds: [...], notes: [...] }
 * ```
 */
export function tallyOutcomeToJson(
  outcome: TallyOutcome,
  options: {
    readonly method: string;
    readonly names: Readonly<Record<string, string>>;
    readonly seats?: number | undefined;
    readonly tied?: readonly (readonly string[])[] | undefined;
  },
): Record<string, unknown> {
  return {
    method: options.method,
    ...(options.seats === undefined ? {} : { seats: options.seats }),
    winners: outcome.winners.map((id) => ownValue(options.names, id) ?? id),
    winner_ids: outcome.winners,
    ...(outcome.ranking === undefined ? {} : { ranking: outcome.ranking }),
    rounds: outcome.rounds,
    ...(options.tied === undefined ? {} : { tied: options.tied }),
    notes: outcome.notes,
  };
}
