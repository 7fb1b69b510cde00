import { idRecordFrom, ownValue } from "../../core/idRecord.js";
import { ok, type Result } from "../../core/result.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../outcome.js";
import { stvPapers } from "./stvPapers.js";
import { sureLosers } from "./sureLosers.js";

/**
 * The arithmetic of a count: votes and paper values as W (truncated fixed point, exact
 * fractions, …). The one STV arithmetic interface: `StvNumbers` extends it with what
 * Meek's iterative count needs, and every numbers of an `StvArithmeticSpec` are one.
 *
 * @internal
 */
export interface StvArithmetic<W> {
  readonly zero: W;
  readonly one: W;
  readonly add: (a: W, b: W) => W;
  readonly subtract: (a: W, b: W) => W;
  /** A paper value times a whole number of papers. */
  readonly times: (value: W, count: number) => W;
  readonly compare: (a: W, b: W) => number;
  readonly toNumber: (value: W) => number;
  readonly format: (value: W) => string;
  /** Every digit the count keeps, for rounds' `exactTallies`. */
  readonly formatExactly?: (value: W) => string;
}

/**
 * What distinguishes one statute's STV from another's in this engine.
 *
 * @internal
 */
export interface StvRules<W> {
  readonly id: string;
  readonly name: string;
  readonly arithmetic: StvArithmetic<W>;
  /** A paper's new value: value × surplus / votes, rounded as the rules say. */
  readonly transferValue: (value: W, surplus: W, votes: W) => W;
  readonly quota: (valid: bigint, seats: number) => W;
  /** Whether votes elect: at least the quota, or more than it. */
  readonly reaches: (votes: W, quota: W) => boolean;
  readonly describe: (quota: W, valid: bigint, seats: number) => string;
  /** Break ties by the tied candidates' votes at earlier stages before the tie order. */
  readonly lookBack: boolean;
  /** Before each transfer, exclude at once the sure losers (see `sureLosers`). */
  readonly defeatSureLosers?: boolean;
}

/**
 * The inclusive Gregory count shared by the STV rules: elect at the quota, transfer the
 * largest surplus first from all of the elected candidate's papers, otherwise exclude the
 * candidate with fewest votes (ties by the latest stage at which the tied candidates
 * differed, then by file order); stop when the seats are filled or as many candidates
 * remain as seats.
 *
 * @internal
 */
export function countStv<W>(
  profile: RankedProfile,
  requestedSeats: number | undefined,
  rules: StvRules<W>,
): Result<TallyOutcome> {
  // Long by design: one STV count, stage by stage as the statute orders them (elect, transfer
  // surpluses, exclude), sharing the piles and the stage record.
  const { arithmetic: A } = rules;
  const laid = stvPapers(profile, requestedSeats, rules.name);
  if (!laid.ok) return laid;
  const { seats, candidates, prefs, prefStart, counts, paperCount } = laid.value;
  const n = candidates.length;
  const weights = new Array<W>(paperCount).fill(A.one);
  const position = new Int32Array(paperCount);
  let total = 0n;
  for (let p = 0; p < paperCount; p++) total += BigInt(counts[p] as number);
  const quota = rules.quota(total, seats);
  type State = "hopeful" | "pending" | "elected" | "excluded";
  const state = new Array<State>(n).fill("hopeful");
  const votes = new Array<W>(n).fill(A.zero);
  const holder = new Array<number[]>(n).fill([]).map(() => [] as number[]);
  const history: W[][] = [];
  const elected: number[] = [];
  const rounds: TallyRound[] = [];
  /** Gives a paper to its next hopeful preference from `at` on; false when exhausted. */
  const place = (p: number): void => {
    const end = prefStart[p + 1] as number;
    let at = (prefStart[p] as number) + (position[p] as number);
    while (at < end && state[prefs[at] as number] !== "hopeful") at++;
    position[p] = at - (prefStart[p] as number);
    if (at >= end) return;
    const c = prefs[at] as number;
    (holder[c] as number[]).push(p);
    votes[c] = A.add(votes[c] as W, A.times(weights[p] as W, counts[p] as number));
  };
  for (let p = 0; p < paperCount; p++) place(p);
  /** Orders tied candidates by their votes at the latest stage where they differed. */
  const byHistory = (a: number, b: number): number => {
    if (!rules.lookBack) return 0;
    for (let stage = history.length - 1; stage >= 0; stage--) {
      const order = A.compare((history[stage] as W[])[a] as W, (history[stage] as W[])[b] as W);
      if (order !== 0) return order;
    }
    return 0;
  };
  /** Position in the file's tie order (`[tie …]` in BLT), else in the candidate list. */
  const tieOrder = profile.tieOrder ?? profile.candidates;
  const tieRank = (c: number) => {
    const at = tieOrder.indexOf(candidates[c] as string);
    return at < 0 ? tieOrder.length + c : at;
  };
  const tallies = (): Pick<TallyRound, "tallies" | "exactTallies"> => {
    const exact = A.formatExactly;
    return {
      tallies: idRecordFrom(
        candidates.map((candidate, c) => [candidate, A.toNumber(votes[c] as W)]),
      ),
      ...(exact
        ? {
            exactTallies: idRecordFrom(
              candidates.map((candidate, c) => [candidate, exact(votes[c] as W)]),
            ),
          }
        : {}),
    };
  };
  const electReaching = (): number[] => {
    const reached = candidates
      .map((_, c) => c)
      .filter((c) => state[c] === "hopeful" && rules.reaches(votes[c] as W, quota))
      .sort(
        (a, b) =>
          A.compare(votes[b] as W, votes[a] as W) || -byHistory(a, b) || tieRank(a) - tieRank(b),
      );
    for (const c of reached) {
      if (elected.length >= seats) break;
      state[c] = "pending";
      elected.push(c);
    }
    return reached.filter((c) => state[c] === "pending");
  };
  const names = (list: readonly number[]) => list.map((c) => candidates[c] as string);
  /** Display names, for the notes. */
  const spoken = (list: readonly number[]) =>
    list
      .map((c) => ownValue(profile.names, candidates[c] as string) ?? (candidates[c] as string))
      .join(", ");
  history.push([...votes]);
  const first = electReaching();
  rounds.push({
    ...tallies(),
    elected: names(first),
    note: `first preferences; quota ${A.format(quota)}${first.length > 0 ? `; elected: ${spoken(first)}` : ""}`,
  });
  for (;;) {
    const hopeful = candidates.map((_, c) => c).filter((c) => state[c] === "hopeful");
    if (elected.length === seats) break;
    if (hopeful.length <= seats - elected.length) {
      for (const c of hopeful) {
        state[c] = "elected";
        elected.push(c);
      }
      rounds.push({
        ...tallies(),
        elected: names(hopeful),
        note: "as many candidates remain as seats: all are elected",
      });
      break;
    }
    const pending = candidates.map((_, c) => c).filter((c) => state[c] === "pending");
    let note: string;
    let excluded: number[] = [];
    const batch = rules.defeatSureLosers
      ? sureLosers(
          hopeful,
          votes,
          pending.reduce((sum, c) => A.add(sum, A.subtract(votes[c] as W, quota)), A.zero),
          seats - elected.length,
          A,
          tieRank,
        )
      : [];
    if (batch.length > 0) {
      for (const c of batch) state[c] = "excluded";
      excluded = batch.sort((a, b) => a - b);
      if (hopeful.length - batch.length <= seats - elected.length) {
        rounds.push({
          ...tallies(),
          eliminated: names(excluded),
          note: `sure losers excluded: ${spoken(excluded)}`,
        });
        continue;
      }
      for (const c of batch) {
        const moving = holder[c] as number[];
        holder[c] = [];
        votes[c] = A.zero;
        for (const p of moving) place(p);
      }
      note = `sure losers excluded: ${spoken(excluded)}; their papers pass on at their current value`;
    } else if (pending.length > 0) {
      const e = pending.reduce((best, c) => {
        const order = A.compare(votes[c] as W, votes[best] as W);
        const history = order === 0 ? byHistory(c, best) : 0;
        return order > 0 ||
          history > 0 ||
          (order === 0 && history === 0 && tieRank(c) < tieRank(best))
          ? c
          : best;
      });
      const held = votes[e] as W;
      const surplus = A.subtract(held, quota);
      state[e] = "elected";
      const moving = holder[e] as number[];
      holder[e] = [];
      votes[e] = quota;
      for (const p of moving) {
        // Transfer value: value × surplus / votes (per paper, in the count's arithmetic).
        weights[p] = rules.transferValue(weights[p] as W, surplus, held);
        place(p);
      }
      note = `surplus of ${spoken([e])} (${A.format(surplus)}) transferred`;
    } else {
      const lowest = hopeful.reduce((worst, c) => {
        const order = A.compare(votes[c] as W, votes[worst] as W);
        const history = order === 0 ? byHistory(c, worst) : 0;
        return order < 0 ||
          history < 0 ||
          (order === 0 && history === 0 && tieRank(c) < tieRank(worst))
          ? c
          : worst;
      });
      state[lowest] = "excluded";
      excluded = [lowest];
      const moving = holder[lowest] as number[];
      holder[lowest] = [];
      votes[lowest] = A.zero;
      for (const p of moving) place(p);
      note = `${spoken([lowest])} has the fewest votes and is excluded; their papers pass on at their current value`;
    }
    history.push([...votes]);
    const now = electReaching();
    rounds.push({
      ...tallies(),
      ...(excluded.length > 0 ? { eliminated: names(excluded) } : {}),
      ...(now.length > 0 ? { elected: names(now) } : {}),
      note: now.length > 0 ? `${note}; elected: ${spoken(now)}` : note,
    });
  }
  return ok({
    method: rules.id,
    winners: names(elected),
    rounds,
    notes: [rules.describe(quota, total, seats)],
  });
}
