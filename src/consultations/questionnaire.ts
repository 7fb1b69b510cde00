import * as z from "zod/mini";
import { idRecordSchema, jsonSchemaOf } from "../core/idRecordSchema.js";
import type { Issue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { consultationIssue } from "./consultationIssues.js";

/**
 * Text as Decidim stores it: one string, or one per language code.
 *
 * @category Questionnaires
 * @example
 * ```ts
 * const body: LocalizedText = { fr: "Votre quartier", nl: "Uw wijk" };
 * ```
 */
export type LocalizedText = string | Readonly<Record<string, string>>;

/**
 * The text in a language: that language's, else English, else the first given.
 *
 * @category Questionnaires
 * @example
 * ```ts
 * textIn({ fr: "Oui", nl: "Ja" }, "nl"); //=> "Ja"
 * textIn("Oui", "nl");                 //=> "Oui"
 * ```
 */
export function textIn(text: LocalizedText, lang = "en"): string {
  if (typeof text === "string") return text;
  if (Object.hasOwn(text, lang)) return text[lang] as string;
  if (Object.hasOwn(text, "en")) return text.en as string;
  return Object.values(text)[0] ?? "";
}

/**
 * The pieces questionnaires are made of, built with the schema on first use (importing
 * the module builds no zod schema).
 */
function questionnaireParts() {
  const id = z.string().check(z.minLength(1));
  /** Text in one language, or by language code (`{ fr: "…", nl: "…" }`) as Decidim stores it. */
  const localized = z.union([z.string(), idRecordSchema(z.string())]);
  const option = z.object({
    id,
    body: localized,
    /** The option takes a text of its own ("Other: …"). */
    freeText: z._default(z.boolean(), false),
  });
  const condition = z.object({
    /** The earlier question whose answer is looked at. */
    question: id,
    type: z.enum(["answered", "not_answered", "equal", "not_equal", "match"]),
    /** For `equal` and `not_equal`: one of that question's options. */
    option: z.optional(id),
    /** For `match`: the text looked for (any language given). */
    value: z.optional(localized),
    /** Mandatory conditions must all hold; otherwise one of the optional ones must. */
    mandatory: z._default(z.boolean(), false),
  });
  const base = {
    id,
    body: localized,
    description: z.optional(localized),
    mandatory: z._default(z.boolean(), false),
    displayConditions: z._default(z.array(condition), []),
  };
  const options = z.array(option).check(z.minLength(1));
  const maxChoices = z.optional(z.int().check(z.gte(1)));
  const maxCharacters = z._default(z.int().check(z.gte(0)), 0);
  return { id, localized, base, options, maxChoices, maxCharacters };
}

/**
 * The zod schema of a questionnaire, with Decidim's question types: `short_answer` and
 * `long_answer` (at most `maxCharacters`, 0 for no limit), `single_option`,
 * `multiple_option` (at most `maxChoices`), `sorting` (rank every option),
 * `matrix_single` and `matrix_multiple` (a choice per row), and the `title_and_description`
 * and `separator` blocks that take no answer. Options may take a text of their own
 * (`freeText`), whose length `maxCharacters` also bounds. Questions may be `mandatory`
 * and shown only under display conditions on earlier questions: `answered`,
 * `not_answered`, `equal` or `not_equal` to an option, or `match` a text. `allowEditing`
 * lets respondents replace or withdraw their response while the phase is open.
 *
 * @category Questionnaires
 * @example
 * ```ts
 * parseSchema(questionnaireSchema, { id: "services", title: "Vos services", questions: [{ id: "q1", type: "short_answer", body: "Votre avis" }] }).success; //=> true
 * ```
 */
export const questionnaireSchema = lazySchema(() => {
  const { id, localized, base, options, maxChoices, maxCharacters } = questionnaireParts();
  return z.object({
    id,
    title: localized,
    description: z.optional(localized),
    allowEditing: z._default(z.boolean(), false),
    questions: z.array(
      z.discriminatedUnion("type", [
        z.object({
          ...base,
          type: z.enum(["short_answer", "long_answer"]),
          maxCharacters,
        }),
        z.object({ ...base, type: z.literal("single_option"), options, maxCharacters }),
        z.object({
          ...base,
          type: z.literal("multiple_option"),
          options,
          maxChoices,
          maxCharacters,
        }),
        z.object({ ...base, type: z.literal("sorting"), options, maxCharacters }),
        z.object({
          ...base,
          type: z.enum(["matrix_single", "matrix_multiple"]),
          options,
          rows: z.array(z.object({ id, body: localized })).check(z.minLength(1)),
          maxChoices,
          maxCharacters,
        }),
        z.object({
          id,
          type: z.enum(["title_and_description", "separator"]),
          body: z.optional(localized),
          description: z.optional(localized),
        }),
      ]),
    ),
  });
});

/**
 * A questionnaire, as {@link questionnaireSchema} reads it (defaults filled in).
 *
 * @category Questionnaires
 * @example
 * ```ts
 * const q: Questionnaire = parseQuestionnaire(json).value;
 * ```
 */
export type Questionnaire = z.output<typeof questionnaireSchema>;

/**
 * One item of a questionnaire: a question or a block.
 *
 * @category Questionnaires
 * @example
 * ```ts
 * const item: QuestionnaireItem = questionnaire.questions[0];
 * ```
 */
export type QuestionnaireItem = Questionnaire["questions"][number];

/**
 * A question that takes an answer (every type but titles and separators).
 *
 * @category Questionnaires
 * @example
 * ```ts
 * const questions = questionnaire.questions.filter(isAnswerable);
 * ```
 */
export type Question = Exclude<
  QuestionnaireItem,
  { readonly type: "title_and_description" | "separator" }
>;

/**
 * A display condition of a question.
 *
 * @category Questionnaires
 * @example
 * ```ts
 * const shownIfYes: DisplayCondition = { question: "q1", type: "equal", option: "yes", mandatory: true };
 * ```
 */
export type DisplayCondition = Question["displayConditions"][number];

/**
 * Whether an item takes an answer (titles and separators do not).
 *
 * @category Questionnaires
 * @example
 * ```ts
 * isAnswerable({ id: "s", type: "separator" }); //=> false
 * ```
 */
export function isAnswerable(item: QuestionnaireItem): item is Question {
  return item.type !== "title_and_description" && item.type !== "separator";
}

/**
 * The JSON Schema (draft 2020-12) of a questionnaire as a host writes it, generated from
 * {@link questionnaireSchema} so the two never disagree.
 *
 * @category Questionnaires
 * @example
 * ```ts
 * questionnaireJsonSchema().properties.questions; // { type: "array", items: { oneOf: … } }
 * ```
 */
export function questionnaireJsonSchema(): Record<string, unknown> & {
  readonly properties: Record<string, unknown>;
} {
  return jsonSchemaOf(questionnaireSchema, "input") as Record<string, unknown> & {
    readonly properties: Record<string, unknown>;
  };
}

/** The positions of the entries whose id an earlier entry already has. */
function repeatedAt(entries: readonly { readonly id: string }[]): number[] {
  const seen = new Set<string>();
  return entries.flatMap(({ id }, k) => {
    const repeated = seen.has(id);
    seen.add(id);
    return repeated ? [k] : [];
  });
}

/**
 * Reads a questionnaire from untrusted data: the schema, then what a schema cannot say —
 * ids unique among questions, among each question's options and rows, and display
 * conditions only on earlier questions that take answers (so no cycle is possible),
 * naming one of their options for `equal` and `not_equal`, a text for `match`.
 *
 * @category Questionnaires
 * @example
 * ```ts
 * parseQuestionnaire({ id: "s", title: "S", questions: [{ id: "q1", type: "single_option", body: "?", options: [{ id: "yes", body: "Yes" }] }] }).ok; //=> true
 * ```
 */
export function parseQuestionnaire(data: unknown): Result<Questionnaire> {
  const parsed = parseSchema(questionnaireSchema, data);
  if (!parsed.success)
    return fail(schemaIssues(parsed.error, "invalid-questionnaire", "questionnaire"));
  const questionnaire = parsed.data;
  const issues: Issue[] = [];
  const earlier = new Map<string, QuestionnaireItem>();
  questionnaire.questions.forEach((item, k) => {
    const at = ["questions", k];
    if (earlier.has(item.id))
      issues.push(consultationIssue("duplicate-question", [...at, "id"], { question: item.id }));
    if (isAnswerable(item)) {
      if ("options" in item) {
        for (const o of repeatedAt(item.options))
          issues.push(
            consultationIssue("duplicate-option", [...at, "options", o, "id"], {
              question: item.id,
              option: (item.options[o] as { id: string }).id,
            }),
          );
      }
      if ("rows" in item) {
        for (const r of repeatedAt(item.rows))
          issues.push(
            consultationIssue("duplicate-matrix-row", [...at, "rows", r, "id"], {
              question: item.id,
              row: (item.rows[r] as { id: string }).id,
            }),
          );
      }
      item.displayConditions.forEach((rule, c) => {
        issues.push(
          ...conditionIssues(item.id, rule, earlier.get(rule.question), [
            ...at,
            "displayConditions",
            c,
          ]),
        );
      });
    }
    if (!earlier.has(item.id)) earlier.set(item.id, item);
  });
  return issues.length > 0 ? fail(issues) : ok(questionnaire);
}

function conditionIssues(
  question: string,
  rule: DisplayCondition,
  on: QuestionnaireItem | undefined,
  at: readonly (string | number)[],
): Issue[] {
  const params = { question, on: rule.question };
  if (on === undefined)
    return [consultationIssue("condition-on-unknown-question", [...at, "question"], params)];
  if (!isAnswerable(on))
    return [consultationIssue("condition-on-unanswerable-question", [...at, "question"], params)];
  if (rule.type === "equal" || rule.type === "not_equal") {
    const known = "options" in on && on.options.some((choice) => choice.id === rule.option);
    if (!known) return [consultationIssue("condition-without-option", [...at, "option"], params)];
  }
  if (rule.type === "match") {
    const texts =
      rule.value === undefined
        ? []
        : typeof rule.value === "string"
          ? [rule.value]
          : Object.values(rule.value);
    if (!texts.some((text) => text.trim() !== ""))
      return [consultationIssue("condition-without-text", [...at, "value"], params)];
  }
  return [];
}
