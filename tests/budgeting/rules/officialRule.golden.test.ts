import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { officialRule, officialRuleIds } from "../../../src/budgeting/index.js";
import { parsePabulib } from "../../../src/io/index.js";
import { locatePabulib, manifest } from "../../helpers/data.js";

// Every real election whose META rule civitas knows and that publishes the officially
// selected projects must come out exactly as the city counted.
const golden = manifest.filter(
  (entry) =>
    officialRuleIds.includes(entry.rule) && entry.has_selected_column && entry.selected !== null,
);

describe("officialRule reproduces the published results", () => {
  it("covers every greedy and equal-shares election with a selected column in the manifest", () => {
    expect(golden.map((entry) => entry.file).sort()).toEqual([
      "approval/Poland_Lodz_2022.pb",
      "approval/Poland_Warszawa_2023_Wola.pb",
      "approval/Poland_Warszawa_2026.pb",
      "approval/Poland_Warszawa_2026_Stare_Bielany.pb",
      "choose1/Poland_Wroclaw_2015_150_-_500.pb",
      "cumulative/Poland_Katowice_2021.pb",
      "mes_official/Netherlands_Assen_2024.pb",
      "mes_official/Netherlands_Assen_2025.pb",
      "mes_official/Poland_Swiecie_2023.pb",
      "mes_official/Poland_Wieliczka_2023_Green_Budget.pb",
      "mes_official/alt_versions/equalshares-compute-tool__poland_wieliczka_2023_green-budget.pb",
      "mes_official/alt_versions/pabutools-analysis__poland_wieliczka_2023.pb",
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
