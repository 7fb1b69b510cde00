import { idRecordFrom, ownValue } from "../../core/idRecord.js";
import { ok, type Result } from "../../core/result.js";
import type { RankedProfile } from "../ballots/rankedProfile.js";
import type { TallyOutcome, TallyRound } from "../outcome.js";
import { type StvPapers, stvPapers } from "./stvPapers.js";
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
  const laid = stvPapers(profile, requestedSeats, rules.name);
  if (!laid.ok) return laid;
  return ok(new GregoryCount(profile, laid.value, rules).run());
}

type GregoryState = "hopeful" | "pending" | "elected" | "excluded";

/** One inclusive Gregory count, stage by stage as the statutes order them. */
class GregoryCount<W> {
  readonly A: StvArithmetic<W>;
  readonly weights: W[];
  /** How far down its preferences each paper has gone. */
  readonly position: Int32Array;
  readonly total: bigint;
  readonly quota: W;
  readonly state: GregoryState[];
  readonly votes: W[];
  /** The papers each candidate holds. */
  readonly holder: number[][];
  /** Every candidate's votes at each stage, for ties decided by earlier stages. */
  readonly history: W[][] = [];
  readonly elected: number[] = [];
  readonly rounds: TallyRound[] = [];
  /** Position in the file's tie order (`[tie …]` in BLT), else in the candidate list. */
  readonly tieRanks: number[];

  constructor(
    readonly profile: RankedProfile,
    readonly papers: StvPapers,
    readonly rules: StvRules<W>,
  ) {
    const A = rules.arithmetic;
    this.A = A;
    const { candidates, counts, paperCount, seats } = papers;
    const n = candidates.length;
    this.weights = new Array<W>(paperCount).fill(A.one);
    this.position = new Int32Array(paperCount);
    let total = 0n;
    for (let p = 0; p < paperCount; p++) total += BigInt(counts[p] as number);
    this.total = total;
    this.quota = rules.quota(total, seats);
    this.state = new Array<GregoryState>(n).fill("hopeful");
    this.votes = new Array<W>(n).fill(A.zero);
    this.holder = Array.from({ length: n }, () => [] as number[]);
    const tieOrder = profile.tieOrder ?? profile.candidates;
    this.tieRanks = candidates.map((candidate, c) => {
      const at = tieOrder.indexOf(candidate);
      return at < 0 ? tieOrder.length + c : at;
    });
  }

  tieRank = (c: number): number => this.tieRanks[c] as number;

  /** Gives a paper to its next hopeful preference; an exhausted paper stays with no one. */
  place(p: number): void {
    const { prefs, prefStart, counts } = this.papers;
    const end = prefStart[p + 1] as number;
    let at = (prefStart[p] as number) + (this.position[p] as number);
    while (at < end && this.state[prefs[at] as number] !== "hopeful") at++;
    this.position[p] = at - (prefStart[p] as number);
    if (at >= end) return;
    const c = prefs[at] as number;
    (this.holder[c] as number[]).push(p);
    this.votes[c] = this.A.add(
      this.votes[c] as W,
      this.A.times(this.weights[p] as W, counts[p] as number),
    );
  }

  /** Orders tied candidates by their votes at the latest stage where they differed. */
  byHistory(a: number, b: number): number {
    if (!this.rules.lookBack) return 0;
    for (let stage = this.history.length - 1; stage >= 0; stage--) {
      const votes = this.history[stage] as W[];
      const order = this.A.compare(votes[a] as W, votes[b] as W);
      if (order !== 0) return order;
    }
    return 0;
  }

  /** Positive when `a` is ahead of `b`: more votes, then earlier stages, then the tie order. */
  ahead(a: number, b: number): number {
    const order = this.A.compare(this.votes[a] as W, this.votes[b] as W);
    if (order !== 0) return order;
    return this.byHistory(a, b) || this.tieRank(b) - this.tieRank(a);
  }

  tallies(): Pick<TallyRound, "tallies" | "exactTallies"> {
    const { A, votes } = this;
    const { candidates } = this.papers;
    const exact = A.formatExactly;
    return {
      tallies: idRecordFrom(candidates.map((id, c) => [id, A.toNumber(votes[c] as W)])),
      ...(exact
        ? { exactTallies: idRecordFrom(candidates.map((id, c) => [id, exact(votes[c] as W)])) }
        : {}),
    };
  }

  names(list: readonly number[]): string[] {
    return list.map((c) => this.papers.candidates[c] as string);
  }

  /** Display names, for the notes. */
  spoken(list: readonly number[]): string {
    return this.names(list)
      .map((id) => ownValue(this.profile.names, id) ?? id)
      .join(", ");
  }

  withState(wanted: GregoryState): number[] {
    return this.papers.candidates.map((_, c) => c).filter((c) => this.state[c] === wanted);
  }

  /** Hopefuls at the quota become pending (surplus to transfer), most votes first. */
  electReaching(): number[] {
    const reached = this.withState("hopeful")
      .filter((c) => this.rules.reaches(this.votes[c] as W, this.quota))
      .sort((a, b) => this.ahead(b, a));
    for (const c of reached) {
      if (this.elected.length >= this.papers.seats) break;
      this.state[c] = "pending";
      this.elected.push(c);
    }
    return reached.filter((c) => this.state[c] === "pending");
  }

  /** Passes a candidate's papers on at their current value. */
  release(c: number): void {
    const moving = this.holder[c] as number[];
    this.holder[c] = [];
    this.votes[c] = this.A.zero;
    for (const p of moving) this.place(p);
  }

  /**
   * Excludes the sure losers together when the rules say so; the note, or undefined when
   * there are none. `done` is set when the seats left are then taken by the rest.
   */
  excludeSureLosers(hopeful: number[]): { excluded: number[]; done: boolean } | undefined {
    const { A, rules, quota } = this;
    if (rules.defeatSureLosers !== true) return undefined;
    const pendingSurplus = this.withState("pending").reduce(
      (sum, c) => A.add(sum, A.subtract(this.votes[c] as W, quota)),
      A.zero,
    );
    const seatsLeft = this.papers.seats - this.elected.length;
    const batch = sureLosers(hopeful, this.votes, pendingSurplus, seatsLeft, A, this.tieRank);
    if (batch.length === 0) return undefined;
    for (const c of batch) this.state[c] = "excluded";
    const excluded = batch.sort((a, b) => a - b);
    if (hopeful.length - batch.length <= seatsLeft) return { excluded, done: true };
    for (const c of batch) this.release(c);
    return { excluded, done: false };
  }

  /** Transfers the largest pending surplus from all of its holder's papers. */
  transferSurplus(pending: number[]): string {
    const { A } = this;
    const e = pending.reduce((best, c) => (this.ahead(c, best) > 0 ? c : best));
    const held = this.votes[e] as W;
    const surplus = A.subtract(held, this.quota);
    this.state[e] = "elected";
    const moving = this.holder[e] as number[];
    this.holder[e] = [];
    this.votes[e] = this.quota;
    for (const p of moving) {
      // Transfer value: value × surplus / votes (per paper, in the count's arithmetic).
      this.weights[p] = this.rules.transferValue(this.weights[p] as W, surplus, held);
      this.place(p);
    }
    return `surplus of ${this.spoken([e])} (${A.format(surplus)}) transferred`;
  }

  /**
   * Excludes the hopeful with fewest votes; ties by earlier stages, then the one earliest
   * in the tie order goes out.
   */
  excludeLowest(hopeful: number[]): number {
    const behind = (a: number, b: number) =>
      this.A.compare(this.votes[a] as W, this.votes[b] as W) ||
      this.byHistory(a, b) ||
      this.tieRank(a) - this.tieRank(b);
    const lowest = hopeful.reduce((worst, c) => (behind(c, worst) < 0 ? c : worst));
    this.state[lowest] = "excluded";
    this.release(lowest);
    return lowest;
  }

  run(): TallyOutcome {
    const { A, rules, quota, elected, rounds } = this;
    const { seats } = this.papers;
    for (let p = 0; p < this.papers.paperCount; p++) this.place(p);
    this.history.push([...this.votes]);
    const first = this.electReaching();
    rounds.push({
      ...this.tallies(),
      elected: this.names(first),
      note: `first preferences; quota ${A.format(quota)}${first.length > 0 ? `; elected: ${this.spoken(first)}` : ""}`,
    });
    while (elected.length < seats) {
      const hopeful = this.withState("hopeful");
      if (hopeful.length <= seats - elected.length) {
        for (const c of hopeful) {
          this.state[c] = "elected";
          elected.push(c);
        }
        rounds.push({
          ...this.tallies(),
          elected: this.names(hopeful),
          note: "as many candidates remain as seats: all are elected",
        });
        break;
      }
      let note: string;
      let excluded: number[] = [];
      const pending = this.withState("pending");
      const sure = this.excludeSureLosers(hopeful);
      if (sure !== undefined) {
        excluded = sure.excluded;
        note = `sure losers excluded: ${this.spoken(excluded)}`;
        if (sure.done) {
          rounds.push({ ...this.tallies(), eliminated: this.names(excluded), note });
          continue;
        }
        note += "; their papers pass on at their current value";
      } else if (pending.length > 0) note = this.transferSurplus(pending);
      else {
        excluded = [this.excludeLowest(hopeful)];
        note = `${this.spoken(excluded)} has the fewest votes and is excluded; their papers pass on at their current value`;
      }
      this.history.push([...this.votes]);
      const now = this.electReaching();
      rounds.push({
        ...this.tallies(),
        ...(excluded.length > 0 ? { eliminated: this.names(excluded) } : {}),
        ...(now.length > 0 ? { elected: this.names(now) } : {}),
        note: now.length > 0 ? `${note}; elected: ${this.spoken(now)}` : note,
      });
    }
    return {
      method: rules.id,
      winners: this.names(elected),
      rounds,
      notes: [rules.describe(quota, this.total, seats)],
    };
  }
}
