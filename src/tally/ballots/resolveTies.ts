import { orderByTieBreaking, type TieBreakingPolicy } from "../../core/tieBreaking.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * How a count that ends in a tie picks one winner (or one committee): a core
 * {@link TieBreakingPolicy} over candidate ids, usually one criterion:
 * - `[{ by: "order", order }]`: the candidate earliest in `order` (candidates not listed
 *   come after, by id; {@link parseTallyTieBreak} lists them in the election's order);
 * - `[{ by: "lottery", seed }]`: a lottery anyone can re-run, the order being
 *   `seededShuffle(candidates, seed)`.
 * A committee is chosen by comparing tied committees' members, each listed best first by
 * that order.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * const published: TallyTieBreak = [{ by: "order", order: ["b", "a", "c"] }];
 * const lottery: TallyTieBreak = [{ by: "lottery", seed: "council-2026" }];
 * ```
 */
export type TallyTieBreak = TieBreakingPolicy;

/**
 * Resolves a tied outcome by a {@link TallyTieBreak}: `winners` becomes the one chosen
 * (for a committee rule, the chosen committee, which also heads `committees`), and a note
 * says how. An outcome without a tie comes back unchanged. Every tied option stays listed
 * in `committees` for committee rules.
 *
 * @category Tie-breaking
 * @example
 * ```ts
 * resolveTies(outcome, ["a", "b", "c"], [{ by: "lottery", seed: 7 }]);
 * ```
 */
export function resolveTies(
  outcome: TallyOutcome,
  candidates: readonly string[],
  policy: TallyTieBreak,
  options: { readonly committee?: boolean } = {},
): TallyOutcome {
  const order = orderByTieBreaking(candidates, policy);
  const rank = new Map(order.map((candidate, k) => [candidate, k]));
  const byRank = (a: string, b: string) =>
    (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length);
  const lottery = policy.find((criterion) => "seed" in criterion);
  const how =
    lottery !== undefined && "seed" in lottery
      ? `a seeded lottery (seed ${JSON.stringify(lottery.seed)}: order ${order.join(", ")})`
      : `the order ${order.join(", ")}`;
  if (options.committee === true) {
    const committees = outcome.committees ?? [outcome.winners];
    if (committees.length <= 1) return outcome;
    const keyed = committees
      .map((committee) => ({ committee, key: [...committee].sort(byRank) }))
      .sort((a, b) => {
        for (let k = 0; k < a.key.length; k++) {
          const order = byRank(a.key[k] as string, b.key[k] as string);
          if (order !== 0) return order;
        }
        return 0;
      });
    const chosen = (keyed[0] as (typeof keyed)[number]).committee;
    return {
      ...outcome,
      winners: chosen,
      committees: [chosen, ...committees.filter((committee) => committee !== chosen)],
      notes: [...outcome.notes, `${committees.length} committees tie; chosen by ${how}`],
    };
  }
  if (outcome.winners.length <= 1) return outcome;
  const [chosen] = [...outcome.winners].sort(byRank);
  return {
    ...outcome,
    winners: [chosen as string],
    notes: [...outcome.notes, `${outcome.winners.join(", ")} tie; ${chosen} is chosen by ${how}`],
  };
}
