// The page's words in English and French. Ballot refusals come from civitas's issue-code
// catalogue: English from `votingIssueMessages`, French from this record, which must name
// every code (the compiler says so when civitas adds one).

import { type VotingIssueCode, votingIssueMessages } from "civitas/budgeting";
import type { Issue } from "civitas/core";

export type Language = "en" | "fr";

type Params<K extends VotingIssueCode> = Parameters<(typeof votingIssueMessages)[K]>[0];
type French = { readonly [K in VotingIssueCode]: (p: Params<K>) => string };

const s = (n: number) => (n === 1 ? "" : "s");

const french: French = {
  "unknown-project": (p) => `le projet ${p.project} n'existe pas`,
  "already-in-ballot": (p) => `${p.project} est déjà dans votre choix`,
  "not-in-ballot": (p) => `${p.project} n'est pas dans votre choix`,
  "empty-ballot": () => "votre choix est vide : choisissez au moins un projet",
  "over-budget": (p) =>
    p.project === undefined
      ? `votre choix dépasse de ${p.over} le budget de ${p.limit}`
      : `ajouter ${p.project} dépasse de ${p.over} le budget de ${p.limit}`,
  "below-threshold": (p) =>
    `dépensez au moins ${p.minimum} (${p.percent} % du budget) : encore ${p.missing}`,
  "too-few-projects": (p) =>
    `choisissez au moins ${p.minimum} projet${s(p.minimum)} (${p.count} choisi${s(p.count)})`,
  "too-many-projects": (p) =>
    p.project === undefined
      ? `choisissez au plus ${p.maximum} projet${s(p.maximum)}`
      : `ajouter ${p.project} dépasse les ${p.maximum} projet${s(p.maximum)} permis`,
  "below-minimum-cost": (p) =>
    `les projets choisis doivent coûter au moins ${p.minimum} : encore ${p.missing}`,
  "category-over-budget": (p) =>
    `${p.project === undefined ? "votre choix" : `ajouter ${p.project}`} dépasse de ${p.over} les ${p.limit} permis pour ${p.category}`,
  "insufficient-funds": (p) =>
    `fonds insuffisants : ${p.project === undefined ? "votre choix" : `ajouter ${p.project}`} dépasse de ${p.over} les ${p.limit} de ${p.heading}`,
  "insufficient-votes": (p) =>
    `votes insuffisants : ${p.heading} prend au plus ${p.maximum} projet${s(p.maximum)}`,
  "different-heading-assigned": (p) =>
    "project" in p
      ? `${p.project} est dans ${p.heading}, mais ce vote porte déjà sur ${p.chosen} (une rubrique par groupe, ${p.group})`
      : `les soutiens de ${p.group} vont déjà à ${p.supported.join(", ")} : au plus ${p.maximum} rubrique${s(p.maximum)}`,
  "points-out-of-range": (p) =>
    `${p.project} reçoit ${p.points} points, hors de ${p.minimum ?? "…"}..${p.maximum ?? "…"}`,
  "points-sum-out-of-range": (p) =>
    `le total de ${p.sum} points est hors de ${p.minimum ?? "…"}..${p.maximum ?? "…"}`,
  "missing-points": (p) => `${p.project} n'a pas de points`,
};

/** An issue in the voter's language: by its code and params, the message as a fallback. */
export function issueText(issue: Issue, language: Language): string {
  const code = issue.code as VotingIssueCode;
  const catalogue = language === "fr" ? french : votingIssueMessages;
  const message = catalogue[code] as ((params: unknown) => string) | undefined;
  return message === undefined ? issue.message : message(issue.params);
}

export const words = {
  en: {
    title: "Angers participatory budget: your vote",
    participant: "Your participant id",
    projects: "Projects",
    add: "Add",
    remove: "Remove",
    chosen: (total: string, budget: string) => `Chosen: ${total} of ${budget}`,
    submit: "Submit my vote",
    submitted: (digest: string) => `Your vote is in. Receipt: ${digest.slice(0, 12)}…`,
    results: "Results",
    showResults: "Show the results",
    funded: "Funded projects",
    why: "Why",
    paid: (voters: number, amount: string) => `${voters} voters paid ${amount} € each`,
    language: "Français",
  },
  fr: {
    title: "Budget participatif d'Angers : votre vote",
    participant: "Votre identifiant",
    projects: "Projets",
    add: "Ajouter",
    remove: "Retirer",
    chosen: (total: string, budget: string) => `Choisi : ${total} sur ${budget}`,
    submit: "Envoyer mon vote",
    submitted: (digest: string) => `Votre vote est enregistré. Reçu : ${digest.slice(0, 12)}…`,
    results: "Résultats",
    showResults: "Voir les résultats",
    funded: "Projets financés",
    why: "Pourquoi",
    paid: (voters: number, amount: string) => `${voters} votants ont payé ${amount} € chacun`,
    language: "English",
  },
} as const;
