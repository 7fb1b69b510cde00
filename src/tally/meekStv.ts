import { makeIssue } from "../core/issue.js";
import {
  addRational,
  compareRational,
  formatRational,
  formatRationalAsDecimal,
  multiplyRational,
  type Rational,
  rational,
  rationalToNumber,
  subtractRational,
} from "../core/rational.js";
import { fail, ok, type Result } from "../core/result.js";
import type { TallyOutcome, TallyRound } from "./outcome.js";
import type { RankedProfile } from "./rankedProfile.js";
import { stvPapers } from "./stvPapers.js";

/** Keep factors are exact fractions up to this many hex digits (2,048 bits). */
const PRECISION_LIMIT_HEX_DIGITS = 512;

/**
 * Options of {@link meekStv}.
 *
 * @category STV
 * @example
 * ```ts
 * meekStv(profile, { seats: 3, omegaDigits: 10 });
 * ```
 */
export interface MeekStvOptions {
  readonly seats?: number;
  /** Iterate until the total surplus is below 10^-omegaDigits; default 10. */
  readonly omegaDigits?: number;
}

/**
 * Meek STV in exact fractions (droop's `meek` rule with rational arithmetic): every
 * candidate has a keep factor (1 while hopeful, 0 once excluded); each ballot gives each
 * of its candidates in turn the share of its remaining weight that candidate keeps. The
 * quota is the votes in the count / (seats + 1); a hopeful with more than it is elected.
 * Elected candidates' keep factors are scaled by quota / votes until the total surplus is
 * below omega, stops falling, or a batch of sure losers appears: the lowest hopefuls whose
 * votes plus the surplus cannot reach the next one (all excluded at once); otherwise the
 * lowest hopeful is excluded (ties by the file's tie order). Each iteration's outcome is a
 * round. Exact keep factors can grow without bound when a surplus shrinks only slowly:
 * past 2,048 bits the count stops with the issue `meek-precision-limit`.
 *
 * @category STV
 * @example
 * ```ts
 * meekStv(profile, { seats: 2 }).ok;
 * ```
 */
export function meekStv(
  profile: RankedProfile,
  options: MeekStvOptions = {},
): Result<TallyOutcome> {
  const laid = stvPapers(profile, options.seats ?? profile.seats, "Meek STV");
  if (!laid.ok) return laid;
  const { seats, candidates, prefs, prefStart, counts, paperCount } = laid.value;
  const omega = rational(1n, 10n ** BigInt(options.omegaDigits ?? 10));
  const n = candidates.length;
  const ballots = Array.from({ length: paperCount }, (_, p) => ({
    prefs: prefs.subarray(prefStart[p] as number, prefStart[p + 1] as number),
    weight: BigInt(counts[p] as number),
  }));
  const total = rational(ballots.reduce((sum, ballot) => sum + ballot.weight, 0n));
  type State = "hopeful" | "elected" | "excluded";
  const state = new Array<State>(n).fill("hopeful");
  const keep = new Array<Rational>(n).fill(rational(1));
  let votes = new Array<Rational>(n).fill(rational(0));
  let quota = rational(0);
  const tieOrder = profile.tieOrder ?? profile.candidates;
  const tieRank = (c: number) => tieOrder.indexOf(candidates[c] as string);
  const rounds: TallyRound[] = [];
  const name = (c: number) => profile.names[candidates[c] as string] ?? (candidates[c] as string);
  const tallies = () =>
    Object.fromEntries(
      candidates.map((candidate, c) => [candidate, rationalToNumber(votes[c] as Rational)]),
    );
  const exactTallies = () =>
    Object.fromEntries(
      candidates.map((candidate, c) => [candidate, formatRational(votes[c] as Rational)]),
    );
  const distribute = () => {
    const next = new Array<Rational>(n).fill(rational(0));
    let residual = rational(0);
    for (const ballot of ballots) {
      let weight = rational(ballot.weight);
      for (const c of ballot.prefs) {
        if (weight.num === 0n) break;
        const share = multiplyRational(weight, keep[c] as Rational);
        next[c] = addRational(next[c] as Rational, share);
        weight = subtractRational(weight, share);
      }
      residual = addRational(residual, weight);
    }
    votes = next;
    quota = multiplyRational(subtractRational(total, residual), rational(1, seats + 1));
  };
  const hopefuls = () => candidates.map((_, c) => c).filter((c) => state[c] === "hopeful");
  const elected = () => candidates.map((_, c) => c).filter((c) => state[c] === "elected");
  const surplusOf = () =>
    elected().reduce((sum, c) => {
      const over = subtractRational(votes[c] as Rational, quota);
      return over.num > 0n ? addRational(sum, over) : sum;
    }, rational(0));
  /** The largest batch of lowest hopefuls who, with all the surplus, cannot reach the next. */
  const sureLosers = (surplus: Rational): number[] => {
    const ordered = hopefuls().sort(
      (a, b) =>
        compareRational(votes[a] as Rational, votes[b] as Rational) || tieRank(a) - tieRank(b),
    );
    const room = ordered.length - (seats - elected().length);
    let best: number[] = [];
    let sum = rational(0);
    for (let k = 0; k < ordered.length - 1 && k < room; k++) {
      sum = addRational(sum, votes[ordered[k] as number] as Rational);
      if (
        compareRational(addRational(sum, surplus), votes[ordered[k + 1] as number] as Rational) < 0
      )
        best = ordered.slice(0, k + 1);
    }
    return best;
  };
  for (;;) {
    if (elected().length >= seats) {
      const left = hopefuls();
      for (const c of left) {
        state[c] = "excluded";
        keep[c] = rational(0);
      }
      if (left.length > 0)
        rounds.push({
          tallies: tallies(),
          exactTallies: exactTallies(),
          eliminated: left.map((c) => candidates[c] as string),
          note: "all seats are filled: the others are excluded",
        });
      break;
    }
    const open = hopefuls();
    if (open.length <= seats - elected().length) {
      for (const c of open) state[c] = "elected";
      rounds.push({
        tallies: tallies(),
        exactTallies: exactTallies(),
        elected: open.map((c) => candidates[c] as string),
        note: "as many candidates remain as seats: all are elected",
      });
      break;
    }
    // Iterate keep factors.
    let last: Rational | undefined;
    let status: "elected" | "omega" | "stable" | "batch";
    let batch: number[] = [];
    for (;;) {
      distribute();
      if (hopefuls().some((c) => compareRational(votes[c] as Rational, quota) > 0)) {
        status = "elected";
        break;
      }
      const surplus = surplusOf();
      if (compareRational(surplus, omega) < 0) {
        status = "omega";
        break;
      }
      batch = sureLosers(surplus);
      if (batch.length > 0) {
        status = "batch";
        break;
      }
      if (last !== undefined && compareRational(surplus, last) >= 0) {
        status = "stable";
        break;
      }
      last = surplus;
      // Exact keep factors can grow without bound when the surplus only shrinks slowly;
      // past this size the count stops with an issue instead of running for ever.
      if (
        elected().some(
          (c) => (keep[c] as Rational).den.toString(16).length > PRECISION_LIMIT_HEX_DIGITS,
        )
      ) {
        return fail([
          makeIssue(
            "meek-precision-limit",
            ["omegaDigits"],
            `the exact keep factors grew beyond ${PRECISION_LIMIT_HEX_DIGITS * 4} bits before the surplus fell below omega; use fewer omega digits`,
            { omegaDigits: options.omegaDigits ?? 10 },
          ),
        ]);
      }
      for (const c of elected())
        keep[c] = multiplyRational(
          keep[c] as Rational,
          multiplyRational(quota, rational((votes[c] as Rational).den, (votes[c] as Rational).num)),
        );
    }
    if (status === "elected") {
      const winners = hopefuls()
        .filter((c) => compareRational(votes[c] as Rational, quota) > 0)
        .sort(
          (a, b) =>
            compareRational(votes[b] as Rational, votes[a] as Rational) || tieRank(a) - tieRank(b),
        );
      for (const c of winners) if (elected().length < seats) state[c] = "elected";
      rounds.push({
        tallies: tallies(),
        exactTallies: exactTallies(),
        elected: winners.map((c) => candidates[c] as string),
        note: `quota ${formatRationalAsDecimal(quota, 12)}; elected: ${winners.map(name).join(", ")}`,
      });
      continue;
    }
    const out =
      status === "batch"
        ? batch
        : [
            hopefuls().reduce((worst, c) => {
              const order = compareRational(votes[c] as Rational, votes[worst] as Rational);
              return order < 0 || (order === 0 && tieRank(c) < tieRank(worst)) ? c : worst;
            }),
          ];
    rounds.push({
      tallies: tallies(),
      exactTallies: exactTallies(),

      eliminated: out.map((c) => candidates[c] as string),
      note:
        status === "batch"
          ? `sure losers excluded: ${out.map(name).join(", ")}`
          : `${name(out[0] as number)} has the fewest votes and is excluded (surplus ${status === "omega" ? "below omega" : "no longer falling"})`,
    });
    for (const c of out) {
      state[c] = "excluded";
      keep[c] = rational(0);
    }
  }
  return ok({
    method: "meek-stv",
    winners: candidates.filter((_, c) => state[c] === "elected"),
    rounds,
    notes: [
      `keep factors iterated until the surplus is below ${formatRationalAsDecimal(omega, 12)}; exact fractions`,
    ],
  });
}
