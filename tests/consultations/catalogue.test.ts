import { afterAll, describe, expect, it } from "vitest";
import {
  type ConsultationIssueCode,
  checkResponse,
  consultationIssueMessages,
  decideResponse,
  emptyLedger,
  parseQuestionnaire,
  questionnaireJsonSchema,
  type ResponseEvent,
  replayResponses,
} from "../../src/consultations/index.js";
import { centreResponse, during, process, questionnaire, questionnaireData } from "./fixture.js";

type Answer = { question: string; [key: string]: unknown };

/** The centre response with some answers replaced (undefined: removed) or added. */
function variant(changes: Record<string, Omit<Answer, "question"> | undefined>) {
  const answers: Answer[] = centreResponse.answers
    .filter((answer) => !(answer.question in changes) || changes[answer.question] !== undefined)
    .map((answer) =>
      answer.question in changes
        ? { question: answer.question, ...changes[answer.question] }
        : answer,
    );
  for (const [question, answer] of Object.entries(changes))
    if (answer !== undefined && !answers.some((a) => a.question === question))
      answers.push({ question, ...answer });
  return { answers };
}

const northResponse = variant({
  district: { choices: [{ option: "nord" }] },
  "centre-comment": undefined,
  bike: undefined,
});

const hit = new Set<string>();

/** Checks one case: refused with exactly this code (first) at this path, or accepted. */
function refused(
  response: unknown,
  code: ConsultationIssueCode,
  path?: readonly (string | number)[],
) {
  const checked = checkResponse(questionnaire, response);
  expect(checked.ok, `expected ${code}`).toBe(false);
  if (checked.ok) return;
  const issue = checked.issues.find((i) => i.code === code);
  expect(issue, `${code} among ${checked.issues.map((i) => i.code).join(", ")}`).toBeDefined();
  if (path !== undefined) expect(issue?.path).toEqual(path);
  expect(issue?.message).not.toMatch(/\n/);
  hit.add(code);
}

function accepted(response: unknown) {
  const checked = checkResponse(questionnaire, response);
  expect(checked.ok ? [] : checked.issues.map((i) => i.message)).toEqual([]);
}

describe("response checks, by question type", () => {
  it("accepts a complete response of every type", () => {
    accepted(centreResponse);
    accepted(northResponse);
  });

  it("the response itself", () => {
    refused({ answer: [] }, "invalid-response", ["answers"]);
    refused(variant({ nowhere: { text: "x" } }), "unknown-question", ["answers", 8, "question"]);
    refused(
      {
        answers: [
          ...centreResponse.answers,
          { question: "district", choices: [{ option: "sud" }] },
        ],
      },
      "question-answered-twice",
      ["answers", 8, "question"],
    );
    refused(variant({ intro: { text: "hello" } }), "not-a-question");
    refused(variant({ step2: { text: "hello" } }), "not-a-question");
  });

  it("single option", () => {
    refused(variant({ district: undefined }), "mandatory-question", ["answers"]);
    refused(variant({ district: { text: "Centre" } }), "wrong-answer-kind", ["answers", 0]);
    refused(
      variant({ district: { choices: [{ option: "centre" }, { option: "nord" }] } }),
      "too-many-choices",
      ["answers", 0, "choices"],
    );
    refused(variant({ district: { choices: [{ option: "est" }] } }), "unknown-option", [
      "answers",
      0,
      "choices",
      0,
      "option",
    ]);
    refused(
      variant({ district: { choices: [{ option: "centre", text: "the square" }] } }),
      "free-text-not-accepted",
      ["answers", 0, "choices", 0, "text"],
    );
    refused(
      variant({
        district: { choices: [{ option: "other", text: "Baulers, près de la gare et du parc" }] },
        "centre-comment": undefined,
        bike: undefined,
      }),
      "answer-too-long",
      ["answers", 0, "choices", 0, "text"],
    );
    accepted(
      variant({
        district: { choices: [{ option: "other", text: "Baulers" }] },
        "centre-comment": undefined,
        bike: undefined,
      }),
    );
  });

  it("multiple option", () => {
    refused(
      variant({ services: { choices: [{ option: "parcs" }, { option: "parcs" }] } }),
      "option-chosen-twice",
      ["answers", 1, "choices", 1, "option"],
    );
    refused(
      variant({
        services: {
          choices: ["proprete", "parcs", "culture", "sport"].map((option) => ({ option })),
        },
      }),
      "too-many-choices",
    );
    refused(variant({ services: { text: "Parcs" } }), "wrong-answer-kind");
  });

  it("short and long answers", () => {
    refused(
      variant({ suggestion: { text: "Des arceaux pour les vélos à chaque arrêt de bus" } }),
      "answer-too-long",
      ["answers", 2, "text"],
    );
    refused(variant({ suggestion: { choices: [{ option: "x" }] } }), "wrong-answer-kind");
    refused(variant({ "centre-comment": { text: "   " } }), "mandatory-question");
  });

  it("sorting", () => {
    refused(
      variant({ priorities: { choices: [{ option: "ecoles" }, { option: "voirie" }] } }),
      "incomplete-sorting",
      ["answers", 5, "choices"],
    );
    refused(
      variant({
        priorities: { choices: [{ option: "ecoles" }, { option: "ecoles" }, { option: "voirie" }] },
      }),
      "option-chosen-twice",
    );
  });

  it("matrix single and matrix multiple", () => {
    refused(
      variant({ satisfaction: { matrix: [{ row: "accueil", options: ["good"] }] } }),
      "matrix-row-unanswered",
      ["answers", 6, "matrix"],
    );
    refused(variant({ satisfaction: undefined }), "mandatory-question");
    refused(
      variant({
        satisfaction: {
          matrix: [
            { row: "accueil", options: ["good", "bad"] },
            { row: "delais", options: ["bad"] },
          ],
        },
      }),
      "too-many-choices",
      ["answers", 6, "matrix", 0, "options"],
    );
    refused(
      variant({
        satisfaction: {
          matrix: [
            { row: "accueil", options: ["good"] },
            { row: "parking", options: ["bad"] },
          ],
        },
      }),
      "unknown-matrix-row",
      ["answers", 6, "matrix", 1, "row"],
    );
    refused(
      variant({
        satisfaction: {
          matrix: [
            { row: "accueil", options: ["good"] },
            { row: "accueil", options: ["bad"] },
          ],
        },
      }),
      "matrix-row-answered-twice",
    );
    refused(
      variant({
        usage: { matrix: [{ row: "population", options: ["guichet", "telephone", "internet"] }] },
      }),
      "too-many-choices",
      ["answers", 7, "matrix", 0, "options"],
    );
    refused(
      variant({ usage: { matrix: [{ row: "population", options: ["courrier"] }] } }),
      "unknown-option",
      ["answers", 7, "matrix", 0, "options", 0],
    );
    refused(variant({ usage: { choices: [{ option: "guichet" }] } }), "wrong-answer-kind");
  });
});

describe("response checks, by display condition", () => {
  it("answered: shown once the question it depends on is answered", () => {
    refused(
      variant({ services: undefined, "why-none": { text: "Pas le temps" }, bike: undefined }),
      "hidden-question-answered",
    );
    accepted(
      variant({
        services: undefined,
        suggestion: undefined,
        bike: undefined,
        "why-none": { text: "Pas le temps" },
      }),
    );
  });
  it("not answered: shown while the question it depends on is unanswered", () => {
    refused(variant({ "why-none": { text: "Pas le temps" } }), "hidden-question-answered", [
      "answers",
      8,
    ]);
  });
  it("equal to an option (mandatory: the hidden question is not required either)", () => {
    refused(
      { answers: [...northResponse.answers, { question: "centre-comment", text: "Vivant" }] },
      "hidden-question-answered",
    );
    accepted(northResponse);
  });
  it("not equal to an option", () => {
    refused(variant({ outside: { text: "Un parc" } }), "hidden-question-answered");
    accepted({ answers: [...northResponse.answers, { question: "outside", text: "Un parc" }] });
  });
  it("matches a text, without case or accents, in any language given", () => {
    refused(variant({ suggestion: { text: "Plus de poubelles" } }), "hidden-question-answered");
    accepted(variant({ suggestion: { text: "Des VELOS partout" } }));
    accepted(variant({ suggestion: { text: "Fietsenstalling" } }));
  });
  it("optional conditions: one of them must hold", () => {
    refused(
      variant({ "north-south": { choices: [{ option: "work" }] } }),
      "hidden-question-answered",
    );
    accepted({
      answers: [
        ...northResponse.answers,
        { question: "north-south", choices: [{ option: "work" }] },
      ],
    });
  });
  it("an answer to a hidden question counts as no answer for the conditions on it", () => {
    // "bike" depends on "suggestion", hidden when no service is chosen.
    refused(
      variant({ services: undefined, suggestion: { text: "vélo" } }),
      "hidden-question-answered",
      ["answers", 1],
    );
    const checked = checkResponse(
      questionnaire,
      variant({ services: undefined, suggestion: { text: "vélo" } }),
    );
    expect(checked.ok ? [] : checked.issues.map((i) => i.params.question)).toEqual([
      "suggestion",
      "bike",
    ]);
  });
});

/** The first display condition of a question of the questionnaire's data, to break it. */
function firstCondition(data: typeof questionnaireData, question: number): Record<string, unknown> {
  const item = data.questions[question] as { displayConditions: Record<string, unknown>[] };
  return item.displayConditions[0] as Record<string, unknown>;
}

describe("questionnaire checks", () => {
  const broken = (
    change: (data: typeof questionnaireData) => unknown,
    code: ConsultationIssueCode,
  ) => {
    const data = structuredClone(questionnaireData);
    const parsed = parseQuestionnaire(change(data) ?? data);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.code)).toContain(code);
    hit.add(code);
  };
  it("refuses what a form could not show", () => {
    broken(
      (d) => ({ ...d, questions: [{ id: "q", type: "dropdown", body: "?" }] }),
      "invalid-questionnaire",
    );
    broken((d) => {
      d.questions.push({ ...d.questions[1], id: "district" } as never);
    }, "duplicate-question");
    broken((d) => {
      (d.questions[1] as { options: unknown[] }).options.push({ id: "nord", body: "N" });
    }, "duplicate-option");
    broken((d) => {
      (d.questions[11] as { rows: unknown[] }).rows.push({ id: "delais", body: "D" });
    }, "duplicate-matrix-row");
    broken((d) => {
      firstCondition(d, 3).question = "priorities";
    }, "condition-on-unknown-question");
    broken((d) => {
      firstCondition(d, 3).question = "intro";
    }, "condition-on-unanswerable-question");
    broken((d) => {
      firstCondition(d, 5).option = "est";
    }, "condition-without-option");
    broken((d) => {
      firstCondition(d, 8).value = " ";
    }, "condition-without-text");
  });
  it("has a JSON Schema generated from its zod schema", () => {
    const schema = questionnaireJsonSchema();
    expect(Object.keys(schema.properties)).toEqual([
      "id",
      "title",
      "description",
      "allowEditing",
      "questions",
    ]);
    expect(JSON.stringify(schema)).toContain("matrix_multiple");
  });
});

describe("commands on responses", () => {
  const context = { questionnaire, process };
  const respond = (id: string, response: unknown = centreResponse, at = during) => ({
    type: "respond",
    respondent: { id },
    response,
    at,
  });
  const refusedCommand = (
    ledger: ReturnType<typeof emptyLedger>,
    command: unknown,
    code: string,
    ctx: Parameters<typeof decideResponse>[2] = context,
  ) => {
    const decided = decideResponse(ledger, command, ctx);
    expect(decided.ok ? [] : decided.issues.map((i) => i.code)).toContain(code);
    hit.add(code);
  };
  const ana = replayResponses(
    (
      decideResponse(emptyLedger(), respond("ana"), context) as unknown as {
        value: ResponseEvent[];
      }
    ).value,
  );

  it("refuses what the rules forbid", () => {
    refusedCommand(emptyLedger(), { type: "vote" }, "invalid-response-command");
    refusedCommand(ana, respond("ana"), "already-responded");
    refusedCommand(ana, { type: "withdraw", respondent: { id: "bo" }, at: during }, "no-response");
    refusedCommand(
      ana,
      { type: "replace", respondent: { id: "ana" }, response: northResponse, at: during },
      "editing-not-allowed",
      { ...context, questionnaire: { ...questionnaire, allowEditing: false } },
    );
    const batch = {
      type: "enter-paper-batch",
      batch: "b1",
      enteredBy: "clerk",
      responses: [{ response: centreResponse }],
      at: during,
    };
    const entered = replayResponses(
      (decideResponse(ana, batch, context) as unknown as { value: ResponseEvent[] }).value,
    );
    refusedCommand(entered, batch, "batch-already-entered");
    refusedCommand(
      ana,
      { type: "remove-paper-batch", batch: "b9", by: "clerk", at: during },
      "unknown-batch",
    );
    // The calendar's refusals: no phase open, and an eligibility policy.
    refusedCommand(
      emptyLedger(),
      respond("ana", centreResponse, Date.UTC(2026, 3, 2)),
      "no-phase-running",
    );
    refusedCommand(emptyLedger(), respond("ana"), "not-resident", {
      ...context,
      policies: { "consultation.respond": { residentOf: ["nivelles"] } },
    });
  });

  it("puts a response's issues under the command's path", () => {
    const decided = decideResponse(
      emptyLedger(),
      respond("ana", variant({ satisfaction: undefined })),
      context,
    );
    expect(decided.ok ? [] : decided.issues.map((i) => [i.code, i.path])).toEqual([
      ["mandatory-question", ["response", "answers"]],
    ]);
    const batch = decideResponse(
      emptyLedger(),
      {
        type: "enter-paper-batch",
        batch: "b1",
        enteredBy: "clerk",
        responses: [
          { response: centreResponse },
          { response: variant({ satisfaction: undefined }) },
        ],
        at: during,
      },
      context,
    );
    expect(batch.ok ? [] : batch.issues.map((i) => i.path)).toEqual([
      ["responses", 1, "response", "answers"],
    ]);
  });
});

afterAll(() => {
  // Every code of the catalogue has its case above.
  expect(Object.keys(consultationIssueMessages).filter((code) => !hit.has(code))).toEqual([]);
});
