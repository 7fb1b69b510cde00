import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  participationStatistics,
  projectVotesChart,
  resultsProgressChart,
  turnoutChart,
} from "../../src/accountability/index.js";
import { angersActions } from "../helpers/angersProcess.js";
import { repoRoot } from "../helpers/data.js";

/** What the check in the page uses of the DOM (the tests compile without the DOM's types). */
interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
interface SvgText {
  readonly textContent: string | null;
  getBBox(): Box;
  getAttribute(name: string): string | null;
}
interface SvgRoot {
  readonly viewBox: { readonly baseVal: Box };
  querySelectorAll(selector: string): Iterable<SvgText>;
}
interface PageDocument {
  readonly document: { querySelectorAll(selector: string): Iterable<SvgRoot> };
}

const perDay = participationStatistics(angersActions(1), { timeZone: "Europe/Paris" }).perDay;
const projects = [
  { id: "p1", label: "Jardins partagés <quartier> & co", votes: 5200, cost: 300_000n },
  { id: "p2", label: "حديقة المدينة", votes: 4100, cost: 450_000n },
  { id: "p3", label: "城市自行车道", votes: 3900, cost: 250_000n },
  {
    id: "p4",
    label: "Πλατεία και παιδική χαρά με σκιά και νερό για όλες τις γειτονιές",
    votes: 2500,
    cost: 200_000n,
  },
  { id: "p5", label: "Skatepark", votes: 800, cost: 90_000n },
];
const charts = () => [
  turnoutChart(perDay, { title: "Participants, jour après jour", lang: "fr" }),
  projectVotesChart(
    projects,
    {
      budget: 1_000_000n,
      rules: [
        { name: "greedy", funded: ["p1", "p2", "p3"] },
        { name: "MES", funded: ["p1", "p3", "p4", "p5"] },
      ],
    },
    { title: "Votes par projet", lang: "fr" },
  ),
  resultsProgressChart(
    [
      { label: "Xarxa de carrils bici", progress: 70 },
      { label: "حديقة المدينة", progress: 100 },
      { label: "Il·luminació del parc", progress: undefined },
    ],
    { title: "التقدم", lang: "ar" },
  ),
];

describe("charts as SVG", () => {
  it("are deterministic text, labels escaped, in any script", () => {
    const [turnout, votes, progress] = charts() as [string, string, string];
    expect(charts()).toEqual([turnout, votes, progress]);
    expect(turnout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(turnout).toContain("<title>Participants, jour après jour</title>");
    expect(turnout.match(/<rect x=/g)?.length).toBe(perDay.length);
    expect(votes).toContain("Jardins partagés &lt;quartier&gt; &amp; co");
    expect(votes).not.toContain("<quartier>");
    expect(votes).toContain("城市自行车道");
    expect(votes.match(/<circle /g)?.length).toBe(7);
    // The budget line falls between the second and the third project by votes (750,000 + 250,000 = 1,000,000 fits; the fourth does not).
    expect(votes).toContain("budget reached by votes");
    expect(progress).toContain('xml:lang="ar"');
    expect(progress).toContain("70%");
    expect(progress).toContain("url(#unknown)");
  });

  it("render in Chromium with every label inside the picture (the picture saved in tests/output/)", async () => {
    const executablePath =
      process.env.CHROMIUM_PATH ??
      ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
    if (executablePath === undefined) {
      if (process.env.CI === "true")
        throw new Error("Chromium is needed in CI: .ci/install-chromium");
      console.log(
        "charts: rendering SKIPPED, no Chromium (apt-get install chromium, or set CHROMIUM_PATH)",
      );
      return;
    }
    const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
      await page.setContent(
        `<!doctype html><meta charset="utf-8"><body style="margin:0">${charts().join("\n")}</body>`,
      );
      const overflow = await page.evaluate(() =>
        [...(globalThis as unknown as PageDocument).document.querySelectorAll("svg")].flatMap(
          (svg, s) => {
            const box = svg.viewBox.baseVal;
            return [...(svg.querySelectorAll("text") as Iterable<SvgText>)].flatMap((text) => {
              const b = text.getBBox();
              const inside =
                b.x >= -1 &&
                b.y >= -1 &&
                b.x + b.width <= box.width + 1 &&
                b.y + b.height <= box.height + 1;
              return inside && b.width > 0
                ? []
                : [`chart ${s}: "${text.textContent}" at ${b.x},${b.y} ${b.width}×${b.height}`];
            });
          },
        ),
      );
      expect(overflow).toEqual([]);
      expect(await page.locator("svg").count()).toBe(3);
      const out = join(repoRoot, "tests", "output");
      mkdirSync(out, { recursive: true });
      await page.screenshot({ path: join(out, "charts.png"), fullPage: true });
      expect(existsSync(join(out, "charts.png"))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
