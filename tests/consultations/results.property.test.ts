import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Answer,
  type CountedResponse,
  countedResponses,
  decideResponse,
  emptyLedger,
  type QuestionnaireResponse,
  type QuestionnaireResults,
  questionnaireResults,
  type ResponseEvent,
  replayResponses,
  shownQuestions,
  smallGroupSuppression,
} from "../../src/consultations/index.js";
import { addRational, compareRational, type Rational, rational } from "../../src/core/index.js";
import { centreResponse, during, questionnaire } from "./fixture.js";

const answerable = questionnaire.questions.filter(
  (q) => q.type !== "title_and_description" && q.type !== "separator",
);

/** Any answers to any questions (valid or not, shown or hidden), texts tagged by `mark`. */
const responseArbitrary = (mark: string) =>
  fc
    .tuple(
      ...answerable.map((question) =>
        fc.option<Answer, undefined>(
          "rows" in question
            ? fc.record({
                question: fc.constant(question.id),
                matrix: fc.subarray(question.rows.map((row) => row.id)).chain((rows) =>
                  fc.tuple(
                    ...rows.map((row) =>
                      fc.record({
                        row: fc.constant(row),
                        options: fc.subarray(
                          question.options.map((o) => o.id),
                          { minLength: 1, maxLength: 2 },
                        ),
                      }),
                    ),
                  ),
                ),
              })
            : "options" in question
              ? fc.record({
                  question: fc.constant(question.id),
                  choices: fc
                    .shuffledSubarray(
                      question.options.map((o) => o.id),
                      // Unchecked: a single option may come with two choices too.
                      { minLength: 1, maxLength: question.options.length },
                    )
                    .map((ids) => ids.map((option) => ({ option }))),
                })
              : fc.record({
                  question: fc.constant(question.id),
                  text: fc.constantFrom<string>(`${mark} vélo`, `${mark} parc`, "", "Vélo"),
                }),
          { nil: undefined },
        ),
      ),
    )
    .map(
      (answers) => ({ answers: answers.filter((a) => a !== undefined) }) as QuestionnaireResponse,
    );

const counted = fc.record({
  channel: fc.constantFrom("online" as const, "paper" as const),
  response: responseArbitrary("shown"),
  attributes: fc.record(
    {
      age: fc.constantFrom("18-29", "30-49", "50-64", "65+"),
      district: fc.constantFrom("centre", "nord", "sud", "baulers", "thines"),
    },
    { requiredKeys: ["age"] },
  ),
});

const responsesArbitrary = fc.array(counted, { maxLength: 80 }).map((list) =>
  list.map(
    (r, k): CountedResponse => ({
      ...r,
      id: `r${k}`,
      at: during,
      ...(r.channel === "paper" ? { batch: "b" } : {}),
    }),
  ),
);

/** Every answer to a question hidden for its response taken out. */
function withoutHidden(responses: readonly CountedResponse[]): CountedResponse[] {
  return responses.map((r) => {
    const shown = shownQuestions(questionnaire, r.response);
    return { ...r, response: { answers: r.response.answers.filter((a) => shown.has(a.question)) } };
  });
}

function everyChannelCount(results: QuestionnaireResults) {
  const all: { online: number; paper: number; total: number }[] = [results.respondents];
  for (const q of results.questions) {
    all.push(q.shown, q.answered);
    if ("options" in q && q.type !== "sorting") for (const o of q.options) all.push(o.count);
    if ("rows" in q)
      for (const row of q.rows) all.push(row.answered, ...row.options.map((o) => o.count));
  }
  return all;
}

const sum = (shares: readonly Rational[]) => shares.reduce(addRational, rational(0));

describe("questionnaire results (properties)", () => {
  it("never count an answer to a hidden question", () => {
    fc.assert(
      fc.property(responsesArbitrary, (responses) => {
        // Hidden answers carry texts and options too: the results are those without them.
        const hiddenTexts = responses.map((r) => ({
          ...r,
          response: {
            answers: [
              ...r.response.answers,
              ...answerable
                .filter(
                  (q) =>
                    !shownQuestions(questionnaire, r.response).has(q.id) &&
                    !r.response.answers.some((a) => a.question === q.id),
                )
                .map((q) =>
                  "options" in q && !("rows" in q)
                    ? { question: q.id, choices: [{ option: q.options[0]?.id as string }] }
                    : { question: q.id, text: "hidden" },
                ),
            ],
          },
        }));
        const results = questionnaireResults(questionnaire, hiddenTexts);
        expect(results).toEqual(questionnaireResults(questionnaire, withoutHidden(responses)));
        expect(
          JSON.stringify(results, (_, v) => (typeof v === "bigint" ? String(v) : v)),
        ).not.toContain("hidden");
      }),
      { numRuns: 150 },
    );
  });

  it("shares add up, and paper plus online is the total everywhere", () => {
    fc.assert(
      fc.property(responsesArbitrary, (responses) => {
        const results = questionnaireResults(questionnaire, responses);
        for (const c of everyChannelCount(results)) expect(c.online + c.paper).toBe(c.total);
        expect(results.respondents.paper).toBe(
          responses.filter((r) => r.channel === "paper").length,
        );
        for (const q of results.questions) {
          expect(q.answered.total).toBeLessThanOrEqual(q.shown.total);
          if (q.type === "single_option" || q.type === "multiple_option") {
            if (q.choices > 0)
              expect(sum(q.options.map((o) => o.shareOfAnswers))).toEqual(rational(1));
            if (q.type === "single_option" && q.answered.total > 0)
              expect(sum(q.options.map((o) => o.shareOfRespondents))).toEqual(rational(1));
            if (q.type === "multiple_option" && q.answered.total > 0)
              expect(
                compareRational(sum(q.options.map((o) => o.shareOfRespondents)), rational(1)),
              ).toBeGreaterThanOrEqual(0);
          }
          if (q.type === "matrix_single")
            for (const row of q.rows)
              if (row.answered.total > 0)
                expect(sum(row.options.map((o) => o.shareOfRespondents))).toEqual(rational(1));
          if (q.type === "sorting")
            for (const o of q.options)
              expect(o.positions.reduce((a, b) => a + b, 0)).toBe(o.rankings);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("hide every small group, and no hidden group is a shown total minus the shown groups", () => {
    let hiddenSeen = 0;
    let withheldSeen = 0;
    fc.assert(
      fc.property(responsesArbitrary, fc.integer({ min: 2, max: 12 }), (responses, threshold) => {
        const results = questionnaireResults(questionnaire, responses, {
          breakdownBy: ["age", "district"],
          threshold,
        });
        for (const breakdown of results.breakdowns)
          for (const q of breakdown.questions) {
            const total =
              results.questions.find((r) => r.question === q.question)?.answered.total ?? 0;
            // Each group's true size, computed apart: the results of its respondents alone.
            const values = new Set(responses.map((r) => r.attributes[breakdown.attribute] ?? null));
            const size = (value: string | null) =>
              questionnaireResults(
                questionnaire,
                responses.filter((r) => (r.attributes[breakdown.attribute] ?? null) === value),
              ).questions.find((r) => r.question === q.question)?.answered.total ?? 0;
            const sizes = new Map(
              [...values].map((v) => [v, size(v)] as const).filter(([, n]) => n > 0),
            );
            if (q.withheld) {
              withheldSeen++;
              expect(q.groups).toEqual([]);
              continue;
            }
            expect(q.groups.map((g) => g.value).sort()).toEqual([...sizes.keys()].sort());
            const hidden = q.groups.filter((g) => "suppressed" in g);
            const shown = q.groups.filter((g) => "answered" in g);
            hiddenSeen += hidden.length;
            for (const g of shown) {
              expect(g.answered).toBe(sizes.get(g.value));
              expect(g.answered).toBeGreaterThanOrEqual(threshold);
            }
            // What subtraction gives is the sum of two hidden groups at least, not small itself.
            expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
            const left = total - shown.reduce((a, g) => a + ("answered" in g ? g.answered : 0), 0);
            if (hidden.length > 0) expect(left).toBeGreaterThanOrEqual(threshold);
            else expect(left).toBe(0);
          }
      }),
      { numRuns: 60 },
    );
    expect(hiddenSeen).toBeGreaterThan(100);
    expect(withheldSeen).toBeGreaterThan(10);
  });

  it("suppression on any table: small groups hidden, at least two hidden, their sum not small", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 20 }),
        (list, threshold) => {
          const sizes = new Map(list.map((n, k) => [k, n]));
          const { hidden, withheld } = smallGroupSuppression(sizes, threshold);
          for (const [k, n] of sizes) if (n < threshold) expect(hidden.has(k)).toBe(true);
          const hiddenSum = [...hidden].reduce((a, k) => a + (sizes.get(k) as number), 0);
          if (withheld) expect(hidden.size).toBe(sizes.size);
          else if (hidden.size > 0) {
            expect(hidden.size).toBeGreaterThanOrEqual(2);
            expect(hiddenSum).toBeGreaterThanOrEqual(threshold);
            // Only what was needed: the groups hidden besides the small ones are the smallest shown.
            const extra = [...hidden].filter((k) => (sizes.get(k) as number) >= threshold);
            const kept = [...sizes.keys()].filter((k) => !hidden.has(k));
            for (const e of extra)
              for (const k of kept)
                expect(sizes.get(e) as number).toBeLessThanOrEqual(sizes.get(k) as number);
          }
        },
      ),
    );
  });
});

describe("the ledger (model-based)", () => {
  const people = ["ana", "bo", "cy", "dee"];
  // Valid responses (the ledger refuses others): the centre's, with or without a suggestion.
  const valid = [
    centreResponse,
    {
      answers: centreResponse.answers.filter(
        (a) => a.question !== "suggestion" && a.question !== "bike",
      ),
    },
  ] as QuestionnaireResponse[];
  const responseArbitrary = (_: string) => fc.constantFrom(...valid);
  const command = fc.oneof(
    fc.record({
      type: fc.constantFrom("respond", "replace"),
      who: fc.constantFrom(...people),
      response: responseArbitrary("x"),
    }),
    fc.record({ type: fc.constant("withdraw" as const), who: fc.constantFrom(...people) }),
    fc.record({
      type: fc.constant("batch" as const),
      batch: fc.constantFrom("b1", "b2", "b3"),
      responses: fc.array(responseArbitrary("paper"), { maxLength: 4 }),
    }),
    fc.record({ type: fc.constant("remove" as const), batch: fc.constantFrom("b1", "b2", "b3") }),
  );

  it("counts each respondent's last response, never a withdrawn one, and every paper batch entered", () => {
    let withdrawals = 0;
    fc.assert(
      fc.property(fc.array(command, { minLength: 5, maxLength: 40 }), (commands) => {
        const context = { questionnaire };
        let ledger = emptyLedger();
        const log: ResponseEvent[] = [];
        // The model: respondent → tag of the response counted; batch → its size.
        const model = new Map<string, string>();
        const batches = new Map<string, number>();
        commands.forEach((c, step) => {
          const tag = `step${step}`;
          const input =
            c.type === "respond" || c.type === "replace"
              ? {
                  type: c.type,
                  respondent: { id: c.who },
                  response: c.response,
                  attributes: { tag },
                  at: during,
                }
              : c.type === "withdraw"
                ? { type: "withdraw", respondent: { id: c.who }, at: during }
                : c.type === "batch"
                  ? {
                      type: "enter-paper-batch",
                      batch: c.batch,
                      enteredBy: "clerk",
                      responses: c.responses.map((r) => ({ response: r, attributes: { tag } })),
                      at: during,
                    }
                  : {
                      type: "remove-paper-batch",
                      batch: (c as { batch: string }).batch,
                      by: "clerk",
                      at: during,
                    };
          const decided = decideResponse(ledger, input, context);
          if (!decided.ok) return;
          for (const event of decided.value) {
            log.push(event);
            ledger = replayResponses(log);
          }
          if (c.type === "respond" || c.type === "replace") model.set(c.who, tag);
          else if (c.type === "withdraw") {
            model.delete(c.who);
            withdrawals++;
          } else if (c.type === "batch") batches.set(c.batch, c.responses.length);
          else batches.delete((c as { batch: string }).batch);
        });
        const counted = countedResponses(ledger);
        const online = counted.filter((r) => r.channel === "online");
        expect(new Map(online.map((r) => [r.id, r.attributes.tag]))).toEqual(model);
        expect(counted.length - online.length).toBe(
          [...batches.values()].reduce((a, b) => a + b, 0),
        );
        const results = questionnaireResults(questionnaire, counted, {
          breakdownBy: ["tag"],
          threshold: 1,
        });
        expect(results.respondents).toEqual({
          online: model.size,
          paper: counted.length - online.length,
          total: counted.length,
        });
        // No withdrawn or replaced response's tag is among the groups counted.
        const tags = new Set(counted.map((r) => r.attributes.tag));
        for (const q of results.breakdowns[0]?.questions ?? [])
          for (const g of q.groups) expect(tags.has(g.value as string)).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(withdrawals).toBeGreaterThan(20);
  });
});
