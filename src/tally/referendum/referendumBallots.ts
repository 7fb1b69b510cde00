import * as z from "zod/mini";
import { ownValue } from "../../core/idRecord.js";
import { idRecordSchema } from "../../core/idRecordSchema.js";
import { lazySchema } from "../../core/lazySchema.js";
import { parseSchema } from "../../core/parseSchema.js";
import { fail, ok, type Result } from "../../core/result.js";
import { schemaIssues } from "../../core/schemaIssues.js";
import type { TallyOutcome } from "../outcome.js";
import { type ReferendumCount, type ReferendumRules, referendum } from "./referendum.js";

/**
 * Ballots of a consultation with several yes/no questions on one ballot: each ballot
 * answers some questions (`yes`, `no` or `abstain`; a question it leaves out is an
 * abstention), and `weight` voters cast it. `electorate` is who could vote, for quorums.
 *
 * @category Referendums
 * @example
 * ```ts
 * const ballots: ReferendumBallots = {
 *   questions: ["tram", "park"],
 *   electorate: 5000,
 *   ballots: [{ answers: { tram: "yes", park: "no" }, weight: 3 }],
 * };
 * ```
 */
export interface ReferendumBallots {
  readonly questions: readonly string[];
  readonly electorate?: number;
  readonly ballots: readonly {
    readonly answers: Readonly<Record<string, "yes" | "no" | "abstain">>;
    readonly weight: number;
  }[];
}

/**
 * The zod schema of {@link ReferendumBallots} as JSON: whole-number weights and
 * electorate, answers only to the listed questions.
 *
 * @category Referendums
 * @example
 * ```ts
 * parseSchema(referendumBallotsSchema, { questions: ["q"], ballots: [{ answers: { r: "yes" }, weight: 1 }] }).success; //=> false
 * ```
 */
export const referendumBallotsSchema = lazySchema(() =>
  z
    .object({
      questions: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      electorate: z.optional(z.int().check(z.positive())),
      ballots: z.array(
        z.object({
          answers: idRecordSchema(z.enum(["yes", "no", "abstain"])),
          weight: z.int().check(z.positive()),
        }),
      ),
    })
    .check(
      z.superRefine((input, context) => {
        const known = new Set(input.questions);
        if (known.size !== input.questions.length)
          context.addIssue({
            code: "custom",
            path: ["questions"],
            message: "a question is listed twice",
          });
        input.ballots.forEach((ballot, b) => {
          for (const question of Object.keys(ballot.answers))
            if (!known.has(question))
              context.addIssue({
                code: "custom",
                path: ["ballots", b, "answers", question],
                message: `unknown question "${question}"`,
              });
        });
      }),
    ),
);

/**
 * Counts every question of {@link ReferendumBallots} and decides each by its rules (one
 * set for all, or one per question id; see {@link referendum}). Returns, per question in
 * order, its count and its outcome.
 *
 * @category Referendums
 * @example
 * ```ts
 * referendumQuestions(ballots, { tram: { majority: [2, 3], strict: false } });
 * ```
 */
export function referendumQuestions(
  input: ReferendumBallots,
  rules: ReferendumRules | Readonly<Record<string, ReferendumRules>> = {},
): Result<readonly { question: string; count: ReferendumCount; outcome: TallyOutcome }[]> {
  const parsed = parseSchema(referendumBallotsSchema, input);
  if (!parsed.success)
    return fail(schemaIssues(parsed.error, "invalid-referendum-ballots", "ballots"));
  const perQuestion = input.questions.every((question) => Object.hasOwn(rules, question))
    ? (rules as Readonly<Record<string, ReferendumRules>>)
    : undefined;
  const results: { question: string; count: ReferendumCount; outcome: TallyOutcome }[] = [];
  for (const question of input.questions) {
    const tally = { yes: 0, no: 0, abstain: 0 };
    for (const ballot of input.ballots)
      tally[ownValue(ballot.answers, question) ?? "abstain"] += ballot.weight;
    const count: ReferendumCount = {
      ...tally,
      ...(input.electorate === undefined ? {} : { electorate: input.electorate }),
    };
    const decided = referendum(
      count,
      ownValue(perQuestion, question) ?? (rules as ReferendumRules),
    );
    if (!decided.ok)
      return fail(decided.issues.map((issue) => ({ ...issue, path: [question, ...issue.path] })));
    results.push({ question, count, outcome: decided.value });
  }
  return ok(results);
}
