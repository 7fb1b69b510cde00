import { TZDate } from "@date-fns/tz";
import { addMonths } from "date-fns";
import { type Consultation, consultationWithIdRecords } from "./consultation.js";
import { successfulProposals } from "./successfulProposals.js";
import type { SupportRules } from "./supportRules.js";

/**
 * CONSUL's archival: the published proposals created at least `archiveAfterMonths` months
 * before `instant` (calendar months in `timeZone`, so 12 months after 15 March 10:00 is
 * 15 March 10:00 local time the next year) that have not succeeded (see
 * {@link successfulProposals}; without a census, none has). Archived proposals take no more
 * supports.
 *
 * @category Proposals
 * @example
 * ```ts
 * archivedProposals(consultation, { archiveAfterMonths: 12 }, { instant: now, timeZone: "Europe/Madrid" });
 * //=> ["p1", "p4"]
 * ```
 */
export function archivedProposals(
  given: Consultation,
  rules: SupportRules,
  at: { readonly instant: number; readonly timeZone?: string; readonly census?: number },
): readonly string[] {
  const consultation = consultationWithIdRecords(given);
  const months = rules.archiveAfterMonths;
  if (months === undefined) return [];
  const succeeded = new Set(
    at.census === undefined ? [] : successfulProposals(consultation, rules, at.census).proposals,
  );
  const zone = at.timeZone ?? "UTC";
  return Object.values(consultation.proposals)
    .filter(
      (proposal) =>
        proposal.status === "published" &&
        !succeeded.has(proposal.id) &&
        addMonths(new TZDate(proposal.createdAt, zone), months).getTime() <= at.instant,
    )
    .map((proposal) => proposal.id);
}
