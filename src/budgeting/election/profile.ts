/**
 * The ballot formats of Pabulib: approve any set (`approval`, possibly constrained in
 * length or total cost), pick one (`choose-1`), spread points (`cumulative`), give each
 * project a score (`scoring`), or rank (`ordinal`).
 *
 * @category Model
 * @example
 * ```ts
 * const kind: VoteType = "cumulative";
 * ```
 */
export type VoteType = "approval" | "choose-1" | "cumulative" | "scoring" | "ordinal";

/**
 * Every {@link VoteType}, in a stable order.
 *
 * @category Model
 * @example
 * ```ts
 * voteTypes.includes("ordinal"); //=> true
 * ```
 */
export const voteTypes: readonly VoteType[] = [
  "approval",
  "choose-1",
  "cumulative",
  "scoring",
  "ordinal",
];

/**
 * One ballot, or `multiplicity` identical ballots in a compressed profile.
 *
 * @category Model
 * @example
 * ```ts
 * const ballot: PbBallot = { projects: ["a", "c"], points: [3, 2], multiplicity: 1, voterId: "v1" };
 * ```
 */
export interface PbBallot {
  /** Approved, chosen or ranked project ids (for `ordinal`, best first). */
  readonly projects: readonly string[];
  /** Points given to `projects[i]` (cumulative, scoring, or explicit ordinal points). */
  readonly points?: readonly number[];
  /** How many voters cast this ballot: 1 in an expanded profile. */
  readonly multiplicity: number;
  readonly voterId?: string;
  /** Other columns of the voter's row (age, sex, district…), as text. */
  readonly fields?: Readonly<Record<string, string>>;
}

/**
 * The ballots of one instance.
 *
 * @category Model
 * @example
 * ```ts
 * const profile: PbProfile = { voteType: "approval", ballots: [{ projects: ["a"], multiplicity: 40 }], voteColumns: ["voter_id", "vote"] };
 * ```
 */
export interface PbProfile {
  readonly voteType: VoteType;
  readonly ballots: readonly PbBallot[];
  /** The column order of the source's VOTES section, for writing it back. */
  readonly voteColumns: readonly string[];
}
