// Bundles the page for the browser: out/page.js (civitas's checks included, nothing else).
import { mkdirSync } from "node:fs";
import { build } from "esbuild";

export async function buildPage(): Promise<string> {
  mkdirSync(new URL("out/", import.meta.url), { recursive: true });
  const outfile = new URL("out/page.js", import.meta.url).pathname;
  await build({
    entryPoints: [new URL("page/page.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildPage());
