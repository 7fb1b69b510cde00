import type { ProposalCommand } from "../proposalCommand.js";
import { type CommandScope, type Outcome, proposalStanding } from "./commandScope.js";

/** The commands on amendments. @internal */
export type AmendmentCommand = Extract<
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
>;

/** Amendments: propose, publish for evaluation, withdraw, accept (a new version), reject, promote. @internal */
export function amendmentCommand(scope: CommandScope, command: AmendmentCommand): Outcome {
  const { state, refuse, refuseWith, authorize, step } = scope;
  if (command.type === "amend") {
    const amended = state.proposals[command.proposal];
    if (amended === undefined) return refuse("unknown-proposal", { proposal: command.proposal });
    const denied = authorize(proposalStanding(amended), amended.id);
    if (denied) return refuseWith(denied);
    if (amended.status !== "published")
      return refuse("not-published", {
        proposal: amended.id,
        status: amended.status,
        verb: "amended",
      });
    if (state.amendments[command.amendment] !== undefined)
      return refuse("amendment-exists", { amendment: command.amendment });
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
  if (amendment === undefined) return refuse("unknown-amendment", { amendment: command.amendment });
  const amended = state.proposals[amendment.proposal];
  const denied = authorize(
    {
      amendmentAuthor: amendment.author,
      ...(amended === undefined ? {} : proposalStanding(amended)),
    },
    amendment.id,
  );
  if (denied) return refuseWith(denied);
  const expect = (...expected: (typeof amendment.status)[]) =>
    expected.includes(amendment.status)
      ? undefined
      : refuse("wrong-amendment-status", {
          amendment: amendment.id,
          status: amendment.status,
          expected,
        });
  switch (command.type) {
    case "publish-amendment":
      return (
        expect("draft") ??
        step([{ type: "amendment-status", amendment: amendment.id, status: "evaluating" }])
      );
    case "withdraw-amendment":
      return (
        expect("draft", "evaluating") ??
        step([{ type: "amendment-status", amendment: amendment.id, status: "withdrawn" }])
      );
    case "reject-amendment":
      return (
        expect("evaluating") ??
        step([{ type: "amendment-status", amendment: amendment.id, status: "rejected" }])
      );
    case "accept-amendment": {
      const wrong = expect("evaluating");
      if (wrong) return wrong;
      if (amended?.status !== "published")
        return refuse("amended-proposal-closed", {
          proposal: amendment.proposal,
          status: amended?.status ?? "gone",
        });
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
      if (wrong) return wrong;
      if (amendment.promotedTo !== undefined)
        return refuse("amendment-already-promoted", {
          amendment: amendment.id,
          proposal: amendment.promotedTo,
        });
      const taken = scope.freeId(command.proposal) ?? scope.beyondProposalLimit(amendment.author);
      if (taken) return refuseWith(taken);
      return step([
        {
          type: "created",
          proposal: command.proposal,
          author: amendment.author,
          title: amendment.title,
          body: amendment.body,
          component: amended?.component ?? scope.component,
          ...(amended?.scope === undefined ? {} : { scope: amended.scope }),
          origin: { kind: "amendment", from: [amendment.id] },
        },
        { type: "published", proposal: command.proposal },
        { type: "amendment-promoted", amendment: amendment.id, proposal: command.proposal },
      ]);
    }
  }
}
