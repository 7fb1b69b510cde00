import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateProcess } from "../../src/calendar/index.js";
import {
  citizenView,
  countedSupports,
  participationFigures,
  proposalEventSchema,
  proposalHistory,
  replay,
  toBudgetInstance,
} from "../../src/proposals/index.js";
import { repoRoot } from "../helpers/data.js";
import { runCliInProcess } from "../helpers/runCliInProcess.js";

const read = (...parts: string[]) => readFileSync(join(repoRoot, "examples", ...parts), "utf8");
const events = (name: string) =>
  (JSON.parse(read("proposals", name)) as unknown[]).map((event) =>
    proposalEventSchema.parse(event),
  );
const process = (name: string) => {
  const checked = validateProcess(JSON.parse(read("calendar", name)));
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.value;
};

describe("examples/proposals: Val-de-Marne consultation", () => {
  const log = events("val-de-marne-mobilites.events.json");
  const state = replay(log);

  it("the stored log is what the commands give", () => {
    const commands = join(
      repoRoot,
      "examples",
      "proposals",
      "val-de-marne-mobilites.commands.json",
    );
    const calendar = join(repoRoot, "examples", "calendar", "val-de-marne-consultation.json");
    const applied = runCliInProcess(["proposals", "apply", commands, "--process", calendar]);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toEqual(
      JSON.parse(read("proposals", "val-de-marne-mobilites.events.json")),
    );
    expect(
      applied.stderr
        .trim()
        .split("\n")
        .map((line) => line.replace(/^.*?: refused as expected: /, "")),
    ).toEqual([
      'the phase "Information" does not permit proposals.create',
      "h-creteil-12 has used all 3 supports",
      "c4 has supports and can no longer be withdrawn",
      'the phase "Réponses du Département" does not permit proposals.support',
    ]);
  });

  it("propose, support, comment, amend, answer: replayed from the event log", () => {
    const c1 = state.proposals.c1;
    expect(c1?.versions.map((version) => version.title)).toEqual([
      "Une piste cyclable continue sur la RD 7",
      "Une piste cyclable séparée et continue sur la RD 7",
    ]);
    expect(state.amendments.a2).toMatchObject({ status: "rejected", promotedTo: "c5" });
    expect(
      Object.values(state.proposals).map((p) => [p.id, p.answer?.state, p.answer?.published]),
    ).toEqual([
      ["c1", "accepted", true],
      ["c2", "transmitted", true],
      ["c3", "accepted", true],
      ["c4", "rejected", true],
      ["c5", "transmitted", true],
    ]);
    // minimumSupports 2: h-ivry-02, h-vitry-04, h-villejuif-11 and h-creteil-12 each support two or three.
    expect(countedSupports(state, { minimumSupports: 2 })).toEqual({
      c1: 3,
      c2: 2,
      c3: 3,
      c4: 1,
      c5: 0,
    });
    const figures = participationFigures(log, {
      process: process("val-de-marne-consultation.json"),
    });
    expect(figures.total).toEqual({
      participants: 12,
      proposals: 5,
      supports: 9,
      endorsements: 1,
      comments: { favour: 1, against: 2, neutral: 1 },
    });
    expect(figures.byPhase.contributions?.supportsGiven).toBe(9);
    expect(Object.keys(figures.byScope)).toEqual(["vitry-sur-seine", "villejuif", "creteil"]);
    expect(proposalHistory(log, "c1").map((event) => event.type)).toEqual([
      "created",
      "published",
      "supported",
      "supported",
      "commented",
      "commented",
      "endorsed",
      "supported",
      "amendment-created",
      "amendment-status",
      "amendment-status",
      "versioned",
      "answered",
      "answer-published",
    ]);
  });
});

describe("examples/proposals: Angers, from ideas to budget projects", () => {
  const log = events("angers-ideas.events.json");
  const state = replay(log);

  it("accepted ideas with their costs become the projects of a budget; the merge counts r-0411 once", () => {
    expect(state.proposals.i7).toMatchObject({
      origin: { kind: "merge", from: ["i5", "i6"] },
      supporters: ["r-0411", "r-0412", "r-0413"],
    });
    expect(state.supportsOf["r-0411"]).toEqual(["i7"]);
    expect(state.proposals.i4?.coauthors).toEqual(["r-0102"]);
    const instance = toBudgetInstance(state, { budget: 100_000n, scale: 0 });
    expect(instance.ok).toBe(true);
    if (!instance.ok) return;
    expect(
      instance.value.projects.map((project) => [project.id, project.cost, project.fields.scope]),
    ).toEqual([
      ["i1", 18_000n, "doutre"],
      ["i2", 6_500n, "centre-ville"],
      ["i4", 25_000n, "belle-beille"],
      ["i3", 12_000n, "monplaisir"],
      ["i8", 3_200n, "justices"],
      ["i7", 48_000n, "lac-de-maine"],
    ]);
    // The rejected parking is not a project; the valuator's note never reaches citizens.
    expect(instance.value.projects.some((project) => project.id === "i9")).toBe(false);
    const i1 = state.proposals.i1;
    expect(i1?.notes).toHaveLength(1);
    expect(i1 && citizenView(i1)).not.toHaveProperty("notes");
  });

  it("figures by phase follow the calendar", () => {
    const figures = participationFigures(log, {
      process: process("angers-budget-participatif-2026.json"),
    });
    expect(figures.byPhase.ideas).toEqual({
      participants: 28,
      proposalsCreated: 8,
      supportsGiven: 18,
      supportsWithdrawn: 0,
      endorsements: 1,
      comments: 3,
    });
    expect(figures.total.supports).toBe(17);
  });
});
