import { applyEvent, type Consultation, emptyConsultation } from "./consultation.js";
import type { ProposalEvent } from "./proposalEvent.js";

/**
 * The consultation an event log describes, from an empty one.
 *
 * @category Proposals
 * @example
 * ```ts
 * replay(log).proposals.p1?.status; //=> "published"
 * ```
 */
export function replay(events: readonly ProposalEvent[]): Consultation {
  return events.reduce(applyEvent, emptyConsultation);
}
