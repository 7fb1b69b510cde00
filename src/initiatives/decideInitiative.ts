import * as z from "zod/mini";
import { checkEligibility, type Participant } from "../calendar/eligibility.js";
import type { Issue } from "../core/issue.js";
import { lazySchema } from "../core/lazySchema.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { initiativeIssue } from "./initiativeIssues.js";
import {
  type Initiative,
  type InitiativeEvent,
  initiativeProgress,
  votableScopes,
} from "./initiativeState.js";
import { INITIATIVE_SETTINGS, type InitiativeType } from "./initiativeType.js";

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const actor = z.object({ id: z.string().check(z.minLength(1)), admin: z.optional(z.boolean()) });
const signer = z.object({
  id: z.string().check(z.minLength(1)),
  verified: z.optional(z.boolean()),
  scopes: z.optional(z.array(z.string())),
  birthDate: z.optional(z.string()),
  attributes: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * The zod schema of the commands an initiative takes, as data: create (by its author, or
 * a group), a committee member joining, sending to technical validation, publishing,
 * discarding (unpublishing once published), signing and unsigning online, entering a batch
 * of paper signatures, closing (what Decidim's daily tasks do: discard after too long in
 * validation, accept or reject once the signature period is over), and accepting or
 * rejecting by hand.
 *
 * @category Initiatives
 * @example
 * ```ts
 * parseSchema(initiativeCommandSchema, { type: "sign", signer: { id: "ana", verified: true, scopes: ["north"] } }).success; //=> true
 * ```
 */
export const initiativeCommandSchema = lazySchema(() =>
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal("create"),
      id: z.string().check(z.minLength(1)),
      scope: z.string().check(z.minLength(1)),
      by: actor,
      byGroup: z.optional(z.boolean()),
      signatureEnd: z.optional(day),
    }),
    z.object({
      type: z.literal("join-committee"),
      member: z.string().check(z.minLength(1)),
      by: actor,
    }),
    z.object({ type: z.literal("send-to-validation"), by: actor }),
    z.object({ type: z.literal("publish"), by: actor }),
    z.object({ type: z.literal("discard"), by: actor }),
    z.object({ type: z.literal("sign"), signer }),
    z.object({ type: z.literal("unsign"), signer }),
    z.object({
      type: z.literal("enter-paper-batch"),
      batch: z.string().check(z.minLength(1)),
      scope: z.string().check(z.minLength(1)),
      signatures: z.int().check(z.gte(1)),
      by: actor,
    }),
    z.object({ type: z.literal("close") }),
    z.object({ type: z.literal("accept"), by: actor }),
    z.object({ type: z.literal("reject"), by: actor }),
  ]),
);

/**
 * A command on an initiative, as {@link initiativeCommandSchema} reads it.
 *
 * @category Initiatives
 * @example
 * ```ts
 * const command: InitiativeCommand = { type: "publish", by: { id: "clerk", admin: true } };
 * ```
 */
export type InitiativeCommand = z.infer<typeof initiativeCommandSchema>;

/**
 * What a decision needs besides the initiative and the command: its type, the instant,
 * the day it is in the organisation's time zone (signature dates are days, inclusive, as
 * Decidim's), and the organisation's settings (default {@link INITIATIVE_SETTINGS}).
 *
 * @category Initiatives
 * @example
 * ```ts
 * const context: InitiativeContext = { type, now: "2027-03-01T09:00:00Z", today: "2027-03-01" };
 * ```
 */
export interface InitiativeContext {
  readonly type: InitiativeType;
  readonly now: string;
  readonly today: string;
  readonly settings?: { readonly signatureDays: number; readonly maxDaysInValidation: number };
}

/** A day (YYYY-MM-DD) moved by whole days, in the calendar (no time zone involved). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from one day to another. */
function daysBetween(from: string, to: string): number {
  const at = (date: string) => {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((at(to) - at(from)) / 86_400_000);
}

const refuse = (issue: Issue) => fail([issue]);

/**
 * Decides a command on an initiative, purely: the events it produces, or why it is
 * refused (typed issues of {@link initiativeIssueMessages}). Decidim's rules: sending to
 * technical validation needs the committee's minimum (default 2) unless a group created
 * it; publishing opens signatures from today for 120 days unless the initiative set an
 * end; signatures are taken online or on paper as the type allows, while published and
 * within the dates; one signature per person per scope, counted in every votable scope
 * that is global, the signer's own or above it; unsigning only where the type allows;
 * after 60 days in validation, closing discards; after the period, closing accepts when
 * every votable scope reached its threshold, else rejects. Who may sign is the type's
 * eligibility policy (civitas/calendar).
 *
 * @category Initiatives
 * @example
 * ```ts
 * const decided = decideInitiative(initiative, { type: "sign", signer: ana }, { type, now, today });
 * if (decided.ok) events.push(...decided.value);
 * ```
 */
export function decideInitiative(
  initiative: Initiative | undefined,
  input: unknown,
  context: InitiativeContext,
): Result<InitiativeEvent[]> {
  const parsed = parseSchema(initiativeCommandSchema, input);
  if (!parsed.success)
    return fail(schemaIssues(parsed.error, "invalid-initiative-command", "command"));
  const command = parsed.data;
  const { type, now: at } = context;
  const settings = context.settings ?? INITIATIVE_SETTINGS;
  if (command.type === "create") {
    if (initiative !== undefined)
      return refuse(initiativeIssue("initiative-exists", ["id"], { id: initiative.id }));
    if (!type.scopes.some((s) => s.scope === command.scope))
      return refuse(
        initiativeIssue("unknown-initiative-scope", ["scope"], { scope: command.scope }),
      );
    return ok([
      {
        type: "created",
        at,
        id: command.id,
        typeId: type.id,
        scope: command.scope,
        author: command.by.id,
        byGroup: command.byGroup ?? false,
        signatureEnd: command.signatureEnd,
      },
    ]);
  }
  if (initiative === undefined)
    return refuse(
      initiativeIssue("wrong-state", ["type"], { action: command.type, state: "not created" }),
    );
  switch (command.type) {
    case "join-committee":
    case "send-to-validation":
      return preparation(initiative, command, context);
    case "publish":
    case "discard":
    case "enter-paper-batch":
      return administration(initiative, command, context, settings.signatureDays);
    case "sign":
    case "unsign":
      return signing(initiative, command, context);
    default:
      return closing(initiative, command, context, settings.maxDaysInValidation);
  }
}

const wrongState = (action: string, state: string) =>
  refuse(initiativeIssue("wrong-state", ["type"], { action, state }));

const adminOnly = (by: { readonly admin?: boolean | undefined }, action: string) =>
  by.admin === true ? undefined : initiativeIssue("admin-only", ["by"], { action });

/** The author's steps while the initiative is created: its committee, then validation. */
function preparation(
  initiative: Initiative,
  command: Extract<InitiativeCommand, { type: "join-committee" | "send-to-validation" }>,
  context: InitiativeContext,
): Result<InitiativeEvent[]> {
  const { type, now: at, today } = context;
  const state = initiative.status;
  if (command.type === "join-committee") {
    if (command.by.id !== initiative.author)
      return refuse(
        initiativeIssue("authors-only", ["by"], { action: "approve committee members" }),
      );
    if (state !== "created") return wrongState("change the committee of", state);
    if (!type.promotingCommittee) return refuse(initiativeIssue("no-committee", ["type"], {}));
    if (initiative.committee.includes(command.member) || command.member === initiative.author)
      return refuse(
        initiativeIssue("already-committee-member", ["member"], { member: command.member }),
      );
    return ok([{ type: "committee-member-joined", at, member: command.member }]);
  }
  if (command.by.id !== initiative.author)
    return refuse(
      initiativeIssue("authors-only", ["by"], { action: "send it to technical validation" }),
    );
  if (state !== "created") return wrongState("send to technical validation", state);
  const minimum = type.promotingCommittee ? type.minimumCommitteeMembers : 0;
  if (!initiative.byGroup && initiative.committee.length < minimum)
    return refuse(
      initiativeIssue("not-enough-committee-members", ["committee"], {
        members: initiative.committee.length,
        minimum,
      }),
    );
  return ok([{ type: "sent-to-validation", at, day: today }]);
}

/** An administrator's steps: publish, discard (or unpublish), enter paper signatures. */
function administration(
  initiative: Initiative,
  command: Extract<InitiativeCommand, { type: "publish" | "discard" | "enter-paper-batch" }>,
  context: InitiativeContext,
  signatureDays: number,
): Result<InitiativeEvent[]> {
  const { type, now: at, today } = context;
  const state = initiative.status;
  const action =
    command.type === "publish"
      ? "publish an initiative"
      : command.type === "discard"
        ? "discard an initiative"
        : "enter paper signatures";
  const notAdmin = adminOnly(command.by, action);
  if (notAdmin !== undefined) return refuse(notAdmin);
  if (command.type === "publish") {
    if (state !== "validating") return wrongState("publish", state);
    const end = initiative.signatureEnd ?? addDays(today, signatureDays);
    if (end < today)
      return refuse(
        initiativeIssue("invalid-signature-end", ["signatureEnd"], { end, start: today }),
      );
    return ok([{ type: "published", at, start: today, end }]);
  }
  if (command.type === "discard") {
    if (state === "validating") return ok([{ type: "discarded", at, reason: "administrator" }]);
    if (state === "published") return ok([{ type: "discarded", at, reason: "unpublished" }]);
    return wrongState("discard", state);
  }
  if (state !== "published") return wrongState("enter paper signatures for", state);
  if (type.signatureType === "online")
    return refuse(initiativeIssue("offline-signatures-not-accepted", ["type"], {}));
  if (!votableScopes(type, initiative.scope).includes(command.scope))
    return refuse(initiativeIssue("unknown-initiative-scope", ["scope"], { scope: command.scope }));
  if (initiative.paperBatches.some((batch) => batch.batch === command.batch))
    return refuse(initiativeIssue("batch-already-entered", ["batch"], { batch: command.batch }));
  return ok([
    {
      type: "paper-batch-entered",
      at,
      batch: command.batch,
      enteredBy: command.by.id,
      scope: command.scope,
      signatures: command.signatures,
    },
  ]);
}

/** Closing (Decidim's daily tasks) and accepting or rejecting by hand. */
function closing(
  initiative: Initiative,
  command: Extract<InitiativeCommand, { type: "close" | "accept" | "reject" }>,
  context: InitiativeContext,
  maxDaysInValidation: number,
): Result<InitiativeEvent[]> {
  const { type, now: at, today } = context;
  const state = initiative.status;
  if (command.type === "close") {
    if (state === "validating" && initiative.validatingSince !== undefined)
      return ok(
        daysBetween(initiative.validatingSince, today) > maxDaysInValidation
          ? [{ type: "discarded", at, reason: "validation-timeout" }]
          : [],
      );
    if (state !== "published" || (initiative.signatureEnd ?? today) >= today) return ok([]);
    return ok([
      { type: initiativeProgress(initiative, type).goalReached ? "accepted" : "rejected", at },
    ]);
  }
  const notAdmin = adminOnly(command.by, `${command.type} an initiative`);
  if (notAdmin !== undefined) return refuse(notAdmin);
  if (state !== "published") return wrongState(command.type, state);
  const end = initiative.signatureEnd ?? today;
  if (end >= today) return refuse(initiativeIssue("signature-period-running", ["type"], { end }));
  const reached = initiativeProgress(initiative, type).goalReached;
  if (command.type === "accept" && !reached)
    return refuse(initiativeIssue("goal-not-reached", ["type"], {}));
  if (command.type === "reject" && reached)
    return refuse(initiativeIssue("goal-reached", ["type"], {}));
  return ok([{ type: command.type === "accept" ? "accepted" : "rejected", at }]);
}

/** Signing and unsigning online. */
function signing(
  initiative: Initiative,
  command: Extract<InitiativeCommand, { type: "sign" | "unsign" }>,
  context: InitiativeContext,
): Result<InitiativeEvent[]> {
  const { type, now: at, today } = context;
  const person = command.signer.id;
  const start = initiative.signatureStart ?? "";
  const end = initiative.signatureEnd ?? "";
  if (initiative.status !== "published")
    return refuse(
      initiativeIssue("wrong-state", ["type"], { action: command.type, state: initiative.status }),
    );
  if (today < start || today > end)
    return refuse(initiativeIssue("signatures-closed", ["today"], { today, start, end }));
  if (type.signatureType === "offline")
    return refuse(initiativeIssue("online-signatures-not-accepted", ["type"], {}));
  if (command.type === "unsign") {
    if (!type.undoOnlineSignatures)
      return refuse(initiativeIssue("unsigning-not-allowed", ["type"], {}));
    if (!initiative.online.has(person))
      return refuse(initiativeIssue("not-signed", ["signer"], { person }));
    return ok([{ type: "unsigned", at, person }]);
  }
  if (type.signers !== undefined) {
    const eligible = checkEligibility(type.signers, command.signer as Participant);
    if (!eligible.eligible)
      return refuse(
        initiativeIssue("not-eligible", ["signer"], {
          person,
          reasons: eligible.reasons.join("; "),
        }),
      );
  }
  const signed = initiative.online.get(person);
  if (signed !== undefined)
    return refuse(
      initiativeIssue("already-signed", ["signer"], { person, scope: signed.join(", ") }),
    );
  // Counted in every votable scope that is global, the signer's own, or above it.
  const parentOf = new Map(type.scopes.map((s) => [s.scope, s.parent]));
  const home = command.signer.scopes ?? [];
  const above = new Set<string>();
  for (const scope of home)
    for (let at: string | undefined = scope; at !== undefined; at = parentOf.get(at)) above.add(at);
  const scopes = votableScopes(type, initiative.scope).filter(
    (scope) => scope === "global" || above.has(scope),
  );
  if (scopes.length === 0) return refuse(initiativeIssue("not-in-scope", ["signer"], { person }));
  return ok([{ type: "signed", at, person, scopes }]);
}
