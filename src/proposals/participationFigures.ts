import type { Consultation } from "./consultation.js";

/**
 * A consultation's participation: how many people took part (proposed, supported,
 * endorsed or commented), proposals, supports, endorsements, and comments by alignment.
 *
 * @category Proposals
 * @example
 * ```ts
 * participationFigures(consultation).comments; //=> { favour: 12, against: 3, neutral: 5 }
 * ```
 */
export function participationFigures(consultation: Consultation): {
  readonly participants: number;
  readonly proposals: number;
  readonly supports: number;
  readonly endorsements: number;
  readonly comments: Readonly<Record<"favour" | "against" | "neutral", number>>;
} {
  const people = new Set<string>();
  const comments = { favour: 0, against: 0, neutral: 0 };
  let supports = 0;
  let endorsements = 0;
  const proposals = Object.values(consultation.proposals);
  for (const proposal of proposals) {
    people.add(proposal.author);
    for (const who of proposal.supporters) people.add(who);
    for (const who of proposal.endorsements) people.add(who);
    for (const comment of proposal.comments) {
      people.add(comment.participant);
      comments[comment.alignment]++;
    }
    supports += proposal.supporters.length;
    endorsements += proposal.endorsements.length;
  }
  return {
    participants: people.size,
    proposals: proposals.length,
    supports,
    endorsements,
    comments,
  };
}
