import type { ProposalCommand } from "../proposalCommand.js";
import type { CommandScope, Outcome } from "./commandScope.js";

/** The commands on collaborative drafts. @internal */
export type DraftCommand = Extract<
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
>;

/** Collaborative drafts: open, ask to contribute, accept or refuse, edit, publish, withdraw. @internal */
export function draftCommand(scope: CommandScope, command: DraftCommand): Outcome {
  const { state, refuse, refuseWith, authorize, step } = scope;
  if (command.type === "open-draft") {
    const denied = authorize({});
    if (denied) return refuseWith(denied);
    if (state.drafts[command.draft] !== undefined)
      return refuse("draft-exists", { draft: command.draft });
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
  if (draft === undefined) return refuse("unknown-draft", { draft: command.draft });
  const denied = authorize(
    { draftAuthor: draft.author, contributors: draft.contributors },
    draft.id,
  );
  if (denied) return refuseWith(denied);
  if (draft.status !== "open")
    return refuse("draft-closed", { draft: draft.id, status: draft.status });
  switch (command.type) {
    case "request-access": {
      const who = { participant: command.participant, draft: draft.id };
      if (command.participant === draft.author || draft.contributors.includes(command.participant))
        return refuse("already-contributes", who);
      if (draft.requests.includes(command.participant))
        return refuse("access-already-requested", who);
      return step([
        { type: "access", draft: draft.id, participant: command.participant, status: "requested" },
      ]);
    }
    case "accept-access":
    case "reject-access":
      if (!draft.requests.includes(command.participant))
        return refuse("no-access-request", { participant: command.participant, draft: draft.id });
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
      const taken = scope.freeId(command.proposal) ?? scope.beyondProposalLimit(draft.author);
      if (taken) return refuseWith(taken);
      return step([
        {
          type: "created",
          proposal: command.proposal,
          author: draft.author,
          coauthors: [...draft.contributors],
          title: draft.title,
          body: draft.body,
          component: scope.component,
          ...(draft.scope === undefined ? {} : { scope: draft.scope }),
          origin: { kind: "collaborative-draft", from: [draft.id] },
        },
        { type: "published", proposal: command.proposal },
        { type: "draft-published", draft: draft.id, proposal: command.proposal },
      ]);
    }
  }
}
