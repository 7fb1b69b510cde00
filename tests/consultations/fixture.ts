import { validateProcess } from "../../src/calendar/index.js";
import { parseQuestionnaire, type Questionnaire } from "../../src/consultations/index.js";

/**
 * A questionnaire with every question type and every kind of display condition, in the
 * manner of Nivelles' survey of its municipal services.
 */
export const questionnaireData = {
  id: "services",
  title: { fr: "Vos services communaux", nl: "Uw gemeentediensten" },
  allowEditing: true,
  questions: [
    { id: "intro", type: "title_and_description", body: "Bienvenue", description: "Dix minutes" },
    {
      id: "district",
      type: "single_option",
      body: { fr: "Votre quartier", nl: "Uw wijk" },
      mandatory: true,
      maxCharacters: 30,
      options: [
        { id: "centre", body: { fr: "Centre", nl: "Centrum" } },
        { id: "nord", body: "Nord" },
        { id: "sud", body: "Sud" },
        { id: "other", body: "Autre", freeText: true },
      ],
    },
    {
      id: "services",
      type: "multiple_option",
      body: "Les services que vous utilisez",
      maxChoices: 3,
      options: [
        { id: "proprete", body: "Propreté" },
        { id: "parcs", body: "Parcs" },
        { id: "culture", body: "Culture" },
        { id: "sport", body: "Sport" },
        { id: "mobilite", body: "Mobilité" },
      ],
    },
    {
      id: "suggestion",
      type: "short_answer",
      body: "Une suggestion pour ces services",
      maxCharacters: 40,
      displayConditions: [{ question: "services", type: "answered", mandatory: true }],
    },
    { id: "step2", type: "separator" },
    {
      id: "centre-comment",
      type: "long_answer",
      body: "Le centre-ville en un mot",
      mandatory: true,
      displayConditions: [
        { question: "district", type: "equal", option: "centre", mandatory: true },
      ],
    },
    {
      id: "outside",
      type: "short_answer",
      body: "Hors du centre, ce qui manque",
      displayConditions: [
        { question: "district", type: "not_equal", option: "centre", mandatory: true },
      ],
    },
    {
      id: "why-none",
      type: "long_answer",
      body: "Pourquoi aucun service ?",
      displayConditions: [{ question: "services", type: "not_answered", mandatory: true }],
    },
    {
      id: "bike",
      type: "short_answer",
      body: "Où manque-t-il des arceaux vélo ?",
      displayConditions: [
        { question: "suggestion", type: "match", value: { fr: "vélo", nl: "fiets" } },
      ],
    },
    {
      id: "north-south",
      type: "single_option",
      body: "Vous traversez la ville pour",
      options: [
        { id: "work", body: "Travailler" },
        { id: "shop", body: "Faire vos courses" },
      ],
      displayConditions: [
        { question: "district", type: "equal", option: "nord" },
        { question: "district", type: "equal", option: "sud" },
      ],
    },
    {
      id: "priorities",
      type: "sorting",
      body: "Classez les priorités",
      options: [
        { id: "voirie", body: "Voirie" },
        { id: "ecoles", body: "Écoles" },
        { id: "seniors", body: "Aînés" },
      ],
    },
    {
      id: "satisfaction",
      type: "matrix_single",
      body: "Votre satisfaction",
      mandatory: true,
      rows: [
        { id: "accueil", body: "Accueil" },
        { id: "delais", body: "Délais" },
      ],
      options: [
        { id: "good", body: "Bonne" },
        { id: "average", body: "Moyenne" },
        { id: "bad", body: "Mauvaise" },
      ],
    },
    {
      id: "usage",
      type: "matrix_multiple",
      body: "Comment les contactez-vous ?",
      maxChoices: 2,
      rows: [
        { id: "population", body: "Population" },
        { id: "urbanisme", body: "Urbanisme" },
      ],
      options: [
        { id: "guichet", body: "Au guichet" },
        { id: "telephone", body: "Par téléphone" },
        { id: "internet", body: "En ligne" },
      ],
    },
  ],
};

export const questionnaire: Questionnaire = (() => {
  const parsed = parseQuestionnaire(questionnaireData);
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  return parsed.value;
})();

/** A complete valid response from the centre. */
export const centreResponse = {
  answers: [
    { question: "district", choices: [{ option: "centre" }] },
    { question: "services", choices: [{ option: "parcs" }, { option: "culture" }] },
    { question: "suggestion", text: "Plus de places vélo" },
    { question: "centre-comment", text: "Vivant" },
    { question: "bike", text: "Grand-Place" },
    {
      question: "priorities",
      choices: [{ option: "ecoles" }, { option: "voirie" }, { option: "seniors" }],
    },
    {
      question: "satisfaction",
      matrix: [
        { row: "accueil", options: ["good"] },
        { row: "delais", options: ["average"] },
      ],
    },
    { question: "usage", matrix: [{ row: "population", options: ["guichet", "internet"] }] },
  ],
};

/** The consultation's calendar: responses accepted in March 2026, Brussels time. */
export const process = (() => {
  const checked = validateProcess({
    id: "nivelles",
    title: "Consultation sur les services",
    timeZone: "Europe/Brussels",
    phases: [
      {
        id: "survey",
        title: "Questionnaire",
        start: "2026-03-01",
        end: "2026-03-31",
        permits: ["consultation.respond"],
      },
    ],
  });
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.value;
})();

/** 10 March 2026, noon in Nivelles. */
export const during = Date.UTC(2026, 2, 10, 11);
