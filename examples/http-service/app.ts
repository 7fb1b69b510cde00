// An HTTP API over civitas and its storage, with Hono: Web-standard Request and Response,
// so the same app runs on Node (server.ts), Deno, Bun and edge runtimes.

import {
  type BallotRules,
  budgetBallotSchema,
  canSubmit,
  officialRule,
  type PbInstance,
  type PbProfile,
  pbOutcomeToJson,
} from "civitas/budgeting";
import { isAllowed, type Process, phaseAt } from "civitas/calendar";
import { type Issue, makeIssue } from "civitas/core";
import { type ProposalEvent, proposalCommandSchema, replay, transition } from "civitas/proposals";
import { type BallotBox, decideAndAppend, type EventStore } from "civitas/storage";
import type { Context } from "hono";
import { Hono } from "hono";
import * as z from "zod/mini";

/** What the app runs on: the process, the budget, the stores, a clock, who is asking. */
export interface AppOptions {
  readonly process: Process;
  readonly instance: PbInstance;
  readonly rules: BallotRules;
  /** The same rules as JSON (`ballotRulesJsonSchema`), for a page to check ballots live. */
  readonly rulesJson: unknown;
  readonly box: BallotBox;
  readonly boxId: string;
  readonly proposals: EventStore<ProposalEvent>;
  readonly admins: readonly string[];
  readonly now: () => number;
  /**
   * Who sends the request. Authentication plugs in here: verify a session cookie, a JWT
   * or your identity provider's token and return the participant's id, or undefined to
   * answer 401. The default trusts an `x-participant` header, which only a gateway that
   * authenticates and sets it may send.
   */
  readonly authenticate?: (request: Request) => Promise<string | undefined> | string | undefined;
}

/** The request bodies, as zod schemas: validated here, described in /openapi.json. */
export const bodies = {
  ballot: budgetBallotSchema,
  proposalCommand: proposalCommandSchema,
};

/** Issues as the API answers them: 422, the library's codes, never a stack trace. */
const refuse = (c: Context, issues: readonly Issue[], status: 401 | 403 | 409 | 422 = 422) =>
  c.json(
    {
      issues: issues.map(({ code, path, message, params }) => ({ code, path, message, params })),
    },
    status,
  );

const issue = (code: string, message: string): Issue => makeIssue(code, [], message);

/** Reads a JSON body, or the issue that says why it cannot be read. */
async function jsonBody(
  c: Context,
): Promise<{ ok: true; value: unknown } | { ok: false; issue: Issue }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, issue: issue("invalid-json", "the request body is not JSON") };
  }
}

export function createApp(options: AppOptions) {
  const { process, instance, rules, box, boxId, proposals, admins, now } = options;
  const authenticate =
    options.authenticate ??
    ((request: Request) => request.headers.get("x-participant") ?? undefined);
  const app = new Hono();

  app.onError((error, c) => {
    // Logged for the operator; the client gets one line.
    console.error(error);
    return c.json(
      {
        issues: [
          { code: "internal", path: [], message: "the server failed; try again", params: {} },
        ],
      },
      500,
    );
  });

  /** The participant, or a 401 answer. */
  const who = async (c: Context) => {
    const participant = await authenticate(c.req.raw);
    return participant === undefined || participant === "" ? undefined : participant;
  };

  app.get("/phase", (c) => {
    const at = now();
    const { phase, permits } = phaseAt(process, at);
    return c.json({
      at: new Date(at).toISOString(),
      phase: phase?.id ?? null,
      title: phase?.title ?? null,
      permits,
    });
  });

  app.get("/budget", (c) =>
    c.json({
      budget: instance.budget.toString(),
      scale: instance.scale,
      projects: instance.projects.map((project) => ({
        id: project.id,
        name: project.name,
        cost: project.cost.toString(),
      })),
      rule: instance.meta.rule,
      rules: options.rulesJson,
    }),
  );

  app.post("/proposals/commands", async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return refuse(c, [body.issue]);
    const parsed = bodies.proposalCommand.safeParse(body.value);
    if (!parsed.success)
      return refuse(c, [
        issue(
          "invalid-command",
          parsed.error.issues.map((each) => `${each.path.join(".")}: ${each.message}`).join("; "),
        ),
      ]);
    const decided = await decideAndAppend(proposals, process.definition.id, (history) => {
      const result = transition(replay(history), parsed.data, {
        instant: now(),
        process,
        admins: [...admins],
      });
      return result.ok ? { ok: true, value: result.value.events, warnings: [] } : result;
    });
    return decided.ok ? c.json({ events: decided.value.events }, 201) : refuse(c, decided.issues);
  });

  /** Cast (POST) or replace (PUT): the box keeps one ballot per voter. */
  const castBallot = async (c: Context) => {
    const participant = await who(c);
    if (participant === undefined)
      return refuse(c, [issue("unauthenticated", "who are you? sign in first")], 401);
    const allowed = isAllowed(process, "budget.vote", now(), { id: participant });
    if (!allowed.allowed) return refuse(c, allowed.issues, 403);
    const body = await jsonBody(c);
    if (!body.ok) return refuse(c, [body.issue]);
    const parsed = bodies.ballot.safeParse(body.value);
    if (!parsed.success)
      return refuse(c, [issue("invalid-ballot", "a ballot is { projects: [ids] }")]);
    const submittable = canSubmit(rules, parsed.data);
    if (!submittable.ok) return refuse(c, submittable.issues);
    const receipt = await box.cast(boxId, participant, parsed.data.projects);
    if (!receipt.ok)
      return refuse(c, receipt.issues, receipt.issues[0]?.code === "already-cast" ? 409 : 422);
    return c.json({ receipt: receipt.value }, 201);
  };
  app.post("/ballot", castBallot);
  app.put("/ballot", castBallot);

  app.delete("/ballot", async (c) => {
    const participant = await who(c);
    if (participant === undefined)
      return refuse(c, [issue("unauthenticated", "who are you? sign in first")], 401);
    const withdrawn = await box.withdraw(boxId, participant);
    return withdrawn.ok ? c.body(null, 204) : refuse(c, withdrawn.issues);
  });

  app.post("/close", async (c) => {
    const participant = await who(c);
    if (participant === undefined || !admins.includes(participant))
      return refuse(c, [issue("not-permitted", "only the process's admins close the box")], 403);
    const closed = await box.close(boxId);
    return closed.ok ? c.json(closed.value) : refuse(c, closed.issues, 409);
  });

  app.get("/results", async (c) => {
    const exported = await box.export(boxId);
    if (!exported.ok) return refuse(c, exported.issues);
    if (exported.value.state !== "closed")
      return refuse(c, [issue("box-open", "results come once the box is closed")], 409);
    const profile: PbProfile = {
      voteType: "approval",
      voteColumns: ["voter_id", "vote"],
      ballots: exported.value.ballots.map((stored) => ({
        projects: stored.ballot as string[],
        multiplicity: 1,
      })),
    };
    const outcome = officialRule(instance, profile);
    if (!outcome.ok) return refuse(c, outcome.issues);
    const digest = exported.value.chain.at(-1)?.hash;
    return c.json({
      digest,
      ballots: profile.ballots.length,
      outcome: pbOutcomeToJson(outcome.value, instance.scale),
    });
  });

  app.get("/openapi.json", (c) => c.json(openApiDocument()));
  return app;
}

/** The OpenAPI document, its request bodies generated from the library's zod schemas. */
export function openApiDocument() {
  const schema = (of: z.ZodMiniType) => z.toJSONSchema(of, { io: "input", unrepresentable: "any" });
  const issues = {
    description: "refused: the library's issues, with codes",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Issues" } } },
  };
  const ballotCall = (summary: string) => ({
    summary,
    security: [{ participant: [] }],
    requestBody: ballotBody,
    responses: {
      "201": { description: "the receipt" },
      "401": issues,
      "403": issues,
      "409": issues,
      "422": issues,
    },
  });
  const ballotBody = {
    required: true,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Ballot" } } },
  };
  return {
    openapi: "3.1.0",
    info: { title: "civitas participatory budget", version: "1.0.0" },
    components: {
      securitySchemes: { participant: { type: "apiKey", in: "header", name: "x-participant" } },
      schemas: {
        Ballot: schema(bodies.ballot),
        ProposalCommand: schema(bodies.proposalCommand),
        Issues: {
          type: "object",
          required: ["issues"],
          properties: {
            issues: {
              type: "array",
              items: {
                type: "object",
                required: ["code", "path", "message", "params"],
                properties: {
                  code: { type: "string" },
                  path: { type: "array" },
                  message: { type: "string" },
                  params: { type: "object" },
                },
              },
            },
          },
        },
      },
    },
    paths: {
      "/phase": {
        get: {
          summary: "The phase running now and what it permits",
          responses: { "200": { description: "the phase" } },
        },
      },
      "/budget": {
        get: {
          summary: "The projects and the ballot rules",
          responses: { "200": { description: "the budget" } },
        },
      },
      "/proposals/commands": {
        post: {
          summary: "A proposal command (create, publish, support, answer…)",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/ProposalCommand" } },
            },
          },
          responses: { "201": { description: "the events stored" }, "422": issues },
        },
      },
      "/ballot": {
        post: ballotCall("Cast a ballot (a second one replaces the first where the box allows)"),
        put: ballotCall("Replace one's ballot"),
        delete: {
          summary: "Withdraw one's ballot",
          security: [{ participant: [] }],
          responses: { "204": { description: "withdrawn" }, "401": issues, "422": issues },
        },
      },
      "/close": {
        post: {
          summary: "Close the ballot box (admins)",
          security: [{ participant: [] }],
          responses: { "200": { description: "the closing digest" }, "403": issues, "409": issues },
        },
      },
      "/results": {
        get: {
          summary: "The result by the official rule, with its explanation",
          responses: { "200": { description: "the outcome" }, "409": issues },
        },
      },
    },
  };
}
