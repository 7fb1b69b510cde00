// The voting page: no framework, civitas's checks in the browser, the HTTP example behind
// /api. Built by build.ts into out/page.js.
import {
  type BallotRules,
  type BudgetBallot,
  ballotRulesFromJson,
  canAdd,
  canSubmit,
} from "civitas/budgeting";
import type { Issue } from "civitas/core";
import { issueText, type Language, words } from "./messages.js";

interface Budget {
  readonly budget: string;
  readonly projects: readonly { id: string; name: string; cost: string }[];
  readonly rules: unknown;
}

interface Step {
  readonly project: string;
  readonly action: "selected" | "skipped";
  readonly reason: string;
  readonly measure: string;
  readonly value: string;
  readonly cost: string;
  readonly payments?: readonly { voters: number; amount: string; all: boolean }[];
}

let language: Language = document.documentElement.lang === "fr" ? "fr" : "en";
let budget: Budget;
let rules: BallotRules;
let ballot: BudgetBallot = { projects: [] };
let messages: readonly Issue[] = [];
let receipt: string | undefined;
let results: { selected: string[]; explanation: Step[] } | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const euros = (amount: bigint | string) =>
  `${BigInt(amount).toLocaleString(language === "fr" ? "fr-FR" : "en-GB")} €`;
const nameOf = (id: string) => budget.projects.find((project) => project.id === id)?.name ?? id;

async function api(method: string, path: string, body?: unknown) {
  const participant = $<HTMLInputElement>("participant").value.trim();
  const response = await fetch(`/api${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(participant === "" ? {} : { "x-participant": participant }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

function toggle(project: string) {
  const chosen = ballot.projects.includes(project);
  if (chosen) {
    ballot = { projects: ballot.projects.filter((each) => each !== project) };
    messages = [];
  } else {
    const check = canAdd(rules, ballot, project);
    messages = check.ok ? [] : check.issues;
    if (check.ok) ballot = { projects: [...ballot.projects, project] };
  }
  render();
}

async function submit() {
  const check = canSubmit(rules, ballot);
  if (!check.ok) {
    messages = check.issues;
    return render();
  }
  const answer = await api("POST", "/ballot", ballot);
  messages = answer.status === 201 ? [] : answer.json.issues;
  receipt = answer.status === 201 ? answer.json.receipt.digest : receipt;
  render();
}

async function showResults() {
  const answer = await api("GET", "/results");
  if (answer.status !== 200) messages = answer.json.issues;
  else results = answer.json.outcome;
  render();
}

/** Horizontal bars: each funded project's cost, the budget as the scale. */
function chart(selected: readonly string[]): string {
  const width = 520;
  const row = 28;
  const scale = Number(budget.budget);
  const bars = selected.map((id, k) => {
    const cost = Number(budget.projects.find((project) => project.id === id)?.cost ?? 0);
    const length = Math.max(2, Math.round((cost / scale) * (width - 200)));
    const y = 8 + k * row;
    return `<text x="0" y="${y + 14}" font-size="13">${escapeXml(nameOf(id)).slice(0, 28)}</text><rect x="190" y="${y}" width="${length}" height="${row - 10}" fill="#1f5f8b"></rect><text x="${196 + length}" y="${y + 14}" font-size="12">${euros(String(cost))}</text>`;
  });
  return `<svg role="img" aria-labelledby="chart-title" width="${width}" height="${16 + selected.length * row}" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">${words[language].funded}</title>${bars.join("")}</svg>`;
}

function why(step: Step): string {
  const text = words[language];
  const paid = (step.payments ?? []).map(
    (payment) => `<li>${text.paid(payment.voters, payment.amount)}</li>`,
  );
  return `<li><strong>${escapeXml(nameOf(step.project))}</strong>: ${step.action} (${step.reason}; ${step.measure} ${step.value})${paid.length > 0 ? `<ul>${paid.join("")}</ul>` : ""}</li>`;
}

function render() {
  const text = words[language];
  document.documentElement.lang = language;
  $("title").textContent = text.title;
  $("participant-label").textContent = text.participant;
  $("projects-title").textContent = text.projects;
  $("language").textContent = text.language;
  const total = ballot.projects.reduce(
    (sum, id) => sum + BigInt(budget.projects.find((project) => project.id === id)?.cost ?? 0),
    0n,
  );
  $("total").textContent = text.chosen(euros(total), euros(budget.budget));
  $("projects").innerHTML = budget.projects
    .map((project) => {
      const chosen = ballot.projects.includes(project.id);
      return `<li><span>${escapeXml(project.name)} — ${euros(project.cost)}</span> <button type="button" data-project="${escapeXml(project.id)}" aria-pressed="${chosen}">${chosen ? text.remove : text.add}<span class="visually-hidden"> ${escapeXml(project.name)}</span></button></li>`;
    })
    .join("");
  // Issues name projects by id: the voter reads their names.
  const named = (issue: Issue): Issue =>
    typeof issue.params.project === "string"
      ? { ...issue, params: { ...issue.params, project: nameOf(issue.params.project) } }
      : issue;
  $("messages").innerHTML = messages
    .map((issue) => `<p>${escapeXml(issueText(named(issue), language))}</p>`)
    .join("");
  $("submit").textContent = text.submit;
  $("receipt").textContent = receipt === undefined ? "" : text.submitted(receipt);
  $("results-title").textContent = text.results;
  $("show-results").textContent = text.showResults;
  $("results").innerHTML =
    results === undefined
      ? ""
      : `<h3>${text.funded}</h3>${chart(results.selected)}<h3>${text.why}</h3><ul>${results.explanation.map(why).join("")}</ul>`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

async function start() {
  budget = (await api("GET", "/budget")).json;
  const read = ballotRulesFromJson(budget.rules);
  if (!read.ok) throw new Error(read.issues[0]?.message);
  rules = read.value;
  $("projects").addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest("button");
    const project = button?.dataset.project;
    if (project !== undefined) toggle(project);
  });
  $("submit").addEventListener("click", () => void submit());
  $("show-results").addEventListener("click", () => void showResults());
  $("language").addEventListener("click", () => {
    language = language === "en" ? "fr" : "en";
    render();
  });
  render();
}

void start();
