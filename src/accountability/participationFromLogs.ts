import type { OrderEvent } from "../budgeting/voting/orders.js";
import type { InitiativeEvent } from "../initiatives/initiativeState.js";
import type { ProposalEvent } from "../proposals/proposalEvent.js";
import type { ParticipationAction } from "./participation.js";

/**
 * What people did in a consultation's proposals event log: proposals (author and
 * coauthors), amendments, supports, endorsements and comments. A support withdrawn later
 * still means its author took part.
 *
 * @category Participation
 * @example
 * ```ts
 * participationFromProposals(events, (proposal) => scopeOf.get(proposal));
 * ```
 */
export function participationFromProposals(
  events: readonly ProposalEvent[],
  scopeOf: (proposal: string) => string | undefined = () => undefined,
): ParticipationAction[] {
  return events.flatMap((event): ParticipationAction[] => {
    switch (event.type) {
      case "created":
        return [event.author, ...(event.coauthors ?? [])].map((person) => ({
          person,
          kind: "proposal",
          at: event.at,
          scope: scopeOf(event.proposal),
        }));
      case "amendment-created":
        return [
          { person: event.author, kind: "amendment", at: event.at, scope: scopeOf(event.proposal) },
        ];
      case "supported":
        return [
          {
            person: event.participant,
            kind: "support",
            at: event.at,
            scope: scopeOf(event.proposal),
          },
        ];
      case "endorsed":
        return [
          {
            person: event.participant,
            kind: "endorsement",
            at: event.at,
            scope: scopeOf(event.proposal),
          },
        ];
      case "commented":
        return [
          {
            person: event.participant,
            kind: "comment",
            at: event.at,
            scope: scopeOf(event.proposal),
          },
        ];
      default:
        return [];
    }
  });
}

/**
 * Budget votes from an order log with the instant of each event: a voter counts once per
 * budget whose order ends checked out (one cancelled and not checked out again does not
 * count), at the moment of that last checkout, the budget as scope.
 *
 * @category Participation
 * @example
 * ```ts
 * participationFromOrders(stored.map(({ event, at }) => ({ event, at })));
 * ```
 */
export function participationFromOrders(
  log: readonly { readonly event: OrderEvent; readonly at: number }[],
): ParticipationAction[] {
  const checkedOut = new Map<string, ParticipationAction | undefined>();
  for (const { event, at } of log) {
    const key = JSON.stringify([event.voter, event.budget]);
    if (event.type === "checked-out")
      checkedOut.set(key, { person: event.voter, kind: "budget-vote", at, scope: event.budget });
    else if (event.type === "cancelled") checkedOut.set(key, undefined);
  }
  return [...checkedOut.values()].filter(
    (action): action is ParticipationAction => action !== undefined,
  );
}

/**
 * Signatures from an initiative's event log: everyone whose online signature stands at the
 * end (one withdrawn does not count), in the initiative's first scope they signed in.
 *
 * @category Participation
 * @example
 * ```ts
 * participationFromInitiative(events);
 * ```
 */
export function participationFromInitiative(
  events: readonly InitiativeEvent[],
): ParticipationAction[] {
  const signed = new Map<string, ParticipationAction>();
  for (const event of events) {
    if (event.type === "signed")
      signed.set(event.person, {
        person: event.person,
        kind: "signature",
        at: Date.parse(event.at),
        scope: event.scopes[0],
      });
    else if (event.type === "unsigned") signed.delete(event.person);
  }
  return [...signed.values()];
}
