import { makeIssue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import type { TallyOutcome, TallyRound } from "./outcome.js";
import type { RankedProfile } from "./rankedProfile.js";

/** Votes are fixed-point numbers with 5 decimals, as the statute counts them. */
const SCALE = 100_000n;

const show = (value: bigint): number => Number(value) / Number(SCALE);

/**
 * Options of {@link scottishStv}.
 *
 * @category STV
 * @example
 * ```ts
 * scottishStv(profile, { seats: 4 });
 * ```
 */
export interface ScottishStvOptions {
  /** Seats to fill; default the profile's (BLT header). */
  readonly seats?: number;
}

/**
 * Single transferable vote as the Scottish Local Government Elections Order 2007 counts
 * it: Droop quota ⌊valid votes / (seats + 1)⌋ + 1; candidates reaching it are elected; the
 * largest surplus is transferred first, from all of the elected candidate's ballot papers,
 * each at a transfer value of value × surplus / votes truncated to 5 decimals; when no
 * surplus is waiting, the candidate with fewest votes is excluded and their papers pass on
 * at their current value. Ties between candidates are decided by their votes at the most
 * recent stage at which they differed, then by their order in the file (standing in for
 * the statute's drawing of lots). Equal rankings are not allowed on Scottish ballots.
 *
 * Every stage is a round: the votes after it, who was elected or excluded, and why.
 *
 * @category STV
 * @example
 * ```ts
 * const outcome = scottishStv(calton); // 3 seats, quota 1300
 * if (outcome.ok) outcome.value.winners; //=> ["8", "10", "9"]
 * ```
 */
export function scottishStv(
  profile: RankedProfile,
  options: ScottishStvOptions = {},
): Result<TallyOutcome> {
  const seats = options.seats ?? profile.seats;
  if (seats === undefined || !Number.isInteger(seats) || seats < 1) {
    return fail([makeIssue("missing-seats", ["seats"], "Scottish STV needs the number of seats")]);
  }
  const withdrawn = new Set(profile.withdrawn ?? []);
  const candidates = profile.candidates.filter((candidate) => !withdrawn.has(candidate));
  const index = new Map(candidates.map((candidate, c) => [candidate, c]));
  const n = candidates.length;
  interface Paper {
    readonly prefs: readonly number[];
    readonly count: bigint;
    weight: bigint;
    at: number;
  }
  const papers: Paper[] = [];
  for (const [b, ballot] of profile.ballots.entries()) {
    if (ballot.ranking.some((tier) => tier.length > 1)) {
      return fail([
        makeIssue(
          "equal-ranks",
          ["ballots", b],
          `ballot ${b + 1} ranks candidates equal, which Scottish STV does not allow`,
        ),
      ]);
    }
    if (!Number.isSafeInteger(ballot.weight)) {
      return fail([
        makeIssue(
          "invalid-weight",
          ["ballots", b],
          `ballot ${b + 1} has weight ${ballot.weight}, not a whole number`,
        ),
      ]);
    }
    const prefs = ballot.ranking
      .map((tier) => index.get(tier[0] as string))
      .filter((c) => c !== undefined);
    if (prefs.length > 0)
      papers.push({ prefs, count: BigInt(ballot.weight), weight: SCALE, at: 0 });
  }
  const total = papers.reduce((sum, paper) => sum + paper.count, 0n);
  const quota = (total / BigInt(seats + 1) + 1n) * SCALE;
  type State = "hopeful" | "pending" | "elected" | "excluded";
  const state = new Array<State>(n).fill("hopeful");
  const votes = new Array<bigint>(n).fill(0n);
  const holder = new Array<number[]>(n).fill([]).map(() => [] as number[]);
  const history: bigint[][] = [];
  const elected: number[] = [];
  const rounds: TallyRound[] = [];
  /** Gives a paper to its next hopeful preference from `at` on; false when exhausted. */
  const place = (p: number): void => {
    const paper = papers[p] as Paper;
    while (paper.at < paper.prefs.length && state[paper.prefs[paper.at] as number] !== "hopeful")
      paper.at++;
    if (paper.at >= paper.prefs.length) return;
    const c = paper.prefs[paper.at] as number;
    (holder[c] as number[]).push(p);
    votes[c] = (votes[c] as bigint) + paper.weight * paper.count;
  };
  papers.forEach((_, p) => {
    place(p);
  });
  /** Orders tied candidates by their votes at the latest stage where they differed. */
  const byHistory = (a: number, b: number): number => {
    for (let stage = history.length - 1; stage >= 0; stage--) {
      const va = (history[stage] as bigint[])[a] as bigint;
      const vb = (history[stage] as bigint[])[b] as bigint;
      if (va !== vb) return va < vb ? -1 : 1;
    }
    return a - b;
  };
  const tallies = (): Record<string, number> =>
    Object.fromEntries(candidates.map((candidate, c) => [candidate, show(votes[c] as bigint)]));
  const electReaching = (): number[] => {
    const reached = candidates
      .map((_, c) => c)
      .filter((c) => state[c] === "hopeful" && (votes[c] as bigint) >= quota)
      .sort((a, b) =>
        (votes[b] as bigint) > (votes[a] as bigint)
          ? 1
          : (votes[b] as bigint) < (votes[a] as bigint)
            ? -1
            : -byHistory(a, b),
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
    list.map((c) => profile.names[candidates[c] as string] ?? (candidates[c] as string)).join(", ");
  history.push([...votes]);
  const first = electReaching();
  rounds.push({
    tallies: tallies(),
    elected: names(first),
    note: `first preferences; quota ${show(quota)}${first.length > 0 ? `; elected: ${spoken(first)}` : ""}`,
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
        tallies: tallies(),
        elected: names(hopeful),
        note: "as many candidates remain as seats: all are elected",
      });
      break;
    }
    const pending = candidates.map((_, c) => c).filter((c) => state[c] === "pending");
    let note: string;
    let excluded: number[] = [];
    if (pending.length > 0) {
      const e = pending.reduce((best, c) => {
        const difference = (votes[c] as bigint) - (votes[best] as bigint);
        return difference > 0n || (difference === 0n && byHistory(c, best) > 0) ? c : best;
      });
      const held = votes[e] as bigint;
      const surplus = held - quota;
      state[e] = "elected";
      const moving = holder[e] as number[];
      holder[e] = [];
      votes[e] = quota;
      for (const p of moving) {
        const paper = papers[p] as Paper;
        // Transfer value: value × surplus / votes, truncated to 5 decimals (per paper).
        paper.weight = (paper.weight * surplus) / held;
        place(p);
      }
      note = `surplus of ${spoken([e])} (${show(surplus)}) transferred`;
    } else {
      const lowest = hopeful.reduce((worst, c) => {
        const difference = (votes[c] as bigint) - (votes[worst] as bigint);
        return difference < 0n || (difference === 0n && byHistory(c, worst) < 0) ? c : worst;
      });
      state[lowest] = "excluded";
      excluded = [lowest];
      const moving = holder[lowest] as number[];
      holder[lowest] = [];
      votes[lowest] = 0n;
      for (const p of moving) place(p);
      note = `${spoken([lowest])} has the fewest votes and is excluded; their papers pass on at their current value`;
    }
    history.push([...votes]);
    const now = electReaching();
    rounds.push({
      tallies: tallies(),
      ...(excluded.length > 0 ? { eliminated: names(excluded) } : {}),
      ...(now.length > 0 ? { elected: names(now) } : {}),
      note: now.length > 0 ? `${note}; elected: ${spoken(now)}` : note,
    });
  }
  return ok({
    method: "scottish-stv",
    winners: names(elected),
    rounds,
    notes: [
      `quota ${show(quota)} (Droop: ⌊${total} / ${seats + 1}⌋ + 1); values to 5 decimals, truncated`,
    ],
  });
}
