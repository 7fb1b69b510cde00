import * as z from "zod/mini";
import { idRecordSchema } from "../../core/idRecordSchema.js";
import { lazySchema } from "../../core/lazySchema.js";

/**
 * One ranked ballot, or `weight` identical ones: tiers from best to worst; candidates in
 * the same tier are ranked equal (`a=b` in BLT, `{a,b}` in PrefLib). Candidates the
 * ballot leaves out rank below every candidate it names.
 *
 * @category Profiles
 * @example
 * ```ts
 * const ballot: RankedBallot = { ranking: [["kiss"], ["wright", "montroll"]], weight: 3 };
 * ```
 */
export interface RankedBallot {
  readonly ranking: readonly (readonly string[])[];
  readonly weight: number;
}

/**
 * Ranked ballots over named candidates: a city's instant-runoff race, a council's STV
 * count, a PrefLib profile. `seats` and `withdrawn` come from BLT files when present.
 *
 * @category Profiles
 * @example
 * ```ts
 * const profile: RankedProfile = {
 *   candidates: ["a", "b", "c"],
 *   names: { a: "Alice", b: "Bob", c: "Carol" },
 *   ballots: [{ ranking: [["a"], ["b"]], weight: 4 }, { ranking: [["c"]], weight: 3 }],
 * };
 * ```
 */
export interface RankedProfile {
  /** Candidate ids, in the source's order. */
  readonly candidates: readonly string[];
  /** Display names by id. */
  readonly names: Readonly<Record<string, string>>;
  readonly ballots: readonly RankedBallot[];
  readonly seats?: number;
  /** Candidates withdrawn before the count (BLT). */
  readonly withdrawn?: readonly string[];
  /** The order in which ties are broken, earliest first (BLT `[tie …]`). */
  readonly tieOrder?: readonly string[];
  readonly title?: string;
}

/**
 * The zod schema of a {@link RankedProfile} as JSON: every ranked candidate must be one
 * of `candidates`, appear once per ballot, and weights must be positive finite numbers.
 *
 * @category Profiles
 * @example
 * ```ts
 * const parsed = rankedProfileSchema.safeParse(JSON.parse(text));
 * if (!parsed.success) parsed.error.issues; // paths such as ["ballots", 3, "ranking", 0, 1]
 * ```
 */
export const rankedProfileSchema = lazySchema(() =>
  z
    .object({
      candidates: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      names: idRecordSchema(z.string()),
      ballots: z.array(
        z.object({
          ranking: z.array(z.array(z.string()).check(z.minLength(1))),
          weight: z.number().check(z.positive()),
        }),
      ),
      seats: z.optional(z.int().check(z.positive())),
      withdrawn: z.optional(z.array(z.string())),
      tieOrder: z.optional(z.array(z.string())),
      title: z.optional(z.string()),
    })
    .check(
      z.superRefine((profile, context) => {
        const known = new Set(profile.candidates);
        if (known.size !== profile.candidates.length) {
          context.addIssue({
            code: "custom",
            path: ["candidates"],
            message: "candidate ids must be distinct",
          });
        }
        profile.ballots.forEach((ballot, b) => {
          const seen = new Set<string>();
          ballot.ranking.forEach((tier, t) => {
            tier.forEach((candidate, k) => {
              if (!known.has(candidate)) {
                context.addIssue({
                  code: "custom",
                  path: ["ballots", b, "ranking", t, k],
                  message: `unknown candidate "${candidate}"`,
                });
              } else if (seen.has(candidate)) {
                context.addIssue({
                  code: "custom",
                  path: ["ballots", b, "ranking", t, k],
                  message: `candidate "${candidate}" is ranked twice`,
                });
              }
              seen.add(candidate);
            });
          });
        });
      }),
    ),
);
