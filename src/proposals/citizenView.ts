import type { ProposalRecord } from "./consultation.js";

/**
 * A proposal as a citizen sees it: without its valuators and their private notes, and
 * without its answer until the answer is published.
 *
 * @category Proposals
 * @example
 * ```ts
 * citizenView(state.proposals.p1!).answer; //=> undefined while the answer is unpublished
 * ```
 */
export function citizenView(proposal: ProposalRecord): Omit<
  ProposalRecord,
  "valuators" | "notes" | "answer"
> & {
  readonly answer?: NonNullable<ProposalRecord["answer"]>;
} {
  const { valuators: _valuators, notes: _notes, answer, ...visible } = proposal;
  return answer?.published === true ? { ...visible, answer } : visible;
}
