import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  componentProgress,
  type Result,
  type ResultStatus,
  resultProgress,
  resultsFromProjects,
} from "../../src/accountability/index.js";
import { parseResultsCsv, writeResultsCsv } from "../../src/io/index.js";
import { fixturesDir } from "../helpers/data.js";

const statuses: ResultStatus[] = [
  { id: "1", key: "planned", name: { ca: "Planificat" }, progress: 0 },
  { id: "2", key: "in_progress", name: { ca: "En curs" }, progress: 50 },
  { id: "3", key: "finished", name: { ca: "Acabat" }, progress: 100 },
];
const fixture = readFileSync(join(fixturesDir, "accountability", "decidim-results.csv"), "utf8");

describe("results from a Decidim CSV", () => {
  it("reads Decidim's export columns (`;`, two locales, quoted separators, quotes and line breaks, whole proposal ids)", () => {
    const read = parseResultsCsv(fixture, { statuses });
    if (!read.ok) throw new Error(read.issues[0]?.message);
    const byId = new Map(read.value.map((r) => [r.id, r]));
    expect([...byId.keys()]).toEqual(["101", "102", "103", "104", "201", "301"]);
    expect(byId.get("101")).toMatchObject({
      title: { ca: "Xarxa de carrils bici", es: "Red de carriles bici" },
      description: { ca: "<p>Nous carrils; connexions entre barris</p>" },
      categoryId: "7",
      scopeId: "3",
      statusId: "2",
      startDate: "2025-03-01",
      endDate: "2026-06-30",
      // Whole ids: Decidim's importer of that era kept only the last digit (3 and 7).
      proposalIds: ["123", "4087"],
    });
    expect(byId.get("101")?.progress).toBeUndefined();
    expect(byId.get("103")?.description.es).toBe('Tramo "A" y tramo "B"');
    expect(byId.get("201")?.description.ca).toBe("Dos horts:\nun al nord, un al sud");
    expect(byId.get("104")).toMatchObject({ parentId: "101", statusId: "1", proposalIds: ["98"] });
    expect(byId.get("301")).toEqual({
      id: "301",
      title: { ca: "Il·luminació del parc", es: "Iluminación del parque" },
      description: {},
      proposalIds: [],
      projectIds: [],
      timeline: [],
    });
    // A parent's progress: the mean of its children that have one (104 has none).
    const progress = resultProgress(read.value);
    expect(progress.get("101")).toBe(70);
    // The component: Decidim's overview counts 301 (no progress) as 0; the parent rule leaves it out.
    expect(componentProgress(read.value, "overview")).toBeCloseTo((70 + 100 + 0) / 3, 12);
    expect(componentProgress(read.value, "parents")).toBe(85);
  });

  it("writes what it reads: export then import gives the same results, for any tree", () => {
    const read = parseResultsCsv(fixture, { statuses });
    if (!read.ok) throw new Error("unreadable fixture");
    for (const separator of [",", ";"] as const) {
      const again = parseResultsCsv(writeResultsCsv(read.value, { statuses, separator }), {
        statuses,
      });
      expect(again).toEqual(read);
    }
    const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || "x");
    const trees = fc.array(
      fc.record({
        title: text,
        description: fc.option(text, { nil: undefined }),
        parent: fc.nat(),
        hasParent: fc.boolean(),
        progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        weight: fc.option(fc.constantFrom(0.25, 0.5, 1, 2), { nil: undefined }),
        proposals: fc.array(fc.integer({ min: 1, max: 99_999 }).map(String), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(trees, (rows) => {
        const results: Result[] = rows.map((row, k) => ({
          id: `r${k}`,
          title: { fr: row.title },
          description: row.description === undefined ? {} : { fr: row.description },
          ...(row.hasParent && k > 0 ? { parentId: `r${row.parent % k}` } : {}),
          ...(row.progress === undefined ? {} : { progress: row.progress }),
          ...(row.weight === undefined ? {} : { weight: row.weight }),
          proposalIds: row.proposals,
          projectIds: [],
          timeline: [],
        }));
        const back = parseResultsCsv(writeResultsCsv(results));
        expect(back).toEqual({ ok: true, value: results, warnings: [] });
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it("reads a broken CSV as nothing, naming each problem's line and column", () => {
    const lines = fixture.split("\n");
    // Line 3 (result 102) gets a parent that does not exist and a progress of 140.
    const line = (lines[2] as string)
      .replace(";101;Carril", ";999;Carril")
      .replace(";100;2024", ";140;2024");
    lines[2] = line;
    const broken = parseResultsCsv(lines.join("\n"), { statuses });
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(
        broken.issues.map((issue) => [issue.code, issue.params.line, issue.params.column]),
      ).toEqual([
        ["invalid-progress", 3, line.indexOf(";140;") + 2],
        ["unknown-parent", 3, line.indexOf(";999;") + 2],
      ]);
    const cycle = parseResultsCsv("id,title/en,parent/id\na,A,b\nb,B,a\n");
    expect(!cycle.ok && cycle.issues.map((i) => i.code)).toEqual(["parent-cycle", "parent-cycle"]);
    const badUrl = parseResultsCsv(
      "id,title/en,proposal_urls,start_date\na,A,https://x.org/proposals/new,2025-02-30\n",
    );
    expect(!badUrl.ok && badUrl.issues.map((i) => i.message)).toEqual([
      'line 2, column 5: "https://x.org/proposals/new" does not end with a proposal id',
      'line 2, column 33: start_date "2025-02-30" is not a real day written YYYY-MM-DD',
    ]);
    expect(parseResultsCsv('id,title/en\na,"never closed\n')).toMatchObject({
      ok: false,
      issues: [{ code: "unterminated-quote" }],
    });
  });
});

describe("progress", () => {
  it("keeps every parent between its children's smallest and largest progress, weighted or not", () => {
    const trees = fc.array(
      fc.record({
        parent: fc.nat(),
        progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        weight: fc.option(fc.constantFrom(0, 0.1, 0.25, 0.5, 1, 3), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(trees, (rows) => {
        const results: Result[] = rows.map((row, k) => ({
          id: `r${k}`,
          title: { en: `r${k}` },
          description: {},
          ...(k > 0 ? { parentId: `r${row.parent % k}` } : {}),
          ...(row.progress === undefined ? {} : { progress: row.progress }),
          ...(row.weight === undefined ? {} : { weight: row.weight }),
          proposalIds: [],
          projectIds: [],
          timeline: [],
        }));
        const progress = resultProgress(results);
        for (const parent of results) {
          const kids = results.filter((r) => r.parentId === parent.id);
          if (kids.length === 0) {
            expect(progress.get(parent.id)).toBe(parent.progress);
            continue;
          }
          const weighted =
            kids.some((kid) => kid.weight !== undefined) &&
            (kids.length === 1 || !kids.some((kid) => kid.weight === 1));
          // In the weighted mean a child without progress counts 0, as in Decidim.
          const values = kids
            .map((kid) => progress.get(kid.id))
            .map((v) => (weighted ? (v ?? 0) : v))
            .filter((v): v is number => v !== undefined);
          const value = progress.get(parent.id);
          if (values.length === 0) expect(value).toBeUndefined();
          else {
            expect(value).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
            expect(value).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
          }
        }
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it("weights as Decidim does: Σ progress × weight with fractions that add up to 1; the mean when a child weighs 1", () => {
    const child = (id: string, progress: number, weight?: number): Result => ({
      id,
      title: { en: id },
      description: {},
      parentId: "p",
      progress,
      ...(weight === undefined ? {} : { weight }),
      proposalIds: [],
      projectIds: [],
      timeline: [],
    });
    const parent: Result = {
      id: "p",
      title: { en: "p" },
      description: {},
      proposalIds: [],
      projectIds: [],
      timeline: [],
    };
    expect(resultProgress([parent, child("a", 100, 0.25), child("b", 20, 0.75)]).get("p")).toBe(40);
    expect(resultProgress([parent, child("a", 100, 1), child("b", 20, 0.75)]).get("p")).toBe(60);
    expect(resultProgress([parent, child("a", 80, 0.5)]).get("p")).toBe(80);
  });

  it("makes results of a budget's selected projects with the status of lowest progress, linked to their proposals", () => {
    const made = resultsFromProjects(
      [
        { id: "P-7", name: "Skate park", proposalIds: ["41", "42"] },
        { id: "P-9", name: "Library garden", description: "Benches and shade" },
      ],
      [statuses[2] as ResultStatus, statuses[1] as ResultStatus, statuses[0] as ResultStatus],
      { idOf: (project) => `R-${project.id}`, locale: "fr" },
    );
    expect(made).toEqual([
      {
        id: "R-P-7",
        title: { fr: "Skate park" },
        description: {},
        statusId: "1",
        progress: 0,
        proposalIds: ["41", "42"],
        projectIds: ["P-7"],
        timeline: [],
      },
      {
        id: "R-P-9",
        title: { fr: "Library garden" },
        description: { fr: "Benches and shade" },
        statusId: "1",
        progress: 0,
        proposalIds: [],
        projectIds: ["P-9"],
        timeline: [],
      },
    ]);
  });
});
