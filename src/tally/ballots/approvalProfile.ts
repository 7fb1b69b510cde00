import * as z from "zod/mini";
import { idRecordSchema } from "../../core/idRecordSchema.js";
import { lazySchema } from "../../core/lazySchema.js";

/**
 * Approval ballots over named candidates, for committee elections: each ballot approves a
 * set of candidates, `weight` voters cast it.
 *
 * @category Profiles
 * @example
 * ```ts
 * const profile: ApprovalProfile = {
 *   candidates: ["a", "b", "c"],
 *   names: {},
 *   ballots: [{ approved: ["a", "b"], weight: 2 }, { approved: ["c"], weight: 1 }],
 *   seats: 2,
 * };
 * ```
 */
export interface ApprovalProfile {
  readonly candidates: readonly string[];
  readonly names: Readonly<Record<string, string>>;
  readonly ballots: readonly { readonly approved: readonly string[]; readonly weight: number }[];
  /** Committee size, when the source gives it (abcvoting's `committeesize`). */
  readonly seats?: number;
}

/**
 * The zod schema of an {@link ApprovalProfile} as JSON: approved candidates must be known
 * and listed once per ballot; weights positive.
 *
 * @category Profiles
 * @example
 * ```ts
 * approvalProfileSchema.safeParse({ candidates: ["a"], names: {}, ballots: [{ approved: ["b"], weight: 1 }] }).success; //=> false
 * ```
 */
export const approvalProfileSchema = lazySchema(() =>
  z
    .object({
      candidates: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      names: idRecordSchema(z.string()),
      ballots: z.array(
        z.object({ approved: z.array(z.string()), weight: z.number().check(z.positive()) }),
      ),
      seats: z.optional(z.int().check(z.positive())),
    })
    .check(
      z.superRefine((profile, context) => {
        const known = new Set(profile.candidates);
        profile.ballots.forEach((ballot, b) => {
          const seen = new Set<string>();
          ballot.approved.forEach((candidate, k) => {
            if (!known.has(candidate)) {
              context.addIssue({
                code: "custom",
                path: ["ballots", b, "approved", k],
                message: `unknown candidate "${candidate}"`,
              });
            } else if (seen.has(candidate)) {
              context.addIssue({
                code: "custom",
                path: ["ballots", b, "approved", k],
                message: `candidate "${candidate}" is approved twice`,
              });
            }
            seen.add(candidate);
          });
        });
      }),
    ),
);
