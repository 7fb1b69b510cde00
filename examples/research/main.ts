// Compare budgeting rules on real Pabulib files: which projects each funds, the share of
// voters with a funded project, the satisfaction's Gini coefficient. Writes out/rules.csv
// and out/chart.svg (share of voters with a funded project, per file and rule).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { analyzeOutcome, pbRules } from "civitas/budgeting";
import { parsePabulib } from "civitas/io";

const RULES = ["greedy", "mes", "phragmen", "official"] as const;

export interface Row {
  readonly file: string;
  readonly rule: string;
  readonly funded: number;
  readonly shareWithFunded: number;
  readonly gini: number;
}

export function compare(files: readonly string[]): Row[] {
  const rows: Row[] = [];
  for (const file of files) {
    const parsed = parsePabulib(readFileSync(file, "utf8"));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.issues[0]?.message}`);
    const { instance, profile } = parsed.value;
    for (const id of RULES) {
      const rule = pbRules.find((each) => each.metadata.id === id);
      const outcome = rule?.run(instance, profile, id === "mes" ? { completion: "add1" } : {});
      if (outcome === undefined || !outcome.ok) continue;
      const analysis = analyzeOutcome(instance, profile, outcome.value.selected);
      rows.push({
        file: basename(file, ".pb"),
        rule: id === "mes" ? "mes/add1" : id,
        funded: outcome.value.selected.length,
        shareWithFunded: Number(analysis.shareWithFunded),
        gini: Number(analysis.satisfaction.gini),
      });
    }
  }
  return rows;
}

export function csv(rows: readonly Row[]): string {
  const lines = rows.map((row) =>
    [row.file, row.rule, row.funded, row.shareWithFunded.toFixed(4), row.gini.toFixed(4)].join(","),
  );
  return `file,rule,funded,share_with_funded,gini\n${lines.join("\n")}\n`;
}

/** Grouped horizontal bars: one group per file, one bar per rule. */
export function chart(rows: readonly Row[]): string {
  const files = [...new Set(rows.map((row) => row.file))];
  const colours = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1"];
  const bar = 18;
  const group = RULES.length * bar + 24;
  const width = 640;
  const left = 110;
  const parts: string[] = [];
  files.forEach((file, f) => {
    const top = 30 + f * group;
    parts.push(
      `<text x="4" y="${top - 8}" font-size="12" font-weight="bold">${escapeXml(file)}</text>`,
    );
    rows
      .filter((row) => row.file === file)
      .forEach((row, r) => {
        const y = top + r * bar;
        const length = Math.round(row.shareWithFunded * (width - left - 60));
        parts.push(
          `<text x="4" y="${y + 13}" font-size="11">${escapeXml(row.rule)}</text>`,
          `<rect x="${left}" y="${y}" width="${length}" height="${bar - 4}" fill="${colours[r % colours.length]}"><title>${escapeXml(row.rule)}: ${(row.shareWithFunded * 100).toFixed(1)}%</title></rect>`,
          `<text x="${left + length + 4}" y="${y + 12}" font-size="11">${(row.shareWithFunded * 100).toFixed(1)}%</text>`,
        );
      });
  });
  const height = 30 + files.length * group;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="Share of voters with a funded project, by rule">\n<title>Share of voters with a funded project, by rule</title>\n${parts.join("\n")}\n</svg>\n`;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  const rows = compare(
    files.length > 0
      ? files
      : [
          "../data/Poland_Warszawa_2026_Stare_Bielany.pb",
          "../data/Poland_Krakow_2025_Pradnik_Bialy.pb",
        ],
  );
  mkdirSync("out", { recursive: true });
  writeFileSync(join("out", "rules.csv"), csv(rows));
  writeFileSync(join("out", "chart.svg"), chart(rows));
  console.log(csv(rows));
  console.log("wrote out/rules.csv and out/chart.svg");
}
