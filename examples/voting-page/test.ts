// The page in a real Chromium (Debian's package, driven by playwright-core; nothing
// downloads a browser): a voter votes through it, sees refusals in English and French, the
// box closes, the page shows the results; screenshots go to out/screenshots/, and axe-core
// finds no serious accessibility violation.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium, type Page } from "playwright-core";
import { createSite } from "./server.js";

const shots = new URL("out/screenshots/", import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
const executablePath =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
if (executablePath === undefined) {
  // A named skip on a machine without a browser; CI installs one (.ci/install-chromium).
  if (process.env.CI === "true") throw new Error("Chromium is needed in CI: .ci/install-chromium");
  console.log(
    "examples/voting-page: SKIPPED, no Chromium (apt-get install chromium, or set CHROMIUM_PATH)",
  );
  process.exit(0);
}

// The clock stands in Angers' vote (14 September to 11 October 2026).
const { site, close } = await createSite({
  rule: "equalshares/add1",
  now: () => Date.parse("2026-09-20T12:00:00+02:00"),
});
const server = serve({ fetch: site.fetch, hostname: "127.0.0.1", port: 0 });
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

async function accessibility(page: Page, name: string) {
  await page.addScriptTag({ content: axeSource });
  const report = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
  )) as { violations: { id: string; impact: string; help: string }[] };
  const serious = report.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.help}`),
    [],
    `${name}: accessibility`,
  );
  return report.violations.length;
}

try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(base);
  await page.getByRole("button", { name: /^Add/ }).first().waitFor();
  await page.fill("#participant", "r-2001");
  const button = (name: string) =>
    page.getByRole("button", { name: new RegExp(`(Add|Remove|Ajouter|Retirer) ${name}`) });

  // Submitting nothing is refused by canSubmit, in the voter's words.
  await page.getByRole("button", { name: "Submit my vote" }).click();
  await page.getByText("the ballot has no project: choose at least one").waitFor();
  // Adding past the budget is refused by canAdd; the project stays out.
  for (const name of ["Un parcours sportif", "Un jardin partagé", "Des bancs"])
    await button(name).click();
  await button("Une fresque").click();
  await page
    .getByText(
      "adding Une fresque participative à Monplaisir goes 3000 EUR over the budget of 100000 EUR",
    )
    .waitFor();
  await page.screenshot({ path: `${shots}01-refused-en.png`, fullPage: true });
  // The same refusal in French.
  await page.getByRole("button", { name: "Français" }).click();
  await page
    .getByText(
      "ajouter Une fresque participative à Monplaisir dépasse de 3000 EUR le budget de 100000 EUR",
    )
    .waitFor();
  await page.screenshot({ path: `${shots}02-refused-fr.png`, fullPage: true });
  await accessibility(page, "voting, French");
  await page.getByRole("button", { name: "English" }).click();
  // Remove one, add another: it fits now.
  await button("Des bancs").click();
  await button("Une fresque").click();
  assert.equal(await page.locator("#messages").textContent(), "");
  await page.getByRole("button", { name: "Submit my vote" }).click();
  await page.getByText(/Your vote is in\. Receipt: [0-9a-f]{12}/).waitFor();
  await page.screenshot({ path: `${shots}03-submitted.png`, fullPage: true });

  // Other voters, through the API the page uses; then the city closes the box.
  const vote = (participant: string, projects: string[]) =>
    fetch(`${base}/api/ballot`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-participant": participant },
      body: JSON.stringify({ projects }),
    });
  const choices = [["i1", "i2"], ["i4", "i8"], ["i1", "i3", "i8"], ["i7"], ["i2", "i4"]];
  for (let k = 0; k < 60; k++)
    assert.equal((await vote(`r-${k}`, choices[k % choices.length] as string[])).status, 201);
  const closed = await fetch(`${base}/api/close`, {
    method: "POST",
    headers: { "x-participant": "ville-angers" },
  });
  assert.equal(closed.status, 200);

  // The results: funded projects, a bar chart, and why — who paid how much.
  await page.getByRole("button", { name: "Show the results" }).click();
  await page.locator("#results svg rect").first().waitFor();
  const funded = await page.locator("#results svg rect").count();
  assert.ok(funded > 0);
  await page
    .getByText(/voters paid [\d.]+ € each/)
    .first()
    .waitFor();
  await page.screenshot({ path: `${shots}04-results.png`, fullPage: true });
  await accessibility(page, "results");
  assert.deepEqual(errors, []);
  console.log(`examples/voting-page: ok (${funded} funded; screenshots in ${shots})`);
} finally {
  await browser.close();
  server.close();
  await close();
}
