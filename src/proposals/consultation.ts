import { produce } from "immer";
import type { ProposalEvent } from "./proposalEvent.js";

/**
 * One proposal: its author and title, whether it is a draft, published or withdrawn, the
 * answer given (seen by citizens only once published), who supports and endorses it, and
 * its comments with their alignment.
 *
 * @category Proposals
 * @example
 * ```ts
 * const p: ProposalRecord = { id: "p1", author: "ana", title: "Des bancs", status: "published", supporters: [], endorsements: [], comments: [] };
 * ```
 */
export interface ProposalRecord {
  readonly id: string;
  readonly author: string;
  readonly title: string;
  readonly status: "draft" | "published" | "withdrawn";
  readonly answer?: { readonly state: string; readonly published: boolean };
  readonly supporters: readonly string[];
  readonly endorsements: readonly string[];
  readonly comments: readonly {
    readonly id: string;
    readonly participant: string;
    readonly alignment: "favour" | "against" | "neutral";
  }[];
}

/**
 * A consultation's proposals, and for each participant the proposals they support.
 *
 * @category Proposals
 * @example
 * ```ts
 * const empty: Consultation = { proposals: {}, supportsOf: {} };
 * ```
 */
export interface Consultation {
  readonly proposals: Readonly<Record<string, ProposalRecord>>;
  readonly supportsOf: Readonly<Record<string, readonly string[]>>;
}

/**
 * The consultation after one event (immer: the input is not changed). Events are facts:
 * they are applied without checks, which `transition` made before emitting them.
 *
 * @category Proposals
 * @example
 * ```ts
 * applyEvent({ proposals: {}, supportsOf: {} }, { type: "created", proposal: "p1", author: "ana", title: "Bancs" });
 * ```
 */
export function applyEvent(state: Consultation, event: ProposalEvent): Consultation {
  return produce(state, (draft) => {
    const proposal = draft.proposals[event.proposal];
    switch (event.type) {
      case "created":
        draft.proposals[event.proposal] = {
          id: event.proposal,
          author: event.author,
          title: event.title,
          status: "draft",
          supporters: [],
          endorsements: [],
          comments: [],
        };
        return;
      case "published":
        if (proposal) proposal.status = "published";
        return;
      case "withdrawn":
        if (proposal) proposal.status = "withdrawn";
        return;
      case "answered":
        if (proposal) proposal.answer = { state: event.state, published: false };
        return;
      case "answer-published":
        if (proposal?.answer) proposal.answer.published = true;
        return;
      case "supported":
        proposal?.supporters.push(event.participant);
        draft.supportsOf[event.participant] = [
          ...(draft.supportsOf[event.participant] ?? []),
          event.proposal,
        ];
        return;
      case "endorsed":
        proposal?.endorsements.push(event.participant);
        return;
      case "commented":
        proposal?.comments.push({
          id: event.comment,
          participant: event.participant,
          alignment: event.alignment,
        });
        return;
      case "unsupported":
        if (proposal)
          proposal.supporters = proposal.supporters.filter((who) => who !== event.participant);
        draft.supportsOf[event.participant] = (draft.supportsOf[event.participant] ?? []).filter(
          (id) => id !== event.proposal,
        );
        return;
    }
  });
}
