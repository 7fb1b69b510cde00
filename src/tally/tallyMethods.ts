import { rational } from "../core/rational.js";
import type { Result } from "../core/result.js";
import type { RankedProfile } from "./ballots/rankedProfile.js";
import { condorcetWinner } from "./condorcet/condorcetWinner.js";
import { copeland } from "./condorcet/copeland.js";
import { minimax } from "./condorcet/minimax.js";
import { rankedPairs } from "./condorcet/rankedPairs.js";
import { schulze } from "./condorcet/schulze.js";
import { schwartzSet } from "./condorcet/schwartzSet.js";
import { smithSet } from "./condorcet/smithSet.js";
import { splitCycle } from "./condorcet/splitCycle.js";
import { stableVoting } from "./condorcet/stableVoting.js";
import type { TallyOutcome } from "./outcome.js";
import { borda } from "./ranked/borda.js";
import { bordaElimination } from "./ranked/bordaElimination.js";
import { bucklin } from "./ranked/bucklin.js";
import { coombs } from "./ranked/coombs.js";
import { instantRunoff } from "./ranked/instantRunoff.js";
import { plurality } from "./ranked/plurality.js";
import { positionalScoring } from "./ranked/positionalScoring.js";
import { twoRoundRunoff } from "./ranked/twoRoundRunoff.js";
import { meekStv, prfMeekStv } from "./stv/meekStv.js";
import { scottishStv } from "./stv/scottishStv.js";
import type { StvArithmeticSpec } from "./stv/stvNumbers.js";
import { prfWigmStv, wigmStv } from "./stv/wigmStv.js";

/**
 * A counting method with its metadata, callable as `(profile, options)`. Ids follow
 * pref_voting and abcvoting where they name the method.
 *
 * @category Methods
 * @example
 * ```ts
 * const method = tallyMethods.find((m) => m.id === "irv");
 * method?.run(profile, {});
 * ```
 */
export interface TallyMethod {
  readonly id: string;
  readonly name: string;
  readonly ballotTypes: readonly "ranked"[];
  /** Whether it fills several seats (`seats` applies). */
  readonly multiWinner: boolean;
  readonly properties: readonly string[];
  readonly reference: string;
  /** `arithmetic` applies to the STV methods that take one (Meek, Warren, WIGM). */
  readonly run: (
    profile: RankedProfile,
    options: { readonly seats?: number; readonly arithmetic?: StvArithmeticSpec },
  ) => Result<TallyOutcome>;
}

/**
 * Every counting method civitas has, for hosts and the CLI to dispatch on.
 *
 * @category Methods
 * @example
 * ```ts
 * tallyMethods.map((method) => method.id);
 * //=> ["plurality", "irv", "borda", "condorcet", …, "scottish-stv", "wigm-stv"]
 * ```
 */
export const tallyMethods: readonly TallyMethod[] = [
  {
    id: "plurality",
    name: "Plurality",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["monotonic"],
    reference: "pref_voting `plurality`",
    run: (profile) => plurality(profile),
  },
  {
    id: "irv",
    name: "Instant runoff",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["majority", "later-no-harm", "Condorcet loser"],
    reference: "pref_voting `instant_runoff`",
    run: (profile) => instantRunoff(profile),
  },
  {
    id: "borda",
    name: "Borda count",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["monotonic", "Condorcet loser", "reinforcement"],
    reference: "pref_voting `borda`",
    run: (profile) => borda(profile),
  },
  {
    id: "condorcet",
    name: "Condorcet winner",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet"],
    reference: "pref_voting `condorcet`",
    run: (profile) => condorcetWinner(profile),
  },
  {
    id: "copeland",
    name: "Copeland",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Condorcet loser", "Smith"],
    reference: "pref_voting `copeland`",
    run: (profile) => copeland(profile),
  },
  {
    id: "llull",
    name: "Llull",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Condorcet loser"],
    reference: "pref_voting `llull`",
    run: (profile) => copeland(profile, { llull: true }),
  },
  {
    id: "minimax",
    name: "Minimax",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "monotonic"],
    reference: "pref_voting `minimax`",
    run: (profile) => minimax(profile),
  },
  {
    id: "schulze",
    name: "Schulze (beat path)",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Smith", "monotonic", "independence of clones"],
    reference: "Schulze 2011; pref_voting `beat_path`",
    run: (profile) => schulze(profile),
  },
  {
    id: "ranked-pairs",
    name: "Ranked Pairs",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Smith", "monotonic", "independence of clones"],
    reference: "Tideman 1987; pref_voting `ranked_pairs`",
    run: (profile) => rankedPairs(profile),
  },
  {
    id: "split-cycle",
    name: "Split Cycle",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Smith", "monotonic", "spoiler-proof"],
    reference: "Holliday and Pacuit 2023; pref_voting `split_cycle`",
    run: (profile) => splitCycle(profile),
  },
  {
    id: "runoff",
    name: "Two-round runoff",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["majority", "Condorcet loser"],
    reference: "pref_voting `plurality_with_runoff`",
    run: (profile) => twoRoundRunoff(profile),
  },
  {
    id: "bucklin",
    name: "Bucklin",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["majority", "monotonic"],
    reference: "pref_voting `bucklin`",
    run: (profile) => bucklin(profile),
  },
  {
    id: "coombs",
    name: "Coombs",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["majority", "Condorcet loser"],
    reference: "pref_voting `coombs`",
    run: (profile) => coombs(profile),
  },
  {
    id: "baldwin",
    name: "Baldwin",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Condorcet loser"],
    reference: "pref_voting `baldwin`",
    run: (profile) => bordaElimination(profile),
  },
  {
    id: "nanson",
    name: "Nanson (strict)",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Condorcet loser"],
    reference: "pref_voting `strict_nanson`",
    run: (profile) => bordaElimination(profile, { nanson: true }),
  },
  {
    id: "smith",
    name: "Smith set",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Smith"],
    reference: "pref_voting `smith_set`",
    run: (profile) => smithSet(profile),
  },
  {
    id: "schwartz",
    name: "Schwartz set",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Smith"],
    reference: "pref_voting `schwartz_set`",
    run: (profile) => schwartzSet(profile),
  },
  {
    id: "stable-voting",
    name: "Stable Voting",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["Condorcet", "Smith", "refines Split Cycle"],
    reference: "Holliday and Pacuit 2023, Stable Voting; pref_voting `stable_voting`",
    run: (profile) => stableVoting(profile),
  },
  {
    id: "anti-plurality",
    name: "Anti-plurality (veto)",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["positional"],
    reference:
      "scoring vector 1, …, 1, 0: a point for every place but the last; pref_voting `anti_plurality`",
    run: (profile) => {
      const standing = standingCount(profile);
      return positionalScoring(profile, {
        vector: Array.from({ length: standing }, (_, k) => (k < standing - 1 ? 1 : 0)),
        method: "anti-plurality",
      });
    },
  },
  {
    id: "dowdall",
    name: "Dowdall (Nauru)",
    ballotTypes: ["ranked"],
    multiWinner: false,
    properties: ["positional", "exact fractions"],
    reference: "scoring vector 1, 1/2, 1/3, …: Nauru's parliamentary count",
    run: (profile) =>
      positionalScoring(profile, {
        vector: Array.from({ length: standingCount(profile) }, (_, k) => rational(1, k + 1)),
        method: "dowdall",
      }),
  },
  {
    id: "scottish-stv",
    name: "Scottish STV",
    ballotTypes: ["ranked"],
    multiWinner: true,
    properties: ["proportional (Droop)", "statute-exact"],
    reference: "Scottish Local Government Elections Order 2007 (SSI 2007/42), schedule 1",
    run: (profile, options) => scottishStv(profile, options),
  },
  {
    id: "meek-stv",
    name: "Meek STV",
    ballotTypes: ["ranked"],
    multiWinner: true,
    properties: ["proportional (Droop)", "guarded fixed point (default), exact on request"],
    reference:
      "Hill, Wichmann and Woodall 1987; droop `meek` rule: guarded fixed point (18 places, 9 guard digits, omega 10^-9) by default, or exact fractions with a work limit, or fixed point",
    run: (profile, options) => meekStv(profile, options),
  },
  {
    id: "warren-stv",
    name: "Warren STV",
    ballotTypes: ["ranked"],
    multiWinner: true,
    properties: ["proportional (Droop)", "guarded fixed point (default), exact on request"],
    reference: "Warren 1994; droop `warren` rule (guarded fixed point, 18 places, by default)",
    run: (profile, options) => meekStv(profile, { ...options, transfer: "warren" }),
  },
  {
    id: "prf-meek-stv",
    name: "Meek STV, PR Foundation reference rule",
    ballotTypes: ["ranked"],
    multiWinner: true,
    properties: ["proportional (Droop)", "fixed point, 9 places"],
    reference: "Proportional Representation Foundation, Meek reference rule; droop `meek-prf`",
    run: (profile, options) => prfMeekStv(profile, options),
  },
  {
    id: "wigm-stv",
    name: "WIGM STV",
    ballotTypes: ["ranked"],
    multiWinner: true,
    properties: ["proportional (Droop)", "guarded fixed point (default), exact on request"],
    reference:
      "weighted inclusive Gregory method; droop `wigm` rule (guarded fixed point, 18 places, by default)",
    run: (profile, options) => wigmStv(profile, options),
  },
  {
    id: "prf-wigm-stv",
    name: "WIGM STV, PR Foundation reference rule",
    ballotTypes: ["ranked"],
    multiWinner: true,
    properties: ["proportional (Droop)", "fixed point, 4 places"],
    reference: "Proportional Representation Foundation, WIGM reference rule; droop `wigm-prf`",
    run: (profile, options) => prfWigmStv(profile, options),
  },
];

/** How many candidates stand: the profile's, less the withdrawn ones. */
function standingCount(profile: RankedProfile): number {
  const withdrawn = new Set(profile.withdrawn ?? []);
  return profile.candidates.filter((candidate) => !withdrawn.has(candidate)).length;
}
