import { isAllowed, type Process } from "../calendar/index.js";
import { makeIssue } from "../core/issue.js";
import { fail, ok, type Result } from "../core/result.js";
import { applyEvent, type Consultation } from "./consultation.js";
import { type ProposalCommand, proposalCommandSchema } from "./proposalCommand.js";
import type { ProposalEvent } from "./proposalEvent.js";
import type { SupportRules } from "./supportRules.js";

/**
 * What a command is checked against: the support rules, the process calendar and the
 * instant (a command needs a phase that permits it), and who may answer (admins and
 * valuators).
 *
 * @category Proposals
 * @example
 * ```ts
 * const context: TransitionContext = { rules: { voteLimit: 3 }, process, instant: now, answerers: ["city"] };
 * ```
 */
export interface TransitionContext {
  readonly rules: SupportRules;
  readonly process?: Process;
  readonly instant: number;
  readonly answerers?: readonly string[];
}

/** What each command needs the running phase to permit. */
const capability: Record<ProposalCommand["type"], string> = {
  create: "proposals.create",
  publish: "proposals.create",
  withdraw: "proposals.create",
  answer: "proposals.answer",
  "publish-answer": "proposals.answer",
  support: "proposals.support",
  unsupport: "proposals.support",
  endorse: "proposals.support",
  comment: "proposals.comment",
};

/**
 * Applies a command to a consultation: the new state and the events to store, or the
 * reasons it is refused (`refused` issues, one clear sentence each). Replaying the stored
 * events gives the same state (`replay`). Checked: the phase permits the command (when a
 * process is given), the actor's role (the author publishes and withdraws; answerers
 * answer), the proposal's state (no supports on drafts, withdrawn proposals or proposals
 * whose published answer is "rejected"; no withdrawal once supported), one support per
 * participant and proposal, the vote limit, one endorsement each, the per-author proposal
 * limit.
 *
 * @category Proposals
 * @example
 * ```ts
 * const step = transition(state, { type: "support", proposal: "p1", participant: "ana" }, context);
 * if (step.ok) log.push(...step.value.events);
 * ```
 */
export function transition(
  state: Consultation,
  input: unknown,
  context: TransitionContext,
): Result<{ readonly state: Consultation; readonly events: readonly ProposalEvent[] }> {
  const parsed = proposalCommandSchema.safeParse(input);
  if (!parsed.success)
    return fail(
      parsed.error.issues.map((issue) =>
        makeIssue(
          "invalid-command",
          issue.path.map((part) => (typeof part === "number" ? part : String(part))),
          `${issue.path.join(".") || "command"}: ${issue.message}`,
        ),
      ),
    );
  const command = parsed.data;
  const refuse = (reason: string) =>
    fail<{ state: Consultation; events: ProposalEvent[] }>([
      makeIssue("refused", ["command"], reason, { command: command.type }),
    ]);
  if (context.process !== undefined) {
    const allowed = isAllowed(context.process, capability[command.type], context.instant);
    if (!allowed.allowed) return refuse(allowed.reasons.join("; "));
  }
  const proposal = state.proposals[command.proposal];
  if (command.type === "create") {
    if (proposal !== undefined) return refuse(`proposal ${command.proposal} already exists`);
    const limit = context.rules.proposalLimit;
    const authored = Object.values(state.proposals).filter(
      (other) => other.author === command.author && other.status !== "withdrawn",
    ).length;
    if (limit !== undefined && authored >= limit)
      return refuse(`${command.author} already has ${limit} proposals`);
    return step(state, [
      { type: "created", proposal: command.proposal, author: command.author, title: command.title },
    ]);
  }
  if (proposal === undefined) return refuse(`there is no proposal ${command.proposal}`);
  switch (command.type) {
    case "publish":
      if (command.actor !== proposal.author)
        return refuse(`only ${proposal.author} can publish ${proposal.id}`);
      if (proposal.status !== "draft")
        return refuse(`${proposal.id} is ${proposal.status}, not a draft`);
      return step(state, [{ type: "published", proposal: proposal.id }]);
    case "withdraw":
      if (command.actor !== proposal.author)
        return refuse(`only ${proposal.author} can withdraw ${proposal.id}`);
      if (proposal.status === "withdrawn") return refuse(`${proposal.id} is already withdrawn`);
      if (proposal.supporters.length > 0)
        return refuse(`${proposal.id} has supports and can no longer be withdrawn`);
      return step(state, [{ type: "withdrawn", proposal: proposal.id }]);
    case "answer":
      if (!(context.answerers ?? []).includes(command.actor))
        return refuse(`${command.actor} cannot answer proposals`);
      if (proposal.status !== "published")
        return refuse(
          `${proposal.id} is ${proposal.status}: only published proposals are answered`,
        );
      return step(state, [{ type: "answered", proposal: proposal.id, state: command.state }]);
    case "publish-answer":
      if (!(context.answerers ?? []).includes(command.actor))
        return refuse(`${command.actor} cannot publish answers`);
      if (proposal.answer === undefined) return refuse(`${proposal.id} has no answer to publish`);
      if (proposal.answer.published)
        return refuse(`the answer to ${proposal.id} is already published`);
      return step(state, [{ type: "answer-published", proposal: proposal.id }]);
    case "support": {
      if (proposal.status !== "published")
        return refuse(`${proposal.id} is ${proposal.status} and cannot be supported`);
      if (proposal.answer?.published === true && proposal.answer.state === "rejected")
        return refuse(`${proposal.id} was rejected and cannot be supported`);
      if (proposal.supporters.includes(command.participant))
        return refuse(`${command.participant} already supports ${proposal.id}`);
      const used = state.supportsOf[command.participant]?.length ?? 0;
      const limit = context.rules.voteLimit;
      if (limit !== undefined && used >= limit)
        return refuse(`${command.participant} has used all ${limit} supports`);
      return step(state, [
        { type: "supported", proposal: proposal.id, participant: command.participant },
      ]);
    }
    case "endorse":
      if (proposal.status !== "published")
        return refuse(`${proposal.id} is ${proposal.status} and cannot be endorsed`);
      if (proposal.endorsements.includes(command.participant))
        return refuse(`${command.participant} already endorses ${proposal.id}`);
      return step(state, [
        { type: "endorsed", proposal: proposal.id, participant: command.participant },
      ]);
    case "comment":
      if (proposal.status !== "published")
        return refuse(`${proposal.id} is ${proposal.status} and cannot be commented on`);
      if (
        Object.values(state.proposals).some((other) =>
          other.comments.some((c) => c.id === command.comment),
        )
      )
        return refuse(`comment ${command.comment} already exists`);
      return step(state, [
        {
          type: "commented",
          proposal: proposal.id,
          participant: command.participant,
          comment: command.comment,
          alignment: command.alignment,
        },
      ]);
    case "unsupport":
      if (!proposal.supporters.includes(command.participant))
        return refuse(`${command.participant} does not support ${proposal.id}`);
      return step(state, [
        { type: "unsupported", proposal: proposal.id, participant: command.participant },
      ]);
  }
}

function step(
  state: Consultation,
  events: ProposalEvent[],
): Result<{ state: Consultation; events: ProposalEvent[] }> {
  return ok({ state: events.reduce(applyEvent, state), events });
}
