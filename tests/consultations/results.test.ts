import { describe, expect, it } from "vitest";
import { type CountedResponse, questionnaireResults } from "../../src/consultations/index.js";
import { rational } from "../../src/core/index.js";
import {
  questionnaireResultsCsv,
  questionnaireResultsJson,
  surveyExportCsv,
  surveyExportJson,
} from "../../src/io/index.js";
import { centreResponse, during, questionnaire } from "./fixture.js";

const north = {
  answers: [
    { question: "district", choices: [{ option: "other", text: "Baulers" }] },
    { question: "services", choices: [{ option: "parcs" }] },
    { question: "suggestion", text: "  plus de VÉLOS " },
    { question: "outside", text: "=SUM(A1)" },
    {
      question: "priorities",
      choices: [{ option: "voirie" }, { option: "seniors" }, { option: "ecoles" }],
    },
    {
      question: "satisfaction",
      matrix: [
        { row: "accueil", options: ["bad"] },
        { row: "delais", options: ["bad"] },
      ],
    },
  ],
};
const responses: CountedResponse[] = [
  {
    id: "ana",
    channel: "online",
    response: centreResponse,
    attributes: { age: "30-49" },
    at: during,
  },
  { id: "bo", channel: "online", response: north, attributes: { age: "65+" }, at: during },
  {
    id: "b1#1",
    channel: "paper",
    batch: "b1",
    response: centreResponse,
    attributes: {},
    at: during,
  },
];

describe("questionnaire results", () => {
  const results = questionnaireResults(questionnaire, responses);
  const q = (id: string) => results.questions.find((r) => r.question === id);

  it("count options online and on paper, with both shares", () => {
    expect(results.respondents).toEqual({ online: 2, paper: 1, total: 3 });
    const services = q("services");
    if (services?.type !== "multiple_option") throw new Error("services");
    expect(services.choices).toBe(5);
    const parcs = services.options.find((o) => o.option === "parcs");
    expect(parcs?.count).toEqual({ online: 2, paper: 1, total: 3 });
    expect(parcs?.shareOfRespondents).toEqual(rational(1));
    expect(parcs?.shareOfAnswers).toEqual(rational(3, 5));
    const district = q("district");
    if (district?.type !== "single_option") throw new Error("district");
    expect(district.options.find((o) => o.option === "other")?.texts).toEqual([
      { text: "Baulers", count: 1 },
    ]);
  });

  it("aggregate sortings by mean position and Borda score", () => {
    const priorities = q("priorities");
    if (priorities?.type !== "sorting") throw new Error("priorities");
    // ecoles 1st twice and 3rd once: mean 5/3, Borda 2 + 2 + 0.
    expect(priorities.options.find((o) => o.option === "ecoles")).toMatchObject({
      meanPosition: rational(5, 3),
      borda: 4,
      positions: [2, 0, 1],
    });
    expect(priorities.ranking).toEqual(["voirie", "ecoles", "seniors"]);
  });

  it("count matrices row by row, list texts once however they are written", () => {
    const satisfaction = q("satisfaction");
    if (satisfaction?.type !== "matrix_single") throw new Error("satisfaction");
    expect(satisfaction.rows[0]?.options.map((o) => o.count.total)).toEqual([2, 0, 1]);
    const suggestion = q("suggestion");
    if (suggestion?.type !== "short_answer") throw new Error("suggestion");
    expect(suggestion.texts).toEqual([
      { text: "Plus de places vélo", count: 2 },
      { text: "plus de VÉLOS", count: 1 },
    ]);
    // Shown to those the conditions show it to only.
    expect(q("centre-comment")?.shown.total).toBe(2);
    expect(q("outside")?.shown.total).toBe(1);
  });

  it("exports as Decidim does, and as JSON with exact fractions", () => {
    const csv = surveyExportCsv(questionnaire, responses, { lang: "fr" });
    const [header, first, second] = csv.split("\n");
    expect(header).toBe(
      "Answer ID;Answered on;User status;2. Votre quartier;3. Les services que vous utilisez;4. Une suggestion pour ces services;6. Le centre-ville en un mot;7. Hors du centre, ce qui manque;8. Pourquoi aucun service ?;9. Où manque-t-il des arceaux vélo ?;10. Vous traversez la ville pour;11. Classez les priorités;12. Votre satisfaction/Accueil;12. Votre satisfaction/Délais;13. Comment les contactez-vous ?/Population;13. Comment les contactez-vous ?/Urbanisme",
    );
    expect(first).toBe(
      "ana;2026-03-10 11:00:00;Online;Centre;Parcs, Culture;Plus de places vélo;Vivant;;;Grand-Place;;Écoles, Voirie, Aînés;Bonne;Moyenne;Au guichet, En ligne;",
    );
    // Free text in brackets; a formula is never a formula in a spreadsheet.
    expect(second).toContain(";Autre (Baulers);Parcs;");
    expect(second).toContain(";'=SUM(A1);");
    const json = JSON.parse(surveyExportJson(questionnaire, responses, { lang: "fr" }));
    expect(json[2]["User status"]).toBe("Paper (b1)");
    expect(json[0]["12. Votre satisfaction"]).toEqual({ Accueil: ["Bonne"], Délais: ["Moyenne"] });
    expect(
      JSON.parse(questionnaireResultsJson(results)).questions[1].options[1].shareOfAnswers,
    ).toBe("3/5");
    expect(questionnaireResultsCsv(results, { lang: "fr" }).split("\n")).toContain(
      "Les services que vous utilisez,,Parcs,2,1,3,1,3/5,,",
    );
  });
});
