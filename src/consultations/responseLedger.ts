import * as z from "zod/mini";
import type { EligibilityPolicy, Participant } from "../calendar/eligibility.js";
import { isAllowed } from "../calendar/isAllowed.js";
import type { Process } from "../calendar/validateProcess.js";
import { idRecordSchema } from "../core/idRecordSchema.js";
import type { Issue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { checkResponse } from "./checkResponse.js";
import { consultationIssue } from "./consultationIssues.js";
import type { Questionnaire } from "./questionnaire.js";
import type { QuestionnaireResponse } from "./questionnaireResponse.js";

/**
 * The zod schema of the commands on a questionnaire's responses: respond (online, as a
 * participant or an anonymous token), replace or withdraw one's response while the phase
 * is open (where the questionnaire allows editing), and enter or remove a batch of paper
 * responses (its id and who entered it). `attributes` are what results may be broken down
 * by; `response` is checked with {@link checkResponse}.
 *
 * @category Responses
 * @example
 * ```ts
 * parseSchema(responseCommandSchema, { type: "respond", respondent: { id: "ana" }, response: { answers: [] }, at: 0 }).success; //=> true
 * ```
 */
export const responseCommandSchema = lazySchema(() => {
  const id = z.string().check(z.minLength(1));
  const at = z.number().check(z.int());
  /** The attributes results may be broken down by (age band, district…), as the app supplies them. */
  const attributes = z.optional(idRecordSchema(z.string()));
  const respondent = z.object({
    id,
    verified: z.optional(z.boolean()),
    scopes: z.optional(z.array(z.string())),
    birthDate: z.optional(z.string()),
    attributes: z.optional(z.record(z.string(), z.unknown())),
  });
  return z.discriminatedUnion("type", [
    z.object({
      type: z.enum(["respond", "replace"]),
      respondent,
      response: z.unknown(),
      attributes,
      at,
    }),
    z.object({ type: z.literal("withdraw"), respondent, at }),
    z.object({
      type: z.literal("enter-paper-batch"),
      batch: id,
      enteredBy: id,
      responses: z.array(z.object({ response: z.unknown(), attributes })),
      at,
    }),
    z.object({ type: z.literal("remove-paper-batch"), batch: id, by: id, at }),
  ]);
});

/**
 * A command on responses, as {@link responseCommandSchema} reads it.
 *
 * @category Responses
 * @example
 * ```ts
 * const command: ResponseCommand = { type: "withdraw", respondent: { id: "ana" }, at: 0 };
 * ```
 */
export type ResponseCommand = z.output<typeof responseCommandSchema>;

/**
 * What happened to a questionnaire's responses: the log a ledger is replayed from.
 *
 * @category Responses
 * @example
 * ```ts
 * const event: ResponseEvent = { type: "response-withdrawn", respondent: "ana", at: 0 };
 * ```
 */
export type ResponseEvent =
  | {
      readonly type: "responded" | "response-replaced";
      readonly respondent: string;
      readonly response: QuestionnaireResponse;
      readonly attributes: Readonly<Record<string, string>>;
      readonly at: number;
    }
  | { readonly type: "response-withdrawn"; readonly respondent: string; readonly at: number }
  | {
      readonly type: "paper-batch-entered";
      readonly batch: string;
      readonly enteredBy: string;
      readonly responses: readonly {
        readonly response: QuestionnaireResponse;
        readonly attributes: Readonly<Record<string, string>>;
      }[];
      readonly at: number;
    }
  | { readonly type: "paper-batch-removed"; readonly batch: string; readonly at: number };

/**
 * One counted response: online (its respondent) or on paper (its batch and place in it),
 * with its answers, attributes and when it was given or entered.
 *
 * @category Responses
 * @example
 * ```ts
 * const counted: CountedResponse = { id: "batch-3#12", channel: "paper", batch: "batch-3", response, attributes: { district: "Centre" }, at };
 * ```
 */
export interface CountedResponse {
  readonly id: string;
  readonly channel: "online" | "paper";
  readonly batch?: string;
  readonly response: QuestionnaireResponse;
  readonly attributes: Readonly<Record<string, string>>;
  readonly at: number;
}

/**
 * The responses a questionnaire holds now: one online response per respondent (the last
 * given), the paper batches entered, and how many online responses were withdrawn.
 *
 * @category Responses
 * @example
 * ```ts
 * replayResponses(log).online.size; //=> 4210
 * ```
 */
export interface ResponseLedger {
  readonly online: ReadonlyMap<string, CountedResponse>;
  readonly batches: ReadonlyMap<
    string,
    {
      readonly enteredBy: string;
      readonly at: number;
      readonly responses: readonly CountedResponse[];
    }
  >;
  readonly withdrawn: number;
}

/**
 * What {@link decideResponse} needs besides the command: the questionnaire, and — for
 * online responses — the process whose running phase must permit `action` (default
 * `consultation.respond`) and the eligibility policies by action.
 *
 * @category Responses
 * @example
 * ```ts
 * const context: ResponseContext = { questionnaire, process, policies: { "consultation.respond": { residentOf: ["nivelles"] } } };
 * ```
 */
export interface ResponseContext {
  readonly questionnaire: Questionnaire;
  readonly process?: Process | undefined;
  readonly policies?: Readonly<Record<string, EligibilityPolicy>> | undefined;
  readonly action?: string | undefined;
}

/**
 * An empty ledger.
 *
 * @category Responses
 * @example
 * ```ts
 * emptyLedger().online.size; //=> 0
 * ```
 */
export function emptyLedger(): ResponseLedger {
  return { online: new Map(), batches: new Map(), withdrawn: 0 };
}

const refuse = (...issues: Issue[]) => fail<ResponseEvent[]>(issues);

function onlineAccess(
  command: Extract<ResponseCommand, { readonly respondent: unknown }>,
  context: ResponseContext,
): Issue[] {
  if (context.process === undefined) return [];
  const action = context.action ?? "consultation.respond";
  const allowed = isAllowed(
    context.process,
    action,
    command.at,
    // The schema's optional fields are the Participant's, read from JSON (never undefined).
    command.respondent as Participant,
    context.policies ?? {},
  );
  return allowed.allowed ? [] : allowed.issues;
}

/**
 * Decides a command on a questionnaire's responses: the events it causes, or every reason
 * it is refused. Online: the phase must be open and permit responding, the respondent be
 * eligible, respond once, and replace or withdraw only where the questionnaire allows
 * editing; the response is checked with {@link checkResponse} (issues under `response`).
 * Paper: a batch is entered once, all of it or nothing (each response checked, issues
 * under `responses.k`); paper forms are entered after they were filled in, so the phase
 * is not checked.
 *
 * @category Responses
 * @example
 * ```ts
 * decideResponse(ledger, { type: "respond", respondent: { id: "ana" }, response, at }, { questionnaire, process });
 * //=> { ok: true, value: [{ type: "responded", respondent: "ana", … }] }
 * ```
 */
export function decideResponse(
  ledger: ResponseLedger,
  input: unknown,
  context: ResponseContext,
): Result<ResponseEvent[]> {
  const parsed = parseSchema(responseCommandSchema, input);
  if (!parsed.success)
    return fail(schemaIssues(parsed.error, "invalid-response-command", "command"));
  const command = parsed.data;
  const { questionnaire } = context;
  if (command.type === "enter-paper-batch") {
    if (ledger.batches.has(command.batch))
      return refuse(
        consultationIssue("batch-already-entered", ["batch"], { batch: command.batch }),
      );
    const issues: Issue[] = [];
    const responses = command.responses.flatMap((entry, k) => {
      const checked = checkResponse(questionnaire, entry.response);
      if (checked.ok) return [{ response: checked.value, attributes: entry.attributes ?? {} }];
      issues.push(
        ...checked.issues.map((issue) => ({
          ...issue,
          path: ["responses", k, "response", ...issue.path],
        })),
      );
      return [];
    });
    if (issues.length > 0) return refuse(...issues);
    return ok([
      {
        type: "paper-batch-entered",
        batch: command.batch,
        enteredBy: command.enteredBy,
        responses,
        at: command.at,
      },
    ]);
  }
  if (command.type === "remove-paper-batch")
    return ledger.batches.has(command.batch)
      ? ok([{ type: "paper-batch-removed", batch: command.batch, at: command.at }])
      : refuse(consultationIssue("unknown-batch", ["batch"], { batch: command.batch }));
  const access = onlineAccess(command, context);
  if (access.length > 0) return refuse(...access);
  const who = command.respondent.id;
  const has = ledger.online.has(who);
  if (command.type !== "respond" && !questionnaire.allowEditing)
    return refuse(consultationIssue("editing-not-allowed", ["type"], {}));
  if (command.type === "respond" && has)
    return refuse(consultationIssue("already-responded", ["respondent"], { respondent: who }));
  if (command.type !== "respond" && !has)
    return refuse(consultationIssue("no-response", ["respondent"], { respondent: who }));
  if (command.type === "withdraw")
    return ok([{ type: "response-withdrawn", respondent: who, at: command.at }]);
  const checked = checkResponse(questionnaire, command.response);
  if (!checked.ok)
    return refuse(
      ...checked.issues.map((issue) => ({ ...issue, path: ["response", ...issue.path] })),
    );
  return ok([
    {
      type: command.type === "respond" ? "responded" : "response-replaced",
      respondent: who,
      response: checked.value,
      attributes: command.attributes ?? {},
      at: command.at,
    },
  ]);
}

/** Applies an event to mutable copies of the ledger's maps. */
function applyTo(
  online: Map<string, CountedResponse>,
  batches: Map<string, { enteredBy: string; at: number; responses: readonly CountedResponse[] }>,
  event: ResponseEvent,
): number {
  switch (event.type) {
    case "responded":
    case "response-replaced":
      online.set(event.respondent, {
        id: event.respondent,
        channel: "online",
        response: event.response,
        attributes: event.attributes,
        at: event.at,
      });
      return 0;
    case "response-withdrawn":
      return online.delete(event.respondent) ? 1 : 0;
    case "paper-batch-entered":
      batches.set(event.batch, {
        enteredBy: event.enteredBy,
        at: event.at,
        responses: event.responses.map((entry, k) => ({
          id: `${event.batch}#${k + 1}`,
          channel: "paper",
          batch: event.batch,
          response: entry.response,
          attributes: entry.attributes,
          at: event.at,
        })),
      });
      return 0;
    case "paper-batch-removed":
      batches.delete(event.batch);
      return 0;
  }
}

/**
 * The ledger after one event (a new ledger; the given one is unchanged).
 *
 * @category Responses
 * @example
 * ```ts
 * applyResponseEvent(emptyLedger(), { type: "response-withdrawn", respondent: "ana", at: 0 }).withdrawn; //=> 0
 * ```
 */
export function applyResponseEvent(ledger: ResponseLedger, event: ResponseEvent): ResponseLedger {
  const online = new Map(ledger.online);
  const batches = new Map(ledger.batches);
  const withdrawn = ledger.withdrawn + applyTo(online, batches, event);
  return { online, batches, withdrawn };
}

/**
 * The ledger an event log leads to, built in one pass (the same as applying each event in
 * turn with {@link applyResponseEvent}, without copying the ledger per event).
 *
 * @category Responses
 * @example
 * ```ts
 * replayResponses(events).online.get("ana")?.response.answers.length; //=> 3
 * ```
 */
export function replayResponses(events: readonly ResponseEvent[]): ResponseLedger {
  const online = new Map<string, CountedResponse>();
  const batches = new Map<
    string,
    { enteredBy: string; at: number; responses: readonly CountedResponse[] }
  >();
  let withdrawn = 0;
  for (const event of events) withdrawn += applyTo(online, batches, event);
  return { online, batches, withdrawn };
}

/**
 * Every response the ledger counts: online ones by respondent, then paper ones by batch.
 *
 * @category Responses
 * @example
 * ```ts
 * countedResponses(ledger).filter((r) => r.channel === "paper").length; //=> 812
 * ```
 */
export function countedResponses(ledger: ResponseLedger): CountedResponse[] {
  return [
    ...ledger.online.values(),
    ...[...ledger.batches.values()].flatMap((batch) => batch.responses),
  ];
}
