import { idRecordFrom } from "../../core/idRecord.js";
import {
  compareRational,
  formatRational,
  type Rational,
  rationalToNumber,
} from "../../core/rational.js";
import { ok, type Result } from "../../core/result.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * The outcome of a rule that adds up points: every candidate with the highest total wins
 * (all of them on a tie), and the ranking lists the candidates by total, equal totals in
 * one tier.
 *
 * @internal
 */
export function totalsOutcome(
  method: string,
  candidates: readonly string[],
  totals: readonly Rational[],
  note: string,
): Result<TallyOutcome> {
  const order = candidates
    .map((candidate, c) => ({ candidate, total: totals[c] as Rational }))
    .sort((a, b) => compareRational(b.total, a.total));
  const ranking: string[][] = [];
  order.forEach((entry, k) => {
    const previous = order[k - 1];
    if (previous !== undefined && compareRational(previous.total, entry.total) === 0)
      (ranking[ranking.length - 1] as string[]).push(entry.candidate);
    else ranking.push([entry.candidate]);
  });
  return ok({
    method,
    winners: ranking[0] ?? [],
    ranking,
    rounds: [
      {
        tallies: idRecordFrom(
          candidates.map((candidate, c) => [candidate, rationalToNumber(totals[c] as Rational)]),
        ),
        exactTallies: idRecordFrom(
          candidates.map((candidate, c) => [candidate, formatRational(totals[c] as Rational)]),
        ),
        note,
      },
    ],
    notes: (ranking[0]?.length ?? 0) > 1 ? [`${ranking[0]?.length} candidates tie`] : [],
  });
}
