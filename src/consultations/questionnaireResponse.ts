import * as z from "zod/mini";
import { lazySchema } from "../core/lazySchema.js";

/**
 * The zod schema of one person's answers to a questionnaire: per question, a `text`
 * (short and long answers), `choices` (single and multiple option, sorting in rank order,
 * each with the option's own text where it takes one), or `matrix` (the options chosen in
 * each row). A blank text or an empty list is no answer.
 *
 * @category Responses
 * @example
 * ```ts
 * parseSchema(questionnaireResponseSchema, { answers: [{ question: "q1", choices: [{ option: "other", text: "the market" }] }] }).success; //=> true
 * ```
 */
export const questionnaireResponseSchema = lazySchema(() => {
  const id = z.string().check(z.minLength(1));
  return z.object({
    answers: z.array(
      z.object({
        question: id,
        text: z.optional(z.string()),
        choices: z.optional(z.array(z.object({ option: id, text: z.optional(z.string()) }))),
        matrix: z.optional(z.array(z.object({ row: id, options: z.array(id) }))),
      }),
    ),
  });
});

/**
 * One person's answers, as {@link questionnaireResponseSchema} reads them.
 *
 * @category Responses
 * @example
 * ```ts
 * const response: QuestionnaireResponse = { answers: [{ question: "q1", text: "More benches" }] };
 * ```
 */
export type QuestionnaireResponse = z.output<typeof questionnaireResponseSchema>;

/**
 * One answer of a {@link QuestionnaireResponse}.
 *
 * @category Responses
 * @example
 * ```ts
 * const answer: Answer = { question: "q3", matrix: [{ row: "parks", options: ["good"] }] };
 * ```
 */
export type Answer = QuestionnaireResponse["answers"][number];

/**
 * Whether an answer says anything: a text that is not blank, a choice, a matrix row with
 * a choice (Decidim's `present?`).
 *
 * @category Responses
 * @example
 * ```ts
 * isAnswered({ question: "q1", text: "  " }); //=> false
 * ```
 */
export function isAnswered(answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (answer.text !== undefined && answer.text.trim() !== "") return true;
  if (answer.choices !== undefined && answer.choices.length > 0) return true;
  return answer.matrix?.some((row) => row.options.length > 0) ?? false;
}
