// Real HTTP requests against the service started on the loopback address.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createService } from "./service.js";

let instant = Date.parse("2026-09-20T12:00:00+02:00"); // Angers' vote is open
const { app, close } = await createService({ now: () => instant });
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const bodies: string[] = [];
async function call(
  method: string,
  path: string,
  options: { as?: string; body?: unknown; raw?: string } = {},
) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(options.as === undefined ? {} : { "x-participant": options.as }),
    },
    body: options.raw ?? (options.body === undefined ? null : JSON.stringify(options.body)),
  });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, json: text === "" ? undefined : JSON.parse(text) };
}
const codes = (answer: { json: { issues?: { code: string }[] } }) =>
  answer.json.issues?.map((issue) => issue.code);

try {
  // The phase now and what it permits.
  const phase = await call("GET", "/phase");
  assert.equal(phase.json.phase, "vote");
  assert.ok(phase.json.permits.includes("budget.vote"));

  // The OpenAPI document, its bodies from the library's zod schemas.
  const openapi = await call("GET", "/openapi.json");
  assert.equal(openapi.json.openapi, "3.1.0");
  assert.equal(openapi.json.components.schemas.Ballot.properties.projects.type, "array");
  assert.ok(openapi.json.components.schemas.ProposalCommand);
  assert.ok(openapi.json.paths["/ballot"].post && openapi.json.paths["/ballot"].delete);

  // Proposal commands: refused by the calendar in the vote phase, accepted in the ideas phase.
  const idea = {
    type: "create",
    proposal: "i20",
    author: "r-0900",
    title: "Des fontaines",
    body: "Trois fontaines.",
  };
  const late = await call("POST", "/proposals/commands", { body: idea });
  assert.equal(late.status, 422);
  assert.deepEqual(codes(late), ["phase-forbids"]);
  instant = Date.parse("2026-02-01T12:00:00+01:00");
  const created = await call("POST", "/proposals/commands", { body: idea });
  assert.equal(created.status, 201);
  assert.equal(created.json.events[0].type, "created");
  assert.equal(
    (await call("POST", "/proposals/commands", { body: { type: "create" } })).status,
    422,
  );
  instant = Date.parse("2026-09-20T12:00:00+02:00");

  // Ballots: who, what, whether it fits; one per voter, replaced or withdrawn.
  const budget = await call("GET", "/budget");
  const ids = budget.json.projects.map((project: { id: string }) => project.id);
  assert.equal((await call("POST", "/ballot", { body: { projects: [ids[0]] } })).status, 401);
  const notJson = await call("POST", "/ballot", { as: "r-1", raw: "{projects:" });
  assert.deepEqual([notJson.status, codes(notJson)], [422, ["invalid-json"]]);
  const tooMuch = await call("POST", "/ballot", { as: "r-1", body: { projects: ids } });
  assert.equal(tooMuch.status, 422);
  assert.ok(
    tooMuch.json.issues[0].message.includes("over the budget"),
    tooMuch.json.issues[0].message,
  );
  const unknown = await call("POST", "/ballot", { as: "r-1", body: { projects: ["nope"] } });
  assert.equal(unknown.status, 422);
  const cast = await call("POST", "/ballot", { as: "r-1", body: { projects: [ids[0]] } });
  assert.equal(cast.status, 201);
  assert.match(cast.json.receipt.digest, /^[0-9a-f]{64}$/);
  const replaced = await call("PUT", "/ballot", { as: "r-1", body: { projects: [ids[1]] } });
  assert.equal(replaced.status, 201);
  assert.notEqual(replaced.json.receipt.ballotId, cast.json.receipt.ballotId);
  assert.equal((await call("DELETE", "/ballot", { as: "r-1" })).status, 204);
  assert.deepEqual(codes(await call("DELETE", "/ballot", { as: "r-1" })), ["no-ballot-to-change"]);

  // 1,000 casts at once: 800 voters, 200 of them twice (a replacement racing the first).
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 1000 }, (_, k) =>
      call("POST", "/ballot", { as: `v-${k % 800}`, body: { projects: [ids[k % ids.length]] } }),
    ),
  );
  const took = Date.now() - started;
  assert.deepEqual([...new Set(answers.map((answer) => answer.status))], [201]);
  console.log(`1,000 concurrent casts over HTTP: ${took} ms`);

  // Closing: admins only; then the count, with its reasons.
  assert.equal((await call("POST", "/close", { as: "r-1" })).status, 403);
  assert.deepEqual(codes(await call("GET", "/results")), ["box-open"]);
  const closed = await call("POST", "/close", { as: "ville-angers" });
  assert.equal(closed.status, 200);
  assert.equal(closed.json.ballots, 800); // one per voter
  assert.deepEqual(
    codes(await call("POST", "/ballot", { as: "v-900", body: { projects: [ids[0]] } })),
    ["box-not-open"],
  );
  const results = await call("GET", "/results");
  assert.equal(results.json.ballots, 800);
  assert.equal(results.json.digest, closed.json.digest);
  assert.ok(results.json.outcome.selected.length > 0);
  assert.ok(results.json.outcome.explanation.length > 0);

  // No answer ever carries a stack trace.
  assert.ok(bodies.every((body) => !/\n\s+at /.test(body) && !body.includes(".ts:")));
  console.log("examples/http-service: ok", results.json.outcome.selected);
} finally {
  server.close();
  await close();
}
