import * as z from "zod/mini";
import { idRecordSchema } from "../../core/idRecordSchema.js";
import { lazySchema } from "../../core/lazySchema.js";

/**
 * Score (or grade) ballots: each ballot gives each candidate a score from 0 to `maxScore`
 * (a candidate it leaves out scores 0); `weight` voters cast it.
 *
 * @category Profiles
 * @example
 * ```ts
 * const profile: ScoreProfile = {
 *   candidates: ["a", "b"],
 *   names: {},
 *   maxScore: 5,
 *   ballots: [{ scores: { a: 5, b: 2 }, weight: 3 }],
 * };
 * ```
 */
export interface ScoreProfile {
  readonly candidates: readonly string[];
  readonly names: Readonly<Record<string, string>>;
  readonly maxScore: number;
  readonly ballots: readonly {
    readonly scores: Readonly<Record<string, number>>;
    readonly weight: number;
  }[];
}

/**
 * The zod schema of a {@link ScoreProfile} as JSON: scores are whole numbers from 0 to
 * `maxScore` for known candidates; weights positive.
 *
 * @category Profiles
 * @example
 * ```ts
 * scoreProfileSchema.safeParse({ candidates: ["a"], names: {}, maxScore: 5, ballots: [{ scores: { a: 7 }, weight: 1 }] }).success; //=> false
 * ```
 */
export const scoreProfileSchema = lazySchema(() =>
  z
    .object({
      candidates: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      names: idRecordSchema(z.string()),
      maxScore: z.int().check(z.positive()),
      ballots: z.array(
        z.object({
          scores: idRecordSchema(z.int().check(z.nonnegative())),
          weight: z.number().check(z.positive()),
        }),
      ),
    })
    .check(
      z.superRefine((profile, context) => {
        const known = new Set(profile.candidates);
        profile.ballots.forEach((ballot, b) => {
          for (const [candidate, score] of Object.entries(ballot.scores)) {
            if (!known.has(candidate)) {
              context.addIssue({
                code: "custom",
                path: ["ballots", b, "scores", candidate],
                message: `unknown candidate "${candidate}"`,
              });
            } else if (score > profile.maxScore) {
              context.addIssue({
                code: "custom",
                path: ["ballots", b, "scores", candidate],
                message: `score ${score} is above the maximum ${profile.maxScore}`,
              });
            }
          }
        });
      }),
    ),
);
