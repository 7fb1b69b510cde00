import { z } from "zod";
import { idRecordSchema } from "../core/idRecord.js";

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
export const scoreProfileSchema = z
  .object({
    candidates: z.array(z.string().min(1)).min(1),
    names: idRecordSchema(z.string()),
    maxScore: z.number().int().positive(),
    ballots: z.array(
      z.object({
        scores: idRecordSchema(z.number().int().nonnegative()),
        weight: z.number().positive().finite(),
      }),
    ),
  })
  .superRefine((profile, context) => {
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
  });
