import {
  type EligibilityPolicy,
  isAllowed,
  type Participant,
  type Process,
  phaseAt,
} from "../calendar/index.js";
import { ownValue } from "../core/idRecord.js";
import { makeIssue } from "../core/issue.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, ok, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { archivedProposals } from "./archivedProposals.js";
import {
  applyEvent,
  type Consultation,
  consultationWithIdRecords,
  type ProposalRecord,
} from "./consultation.js";
import { defaultLifecycle, type Lifecycle, type Role } from "./lifecycle.js";
import { type ProposalCommand, proposalCommandSchema } from "./proposalCommand.js";
import type { ProposalEvent } from "./proposalEvent.js";
import type { SupportRules } from "./supportRules.js";

/**
 * What a command is checked against: the instant, the process calendar (a command needs a
 * phase that permits its capability), the lifecycle (answer states, who may run what), the
 * support rules, the component the proposals belong to (its settings in the running phase,
 * such as `answersWithCosts`), who the admins are and who may be assigned as a valuator,
 * the participants and eligibility policies per capability (through
 * `civitas/calendar`'s `isAllowed`), and the census for CONSUL's success threshold.
 *
 * @category Proposals
 * @example
 * ```ts
 * const context: TransitionContext = { instant: now, process, rules: { voteLimit: 3 }, admins: ["city"] };
 * ```
 */
export interface TransitionContext {
  readonly instant: number;
  readonly rules?: SupportRules;
  readonly lifecycle?: Lifecycle;
  readonly process?: Process;
  /** The component new proposals belong to; `"proposals"` when absent. */
  readonly component?: string;
  readonly admins?: readonly string[];
  readonly valuators?: readonly string[];
  readonly participants?: Readonly<Record<string, Participant>>;
  readonly policies?: Readonly<Record<string, EligibilityPolicy>>;
  readonly census?: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NewEvent = DistributiveOmit<ProposalEvent, "at">;
type Outcome = Result<{ readonly state: Consultation; readonly events: readonly ProposalEvent[] }>;

const roleWords: Record<Role, string> = {
  participant: "a participant",
  author: "its author",
  coauthor: "a co-author",
  admin: "an admin",
  valuator: "a valuator assigned to it",
  "amendment-author": "the amendment's author",
  "draft-author": "the draft's author",
  contributor: "a contributor",
};

/** What each command does, for refusals: `{x}` stands for its target. */
const doing: Record<ProposalCommand["type"], string> = {
  create: "create proposals",
  publish: "publish {x}",
  withdraw: "withdraw {x}",
  answer: "answer {x}",
  "publish-answer": "publish the answer to {x}",
  support: "support {x}",
  unsupport: "take back a support of {x}",
  endorse: "endorse {x}",
  comment: "comment on {x}",
  "assign-valuator": "assign valuators to {x}",
  "unassign-valuator": "unassign valuators from {x}",
  note: "write notes on {x}",
  amend: "amend {x}",
  "publish-amendment": "publish amendment {x}",
  "withdraw-amendment": "withdraw amendment {x}",
  "accept-amendment": "accept amendment {x}",
  "reject-amendment": "reject amendment {x}",
  "promote-amendment": "promote amendment {x}",
  "open-draft": "open drafts",
  "request-access": "ask to contribute to draft {x}",
  "accept-access": "accept contributors to draft {x}",
  "reject-access": "refuse contributors to draft {x}",
  "edit-draft": "edit draft {x}",
  "publish-draft": "publish draft {x}",
  "withdraw-draft": "withdraw draft {x}",
  merge: "merge proposals",
  split: "split {x}",
  copy: "copy {x}",
};

function actorOf(command: ProposalCommand): string {
  if ("actor" in command) return command.actor;
  if ("participant" in command) return command.participant;
  return command.author;
}

/** What the actor is to the command's target. */
interface Standing {
  readonly author?: string;
  readonly coauthors?: readonly string[];
  readonly valuators?: readonly string[];
  readonly amendmentAuthor?: string;
  readonly draftAuthor?: string;
  readonly contributors?: readonly string[];
}

function holds(role: Role, actor: string, standing: Standing, context: TransitionContext) {
  switch (role) {
    case "participant":
      return true;
    case "admin":
      return (context.admins ?? []).includes(actor);
    case "author":
      return standing.author === actor;
    case "coauthor":
      return (standing.coauthors ?? []).includes(actor);
    case "valuator":
      return (standing.valuators ?? []).includes(actor);
    case "amendment-author":
      return standing.amendmentAuthor === actor;
    case "draft-author":
      return standing.draftAuthor === actor;
    case "contributor":
      return (standing.contributors ?? []).includes(actor);
  }
}

/**
 * Applies a command to a consultation: the new state and the events to store (each with
 * `at`, the context's instant), or the reasons it is refused (`refused` issues, one clear
 * sentence each; `invalid-command` when the command is malformed). Replaying the stored
 * events gives the same state (`replay`).
 *
 * Checked, in this order: the running phase permits the command's capability and the
 * actor meets that capability's eligibility policy; the target exists; the actor holds one
 * of the roles the lifecycle gives the command; then the command's own rules — a proposal's
 * status (no supports on drafts, withdrawn, merged or split proposals, nor on proposals
 * whose published answer closes supports, nor on archived ones), one support per
 * participant and proposal, the vote limit, no more supports once a proposal reaches its
 * threshold when supports do not accumulate beyond it, no withdrawal once supported, the per-author
 * proposal limit, answer states and the states they may follow, a cost where the answer
 * state or the phase requires one, amendment and collaborative-draft states, and merges,
 * splits and copies only of published proposals.
 *
 * @category Proposals
 * @example
 * ```ts
 * const step = transition(state, { type: "support", proposal: "p1", participant: "ana" }, context);
 * if (step.ok) log.push(...step.value.events);
 * else console.log(step.issues[0]?.message); // "ana has used all 3 supports"
 * ```
 */
export function transition(
  given: Consultation,
  input: unknown,
  context: TransitionContext,
): Result<{ readonly state: Consultation; readonly events: readonly ProposalEvent[] }> {
  const state = consultationWithIdRecords(given);
  const parsed = parseSchema(proposalCommandSchema, input);
  if (!parsed.success) return fail(schemaIssues(parsed.error, "invalid-command", "command"));
  const command = parsed.data;
  const lifecycle = context.lifecycle ?? defaultLifecycle;
  const rule = lifecycle.commands[command.type];
  const actor = actorOf(command);
  const refuse = (reason: string): Outcome =>
    fail([makeIssue("refused", ["command"], reason, { command: command.type })]);
  if (context.process !== undefined && rule.capability !== null) {
    const allowed = isAllowed(
      context.process,
      rule.capability,
      context.instant,
      ownValue(context.participants, actor),
      context.policies,
    );
    if (!allowed.allowed) return refuse(allowed.reasons.join("; "));
  }
  const authorize = (standing: Standing, target = ""): string | undefined =>
    rule.roles.some((role) => holds(role, actor, standing, context))
      ? undefined
      : `${actor} may not ${doing[command.type].replace("{x}", target)}: only ${rule.roles
          .map((role) => roleWords[role])
          .join(" or ")} may`;
  const step = (events: readonly NewEvent[]): Outcome => {
    const stamped = events.map((event) => ({ ...event, at: context.instant }) as ProposalEvent);
    return ok({ state: stamped.reduce(applyEvent, state), events: stamped });
  };
  const proposalStanding = (proposal: ProposalRecord): Standing => ({
    author: proposal.author,
    coauthors: proposal.coauthors,
    valuators: proposal.valuators,
  });
  const component = context.component ?? "proposals";
  const rules = context.rules ?? {};
  const freeId = (id: string) =>
    state.proposals[id] === undefined ? undefined : `proposal ${id} already exists`;
  /** The per-author limit counts drafts and published proposals, not withdrawn or merged ones. */
  const beyondProposalLimit = (author: string) => {
    const limit = rules.proposalLimit;
    const authored = Object.values(state.proposals).filter(
      (other) =>
        other.author === author && (other.status === "draft" || other.status === "published"),
    ).length;
    return limit !== undefined && authored >= limit
      ? `${author} already has ${plural(limit, "proposal")}`
      : undefined;
  };

  switch (command.type) {
    case "create": {
      const denied =
        authorize({}) ?? freeId(command.proposal) ?? beyondProposalLimit(command.author);
      if (denied) return refuse(denied);
      return step([
        {
          type: "created",
          proposal: command.proposal,
          author: command.author,
          title: command.title,
          body: command.body,
          component,
          ...(command.scope === undefined ? {} : { scope: command.scope }),
        },
      ]);
    }
    case "open-draft":
    case "request-access":
    case "accept-access":
    case "reject-access":
    case "edit-draft":
    case "publish-draft":
    case "withdraw-draft":
      return collaborativeDraft(command);
    case "amend":
    case "publish-amendment":
    case "withdraw-amendment":
    case "accept-amendment":
    case "reject-amendment":
    case "promote-amendment":
      return amendment(command);
    case "merge":
      return merge(command);
    default:
      break;
  }

  const proposal = state.proposals[command.proposal];
  if (proposal === undefined) return refuse(`there is no proposal ${command.proposal}`);
  const denied = authorize(proposalStanding(proposal), proposal.id);
  if (denied) return refuse(denied);
  const published = (verb: string) =>
    proposal.status === "published"
      ? undefined
      : `${proposal.id} is ${proposal.status} and cannot be ${verb}`;

  switch (command.type) {
    case "publish":
      if (proposal.status !== "draft")
        return refuse(`${proposal.id} is ${proposal.status}, not a draft`);
      return step([{ type: "published", proposal: proposal.id }]);
    case "withdraw":
      if (proposal.status !== "draft" && proposal.status !== "published")
        return refuse(`${proposal.id} is already ${proposal.status}`);
      if (proposal.supporters.length > 0)
        return refuse(`${proposal.id} has supports and can no longer be withdrawn`);
      return step([{ type: "withdrawn", proposal: proposal.id }]);
    case "answer": {
      const unanswerable = published("answered");
      if (unanswerable) return refuse(unanswerable);
      const answerState = lifecycle.answerStates.find((known) => known.id === command.state);
      if (answerState === undefined)
        return refuse(
          `there is no answer state ${command.state} (known: ${lifecycle.answerStates
            .map((known) => known.id)
            .join(", ")})`,
        );
      const current = proposal.answer?.state ?? "none";
      if (answerState.from !== undefined && !answerState.from.includes(current))
        return refuse(
          `${proposal.id} cannot be answered ${command.state} after ${
            current === "none" ? "no answer" : current
          }`,
        );
      const phase =
        context.process === undefined ? undefined : phaseAt(context.process, context.instant).phase;
      const costRequired =
        answerState.cost === "required" ||
        (answerState.cost === "phase" &&
          ownValue(phase?.settings, component)?.answersWithCosts === true);
      if (costRequired && command.cost === undefined)
        return refuse(
          `an answer ${command.state} needs a cost${answerState.cost === "phase" ? ` in the phase "${phase?.title}"` : ""}`,
        );
      return step([
        {
          type: "answered",
          proposal: proposal.id,
          state: command.state,
          by: actor,
          ...(command.cost === undefined ? {} : { cost: command.cost }),
          ...(command.costReport === undefined ? {} : { costReport: command.costReport }),
          ...(command.executionPeriod === undefined
            ? {}
            : { executionPeriod: command.executionPeriod }),
        },
      ]);
    }
    case "publish-answer":
      if (proposal.answer === undefined) return refuse(`${proposal.id} has no answer to publish`);
      if (proposal.answer.published)
        return refuse(`the answer to ${proposal.id} is already published`);
      return step([{ type: "answer-published", proposal: proposal.id }]);
    case "support": {
      const unsupportable = published("supported");
      if (unsupportable) return refuse(unsupportable);
      const answer = proposal.answer;
      if (
        answer?.published === true &&
        lifecycle.answerStates.find((known) => known.id === answer.state)?.supportable === false
      )
        return refuse(`${proposal.id} was answered ${answer.state} and cannot be supported`);
      if (proposal.supporters.includes(command.participant))
        return refuse(`${command.participant} already supports ${proposal.id}`);
      if (rules.threshold !== undefined && rules.accumulateBeyondThreshold === false) {
        const minimum = rules.minimumSupports ?? 1;
        const counted = proposal.supporters.filter(
          (who) => (state.supportsOf[who]?.length ?? 0) >= minimum,
        ).length;
        if (counted >= rules.threshold)
          return refuse(
            `${proposal.id} has reached its threshold of ${plural(rules.threshold, "support")}`,
          );
      }
      const used = state.supportsOf[command.participant]?.length ?? 0;
      const limit = rules.voteLimit;
      if (limit !== undefined && used >= limit)
        return refuse(
          limit === 1
            ? `${command.participant} has used their one support`
            : `${command.participant} has used all ${limit} supports`,
        );
      if (
        rules.archiveAfterMonths !== undefined &&
        archivedProposals(state, rules, {
          instant: context.instant,
          ...(context.process === undefined
            ? {}
            : { timeZone: context.process.definition.timeZone }),
          ...(context.census === undefined ? {} : { census: context.census }),
        }).includes(proposal.id)
      )
        return refuse(`${proposal.id} is archived and cannot be supported`);
      return step([{ type: "supported", proposal: proposal.id, participant: command.participant }]);
    }
    case "unsupport":
      if (!proposal.supporters.includes(command.participant))
        return refuse(`${command.participant} does not support ${proposal.id}`);
      return step([
        { type: "unsupported", proposal: proposal.id, participant: command.participant },
      ]);
    case "endorse": {
      const unendorsable = published("endorsed");
      if (unendorsable) return refuse(unendorsable);
      if (proposal.endorsements.includes(command.participant))
        return refuse(`${command.participant} already endorses ${proposal.id}`);
      return step([{ type: "endorsed", proposal: proposal.id, participant: command.participant }]);
    }
    case "comment": {
      const closed = published("commented on");
      if (closed) return refuse(closed);
      if (
        Object.values(state.proposals).some((other) =>
          other.comments.some((c) => c.id === command.comment),
        )
      )
        return refuse(`comment ${command.comment} already exists`);
      return step([
        {
          type: "commented",
          proposal: proposal.id,
          participant: command.participant,
          comment: command.comment,
          alignment: command.alignment,
        },
      ]);
    }
    case "assign-valuator":
      if (!(context.valuators ?? []).includes(command.valuator))
        return refuse(`${command.valuator} is not a valuator`);
      if (proposal.valuators.includes(command.valuator))
        return refuse(`${command.valuator} already evaluates ${proposal.id}`);
      return step([
        { type: "valuator-assigned", proposal: proposal.id, valuator: command.valuator },
      ]);
    case "unassign-valuator":
      if (!proposal.valuators.includes(command.valuator))
        return refuse(`${command.valuator} does not evaluate ${proposal.id}`);
      return step([
        { type: "valuator-unassigned", proposal: proposal.id, valuator: command.valuator },
      ]);
    case "note":
      if (proposal.notes.some((note) => note.id === command.note))
        return refuse(`note ${command.note} already exists`);
      return step([
        {
          type: "noted",
          proposal: proposal.id,
          note: command.note,
          author: actor,
          text: command.text,
        },
      ]);
    case "split": {
      const unsplittable = published("split");
      if (unsplittable) return refuse(unsplittable);
      const ids = command.into.map((part) => part.proposal);
      if (new Set(ids).size !== ids.length) return refuse("the parts of a split need distinct ids");
      const taken = ids.map(freeId).find((reason) => reason !== undefined);
      if (taken) return refuse(taken);
      return step([
        ...command.into.flatMap((part): NewEvent[] => [
          {
            ...inherited(proposal),
            type: "created",
            proposal: part.proposal,
            title: part.title,
            body: part.body,
            origin: { kind: "split", from: [proposal.id] },
          },
          { type: "published", proposal: part.proposal },
        ]),
        { type: "split", proposal: proposal.id, into: ids },
      ]);
    }
    case "copy": {
      const uncopyable = published("copied");
      if (uncopyable) return refuse(uncopyable);
      if (command.component === proposal.component)
        return refuse(`${proposal.id} is already in ${command.component}`);
      const taken = freeId(command.into);
      if (taken) return refuse(taken);
      return step([
        {
          ...inherited(proposal),
          type: "created",
          proposal: command.into,
          title: proposal.title,
          body: proposal.body,
          component: command.component,
          origin: { kind: "copy", from: [proposal.id] },
        },
        { type: "published", proposal: command.into },
      ]);
    }
  }

  function collaborativeDraft(
    command: Extract<
      ProposalCommand,
      {
        type:
          | "open-draft"
          | "request-access"
          | "accept-access"
          | "reject-access"
          | "edit-draft"
          | "publish-draft"
          | "withdraw-draft";
      }
    >,
  ): Outcome {
    if (command.type === "open-draft") {
      const denied = authorize({});
      if (denied) return refuse(denied);
      if (state.drafts[command.draft] !== undefined)
        return refuse(`draft ${command.draft} already exists`);
      return step([
        {
          type: "draft-opened",
          draft: command.draft,
          author: command.author,
          title: command.title,
          body: command.body,
          ...(command.scope === undefined ? {} : { scope: command.scope }),
        },
      ]);
    }
    const draft = state.drafts[command.draft];
    if (draft === undefined) return refuse(`there is no draft ${command.draft}`);
    const denied = authorize(
      { draftAuthor: draft.author, contributors: draft.contributors },
      draft.id,
    );
    if (denied) return refuse(denied);
    if (draft.status !== "open") return refuse(`draft ${draft.id} is ${draft.status}`);
    switch (command.type) {
      case "request-access":
        if (
          command.participant === draft.author ||
          draft.contributors.includes(command.participant)
        )
          return refuse(`${command.participant} already writes draft ${draft.id}`);
        if (draft.requests.includes(command.participant))
          return refuse(`${command.participant} already asked to contribute to draft ${draft.id}`);
        return step([
          {
            type: "access",
            draft: draft.id,
            participant: command.participant,
            status: "requested",
          },
        ]);
      case "accept-access":
      case "reject-access":
        if (!draft.requests.includes(command.participant))
          return refuse(`${command.participant} has not asked to contribute to draft ${draft.id}`);
        return step([
          {
            type: "access",
            draft: draft.id,
            participant: command.participant,
            status: command.type === "accept-access" ? "accepted" : "rejected",
          },
        ]);
      case "edit-draft":
        return step([
          { type: "draft-edited", draft: draft.id, title: command.title, body: command.body },
        ]);
      case "withdraw-draft":
        return step([{ type: "draft-withdrawn", draft: draft.id }]);
      case "publish-draft": {
        const taken = freeId(command.proposal) ?? beyondProposalLimit(draft.author);
        if (taken) return refuse(taken);
        return step([
          {
            type: "created",
            proposal: command.proposal,
            author: draft.author,
            coauthors: [...draft.contributors],
            title: draft.title,
            body: draft.body,
            component,
            ...(draft.scope === undefined ? {} : { scope: draft.scope }),
            origin: { kind: "collaborative-draft", from: [draft.id] },
          },
          { type: "published", proposal: command.proposal },
          { type: "draft-published", draft: draft.id, proposal: command.proposal },
        ]);
      }
    }
  }

  function amendment(
    command: Extract<
      ProposalCommand,
      {
        type:
          | "amend"
          | "publish-amendment"
          | "withdraw-amendment"
          | "accept-amendment"
          | "reject-amendment"
          | "promote-amendment";
      }
    >,
  ): Outcome {
    if (command.type === "amend") {
      const amended = state.proposals[command.proposal];
      if (amended === undefined) return refuse(`there is no proposal ${command.proposal}`);
      const denied = authorize(proposalStanding(amended), amended.id);
      if (denied) return refuse(denied);
      if (amended.status !== "published")
        return refuse(`${amended.id} is ${amended.status} and cannot be amended`);
      if (state.amendments[command.amendment] !== undefined)
        return refuse(`amendment ${command.amendment} already exists`);
      return step([
        {
          type: "amendment-created",
          amendment: command.amendment,
          proposal: amended.id,
          author: command.author,
          title: command.title,
          body: command.body,
        },
      ]);
    }
    const amendment = state.amendments[command.amendment];
    if (amendment === undefined) return refuse(`there is no amendment ${command.amendment}`);
    const amended = state.proposals[amendment.proposal];
    const denied = authorize(
      {
        amendmentAuthor: amendment.author,
        ...(amended === undefined ? {} : proposalStanding(amended)),
      },
      amendment.id,
    );
    if (denied) return refuse(denied);
    const expect = (...statuses: (typeof amendment.status)[]) =>
      statuses.includes(amendment.status)
        ? undefined
        : `amendment ${amendment.id} is ${amendment.status}, not ${statuses.join(" or ")}`;
    switch (command.type) {
      case "publish-amendment": {
        const wrong = expect("draft");
        if (wrong) return refuse(wrong);
        return step([{ type: "amendment-status", amendment: amendment.id, status: "evaluating" }]);
      }
      case "withdraw-amendment": {
        const wrong = expect("draft", "evaluating");
        if (wrong) return refuse(wrong);
        return step([{ type: "amendment-status", amendment: amendment.id, status: "withdrawn" }]);
      }
      case "reject-amendment": {
        const wrong = expect("evaluating");
        if (wrong) return refuse(wrong);
        return step([{ type: "amendment-status", amendment: amendment.id, status: "rejected" }]);
      }
      case "accept-amendment": {
        const wrong = expect("evaluating");
        if (wrong) return refuse(wrong);
        if (amended?.status !== "published")
          return refuse(
            `${amendment.proposal} is ${amended?.status ?? "gone"} and cannot take amendments`,
          );
        return step([
          { type: "amendment-status", amendment: amendment.id, status: "accepted" },
          {
            type: "versioned",
            proposal: amended.id,
            title: amendment.title,
            body: amendment.body,
            amendment: amendment.id,
          },
        ]);
      }
      case "promote-amendment": {
        const wrong = expect("rejected");
        if (wrong) return refuse(wrong);
        if (amendment.promotedTo !== undefined)
          return refuse(`amendment ${amendment.id} is already proposal ${amendment.promotedTo}`);
        const taken = freeId(command.proposal) ?? beyondProposalLimit(amendment.author);
        if (taken) return refuse(taken);
        return step([
          {
            type: "created",
            proposal: command.proposal,
            author: amendment.author,
            title: amendment.title,
            body: amendment.body,
            component: amended?.component ?? component,
            ...(amended?.scope === undefined ? {} : { scope: amended.scope }),
            origin: { kind: "amendment", from: [amendment.id] },
          },
          { type: "published", proposal: command.proposal },
          { type: "amendment-promoted", amendment: amendment.id, proposal: command.proposal },
        ]);
      }
    }
  }

  function merge(command: Extract<ProposalCommand, { type: "merge" }>): Outcome {
    const denied = authorize({});
    if (denied) return refuse(denied);
    if (new Set(command.proposals).size !== command.proposals.length)
      return refuse("a merge needs distinct proposals");
    const sources: ProposalRecord[] = [];
    for (const id of command.proposals) {
      const source = state.proposals[id];
      if (source === undefined) return refuse(`there is no proposal ${id}`);
      if (source.status !== "published")
        return refuse(`${id} is ${source.status} and cannot be merged`);
      sources.push(source);
    }
    const [first] = sources as [ProposalRecord, ...ProposalRecord[]];
    if (sources.some((source) => source.component !== first.component))
      return refuse("only proposals of one component can be merged");
    const taken = freeId(command.into);
    if (taken) return refuse(taken);
    const people = [...new Set(sources.flatMap((source) => [source.author, ...source.coauthors]))];
    const scopes = new Set(sources.map((source) => source.scope));
    const [scope] = scopes;
    return step([
      {
        type: "created",
        proposal: command.into,
        author: first.author,
        coauthors: people.filter((who) => who !== first.author),
        title: command.title,
        body: command.body,
        component: first.component,
        ...(scopes.size === 1 && scope !== undefined ? { scope } : {}),
        origin: { kind: "merge", from: [...command.proposals] },
      },
      { type: "published", proposal: command.into },
      { type: "merged", proposals: [...command.proposals], into: command.into },
    ]);
  }
}

/** "1 support", "3 supports". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** What a proposal made from another keeps of it: authors, component, scope. */
function inherited(proposal: ProposalRecord) {
  return {
    author: proposal.author,
    coauthors: [...proposal.coauthors],
    component: proposal.component,
    ...(proposal.scope === undefined ? {} : { scope: proposal.scope }),
  };
}
