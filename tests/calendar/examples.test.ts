import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  isAllowed,
  nextTransition,
  phaseAt,
  timeline,
  toICalendar,
  validateProcess,
  validateProcessGroup,
} from "../../src/calendar/index.js";
import { repoRoot } from "../helpers/data.js";

const load = (name: string) => {
  const checked = validateProcess(
    JSON.parse(readFileSync(join(repoRoot, "examples", "calendar", name), "utf8")),
  );
  if (!checked.ok) throw new Error(checked.issues.map((issue) => issue.message).join("\n"));
  return checked.value;
};

describe("the example processes", () => {
  const angers = load("angers-budget-participatif-2026.json");
  const valDeMarne = load("val-de-marne-consultation.json");

  it("Angers: the vote opens at 9:00 Paris time and only then permits voting", () => {
    const opening = Date.parse("2026-09-14T07:00:00Z");
    expect(phaseAt(angers, opening - 1).phase).toBeUndefined();
    expect(isAllowed(angers, "budget.vote", opening - 1)).toMatchObject({ allowed: false });
    expect(isAllowed(angers, "budget.vote", opening)).toEqual({ allowed: true, phase: "vote" });
    expect(nextTransition(angers, opening)).toEqual({
      at: Date.parse("2026-10-11T21:59:00Z"),
      ends: "vote",
    });
    expect(timeline(angers, opening).map((entry) => entry.status)).toEqual([
      "past",
      "past",
      "current",
      "upcoming",
      "upcoming",
    ]);
  });

  it("Val-de-Marne: phases follow each other with no gap; supports only during contributions", () => {
    expect(phaseAt(valDeMarne, Date.parse("2026-03-01T10:00:00Z")).permits).toContain(
      "proposals.support",
    );
    expect(
      isAllowed(valDeMarne, "proposals.support", Date.parse("2026-04-10T10:00:00Z")),
    ).toMatchObject({
      allowed: false,
      reasons: ['the phase "Réponses du Département" does not permit proposals.support'],
    });
  });

  it("both export to iCalendar, one event per phase", () => {
    const stamp = Date.parse("2026-01-01T00:00:00Z");
    expect(toICalendar(angers, { stamp }).match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(toICalendar(valDeMarne, { stamp }).match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });
});

describe("a group of processes", () => {
  const read = (name: string) =>
    JSON.parse(readFileSync(join(repoRoot, "examples", "calendar", name), "utf8")) as Record<
      string,
      unknown
    >;

  it("validates every process, with paths into the group, and refuses repeated ids", () => {
    const angers = read("angers-budget-participatif-2026.json");
    const group = validateProcessGroup({
      id: "examples",
      title: "Examples",
      processes: [angers, read("val-de-marne-consultation.json")],
    });
    expect(group.ok && group.value.processes.map((process) => process.definition.id)).toEqual([
      "angers-bp-2026",
      "vdm-mobilites-2026",
    ]);
    const broken = validateProcessGroup({
      id: "examples",
      title: "Examples",
      processes: [angers, { ...angers, timeZone: "Mars/Olympus" }, angers],
    });
    expect(!broken.ok && broken.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["unknown-time-zone", ["processes", 1, "timeZone"]],
      ["duplicate-process", ["processes", 2, "id"]],
    ]);
  });
});
