import { idRecordFrom } from "../core/idRecord.js";
import { type Consultation, consultationWithIdRecords } from "./consultation.js";
import type { SupportRules } from "./supportRules.js";

/**
 * The supports each proposal counts: a participant's supports count only once they
 * support at least `minimumSupports` proposals (provisional before, and again if they drop
 * below); with a threshold and no accumulation, a proposal counts at most the threshold.
 *
 * @category Proposals
 * @example
 * ```ts
 * countedSupports(consultation, { minimumSupports: 2 }); //=> { p1: 3, p2: 0 }
 * ```
 */
export function countedSupports(given: Consultation, rules: SupportRules): Record<string, number> {
  const consultation = consultationWithIdRecords(given);
  const minimum = rules.minimumSupports ?? 1;
  const counts = (supporters: readonly string[]) =>
    supporters.filter((who) => (consultation.supportsOf[who]?.length ?? 0) >= minimum).length;
  return idRecordFrom(
    Object.values(consultation.proposals).map((proposal) => {
      const counted = counts(proposal.supporters);
      const capped =
        rules.threshold !== undefined && rules.accumulateBeyondThreshold === false
          ? Math.min(counted, rules.threshold)
          : counted;
      return [proposal.id, capped];
    }),
  );
}
