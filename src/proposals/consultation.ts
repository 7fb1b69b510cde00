import { type Draft, produce } from "immer";
import { idRecord, idRecordFrom } from "../core/idRecord.js";
import type { ProposalEvent } from "./proposalEvent.js";

/**
 * One proposal: its component, author and co-authors, scope, status, current text and
 * every earlier version, the answer given (with cost, cost report and execution period;
 * seen by citizens only once published), its valuators and their private notes, who
 * supports and endorses it, its comments with their alignment, where it came from (a
 * merge, a split, a copy, a promoted amendment, a collaborative draft) and what replaced
 * it (`successors`, after a merge or split).
 *
 * @category Proposals
 * @example
 * ```ts
 * replay(log).proposals.p1?.versions.length; //=> 2
 * ```
 */
export interface ProposalRecord {
  readonly id: string;
  readonly component: string;
  readonly author: string;
  readonly coauthors: readonly string[];
  readonly scope?: string;
  readonly createdAt: number;
  /** Its place in the order proposals were created in: 0 for the first. */
  readonly sequence: number;
  readonly publishedAt?: number;
  readonly status: "draft" | "published" | "withdrawn" | "merged" | "split";
  readonly title: string;
  readonly body: string;
  readonly versions: readonly {
    readonly title: string;
    readonly body: string;
    readonly at: number;
    readonly amendment?: string;
  }[];
  readonly answer?: {
    readonly state: string;
    readonly published: boolean;
    readonly by: string;
    readonly at: number;
    readonly cost?: string;
    readonly costReport?: string;
    readonly executionPeriod?: string;
  };
  readonly valuators: readonly string[];
  readonly notes: readonly {
    readonly id: string;
    readonly author: string;
    readonly text: string;
    readonly at: number;
  }[];
  readonly supporters: readonly string[];
  readonly endorsements: readonly string[];
  readonly comments: readonly {
    readonly id: string;
    readonly participant: string;
    readonly alignment: "favour" | "against" | "neutral";
    readonly at: number;
  }[];
  readonly origin?: {
    readonly kind: "merge" | "split" | "copy" | "amendment" | "collaborative-draft";
    readonly from: readonly string[];
  };
  readonly successors: readonly string[];
}

/**
 * An amendment to a proposal: draft, then evaluating once published, then accepted,
 * rejected or withdrawn; a rejected one may be promoted to a proposal of its own.
 *
 * @category Proposals
 * @example
 * ```ts
 * replay(log).amendments.a1?.status; //=> "accepted"
 * ```
 */
export interface AmendmentRecord {
  readonly id: string;
  readonly proposal: string;
  readonly author: string;
  readonly title: string;
  readonly body: string;
  readonly status: "draft" | "evaluating" | "accepted" | "rejected" | "withdrawn";
  readonly promotedTo?: string;
}

/**
 * A collaborative draft: open while its author and accepted contributors write it, then
 * published (it becomes a proposal) or withdrawn; people ask to contribute and are accepted
 * or refused by those already in.
 *
 * @category Proposals
 * @example
 * ```ts
 * replay(log).drafts.d1?.contributors; //=> ["bo"]
 * ```
 */
export interface CollaborativeDraftRecord {
  readonly id: string;
  readonly author: string;
  readonly title: string;
  readonly body: string;
  readonly scope?: string;
  readonly status: "open" | "published" | "withdrawn";
  readonly contributors: readonly string[];
  readonly requests: readonly string[];
  readonly publishedAs?: string;
}

/**
 * A consultation: its proposals, for each participant the proposals they support,
 * amendments and collaborative drafts.
 *
 * @category Proposals
 * @example
 * ```ts
 * const empty: Consultation = emptyConsultation;
 * ```
 */
export interface Consultation {
  readonly proposals: Readonly<Record<string, ProposalRecord>>;
  readonly supportsOf: Readonly<Record<string, readonly string[]>>;
  readonly amendments: Readonly<Record<string, AmendmentRecord>>;
  readonly drafts: Readonly<Record<string, CollaborativeDraftRecord>>;
}

/**
 * A consultation with nothing in it yet.
 *
 * @category Proposals
 * @example
 * ```ts
 * transition(emptyConsultation, { type: "create", proposal: "p1", author: "ana", title: "Bancs" }, context);
 * ```
 */
export const emptyConsultation: Consultation = Object.freeze({
  proposals: Object.freeze(idRecord<ProposalRecord>()),
  supportsOf: Object.freeze(idRecord<readonly string[]>()),
  amendments: Object.freeze(idRecord<AmendmentRecord>()),
  drafts: Object.freeze(idRecord<CollaborativeDraftRecord>()),
});

const RECORDS = ["proposals", "supportsOf", "amendments", "drafts"] as const;

/**
 * The same consultation with every record keyed by id made a record without prototype,
 * so that a proposal, participant, amendment or draft id such as `__proto__` or
 * `constructor` is data like any other (a state built with `{}` literals would read
 * `Object`'s members for them, and writing `__proto__` would change a prototype). Returns
 * the state itself when it already is so.
 *
 * @category Proposals
 * @example
 * ```ts
 * consultationWithIdRecords({ proposals: {}, supportsOf: {}, amendments: {}, drafts: {} }).proposals.constructor; //=> undefined
 * ```
 */
export function consultationWithIdRecords(state: Consultation): Consultation {
  const isIdRecord = (value: unknown) =>
    value !== null && typeof value === "object" && Object.getPrototypeOf(value) === null;
  if (RECORDS.every((name) => isIdRecord(state[name]))) return state;
  const copy = { ...state } as Record<(typeof RECORDS)[number], unknown> & Consultation;
  for (const name of RECORDS) {
    // A record left out (a state written by hand) is an empty one.
    const record = (state[name] ?? {}) as Readonly<Record<string, unknown>>;
    if (!isIdRecord(record))
      (copy as Record<string, unknown>)[name] = idRecordFrom(
        Object.keys(record).map((key) => [key, record[key]] as const),
      );
  }
  return copy;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * The consultation after one event (immer: the input is not changed). Events are facts:
 * they are applied without checks, which `transition` made before emitting them.
 *
 * @category Proposals
 * @example
 * ```ts
 * applyEvent(emptyConsultation, { type: "created", proposal: "p1", author: "ana", title: "Bancs", body: "", component: "proposals", at: 0 });
 * ```
 */
export function applyEvent(state: Consultation, event: ProposalEvent): Consultation {
  // Long by design: one reducer with a case per event type, each a few lines: the cases read
  // best side by side.
  return produce(consultationWithIdRecords(state), (draft) => {
    switch (event.type) {
      case "created": {
        draft.proposals[event.proposal] = {
          id: event.proposal,
          component: event.component,
          author: event.author,
          coauthors: event.coauthors ?? [],
          ...(event.scope === undefined ? {} : { scope: event.scope }),
          createdAt: event.at,
          sequence: Object.keys(draft.proposals).length,
          status: "draft",
          title: event.title,
          body: event.body,
          versions: [{ title: event.title, body: event.body, at: event.at }],
          valuators: [],
          notes: [],
          supporters: [],
          endorsements: [],
          comments: [],
          ...(event.origin === undefined ? {} : { origin: event.origin }),
          successors: [],
        };
        return;
      }
      case "merged": {
        const into = draft.proposals[event.into];
        for (const id of event.proposals) {
          const source = draft.proposals[id];
          if (source === undefined) continue;
          source.status = "merged";
          source.successors = [event.into];
          if (into !== undefined) {
            into.supporters = unique([...into.supporters, ...source.supporters]);
            into.endorsements = unique([...into.endorsements, ...source.endorsements]);
          }
          source.supporters = [];
          source.endorsements = [];
        }
        const merged = new Set(event.proposals);
        for (const [who, supported] of Object.entries(draft.supportsOf))
          if (supported.some((id) => merged.has(id)))
            draft.supportsOf[who] = unique(
              supported.map((id) => (merged.has(id) ? event.into : id)),
            );
        return;
      }
      case "split": {
        const source = draft.proposals[event.proposal];
        if (source === undefined) return;
        source.status = "split";
        source.successors = [...event.into];
        for (const who of source.supporters)
          draft.supportsOf[who] = (draft.supportsOf[who] ?? []).filter((id) => id !== source.id);
        source.supporters = [];
        return;
      }
      case "supported":
      case "unsupported":
      case "endorsed":
      case "commented":
      case "published":
      case "withdrawn":
      case "answered":
      case "answer-published":
      case "valuator-assigned":
      case "valuator-unassigned":
      case "noted":
      case "versioned": {
        const proposal = draft.proposals[event.proposal];
        if (proposal === undefined) return;
        applyToProposal(draft, proposal, event);
        return;
      }
      case "amendment-created":
        draft.amendments[event.amendment] = {
          id: event.amendment,
          proposal: event.proposal,
          author: event.author,
          title: event.title,
          body: event.body,
          status: "draft",
        };
        return;
      case "amendment-status": {
        const amendment = draft.amendments[event.amendment];
        if (amendment) amendment.status = event.status;
        return;
      }
      case "amendment-promoted": {
        const amendment = draft.amendments[event.amendment];
        if (amendment) amendment.promotedTo = event.proposal;
        return;
      }
      case "draft-opened":
        draft.drafts[event.draft] = {
          id: event.draft,
          author: event.author,
          title: event.title,
          body: event.body,
          ...(event.scope === undefined ? {} : { scope: event.scope }),
          status: "open",
          contributors: [],
          requests: [],
        };
        return;
      case "access": {
        const collaborative = draft.drafts[event.draft];
        if (collaborative === undefined) return;
        collaborative.requests = collaborative.requests.filter((who) => who !== event.participant);
        if (event.status === "requested") collaborative.requests.push(event.participant);
        if (event.status === "accepted") collaborative.contributors.push(event.participant);
        return;
      }
      case "draft-edited": {
        const collaborative = draft.drafts[event.draft];
        if (collaborative === undefined) return;
        collaborative.title = event.title;
        collaborative.body = event.body;
        return;
      }
      case "draft-published": {
        const collaborative = draft.drafts[event.draft];
        if (collaborative === undefined) return;
        collaborative.status = "published";
        collaborative.publishedAs = event.proposal;
        return;
      }
      case "draft-withdrawn": {
        const collaborative = draft.drafts[event.draft];
        if (collaborative) collaborative.status = "withdrawn";
        return;
      }
    }
  });
}

function applyToProposal(
  draft: Draft<Consultation>,
  proposal: Draft<ProposalRecord>,
  event: ProposalEvent & { proposal: string },
): void {
  switch (event.type) {
    case "published":
      proposal.status = "published";
      proposal.publishedAt = event.at;
      return;
    case "withdrawn":
      proposal.status = "withdrawn";
      return;
    case "answered": {
      proposal.answer = {
        state: event.state,
        published: false,
        by: event.by,
        at: event.at,
        ...(event.cost === undefined ? {} : { cost: event.cost }),
        ...(event.costReport === undefined ? {} : { costReport: event.costReport }),
        ...(event.executionPeriod === undefined ? {} : { executionPeriod: event.executionPeriod }),
      };
      return;
    }
    case "answer-published":
      if (proposal.answer) proposal.answer = { ...proposal.answer, published: true };
      return;
    case "supported":
      proposal.supporters.push(event.participant);
      draft.supportsOf[event.participant] = [
        ...(draft.supportsOf[event.participant] ?? []),
        event.proposal,
      ];
      return;
    case "unsupported":
      proposal.supporters = proposal.supporters.filter((who) => who !== event.participant);
      draft.supportsOf[event.participant] = (draft.supportsOf[event.participant] ?? []).filter(
        (id) => id !== event.proposal,
      );
      return;
    case "endorsed":
      proposal.endorsements.push(event.participant);
      return;
    case "commented":
      proposal.comments.push({
        id: event.comment,
        participant: event.participant,
        alignment: event.alignment,
        at: event.at,
      });
      return;
    case "valuator-assigned":
      proposal.valuators.push(event.valuator);
      return;
    case "valuator-unassigned":
      proposal.valuators = proposal.valuators.filter((who) => who !== event.valuator);
      return;
    case "noted":
      proposal.notes.push({ id: event.note, author: event.author, text: event.text, at: event.at });
      return;
    case "versioned":
      proposal.title = event.title;
      proposal.body = event.body;
      proposal.versions.push({
        title: event.title,
        body: event.body,
        at: event.at,
        ...(event.amendment === undefined ? {} : { amendment: event.amendment }),
      });
      return;
    default:
      return;
  }
}
