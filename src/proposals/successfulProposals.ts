import { rationalFromDecimal } from "../core/rational.js";
import { type Consultation, consultationWithIdRecords } from "./consultation.js";
import { countedSupports } from "./countedSupports.js";
import type { SupportRules } from "./supportRules.js";

/**
 * CONSUL's success threshold: the supports a proposal needs, the smallest whole number at
 * least `successShareOfCensus` × `census` (computed exactly), and the published proposals
 * whose counted supports reach it — they qualify for a vote. Without a share in the rules
 * nothing succeeds (`needed` is undefined).
 *
 * @category Proposals
 * @example
 * ```ts
 * successfulProposals(consultation, { successShareOfCensus: "0.01" }, 2_450_000);
 * //=> { needed: 24500, proposals: ["p7"] }
 * ```
 */
export function successfulProposals(
  given: Consultation,
  rules: SupportRules,
  census: number,
): { readonly needed?: number; readonly proposals: readonly string[] } {
  const consultation = consultationWithIdRecords(given);
  const share =
    rules.successShareOfCensus === undefined
      ? undefined
      : rationalFromDecimal(rules.successShareOfCensus);
  if (share === undefined) return { proposals: [] };
  const product = BigInt(Math.max(0, Math.trunc(census))) * share.num;
  const needed = Number((product + share.den - 1n) / share.den);
  const counted = countedSupports(consultation, rules);
  return {
    needed,
    proposals: Object.values(consultation.proposals)
      .filter(
        (proposal) => proposal.status === "published" && (counted[proposal.id] ?? 0) >= needed,
      )
      .map((proposal) => proposal.id),
  };
}
