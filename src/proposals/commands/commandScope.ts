import { ownValue } from "../../core/idRecord.js";
import type { Issue } from "../../core/issue.js";
import { fail, ok, type Result } from "../../core/result.js";
import { applyEvent, type Consultation, type ProposalRecord } from "../consultation.js";
import type { Lifecycle, Role } from "../lifecycle.js";
import type { ProposalCommand } from "../proposalCommand.js";
import type { ProposalEvent } from "../proposalEvent.js";
import {
  type ProposalIssueCode,
  type ProposalIssueParams,
  proposalIssue,
} from "../proposalIssues.js";
import type { SupportRules } from "../supportRules.js";
import type { TransitionContext } from "../transition.js";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before it is stamped with the command's instant. @internal */
export type NewEvent = DistributiveOmit<ProposalEvent, "at">;

/** What a command gives: the new state and the events to store, or why it is refused. @internal */
export type Outcome = Result<{
  readonly state: Consultation;
  readonly events: readonly ProposalEvent[];
}>;

/** What the actor is to the command's target. @internal */
export interface Standing {
  readonly author?: string;
  readonly coauthors?: readonly string[];
  readonly valuators?: readonly string[];
  readonly amendmentAuthor?: string;
  readonly draftAuthor?: string;
  readonly contributors?: readonly string[];
}

/**
 * Everything a command handler reads and the checks they share: the state, the context,
 * the lifecycle's rule for the command, the actor, and helpers that give a refusal (an
 * issue) or undefined.
 *
 * @internal
 */
export interface CommandScope {
  readonly state: Consultation;
  readonly context: TransitionContext;
  readonly lifecycle: Lifecycle;
  readonly command: ProposalCommand;
  readonly actor: string;
  readonly component: string;
  readonly rules: SupportRules;
  /** Refuses the command with a coded issue. */
  readonly refuse: <C extends ProposalIssueCode>(
    code: C,
    params: ProposalIssueParams<C>,
  ) => Outcome;
  /** Fails with an issue one of the checks below found. */
  readonly refuseWith: (issue: Issue) => Outcome;
  /** Whether the actor holds one of the roles the lifecycle gives the command. */
  readonly authorize: (standing: Standing, target?: string) => Issue | undefined;
  /** Stamps the events with the instant and applies them. */
  readonly step: (events: readonly NewEvent[]) => Outcome;
  /** Refusal when a proposal with this id exists. */
  readonly freeId: (id: string) => Issue | undefined;
  /** The per-author limit counts drafts and published proposals, not withdrawn or merged ones. */
  readonly beyondProposalLimit: (author: string) => Issue | undefined;
}

/** The actor of a command: who runs it. @internal */
export function actorOf(command: ProposalCommand): string {
  if ("actor" in command) return command.actor;
  if ("participant" in command) return command.participant;
  return command.author;
}

/** What the actor is to a proposal. @internal */
export function proposalStanding(proposal: ProposalRecord): Standing {
  return { author: proposal.author, coauthors: proposal.coauthors, valuators: proposal.valuators };
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

/** The scope of one command on one state. @internal */
export function commandScope(
  state: Consultation,
  command: ProposalCommand,
  context: TransitionContext,
  lifecycle: Lifecycle,
): CommandScope {
  const rule = lifecycle.commands[command.type];
  const actor = actorOf(command);
  const rules = context.rules ?? {};
  return {
    state,
    context,
    lifecycle,
    command,
    actor,
    component: context.component ?? "proposals",
    rules,
    refuse: (code, params) => fail([proposalIssue(code, params)]),
    refuseWith: (issue) => fail([issue]),
    authorize: (standing, target = "") =>
      rule.roles.some((role) => holds(role, actor, standing, context))
        ? undefined
        : proposalIssue("not-permitted", {
            actor,
            command: command.type,
            target,
            roles: rule.roles,
          }),
    step: (events) => {
      const stamped = events.map((event) => ({ ...event, at: context.instant }) as ProposalEvent);
      return ok({ state: stamped.reduce(applyEvent, state), events: stamped });
    },
    freeId: (id) =>
      ownValue(state.proposals, id) === undefined
        ? undefined
        : proposalIssue("proposal-exists", { proposal: id }),
    beyondProposalLimit: (author) => {
      const limit = rules.proposalLimit;
      if (limit === undefined) return undefined;
      const authored = Object.values(state.proposals).filter(
        (other) =>
          other.author === author && (other.status === "draft" || other.status === "published"),
      ).length;
      return authored >= limit
        ? proposalIssue("proposal-limit-reached", { author, limit })
        : undefined;
    },
  };
}
