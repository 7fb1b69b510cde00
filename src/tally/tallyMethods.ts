import type { MethodInfo } from "../core/methodInfo.js";
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
export interface TallyMethod extends MethodInfo {
  readonly ballotTypes: readonly "ranked"[];
  /** Whether it fills several seats (`seats` applies): the same as `kind: "committee"`. */
  readonly multiWinner: boolean;
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
    kind: "single-winner",
    multiWinner: false,
    properties: ["monotonic"],
    notes: [],
    reference: "pref_voting `plurality`",
    run: (profile) => plurality(profile),
  },
  {
    id: "irv",
    name: "Instant runoff",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["majority", "later-no-harm"],
    notes: [
      "candidates tied last are eliminated together (as pref_voting does), so a Condorcet loser can win when last places tie",
    ],
    reference: "pref_voting `instant_runoff`",
    run: (profile) => instantRunoff(profile),
  },
  {
    id: "borda",
    name: "Borda count",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["monotonic", "condorcet-loser", "reinforcement"],
    notes: [],
    reference: "pref_voting `borda`",
    run: (profile) => borda(profile),
  },
  {
    id: "condorcet",
    name: "Condorcet winner",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet"],
    notes: [],
    reference: "pref_voting `condorcet`",
    run: (profile) => condorcetWinner(profile),
  },
  {
    id: "copeland",
    name: "Copeland",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "condorcet-loser", "smith"],
    notes: [],
    reference: "pref_voting `copeland`",
    run: (profile) => copeland(profile),
  },
  {
    id: "llull",
    name: "Llull",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "condorcet-loser"],
    notes: [],
    reference: "pref_voting `llull`",
    run: (profile) => copeland(profile, { llull: true }),
  },
  {
    id: "minimax",
    name: "Minimax",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "monotonic"],
    notes: [],
    reference: "pref_voting `minimax`",
    run: (profile) => minimax(profile),
  },
  {
    id: "schulze",
    name: "Schulze (beat path)",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "smith", "monotonic", "independence-of-clones"],
    notes: [],
    reference: "Schulze 2011; pref_voting `beat_path`",
    run: (profile) => schulze(profile),
  },
  {
    id: "ranked-pairs",
    name: "Ranked Pairs",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "smith", "monotonic", "independence-of-clones"],
    notes: [],
    reference: "Tideman 1987; pref_voting `ranked_pairs`",
    run: (profile) => rankedPairs(profile),
  },
  {
    id: "split-cycle",
    name: "Split Cycle",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "smith", "monotonic", "immune-to-spoilers"],
    notes: [],
    reference: "Holliday and Pacuit 2023; pref_voting `split_cycle`",
    run: (profile) => splitCycle(profile),
  },
  {
    id: "runoff",
    name: "Two-round runoff",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["majority", "condorcet-loser"],
    notes: [],
    reference: "pref_voting `plurality_with_runoff`",
    run: (profile) => twoRoundRunoff(profile),
  },
  {
    id: "bucklin",
    name: "Bucklin",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["majority", "monotonic"],
    notes: [],
    reference: "pref_voting `bucklin`",
    run: (profile) => bucklin(profile),
  },
  {
    id: "coombs",
    name: "Coombs",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["majority"],
    notes: [
      "candidates tied for the most last places are eliminated together (as pref_voting does), so a Condorcet loser can win when they tie",
    ],
    reference: "pref_voting `coombs`",
    run: (profile) => coombs(profile),
  },
  {
    id: "baldwin",
    name: "Baldwin",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "condorcet-loser"],
    notes: [],
    reference: "pref_voting `baldwin`",
    run: (profile) => bordaElimination(profile),
  },
  {
    id: "nanson",
    name: "Nanson (strict)",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "condorcet-loser"],
    notes: [],
    reference: "pref_voting `strict_nanson`",
    run: (profile) => bordaElimination(profile, { nanson: true }),
  },
  {
    id: "smith",
    name: "Smith set",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "smith"],
    notes: [],
    reference: "pref_voting `smith_set`",
    run: (profile) => smithSet(profile),
  },
  {
    id: "schwartz",
    name: "Schwartz set",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "smith"],
    notes: [],
    reference: "pref_voting `schwartz_set`",
    run: (profile) => schwartzSet(profile),
  },
  {
    id: "stable-voting",
    name: "Stable Voting",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: ["condorcet", "smith", "split-cycle-refinement"],
    notes: [],
    reference: "Holliday and Pacuit 2023, Stable Voting; pref_voting `stable_voting`",
    run: (profile) => stableVoting(profile),
  },
  {
    id: "anti-plurality",
    name: "Anti-plurality (veto)",
    ballotTypes: ["ranked"],
    kind: "single-winner",
    multiWinner: false,
    properties: [],
    notes: ["positional scoring"],
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
    kind: "single-winner",
    multiWinner: false,
    properties: [],
    notes: ["positional scoring", "exact fractions"],
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
    kind: "committee",
    multiWinner: true,
    properties: ["droop-proportional"],
    notes: ["exact as the statute counts"],
    reference: "Scottish Local Government Elections Order 2007 (SSI 2007/42), schedule 1",
    run: (profile, options) => scottishStv(profile, options),
  },
  {
    id: "meek-stv",
    name: "Meek STV",
    ballotTypes: ["ranked"],
    kind: "committee",
    multiWinner: true,
    properties: ["droop-proportional"],
    notes: ["guarded fixed point (default), exact on request"],
    reference:
      "Hill, Wichmann and Woodall 1987; droop `meek` rule: guarded fixed point (18 places, 9 guard digits, omega 10^-9) by default, or exact fractions with a work limit, or fixed point",
    run: (profile, options) => meekStv(profile, options),
  },
  {
    id: "warren-stv",
    name: "Warren STV",
    ballotTypes: ["ranked"],
    kind: "committee",
    multiWinner: true,
    properties: ["droop-proportional"],
    notes: ["guarded fixed point (default), exact on request"],
    reference: "Warren 1994; droop `warren` rule (guarded fixed point, 18 places, by default)",
    run: (profile, options) => meekStv(profile, { ...options, transfer: "warren" }),
  },
  {
    id: "prf-meek-stv",
    name: "Meek STV, PR Foundation reference rule",
    ballotTypes: ["ranked"],
    kind: "committee",
    multiWinner: true,
    properties: ["droop-proportional"],
    notes: ["fixed point, 9 places"],
    reference: "Proportional Representation Foundation, Meek reference rule; droop `meek-prf`",
    run: (profile, options) => prfMeekStv(profile, options),
  },
  {
    id: "wigm-stv",
    name: "WIGM STV",
    ballotTypes: ["ranked"],
    kind: "committee",
    multiWinner: true,
    properties: ["droop-proportional"],
    notes: ["guarded fixed point (default), exact on request"],
    reference:
      "weighted inclusive Gregory method; droop `wigm` rule (guarded fixed point, 18 places, by default)",
    run: (profile, options) => wigmStv(profile, options),
  },
  {
    id: "prf-wigm-stv",
    name: "WIGM STV, PR Foundation reference rule",
    ballotTypes: ["ranked"],
    kind: "committee",
    multiWinner: true,
    properties: ["droop-proportional"],
    notes: ["fixed point, 4 places"],
    reference: "Proportional Representation Foundation, WIGM reference rule; droop `wigm-prf`",
    run: (profile, options) => prfWigmStv(profile, options),
  },
];

/** How many candidates stand: the profile's, less the withdrawn ones. */
function standingCount(profile: RankedProfile): number {
  const withdrawn = new Set(profile.withdrawn ?? []);
  return profile.candidates.filter((candidate) => !withdrawn.has(candidate)).length;
}
