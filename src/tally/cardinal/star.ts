import { idRecordFrom, ownValue } from "../../core/idRecord.js";
import { ok, type Result } from "../../core/result.js";
import type { ScoreProfile } from "../ballots/scoreProfile.js";
import type { TallyOutcome } from "../outcome.js";

/**
 * What STAR's official tie protocol reads: each candidate's total score, head-to-head
 * counts (`pairwise[i][j]`: voters scoring i above j) and five-star (top score) counts.
 *
 * @category Cardinal
 * @example
 * ```ts
 * const summary: StarSummary = { candidates: ["a", "b"], totals: [10, 7], pairwise: [[0, 2], [1, 0]], fiveStars: [1, 0] };
 * ```
 */
export interface StarSummary {
  readonly candidates: readonly string[];
  readonly totals: readonly number[];
  readonly pairwise: readonly (readonly number[])[];
  readonly fiveStars: readonly number[];
}

/**
 * Counts the {@link StarSummary} of score ballots.
 *
 * @category Cardinal
 * @example
 * ```ts
 * starSummary(profile).totals; // total score per candidate
 * ```
 */
export function starSummary(profile: ScoreProfile): StarSummary {
  const n = profile.candidates.length;
  const totals = new Array<number>(n).fill(0);
  const fiveStars = new Array<number>(n).fill(0);
  const pairwise = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const ballot of profile.ballots) {
    const scores = profile.candidates.map((candidate) => ownValue(ballot.scores, candidate) ?? 0);
    scores.forEach((score, i) => {
      totals[i] = (totals[i] as number) + score * ballot.weight;
      if (score === profile.maxScore) fiveStars[i] = (fiveStars[i] as number) + ballot.weight;
      scores.forEach((other, j) => {
        if (score > other)
          (pairwise[i] as number[])[j] = ((pairwise[i] as number[])[j] as number) + ballot.weight;
      });
    });
  }
  return { candidates: profile.candidates, totals, pairwise, fiveStars };
}

/**
 * Picks one candidate from a tie as the official protocol does: repeatedly drop those with
 * the most head-to-head losses within the tied group; when all have as many, drop those
 * with the fewest five-star ratings; when still tied, the earliest candidate (standing in
 * for the protocol's random draw, and said so in the notes).
 */
function breakScoreTie(summary: StarSummary, tied: readonly number[], notes: string[]): number {
  let group = [...tied];
  while (group.length > 1) {
    const losses = group.map(
      (a) =>
        group.filter(
          (b) =>
            b !== a &&
            ((summary.pairwise[b] as number[])[a] as number) >
              ((summary.pairwise[a] as number[])[b] as number),
        ).length,
    );
    const most = Math.max(...losses);
    if (losses.some((value) => value !== most)) {
      group = group.filter((_, k) => losses[k] !== most);
      continue;
    }
    const stars = group.map((a) => summary.fiveStars[a] as number);
    const fewest = Math.min(...stars);
    if (stars.some((value) => value !== fewest)) {
      group = group.filter((_, k) => stars[k] !== fewest);
      continue;
    }
    notes.push(
      `a true tie among ${group.map((c) => summary.candidates[c]).join(", ")}: the earliest listed advances (the protocol draws lots)`,
    );
    return group[0] as number;
  }
  return group[0] as number;
}

/**
 * STAR from a {@link StarSummary}: the two highest-scoring candidates advance (score ties
 * broken by the official protocol); the finalist preferred by more voters wins the runoff;
 * a runoff tie goes to the higher score, then to more five-star ratings, then to the
 * earlier candidate (for the protocol's random draw).
 *
 * @category Cardinal
 * @example
 * ```ts
 * starFromSummary(starSummary(profile)).ok;
 * ```
 */
export function starFromSummary(summary: StarSummary): Result<TallyOutcome> {
  const n = summary.candidates.length;
  const notes: string[] = [];
  const advance = (from: readonly number[]): number => {
    const best = Math.max(...from.map((c) => summary.totals[c] as number));
    return breakScoreTie(
      summary,
      from.filter((c) => summary.totals[c] === best),
      notes,
    );
  };
  const everyone = Array.from({ length: n }, (_, c) => c);
  const first = advance(everyone);
  if (n === 1) {
    return ok({
      method: "star",
      winners: [summary.candidates[0] as string],
      rounds: [{ note: "one candidate" }],
      notes,
    });
  }
  const second = advance(everyone.filter((c) => c !== first));
  const prefer = (a: number, b: number) => (summary.pairwise[a] as number[])[b] as number;
  const [x, y] = [first, second];
  let winner: number;
  let why: string;
  if (prefer(x, y) !== prefer(y, x)) {
    winner = prefer(x, y) > prefer(y, x) ? x : y;
    why = `${summary.candidates[winner]} is preferred by ${Math.max(prefer(x, y), prefer(y, x))} voters to ${Math.min(prefer(x, y), prefer(y, x))}`;
  } else if (summary.totals[x] !== summary.totals[y]) {
    winner = (summary.totals[x] as number) > (summary.totals[y] as number) ? x : y;
    why = "the runoff is tied; the higher total score wins";
  } else if (summary.fiveStars[x] !== summary.fiveStars[y]) {
    winner = (summary.fiveStars[x] as number) > (summary.fiveStars[y] as number) ? x : y;
    why = "the runoff and the scores are tied; more five-star ratings win";
  } else {
    winner = Math.min(x, y);
    why = "a true tie: the earlier listed candidate wins (the protocol draws lots)";
    notes.push(why);
  }
  const runnerUp = winner === x ? y : x;
  return ok({
    method: "star",
    winners: [summary.candidates[winner] as string],
    ranking: [[summary.candidates[winner] as string], [summary.candidates[runnerUp] as string]],
    rounds: [
      {
        tallies: idRecordFrom(
          summary.candidates.map((candidate, c) => [candidate, summary.totals[c] as number]),
        ),
        note: `scoring round: ${summary.candidates[x]} and ${summary.candidates[y]} advance`,
      },
      {
        tallies: {
          [summary.candidates[x] as string]: prefer(x, y),
          [summary.candidates[y] as string]: prefer(y, x),
        },
        elected: [summary.candidates[winner] as string],
        note: `automatic runoff: ${why}`,
      },
    ],
    notes,
  });
}

/**
 * STAR voting (Score Then Automatic Runoff) on score ballots, with the official tie
 * protocol (see {@link starFromSummary}). The runner-up is the second tier of `ranking`.
 *
 * @category Cardinal
 * @example
 * ```ts
 * star(profile); // winners: [the runoff winner]; ranking: [[winner], [runner-up]]
 * ```
 */
export function star(profile: ScoreProfile): Result<TallyOutcome> {
  return starFromSummary(starSummary(profile));
}
