import type { Result } from "../../core/result.js";
import type { RankedProfile } from "../../tally/ballots/rankedProfile.js";
import type { TallyOutcome } from "../../tally/outcome.js";

/**
 * A single-winner method as the axioms see it: a profile in, the winners out (several when
 * tied), or undefined when it refuses the profile.
 *
 * @category Axioms
 * @example
 * ```ts
 * const irv: WinnersOf = (profile) => { const o = instantRunoff(profile); return o.ok ? o.value.winners : undefined; };
 * ```
 */
export type WinnersOf = (profile: RankedProfile) => readonly string[] | undefined;

/**
 * The winners function of a method returning a `Result<TallyOutcome>`.
 *
 * @category Axioms
 * @example
 * ```ts
 * const irv = winnersOf((profile) => instantRunoff(profile));
 * ```
 */
export function winnersOf(run: (profile: RankedProfile) => Result<TallyOutcome>): WinnersOf {
  return (profile) => {
    const outcome = run(profile);
    return outcome.ok ? outcome.value.winners : undefined;
  };
}

/**
 * A single-winner axiom as data: its id, what it demands, and a checker for any profile
 * and method that says how the method breaks it there, or undefined when it does not.
 * Profiles are complete strict rankings (as the generators draw them).
 *
 * @category Axioms
 * @example
 * ```ts
 * singleWinnerAxioms.find((axiom) => axiom.id === "condorcet-winner")?.violation(borda, profile);
 * ```
 */
export interface SingleWinnerAxiom {
  readonly id: string;
  readonly name: string;
  readonly demands: string;
  readonly violation: (method: WinnersOf, profile: RankedProfile) => string | undefined;
}

/** Position of a candidate in a strict ranking (lower is better). */
const place = (ranking: RankedProfile["ballots"][number]["ranking"], candidate: string) =>
  ranking.findIndex((tier) => tier.includes(candidate));

/** Voters preferring a to b, less those preferring b to a. */
function margin(profile: RankedProfile, a: string, b: string): number {
  let sum = 0;
  for (const { ranking, weight } of profile.ballots) {
    const [pa, pb] = [place(ranking, a), place(ranking, b)];
    if (pa < pb) sum += weight;
    else if (pb < pa) sum -= weight;
  }
  return sum;
}

function condorcet(profile: RankedProfile, beats: (m: number) => boolean): string | undefined {
  return profile.candidates.find((a) =>
    profile.candidates.every((b) => a === b || beats(margin(profile, a, b))),
  );
}

const voters = (profile: RankedProfile) =>
  profile.ballots.reduce((sum, ballot) => sum + ballot.weight, 0);

const only = (winners: readonly string[] | undefined) =>
  winners !== undefined && winners.length === 1 ? winners[0] : undefined;

/** The profile with one ballot changed (weight 1 taken from ballot k, the new one added). */
function withBallotChanged(
  profile: RankedProfile,
  k: number,
  ranking: RankedProfile["ballots"][number]["ranking"],
): RankedProfile {
  const ballots = profile.ballots.flatMap((ballot, j) =>
    j !== k ? [ballot] : ballot.weight > 1 ? [{ ...ballot, weight: ballot.weight - 1 }] : [],
  );
  return { ...profile, ballots: [...ballots, { ranking, weight: 1 }] };
}

/** A profile's ballots, one per voter (weight 1). */
const oneBallotPerVoter = (profile: RankedProfile) =>
  profile.ballots.flatMap((ballot) =>
    Array.from({ length: ballot.weight }, () => ({ ranking: ballot.ranking, weight: 1 })),
  );

/** A candidate id not yet in the profile, for `candidate`'s clone: its id with primes added. */
function cloneId(profile: RankedProfile, candidate: string): string {
  let id = `${candidate}′`;
  while (profile.candidates.includes(id)) id = `${id}′`;
  return id;
}

/**
 * The profile with `clone` added next to `original` on every ballot: just above it on the
 * ballots `above(k)` names, just below it on the others. No voter ranks anyone between
 * them, so the two are clones.
 */
function withClone(
  profile: RankedProfile,
  original: string,
  clone: string,
  above: (k: number) => boolean,
): RankedProfile {
  return {
    ...profile,
    candidates: [...profile.candidates, clone],
    ballots: profile.ballots.map((ballot, k) => {
      const at = place(ballot.ranking, original);
      const ranking = [...ballot.ranking];
      ranking.splice(above(k) ? at : at + 1, 0, [clone]);
      return { ...ballot, ranking };
    }),
  };
}

/** Ballots up to which every placement of a clone (above or below, per ballot) is tried. */
const CLONE_PLACEMENTS_IN_FULL = 5;

/**
 * Where a clone goes on each ballot: every way when there are at most
 * {@link CLONE_PLACEMENTS_IN_FULL} ballots, else above on all, below on all, and above on
 * one ballot only (each in turn).
 */
function clonePlacements(ballots: number): ((k: number) => boolean)[] {
  if (ballots <= CLONE_PLACEMENTS_IN_FULL)
    return Array.from(
      { length: 2 ** ballots },
      (_, mask) => (k: number) => ((mask >> k) & 1) === 1,
    );
  return [
    () => true,
    () => false,
    ...Array.from({ length: ballots }, (_, j) => (k: number) => k === j),
  ];
}

/** Every strict ranking of the candidates. */
function rankingsOf(candidates: readonly string[]): string[][] {
  if (candidates.length === 0) return [[]];
  return candidates.flatMap((first, k) =>
    rankingsOf([...candidates.slice(0, k), ...candidates.slice(k + 1)]).map((rest) => [
      first,
      ...rest,
    ]),
  );
}

/**
 * The single-winner axioms civitas checks: Condorcet winner and loser, majority, Pareto,
 * monotonicity, consistency (Young 1975: the electorate split at each voter),
 * participation and independence of clones (Tideman 1987: a clone of each candidate in
 * turn, placed just above or just below it on each ballot — every way for up to 5
 * ballots, else above on all, below on all, or above on one), each with the textbook
 * definition.
 *
 * @category Axioms
 * @example
 * ```ts
 * singleWinnerAxioms.map((axiom) => axiom.id);
 * //=> ["condorcet-winner", "condorcet-loser", "majority", "pareto", "monotonicity", "consistency", "participation", "clones"]
 * ```
 */
export const singleWinnerAxioms: readonly SingleWinnerAxiom[] = [
  {
    id: "condorcet-winner",
    name: "Condorcet winner",
    demands: "a candidate who beats every other head to head wins alone",
    violation: (method, profile) => {
      const winner = condorcet(profile, (m) => m > 0);
      const winners = method(profile);
      if (winner === undefined || winners === undefined) return undefined;
      return only(winners) === winner
        ? undefined
        : `${winner} beats everyone head to head, yet the winners are ${winners.join(", ")}`;
    },
  },
  {
    id: "condorcet-loser",
    name: "Condorcet loser",
    demands: "a candidate who loses to every other head to head never wins",
    violation: (method, profile) => {
      const loser = condorcet(profile, (m) => m < 0);
      const winners = method(profile);
      if (loser === undefined || winners === undefined || !winners.includes(loser))
        return undefined;
      return `${loser} loses to everyone head to head, yet wins`;
    },
  },
  {
    id: "majority",
    name: "Majority",
    demands: "a candidate ranked first by more than half the voters wins alone",
    violation: (method, profile) => {
      const total = voters(profile);
      const favourite = profile.candidates.find(
        (c) =>
          2 *
            profile.ballots
              .filter((b) => place(b.ranking, c) === 0)
              .reduce((s, b) => s + b.weight, 0) >
          total,
      );
      const winners = method(profile);
      if (favourite === undefined || winners === undefined || only(winners) === favourite)
        return undefined;
      return `${favourite} is first on most ballots, yet the winners are ${winners.join(", ")}`;
    },
  },
  {
    id: "pareto",
    name: "Pareto efficiency",
    demands: "a candidate every voter ranks below another never wins",
    violation: (method, profile) => {
      const winners = method(profile) ?? [];
      for (const w of winners)
        for (const a of profile.candidates)
          if (a !== w && profile.ballots.every((b) => place(b.ranking, a) < place(b.ranking, w)))
            return `every voter prefers ${a} to ${w}, yet ${w} wins`;
      return undefined;
    },
  },
  {
    id: "monotonicity",
    name: "Monotonicity",
    demands: "a lone winner raised one place on one ballot still wins alone",
    violation: (method, profile) => {
      const winner = only(method(profile));
      if (winner === undefined) return undefined;
      for (const [k, { ranking }] of profile.ballots.entries()) {
        const at = place(ranking, winner);
        if (at <= 0) continue;
        const raised = [...ranking];
        [raised[at - 1], raised[at]] = [
          raised[at] as readonly string[],
          raised[at - 1] as readonly string[],
        ];
        const after = method(withBallotChanged(profile, k, raised));
        if (after !== undefined && only(after) !== winner)
          return `raising ${winner} above ${(ranking[at - 1] as readonly string[]).join("=")} on one ballot makes the winners ${after.join(", ")}`;
      }
      return undefined;
    },
  },
  {
    id: "consistency",
    name: "Consistency",
    demands: "two electorates that each elect the same lone winner elect it together",
    violation: (method, profile) => {
      // The profile split in two at every voter: each part electing w alone, the whole must.
      const voters = oneBallotPerVoter(profile);
      const whole = only(method(profile));
      for (let k = 1; k < voters.length; k++) {
        const first = only(method({ ...profile, ballots: voters.slice(0, k) }));
        if (first === undefined || first === whole) continue;
        if (only(method({ ...profile, ballots: voters.slice(k) })) === first)
          return `the first ${k} voters and the other ${voters.length - k} each elect ${first} alone, together ${whole ?? "not alone"}`;
      }
      return undefined;
    },
  },
  {
    id: "participation",
    name: "Participation",
    demands: "a voter who joins never makes a candidate they rank lower win instead of the winner",
    violation: (method, profile) => {
      const winner = only(method(profile));
      if (winner === undefined || profile.candidates.length > 5) return undefined;
      for (const order of rankingsOf(profile.candidates)) {
        const joined = {
          ...profile,
          ballots: [...profile.ballots, { ranking: order.map((c) => [c]), weight: 1 }],
        };
        const now = only(method(joined));
        if (now !== undefined && now !== winner && order.indexOf(winner) < order.indexOf(now))
          return `a voter ranking ${order.join(" > ")} joins and ${now} replaces ${winner}`;
      }
      return undefined;
    },
  },
  {
    id: "clones",
    name: "Independence of clones",
    demands:
      "adding a clone of a candidate (no voter ranks anyone between them) neither makes a lone winner lose nor takes the win from a cloned winner",
    violation: (method, given) => {
      // One ballot per voter, so that a clone's place can differ between voters.
      const profile = { ...given, ballots: oneBallotPerVoter(given) };
      const winner = only(method(profile));
      if (winner === undefined) return undefined;
      for (const original of profile.candidates) {
        const clone = cloneId(profile, original);
        for (const above of clonePlacements(profile.ballots.length)) {
          const after = method(withClone(profile, original, clone, above));
          if (after === undefined) continue;
          const kept =
            original === winner
              ? after.length > 0 && after.every((w) => w === winner || w === clone)
              : only(after) === winner;
          if (!kept) {
            const voters = profile.ballots.flatMap((_, k) => (above(k) ? [k + 1] : []));
            const where =
              voters.length === 0
                ? "just below it on every ballot"
                : voters.length === profile.ballots.length
                  ? "just above it on every ballot"
                  : `just above it on ballot${voters.length > 1 ? "s" : ""} ${voters.join(", ")}, just below on the others`;
            return `adding ${clone}, a clone of ${original} (${where}), makes the winners ${after.join(", ")} instead of ${winner}`;
          }
        }
      }
      return undefined;
    },
  },
];
