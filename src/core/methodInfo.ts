/**
 * The axioms a method may claim, each with the one-line statement its property test checks
 * (tests/tally/axioms.property.test.ts checks every claim in the catalogue by its id).
 *
 * @category Methods
 * @example
 * ```ts
 * axioms.condorcet; //=> "a candidate who beats every other head to head wins"
 * ```
 */
export const axioms = {
  majority: "a candidate ranked first by more than half of the voters wins",
  condorcet: "a candidate who beats every other head to head wins",
  "condorcet-loser": "a candidate who loses to every other head to head is never the only winner",
  smith: "every winner is in the Smith set",
  monotonic: "a winner ranked higher by one voter, nothing else changed, still wins",
  "later-no-harm": "ranking more candidates after a winner does not make that winner lose",
  reinforcement:
    "when two groups of voters choose winners in common, together they choose exactly those",
  "independence-of-clones":
    "adding a clone of a losing candidate (ranked next to it by everyone) changes no winner",
  "immune-to-spoilers":
    "if a wins without b and more voters prefer a to b than b to a, then with b in the race a or b wins",
  "split-cycle-refinement": "every winner is a Split Cycle winner",
  "droop-proportional":
    "a group of more than j/(seats+1) of the votes ranking a set of candidates above all others elects at least j of them (or all of them)",
  jr: "justified representation: no group of n/k voters who all approve a candidate has none of its approved candidates elected",
  pjr: "proportional justified representation: every group of l·n/k voters approving l candidates in common has at least l of the candidates its members approve elected",
  ejr: "extended justified representation: in every group of l·n/k voters approving l candidates in common, some voter approves at least l winners",
  priceable:
    "priceable: voters with equal budgets can pay for the winners, each paying only for winners it approves, with no group able to afford another candidate",
  "committee-monotonic": "the committee for k + 1 seats contains the committee for k seats",
  "budget-feasible": "the selected projects cost at most the budget",
  exhaustive: "no project left out fits in what the selection leaves of the budget",
  "exhaustive-among-supported":
    "no project with a supporter left out fits in what the selection leaves of the budget",
  "welfare-maximising":
    "no set of projects within the budget gives more total satisfaction than the selection",
  "support-monotonic":
    "a selected project that gains a supporter, nothing else changed, stays selected",
  "ejr-up-to-one":
    "extended justified representation up to one project: in every group of voters who all approve a set T and can pay for it with their shares of the budget, some voter is as satisfied as T would make them, or would be more than satisfied with one more project of T",
} as const;

/**
 * The id of an axiom a method can claim: a closed set, so a claim is a value a test can
 * check, not free text.
 *
 * @category Methods
 * @example
 * ```ts
 * const claim: AxiomId = "condorcet";
 * ```
 */
export type AxiomId = keyof typeof axioms;

/**
 * What a method decides: one winner (possibly several tied), a committee of several seats,
 * or a set of projects within a budget.
 *
 * @category Methods
 * @example
 * ```ts
 * const kind: MethodKind = "committee";
 * ```
 */
export type MethodKind = "single-winner" | "committee" | "budget";

/**
 * The ballots a method counts: tally profiles (`ranked`, `approval`, `score`,
 * `referendum`) and Pabulib vote types (`approval`, `choose-1`, `cumulative`, `scoring`,
 * `ordinal`).
 *
 * @category Methods
 * @example
 * ```ts
 * const ballots: MethodBallotType = "ranked";
 * ```
 */
export type MethodBallotType =
  | "ranked"
  | "approval"
  | "score"
  | "referendum"
  | "choose-1"
  | "cumulative"
  | "scoring"
  | "ordinal";

/**
 * One method's description, the same shape for every method civitas has (ranked rules,
 * committees, score methods, referendums, budgeting rules), declared beside the method.
 * `properties` are axioms it satisfies (checked by property tests); `notes` say how it
 * counts (exact fractions, fixed point, …).
 *
 * @category Methods
 * @example
 * ```ts
 * const info: MethodInfo = {
 *   id: "irv",
 *   name: "Instant runoff",
 *   kind: "single-winner",
 *   ballotTypes: ["ranked"],
 *   properties: ["majority", "later-no-harm", "condorcet-loser"],
 *   reference: "pref_voting `instant_runoff`",
 *   notes: [],
 * };
 * ```
 */
export interface MethodInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: MethodKind;
  readonly ballotTypes: readonly MethodBallotType[];
  readonly properties: readonly AxiomId[];
  readonly reference: string;
  readonly notes: readonly string[];
}
