// The page and the HTTP example together: the page at /, the API at /api.
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createService, type ServiceOptions } from "../http-service/service.js";
import { buildPage } from "./build.js";

export async function createSite(options: ServiceOptions = {}) {
  const script = readFileSync(await buildPage(), "utf8");
  const html = readFileSync(new URL("page/index.html", import.meta.url), "utf8");
  const service = await createService(options);
  const site = new Hono();
  // The API under /api: each request passed to the HTTP example's app without the prefix.
  site.all("/api/*", (c) => {
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice("/api".length);
    return service.app.fetch(new Request(url, c.req.raw));
  });
  site.get("/", (c) => c.html(html));
  site.get("/page.js", (c) =>
    c.body(script, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  return { site, close: service.close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A demonstration: the clock stands in Angers' vote (14 September to 11 October 2026).
  const { site } = await createSite({
    rule: "equalshares/add1",
    now: () => Date.parse("2026-09-20T12:00:00+02:00"),
  });
  serve(
    { fetch: site.fetch, hostname: "127.0.0.1", port: Number(process.env.PORT ?? 8788) },
    (info) => console.log(`voting page on http://127.0.0.1:${info.port}`),
  );
}
