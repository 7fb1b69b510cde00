import {
  type DisplayCondition,
  isAnswerable,
  type LocalizedText,
  type Questionnaire,
} from "./questionnaire.js";
import { type Answer, isAnswered, type QuestionnaireResponse } from "./questionnaireResponse.js";

/**
 * Text compared without case or accents: NFKD, marks removed, lower case.
 *
 * @internal
 * @example
 * ```ts
 * foldText("Élève"); //=> "eleve"
 * ```
 */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function texts(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === "string" ? [text] : Object.values(text);
}

/**
 * Whether one display condition holds for the answer given to its question (undefined
 * when that question is unanswered or hidden). `match` looks for the text, without case
 * or accents, in the answer's text, or in the chosen options' labels (any language) and
 * their own texts; Decidim compiles it as a regular expression, which a questionnaire
 * from outside could make run for ever, so civitas matches it as plain text.
 */
function holds(
  rule: DisplayCondition,
  answer: Answer | undefined,
  optionLabels: ReadonlyMap<string, readonly string[]>,
): boolean {
  const answered = isAnswered(answer);
  if (rule.type === "answered") return answered;
  if (rule.type === "not_answered") return !answered;
  if (!answered || answer === undefined) return false;
  const chosen = [
    ...(answer.choices ?? []).map((choice) => choice.option),
    ...(answer.matrix ?? []).flatMap((row) => row.options),
  ];
  if (rule.type === "equal") return chosen.includes(rule.option as string);
  if (rule.type === "not_equal") return !chosen.includes(rule.option as string);
  const wanted = texts(rule.value)
    .map(foldText)
    .filter((text) => text.trim() !== "");
  const haystack =
    answer.text !== undefined && answer.text.trim() !== ""
      ? [answer.text]
      : (answer.choices ?? []).flatMap((choice) => [
          ...(optionLabels.get(choice.option) ?? []),
          ...(choice.text === undefined ? [] : [choice.text]),
        ]);
  const folded = haystack.map(foldText);
  return wanted.some((text) => folded.some((value) => value.includes(text)));
}

/**
 * The questions shown to a respondent with these answers, in the questionnaire's order.
 * A question without display conditions is always shown; otherwise, as in Decidim, all
 * its mandatory conditions must hold, or — when it has none — one of its optional ones.
 * A condition looks at the first answer to its question, and only if that question is
 * itself shown: an answer to a hidden question counts as no answer.
 *
 * @category Responses
 * @example
 * ```ts
 * shownQuestions(questionnaire, { answers: [{ question: "q1", choices: [{ option: "no" }] }] }); //=> Set { "q1" }
 * ```
 */
export function shownQuestions(
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
): Set<string> {
  return visibility(questionnaire)(firstAnswers(response));
}

/**
 * Each question's first answer in a response (a later one to the same question is
 * ignored wherever answers are read).
 *
 * @internal
 * @example
 * ```ts
 * firstAnswers({ answers: [{ question: "q1", text: "a" }, { question: "q1", text: "b" }] }).get("q1")?.text; //=> "a"
 * ```
 */
export function firstAnswers(response: QuestionnaireResponse): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const answer of response.answers)
    if (!answers.has(answer.question)) answers.set(answer.question, answer);
  return answers;
}

/**
 * {@link shownQuestions} prepared once for a questionnaire, for many responses' first
 * answers ({@link firstAnswers}).
 *
 * @internal
 * @example
 * ```ts
 * const shown = visibility(questionnaire);
 * responses.map((r) => shown(firstAnswers(r.response)));
 * ```
 */
export function visibility(
  questionnaire: Questionnaire,
): (answers: ReadonlyMap<string, Answer>) => Set<string> {
  const labels = new Map<string, ReadonlyMap<string, readonly string[]>>();
  const steps: { id: string; mandatory: DisplayCondition[]; optional: DisplayCondition[] }[] = [];
  for (const item of questionnaire.questions) {
    if (!isAnswerable(item)) continue;
    if ("options" in item)
      labels.set(item.id, new Map(item.options.map((choice) => [choice.id, texts(choice.body)])));
    const rules = item.displayConditions;
    steps.push({
      id: item.id,
      mandatory: rules.filter((rule) => rule.mandatory),
      optional: rules.filter((rule) => !rule.mandatory),
    });
  }
  const none = new Map<string, readonly string[]>();
  return (answers) => {
    const shown = new Set<string>();
    const test = (rule: DisplayCondition) =>
      holds(
        rule,
        shown.has(rule.question) ? answers.get(rule.question) : undefined,
        labels.get(rule.question) ?? none,
      );
    for (const { id, mandatory, optional } of steps) {
      const visible =
        mandatory.length > 0 ? mandatory.every(test) : optional.length === 0 || optional.some(test);
      if (visible) shown.add(id);
    }
    return shown;
  };
}
