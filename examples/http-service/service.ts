// The service's setup: Angers' calendar, the budget its accepted ideas make, an embedded
// PostgreSQL (PGlite) holding the ballot box and the proposals' event log.
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { ballotRulesFromJson } from "civitas/budgeting";
import { validateProcess } from "civitas/calendar";
import {
  type ProposalEvent,
  proposalEventSchema,
  replay,
  toBudgetInstance,
} from "civitas/proposals";
import { ballotBox } from "civitas/storage";
import {
  migrateCivitas,
  pgliteDatabase,
  postgresBallotBoxStore,
  postgresEventStore,
} from "civitas/storage/postgres";
import { createApp } from "./app.js";

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));

export interface ServiceOptions {
  /** The clock; default the real one. */
  readonly now?: () => number;
  /** A folder for PGlite's data; default in memory. */
  readonly dataDir?: string;
  /** The rule the result is counted by (Pabulib META `rule`); default greedy, as Angers. */
  readonly rule?: "greedy" | "equalshares/add1";
}

export async function createService(options: ServiceOptions = {}) {
  const process = validateProcess(json("../calendar/angers-budget-participatif-2026.json"));
  if (!process.ok) throw new Error(process.issues[0]?.message);
  const ideas = (json("../proposals/angers-ideas.events.json") as unknown[]).map((event) =>
    proposalEventSchema.parse(event),
  );
  const instance = toBudgetInstance(replay(ideas), {
    budget: 100_000n,
    scale: 0,
    meta: { description: "Angers 2026", rule: options.rule ?? "greedy", vote_type: "approval" },
  });
  if (!instance.ok) throw new Error(instance.issues[0]?.message);
  // The ballot rules as JSON, as a voting page receives them: up to the budget, one project at least.
  const rulesJson = {
    currency: "EUR",
    scale: instance.value.scale,
    rule: { type: "constraints", maxSumCost: "100000", minLength: 1 },
    projects: instance.value.projects.map((project) => ({
      id: project.id,
      cost: String(project.cost),
    })),
  };
  const rules = ballotRulesFromJson(rulesJson);
  if (!rules.ok) throw new Error(rules.issues[0]?.message);

  const pglite = await PGlite.create(options.dataDir);
  const database = pgliteDatabase(pglite);
  await migrateCivitas(database);
  const box = ballotBox(postgresBallotBoxStore(database));
  const boxId = "angers-2026";
  // Linked: a voter may replace or withdraw their ballot until the box closes.
  await box.define({ id: boxId, secrecy: "linked", allowReplace: true, allowWithdraw: true });
  await box.open(boxId);
  const proposals = postgresEventStore<ProposalEvent>(database);

  const app = createApp({
    process: process.value,
    instance: instance.value,
    rules: rules.value,
    rulesJson,
    box,
    boxId,
    proposals,
    admins: ["ville-angers"],
    now: options.now ?? Date.now,
  });
  return { app, close: () => pglite.close() };
}
