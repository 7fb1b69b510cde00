import { phaseAt } from "../../calendar/index.js";
import { ownValue } from "../../core/idRecord.js";
import { archivedProposals } from "../archivedProposals.js";
import type { ProposalRecord } from "../consultation.js";
import type { ProposalCommand } from "../proposalCommand.js";
import type { AmendmentCommand } from "./amendmentCommands.js";
import {
  type CommandScope,
  type NewEvent,
  type Outcome,
  proposalStanding,
} from "./commandScope.js";
import type { DraftCommand } from "./draftCommands.js";

/** The commands on one existing proposal. @internal */
export type OnProposalCommand = Exclude<
  ProposalCommand,
  { type: "create" | "merge" } | DraftCommand | AmendmentCommand
>;

/** Creates a proposal (a draft of its author), within the per-author limit. @internal */
export function createCommand(
  scope: CommandScope,
  command: Extract<ProposalCommand, { type: "create" }>,
): Outcome {
  const denied =
    scope.authorize({}) ??
    scope.freeId(command.proposal) ??
    scope.beyondProposalLimit(command.author);
  if (denied) return scope.refuseWith(denied);
  return scope.step([
    {
      type: "created",
      proposal: command.proposal,
      author: command.author,
      title: command.title,
      body: command.body,
      component: scope.component,
      ...(command.scope === undefined ? {} : { scope: command.scope }),
    },
  ]);
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

/** An answer: a known state that may follow the current one, with a cost where required. */
function answer(
  scope: CommandScope,
  proposal: ProposalRecord,
  command: Extract<ProposalCommand, { type: "answer" }>,
): Outcome {
  const { refuse, context } = scope;
  const answerState = scope.lifecycle.answerStates.find((known) => known.id === command.state);
  if (answerState === undefined)
    return refuse("unknown-answer-state", {
      state: command.state,
      known: scope.lifecycle.answerStates.map((known) => known.id),
    });
  const current = proposal.answer?.state ?? "none";
  if (answerState.from !== undefined && !answerState.from.includes(current))
    return refuse("answer-not-allowed", { proposal: proposal.id, state: command.state, current });
  const phase =
    context.process === undefined ? undefined : phaseAt(context.process, context.instant).phase;
  const costRequired =
    answerState.cost === "required" ||
    (answerState.cost === "phase" &&
      ownValue(phase?.settings, scope.component)?.answersWithCosts === true);
  if (costRequired && command.cost === undefined)
    return refuse("cost-required", {
      state: command.state,
      ...(answerState.cost === "phase" && phase !== undefined ? { phase: phase.title } : {}),
    });
  return scope.step([
    {
      type: "answered",
      proposal: proposal.id,
      state: command.state,
      by: scope.actor,
      ...(command.cost === undefined ? {} : { cost: command.cost }),
      ...(command.costReport === undefined ? {} : { costReport: command.costReport }),
      ...(command.executionPeriod === undefined
        ? {}
        : { executionPeriod: command.executionPeriod }),
    },
  ]);
}

/** A support: open answer, one per participant, the threshold, the vote limit, not archived. */
function support(scope: CommandScope, proposal: ProposalRecord, participant: string): Outcome {
  const { refuse, rules, state, context, lifecycle } = scope;
  const answerGiven = proposal.answer;
  if (
    answerGiven?.published === true &&
    lifecycle.answerStates.find((known) => known.id === answerGiven.state)?.supportable === false
  )
    return refuse("answer-closes-supports", { proposal: proposal.id, state: answerGiven.state });
  if (proposal.supporters.includes(participant))
    return refuse("already-supports", { participant, proposal: proposal.id });
  if (rules.threshold !== undefined && rules.accumulateBeyondThreshold === false) {
    const minimum = rules.minimumSupports ?? 1;
    const counted = proposal.supporters.filter(
      (who) => (state.supportsOf[who]?.length ?? 0) >= minimum,
    ).length;
    if (counted >= rules.threshold)
      return refuse("threshold-reached", { proposal: proposal.id, threshold: rules.threshold });
  }
  const used = state.supportsOf[participant]?.length ?? 0;
  if (rules.voteLimit !== undefined && used >= rules.voteLimit)
    return refuse("support-limit-reached", { participant, limit: rules.voteLimit });
  if (
    rules.archiveAfterMonths !== undefined &&
    archivedProposals(state, rules, {
      instant: context.instant,
      ...(context.process === undefined ? {} : { timeZone: context.process.definition.timeZone }),
      ...(context.census === undefined ? {} : { census: context.census }),
    }).includes(proposal.id)
  )
    return refuse("archived", { proposal: proposal.id });
  return scope.step([{ type: "supported", proposal: proposal.id, participant }]);
}

/** The parts of a split, each a new published proposal inheriting authors and component. */
function split(
  scope: CommandScope,
  proposal: ProposalRecord,
  into: Extract<ProposalCommand, { type: "split" }>["into"],
): Outcome {
  const ids = into.map((part) => part.proposal);
  if (new Set(ids).size !== ids.length) return scope.refuse("repeated-parts", {});
  const taken = ids.map(scope.freeId).find((reason) => reason !== undefined);
  if (taken) return scope.refuseWith(taken);
  return scope.step([
    ...into.flatMap((part): NewEvent[] => [
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

/** The verb a command that needs a published proposal refuses with. */
const needsPublished: Partial<Record<ProposalCommand["type"], string>> = {
  answer: "answered",
  support: "supported",
  endorse: "endorsed",
  comment: "commented on",
  split: "split",
  copy: "copied",
};

/**
 * The commands on one proposal: publish, withdraw, answer, publish the answer, support and
 * take it back, endorse, comment, valuators and their notes, split and copy.
 *
 * @internal
 */
export function onProposalCommand(scope: CommandScope, command: OnProposalCommand): Outcome {
  const { state, refuse, step } = scope;
  const proposal = state.proposals[command.proposal];
  if (proposal === undefined) return refuse("unknown-proposal", { proposal: command.proposal });
  const denied = scope.authorize(proposalStanding(proposal), proposal.id);
  if (denied) return scope.refuseWith(denied);
  const verb = needsPublished[command.type];
  if (verb !== undefined && proposal.status !== "published")
    return refuse("not-published", { proposal: proposal.id, status: proposal.status, verb });
  const who = (participant: string) => ({ participant, proposal: proposal.id });
  switch (command.type) {
    case "publish":
      if (proposal.status !== "draft")
        return refuse("not-a-draft", { proposal: proposal.id, status: proposal.status });
      return step([{ type: "published", proposal: proposal.id }]);
    case "withdraw":
      if (proposal.status !== "draft" && proposal.status !== "published")
        return refuse("already-closed", { proposal: proposal.id, status: proposal.status });
      if (proposal.supporters.length > 0) return refuse("has-supports", { proposal: proposal.id });
      return step([{ type: "withdrawn", proposal: proposal.id }]);
    case "answer":
      return answer(scope, proposal, command);
    case "publish-answer":
      if (proposal.answer === undefined) return refuse("no-answer", { proposal: proposal.id });
      if (proposal.answer.published)
        return refuse("answer-already-published", { proposal: proposal.id });
      return step([{ type: "answer-published", proposal: proposal.id }]);
    case "support":
      return support(scope, proposal, command.participant);
    case "unsupport":
      if (!proposal.supporters.includes(command.participant))
        return refuse("not-supporting", who(command.participant));
      return step([
        { type: "unsupported", proposal: proposal.id, participant: command.participant },
      ]);
    case "endorse":
      if (proposal.endorsements.includes(command.participant))
        return refuse("already-endorses", who(command.participant));
      return step([{ type: "endorsed", proposal: proposal.id, participant: command.participant }]);
    case "comment":
      if (
        Object.values(state.proposals).some((other) =>
          other.comments.some((c) => c.id === command.comment),
        )
      )
        return refuse("comment-exists", { comment: command.comment });
      return step([
        {
          type: "commented",
          proposal: proposal.id,
          participant: command.participant,
          comment: command.comment,
          alignment: command.alignment,
        },
      ]);
    case "assign-valuator":
      if (!(scope.context.valuators ?? []).includes(command.valuator))
        return refuse("not-a-valuator", { valuator: command.valuator });
      if (proposal.valuators.includes(command.valuator))
        return refuse("already-evaluates", { valuator: command.valuator, proposal: proposal.id });
      return step([
        { type: "valuator-assigned", proposal: proposal.id, valuator: command.valuator },
      ]);
    case "unassign-valuator":
      if (!proposal.valuators.includes(command.valuator))
        return refuse("not-evaluating", { valuator: command.valuator, proposal: proposal.id });
      return step([
        { type: "valuator-unassigned", proposal: proposal.id, valuator: command.valuator },
      ]);
    case "note":
      if (proposal.notes.some((note) => note.id === command.note))
        return refuse("note-exists", { note: command.note });
      return step([
        {
          type: "noted",
          proposal: proposal.id,
          note: command.note,
          author: scope.actor,
          text: command.text,
        },
      ]);
    case "split":
      return split(scope, proposal, command.into);
    case "copy": {
      if (command.component === proposal.component)
        return refuse("same-component", { proposal: proposal.id, component: command.component });
      const taken = scope.freeId(command.into);
      if (taken) return scope.refuseWith(taken);
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
}
