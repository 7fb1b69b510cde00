/**
 * One round of a count, as a citizen reads it: what each candidate had, who was
 * eliminated or elected, and a sentence saying why.
 *
 * @category Outcomes
 * @example
 * ```ts
 * const round: TallyRound = { tallies: { kiss: 4313, wright: 4060 }, exhausted: 607, eliminated: [], elected: ["kiss"], note: "kiss has a majority" };
 * ```
 */
export interface TallyRound {
  readonly tallies?: Readonly<Record<string, number>>;
  /** The same tallies exactly, as fractions (`"1501/2"`), where the count keeps fractions. */
  readonly exactTallies?: Readonly<Record<string, string>>;
  /** Ballots that rank no continuing candidate. */
  readonly exhausted?: number;
  readonly eliminated?: readonly string[];
  readonly elected?: readonly string[];
  readonly note: string;
}

/**
 * What a tally returns: every winner the rule admits (more than one only for a tie), a
 * ranking where the rule defines one, the rounds, and plain-language notes.
 *
 * @category Outcomes
 * @example
 * ```ts
 * const outcome = instantRunoff(profile);
 * if (outcome.ok) outcome.value.winners; //=> ["kiss"]
 * ```
 */
export interface TallyOutcome {
  readonly method: string;
  readonly winners: readonly string[];
  /** Tiers best first, when the rule ranks every candidate. */
  readonly ranking?: readonly (readonly string[])[];
  /** Committee rules: every winning committee (`winners` is the first). */
  readonly committees?: readonly (readonly string[])[];
  readonly rounds: readonly TallyRound[];
  readonly notes: readonly string[];
}
