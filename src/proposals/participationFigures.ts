import { type Process, phaseAt } from "../calendar/index.js";
import { idRecord } from "../core/idRecord.js";
import type { ProposalRecord } from "./consultation.js";
import type { ProposalEvent } from "./proposalEvent.js";
import { replay } from "./replay.js";

/**
 * What a set of proposals gathered: people who took part (who created, supported — even
 * if they took it back —, endorsed, commented, amended, opened a draft or asked to
 * contribute: each counted once), proposals open now (drafts and published ones, not
 * withdrawn, merged or split), their supports and endorsements now, and every comment
 * made, by alignment.
 *
 * @category Proposals
 * @example
 * ```ts
 * const figures: ParticipationCounts = { participants: 4, proposals: 2, supports: 1, endorsements: 1, comments: { favour: 1, against: 1, neutral: 0 } };
 * ```
 */
export interface ParticipationCounts {
  readonly participants: number;
  readonly proposals: number;
  readonly supports: number;
  readonly endorsements: number;
  readonly comments: Readonly<Record<"favour" | "against" | "neutral", number>>;
}

/**
 * What happened during one phase: people who acted, proposals created, supports given
 * and taken back, endorsements and comments made.
 *
 * @category Proposals
 * @example
 * ```ts
 * figures.byPhase.ideas?.supportsGiven; //=> 1250
 * ```
 */
export interface PhaseActivity {
  readonly participants: number;
  readonly proposalsCreated: number;
  readonly supportsGiven: number;
  readonly supportsWithdrawn: number;
  readonly endorsements: number;
  readonly comments: number;
}

/** What the final state says of some proposals: how many, their supports and endorsements now. */
function standing(proposals: readonly ProposalRecord[]) {
  return {
    proposals: proposals.length,
    supports: proposals.reduce((sum, proposal) => sum + proposal.supporters.length, 0),
    endorsements: proposals.reduce((sum, proposal) => sum + proposal.endorsements.length, 0),
  };
}

/** Proposals admins make from others: not new ideas. */
const madeByAdmins = new Set(["merge", "split", "copy"]);

/** Who acted in an event, if a participant did. */
function actorOf(event: ProposalEvent): string | undefined {
  switch (event.type) {
    case "created":
      return madeByAdmins.has(event.origin?.kind ?? "") ? undefined : event.author;
    case "amendment-created":
    case "draft-opened":
      return event.author;
    case "supported":
    case "unsupported":
    case "endorsed":
    case "commented":
      return event.participant;
    case "access":
      return event.status === "requested" ? event.participant : undefined;
    default:
      return undefined;
  }
}

/**
 * A consultation's participation figures from its event log: the totals (proposals closed
 * by a merge or split are not counted again; supports a merge joined count once), the same
 * by scope (`""` for proposals without one; an amendment counts in its proposal's scope),
 * and, with the process calendar,
 * what happened in each phase (`""` for events outside every phase) — read from the
 * instants the events carry.
 *
 * @category Proposals
 * @example
 * ```ts
 * const figures = participationFigures(log, { process });
 * figures.total.comments;          //=> { favour: 12, against: 3, neutral: 5 }
 * figures.byScope.doutre?.supports; //=> 240
 * figures.byPhase.ideas?.participants; //=> 310
 * ```
 */
export function participationFigures(
  log: readonly ProposalEvent[],
  options: { readonly process?: Process } = {},
): {
  readonly total: ParticipationCounts;
  readonly byScope: Readonly<Record<string, ParticipationCounts>>;
  readonly byPhase: Readonly<Record<string, PhaseActivity>>;
} {
  const state = replay(log);
  // Open now: drafts and published proposals; withdrawn, merged and split ones are closed.
  const open = Object.values(state.proposals).filter(
    (proposal) => proposal.status === "draft" || proposal.status === "published",
  );
  // Who acted and what was said, from the log, attributed to the scope of the proposal (or
  // draft) the event concerns.
  const scopeOf = new Map<string, string>();
  const people = new Map<string, Set<string>>();
  const comments = new Map<string, Record<"favour" | "against" | "neutral", number>>();
  const everyone = new Set<string>();
  const allComments = { favour: 0, against: 0, neutral: 0 };
  for (const event of log) {
    if (event.type === "created") scopeOf.set(`proposal:${event.proposal}`, event.scope ?? "");
    if (event.type === "draft-opened") scopeOf.set(`draft:${event.draft}`, event.scope ?? "");
    if (event.type === "amendment-created")
      scopeOf.set(`amendment:${event.amendment}`, scopeOf.get(`proposal:${event.proposal}`) ?? "");
    const scope =
      "draft" in event
        ? scopeOf.get(`draft:${event.draft}`)
        : "amendment" in event && event.amendment !== undefined
          ? scopeOf.get(`amendment:${event.amendment}`)
          : "proposal" in event
            ? scopeOf.get(`proposal:${event.proposal}`)
            : undefined;
    const actor = actorOf(event);
    if (actor !== undefined) {
      everyone.add(actor);
      if (scope !== undefined) people.set(scope, (people.get(scope) ?? new Set()).add(actor));
    }
    if (event.type === "commented") {
      allComments[event.alignment]++;
      if (scope !== undefined) {
        const counts = comments.get(scope) ?? { favour: 0, against: 0, neutral: 0 };
        counts[event.alignment]++;
        comments.set(scope, counts);
      }
    }
  }
  const scopes = new Map<string, ProposalRecord[]>();
  for (const proposal of open) {
    const scope = proposal.scope ?? "";
    scopes.set(scope, [...(scopes.get(scope) ?? []), proposal]);
  }
  const byScope = idRecord<ParticipationCounts>();
  for (const scope of new Set([...scopes.keys(), ...people.keys()]))
    byScope[scope] = {
      participants: people.get(scope)?.size ?? 0,
      ...standing(scopes.get(scope) ?? []),
      comments: comments.get(scope) ?? { favour: 0, against: 0, neutral: 0 },
    };
  const byPhase = idRecord<PhaseActivity>();
  if (options.process !== undefined) {
    const { process } = options;
    const people = new Map<string, Set<string>>();
    const activity = new Map<string, Omit<PhaseActivity, "participants">>();
    for (const event of log) {
      const phase = phaseAt(process, event.at).phase?.id ?? "";
      const figures = activity.get(phase) ?? {
        proposalsCreated: 0,
        supportsGiven: 0,
        supportsWithdrawn: 0,
        endorsements: 0,
        comments: 0,
      };
      const actor = actorOf(event);
      if (actor !== undefined) people.set(phase, (people.get(phase) ?? new Set()).add(actor));
      activity.set(phase, {
        proposalsCreated:
          figures.proposalsCreated +
          (event.type === "created" && !madeByAdmins.has(event.origin?.kind ?? "") ? 1 : 0),
        supportsGiven: figures.supportsGiven + (event.type === "supported" ? 1 : 0),
        supportsWithdrawn: figures.supportsWithdrawn + (event.type === "unsupported" ? 1 : 0),
        endorsements: figures.endorsements + (event.type === "endorsed" ? 1 : 0),
        comments: figures.comments + (event.type === "commented" ? 1 : 0),
      });
    }
    for (const [phase, figures] of activity)
      byPhase[phase] = { participants: people.get(phase)?.size ?? 0, ...figures };
  }
  return {
    total: { participants: everyone.size, ...standing(open), comments: allComments },
    byScope,
    byPhase,
  };
}
