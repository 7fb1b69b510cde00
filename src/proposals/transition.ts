import {
  type EligibilityPolicy,
  isAllowed,
  type Participant,
  type Process,
} from "../calendar/index.js";
import { ownValue } from "../core/idRecord.js";
import { parseSchema } from "../core/parseSchema.js";
import { fail, type Result } from "../core/result.js";
import { schemaIssues } from "../core/schemaIssues.js";
import { amendmentCommand } from "./commands/amendmentCommands.js";
import { commandScope } from "./commands/commandScope.js";
import { draftCommand } from "./commands/draftCommands.js";
import { mergeCommand } from "./commands/mergeCommand.js";
import { createCommand, onProposalCommand } from "./commands/proposalCommands.js";
import { type Consultation, consultationWithIdRecords } from "./consultation.js";
import { defaultLifecycle, type Lifecycle } from "./lifecycle.js";
import { proposalCommandSchema } from "./proposalCommand.js";
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

/**
 * Applies a command to a consultation: the new state and the events to store (each with
 * `at`, the context's instant), or why it is refused: issues with a code per reason
 * (`ProposalIssueCode`: `support-limit-reached`, `phase-forbids`, `not-permitted`, …), typed
 * params and one clear English sentence (`proposalIssueMessages`); `invalid-command` when
 * the command is malformed. Replaying the stored
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
  const scope = commandScope(state, command, context, lifecycle);
  const capability = lifecycle.commands[command.type].capability;
  if (context.process !== undefined && capability !== null) {
    const allowed = isAllowed(
      context.process,
      capability,
      context.instant,
      ownValue(context.participants, scope.actor),
      context.policies,
    );
    // The calendar's own codes (phase-forbids-action, too-young, …) travel in `codes`.
    if (!allowed.allowed)
      return scope.refuse("phase-forbids", {
        reasons: allowed.reasons,
        codes: allowed.issues.map((issue) => issue.code),
      });
  }
  switch (command.type) {
    case "create":
      return createCommand(scope, command);
    case "merge":
      return mergeCommand(scope, command);
    case "open-draft":
    case "request-access":
    case "accept-access":
    case "reject-access":
    case "edit-draft":
    case "publish-draft":
    case "withdraw-draft":
      return draftCommand(scope, command);
    case "amend":
    case "publish-amendment":
    case "withdraw-amendment":
    case "accept-amendment":
    case "reject-amendment":
    case "promote-amendment":
      return amendmentCommand(scope, command);
    default:
      return onProposalCommand(scope, command);
  }
}
