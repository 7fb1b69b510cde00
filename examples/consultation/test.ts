// The example checked: the figures are computed, the ledger refused what it must, small
// groups are suppressed with their complements, the exports have their shape, the same
// seed gives the same bytes, and the synthesis renders in a real Chromium (Debian's
// package, driven by playwright-core) with every chart label inside its picture; the
// screenshot goes to out/synthesis.png.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { report } from "./main.js";

const { ledger, refusals, results, synthesis, files } = report();
let passed = 0;
const check = (what: string, test: () => void) => {
  test();
  passed++;
  console.log(`  ok ${what}`);
};

check("5,000 respondents: 4,000 online and 1,000 on paper, counted apart and together", () => {
  assert.deepEqual(results.respondents, { online: 4_000, paper: 1_000, total: 5_000 });
  assert.equal(ledger.batches.size, 20);
  assert.ok(ledger.withdrawn > 0);
});

check("the ledger refused second responses, the late one and the non-resident", () => {
  assert.ok((refusals.get("already-responded") ?? 0) > 0);
  assert.equal(refusals.get("no-phase-running"), 1);
  assert.equal(refusals.get("not-resident"), 1);
});

check("shares are exact and add up; the sorting is ranked by Borda score", () => {
  const opening = results.questions.find((q) => q.question === "opening");
  assert.ok(opening?.type === "single_option");
  const total = opening.options.reduce((a, o) => a + o.count.total, 0);
  assert.equal(total, opening.answered.total);
  const priorities = results.questions.find((q) => q.question === "priorities");
  assert.ok(priorities?.type === "sorting" && priorities.ranking.length === 4);
});

check(
  "small groups are hidden with their complements: no group is a total minus the others",
  () => {
    for (const breakdown of results.breakdowns)
      for (const q of breakdown.questions) {
        const hidden = q.groups.filter((g) => "suppressed" in g).length;
        assert.ok(hidden === 0 || hidden >= 2, `${breakdown.attribute}/${q.question}`);
        for (const g of q.groups) if ("answered" in g) assert.ok(g.answered >= 10);
      }
    const byAge = results.breakdowns
      .find((b) => b.attribute === "age")
      ?.questions.find((q) => q.question === "centre-idea");
    assert.ok(byAge?.groups.some((g) => g.value === "80+" && "suppressed" in g));
  },
);

check("Decidim's CSV export: a header and one line per response", () => {
  const lines = files["responses.csv"].trimEnd().split("\n");
  assert.match(lines[0] ?? "", /^Answer ID;Answered on;User status;2\. Où habitez-vous \?;/);
  assert.equal(lines.length, 5_001);
});

check(
  "the synthesis: six themes, near-duplicate proposals grouped, arguments for and against",
  () => {
    assert.equal(synthesis.categories.length, 6);
    assert.ok(synthesis.duplicates.length >= 10);
    const top = synthesis.categories[0]?.top[0];
    assert.ok(top !== undefined && top.favour.length > 0 && top.against.length > 0);
  },
);

check("the same seed gives the same bytes", () => {
  assert.deepEqual(report().files, files);
});

const executablePath =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
if (executablePath === undefined) {
  if (process.env.CI === "true") throw new Error("Chromium is needed in CI: .ci/install-chromium");
  console.log(
    "examples/consultation: Chromium SKIPPED (apt-get install chromium, or set CHROMIUM_PATH)",
  );
} else {
  const out = new URL("out/", import.meta.url).pathname;
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}synthesis.html`, files["synthesis.html"]);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    await page.goto(`file://${out}synthesis.html`);
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll("svg")].map((svg) => {
        const box = svg.getBoundingClientRect();
        const outside = [...svg.querySelectorAll("text")].filter((text) => {
          const t = text.getBoundingClientRect();
          return t.left < box.left - 1 || t.right > box.right + 1 || t.width === 0;
        }).length;
        return { width: box.width, height: box.height, outside };
      }),
    );
    check(
      "the synthesis renders in Chromium: its charts drawn, every label inside its picture",
      () => {
        assert.ok(charts.length >= 5, `${charts.length} charts`);
        for (const chart of charts) {
          assert.ok(chart.width > 0 && chart.height > 0);
          assert.equal(chart.outside, 0);
        }
      },
    );
    await page.screenshot({ path: `${out}synthesis.png`, fullPage: true });
  } finally {
    await browser.close();
  }
}
console.log(`examples/consultation: ${passed} passed, 0 failed`);
