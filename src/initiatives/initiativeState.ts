import type { InitiativeType } from "./initiativeType.js";

/**
 * An initiative's states, as Decidim's: created (being prepared), validating (technical
 * validation), published (collecting signatures), then discarded, accepted or rejected.
 *
 * @category Initiatives
 * @example
 * ```ts
 * const state: InitiativeStatus = "published";
 * ```
 */
export type InitiativeStatus =
  | "created"
  | "validating"
  | "published"
  | "discarded"
  | "accepted"
  | "rejected";

/**
 * What happened to an initiative, as data: the log an initiative is replayed from.
 *
 * @category Initiatives
 * @example
 * ```ts
 * const event: InitiativeEvent = { type: "signed", at: "2027-03-01T09:00:00Z", person: "ana", scopes: ["global"] };
 * ```
 */
export type InitiativeEvent =
  | {
      readonly type: "created";
      readonly at: string;
      readonly id: string;
      readonly typeId: string;
      readonly scope: string;
      readonly author: string;
      readonly byGroup: boolean;
      readonly signatureEnd?: string | undefined;
    }
  | { readonly type: "committee-member-joined"; readonly at: string; readonly member: string }
  | { readonly type: "sent-to-validation"; readonly at: string; readonly day: string }
  | {
      readonly type: "published";
      readonly at: string;
      readonly start: string;
      readonly end: string;
    }
  | {
      readonly type: "discarded";
      readonly at: string;
      readonly reason: "administrator" | "unpublished" | "validation-timeout";
    }
  | {
      readonly type: "signed";
      readonly at: string;
      readonly person: string;
      readonly scopes: readonly string[];
    }
  | { readonly type: "unsigned"; readonly at: string; readonly person: string }
  | {
      readonly type: "paper-batch-entered";
      readonly at: string;
      readonly batch: string;
      readonly enteredBy: string;
      readonly scope: string;
      readonly signatures: number;
    }
  | { readonly type: "accepted"; readonly at: string }
  | { readonly type: "rejected"; readonly at: string };

/**
 * An initiative as its events leave it: status, scope, committee, signature period,
 * online signatures (each person's scopes, one signature per person per scope) and paper
 * batches.
 *
 * @category Initiatives
 * @example
 * ```ts
 * const initiative = replayInitiative(events);
 * initiative.status; //=> "published"
 * ```
 */
export interface Initiative {
  readonly id: string;
  readonly typeId: string;
  readonly scope: string;
  readonly author: string;
  readonly byGroup: boolean;
  readonly status: InitiativeStatus;
  readonly committee: readonly string[];
  readonly validatingSince?: string | undefined;
  readonly signatureStart?: string | undefined;
  readonly signatureEnd?: string | undefined;
  readonly online: ReadonlyMap<string, readonly string[]>;
  readonly paperBatches: readonly {
    readonly batch: string;
    readonly enteredBy: string;
    readonly scope: string;
    readonly signatures: number;
  }[];
}

/** An initiative being replayed: the same fields, written in place. */
type Working = {
  -readonly [K in keyof Initiative]: Initiative[K];
} & {
  committee: string[];
  online: Map<string, readonly string[]>;
  paperBatches: Initiative["paperBatches"][number][];
};

/** The initiative a `created` event starts. */
function created(event: Extract<InitiativeEvent, { type: "created" }>): Working {
  return {
    id: event.id,
    typeId: event.typeId,
    scope: event.scope,
    author: event.author,
    byGroup: event.byGroup,
    status: "created",
    committee: [],
    signatureEnd: event.signatureEnd,
    online: new Map(),
    paperBatches: [],
  };
}

/** One event written into a working initiative. */
function write(draft: Working, event: Exclude<InitiativeEvent, { type: "created" }>): void {
  switch (event.type) {
    case "committee-member-joined":
      draft.committee.push(event.member);
      break;
    case "sent-to-validation":
      draft.status = "validating";
      draft.validatingSince = event.day;
      break;
    case "published":
      draft.status = "published";
      draft.signatureStart = event.start;
      draft.signatureEnd = event.end;
      break;
    case "discarded":
      draft.status = "discarded";
      break;
    case "signed":
      draft.online.set(event.person, [...event.scopes]);
      break;
    case "unsigned":
      draft.online.delete(event.person);
      break;
    case "paper-batch-entered":
      draft.paperBatches.push({
        batch: event.batch,
        enteredBy: event.enteredBy,
        scope: event.scope,
        signatures: event.signatures,
      });
      break;
    case "accepted":
      draft.status = "accepted";
      break;
    case "rejected":
      draft.status = "rejected";
      break;
  }
}

/**
 * The initiative after one more event, as a new value (the given one is left as it was).
 * The first event must be `created`; an event that does not fit is a programmer error
 * (events come from {@link decideInitiative}).
 *
 * @category Initiatives
 * @example
 * ```ts
 * const after = applyInitiativeEvent(before, { type: "accepted", at: "2027-07-01T00:00:00Z" });
 * ```
 */
export function applyInitiativeEvent(
  initiative: Initiative | undefined,
  event: InitiativeEvent,
): Initiative {
  if (event.type === "created") {
    if (initiative !== undefined) throw new Error("applyInitiativeEvent: created twice");
    return created(event);
  }
  if (initiative === undefined) throw new Error("applyInitiativeEvent: not created yet");
  const draft: Working = {
    ...initiative,
    committee: [...initiative.committee],
    online: new Map(initiative.online),
    paperBatches: [...initiative.paperBatches],
  };
  write(draft, event);
  return draft;
}

/**
 * An initiative from its whole event log, undefined for an empty one: the same as
 * applying the events one by one, written in place as it goes (linear in the log).
 *
 * @category Initiatives
 * @example
 * ```ts
 * replayInitiative(events)?.status;
 * ```
 */
export function replayInitiative(events: readonly InitiativeEvent[]): Initiative | undefined {
  const [first, ...rest] = events;
  if (first === undefined) return undefined;
  if (first.type !== "created")
    throw new Error("replayInitiative: the log must begin with created");
  const draft = created(first);
  for (const event of rest) {
    if (event.type === "created") throw new Error("replayInitiative: created twice");
    write(draft, event);
  }
  return draft;
}

/**
 * The scopes whose thresholds an initiative must reach: its own, and with
 * `childScopeThreshold` the type's scopes below it (all of them for a global initiative).
 *
 * @category Initiatives
 * @example
 * ```ts
 * votableScopes(type, "city"); //=> ["city", "north", "south"] with childScopeThreshold
 * ```
 */
export function votableScopes(type: InitiativeType, scope: string): string[] {
  if (!type.childScopeThreshold) return [scope];
  const parentOf = new Map(type.scopes.map((s) => [s.scope, s.parent]));
  const below = (candidate: string): boolean => {
    for (let at = parentOf.get(candidate); at !== undefined; at = parentOf.get(at))
      if (at === scope) return true;
    return false;
  };
  return type.scopes
    .map((s) => s.scope)
    .filter((s) => s === scope || scope === "global" || below(s));
}

/**
 * Supports counted in one scope, as Decidim counts them: online signatures in that scope
 * unless the type is offline only, plus paper signatures entered for it unless the type is
 * online only.
 *
 * @category Initiatives
 * @example
 * ```ts
 * supportsIn(initiative, type, "global"); //=> 1250
 * ```
 */
export function supportsIn(initiative: Initiative, type: InitiativeType, scope: string): number {
  let count = 0;
  if (type.signatureType !== "offline")
    for (const scopes of initiative.online.values()) if (scopes.includes(scope)) count++;
  if (type.signatureType !== "online")
    for (const batch of initiative.paperBatches)
      if (batch.scope === scope) count += batch.signatures;
  return count;
}

/**
 * How far an initiative is towards its goal, in Decidim's terms: supports in its own
 * scope (online and paper, reported apart too), the supports its scope requires, the
 * percentage min(⌊supports × 100 / required⌋, 100), and whether every votable scope
 * reached its threshold.
 *
 * @category Initiatives
 * @example
 * ```ts
 * initiativeProgress(initiative, type); //=> { supports: 1250, online: 1000, paper: 250, required: 1000, percentage: 100, goalReached: true }
 * ```
 */
export function initiativeProgress(initiative: Initiative, type: InitiativeType) {
  const required = (scope: string) =>
    type.scopes.find((s) => s.scope === scope)?.supportsRequired ?? Number.POSITIVE_INFINITY;
  const supports = supportsIn(initiative, type, initiative.scope);
  const paper =
    type.signatureType === "online"
      ? 0
      : initiative.paperBatches
          .filter((batch) => batch.scope === initiative.scope)
          .reduce((sum, batch) => sum + batch.signatures, 0);
  const needed = required(initiative.scope);
  return {
    supports,
    online: supports - paper,
    paper,
    required: needed,
    percentage: Math.min(Math.floor((supports * 100) / needed), 100),
    goalReached: votableScopes(type, initiative.scope).every(
      (scope) => supportsIn(initiative, type, scope) >= required(scope),
    ),
  };
}
