import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { officialRule } from "../../src/budgeting/index.js";
import { parsePabulib } from "../../src/io/index.js";
import { locatePabulib, manifest } from "../helpers/data.js";

// Every real election whose META rule is a greedy variant and that publishes the
// officially selected projects must come out exactly as the city counted.
const golden = manifest.filter(
  (entry) =>
    ["greedy", "greedy-no-skip", "greedy-threshold"].includes(entry.rule) &&
    entry.has_selected_column &&
    entry.selected !== null,
);

describe("officialRule reproduces the published results", () => {
  it("covers every greedy election with a selected column in the manifest", () => {
    expect(golden.map((entry) => entry.file)).toEqual([
      "approval/Poland_Lodz_2022.pb",
      "approval/Poland_Warszawa_2023_Wola.pb",
      "approval/Poland_Warszawa_2026.pb",
      "approval/Poland_Warszawa_2026_Stare_Bielany.pb",
      "choose1/Poland_Wroclaw_2015_150_-_500.pb",
      "cumulative/Poland_Katowice_2021.pb",
      "ordinal/Poland_Krakow_2022_Lagiewniki-Borek_Falecki.pb",
      "ordinal/Poland_Krakow_2024.pb",
      "ordinal/Poland_Krakow_2025_Pradnik_Bialy.pb",
    ]);
  });

  for (const entry of golden) {
    const path = locatePabulib(entry.file);
    const absent =
      path === undefined
        ? " — skipped: not in tests/fixtures, examples/data or ../shared/data/pabulib"
        : "";
    it.skipIf(path === undefined)(`${entry.file} (${entry.rule})${absent}`, () => {
      const parsed = parsePabulib(readFileSync(path as string, "utf8"));
      if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("\n"));
      const { instance, profile } = parsed.value;
      const outcome = officialRule(instance, profile);
      if (!outcome.ok) throw new Error(outcome.issues.map((issue) => issue.message).join("\n"));
      expect([...outcome.value.selected].sort()).toEqual([...(entry.selected ?? [])].sort());
      // The file's own selected column agrees with the manifest.
      const marked = instance.projects.filter((p) => p.fields.selected === "1").map((p) => p.id);
      expect(marked.sort()).toEqual([...(entry.selected ?? [])].sort());
      expect(outcome.value.cost <= instance.budget).toBe(true);
    });
  }
});
