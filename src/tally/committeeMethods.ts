import type { Result } from "../core/result.js";
import type { ApprovalProfile } from "./approvalProfile.js";
import { equalSharesCommittee } from "./equalSharesCommittee.js";
import { greedyMonroe } from "./greedyMonroe.js";
import { leximaxPhragmen } from "./leximaxPhragmen.js";
import { maximinSupportCommittee } from "./maximinSupportCommittee.js";
import { minimaxApproval } from "./minimaxApproval.js";
import { minimaxPhragmen } from "./minimaxPhragmen.js";
import { monroe } from "./monroe.js";
import type { TallyOutcome } from "./outcome.js";
import { phragmenEnestroem } from "./phragmenEnestroem.js";
import { satisfactionApproval } from "./satisfactionApproval.js";
import { sequentialPhragmenCommittee } from "./sequentialPhragmenCommittee.js";
import { sequentialThiele } from "./sequentialThiele.js";
import { thieleCommittee } from "./thieleCommittee.js";

/**
 * An approval committee rule by its abcvoting id, callable as `(profile, seats)`.
 *
 * @category Methods
 * @example
 * ```ts
 * committeeMethods.find((method) => method.id === "pav")?.run(profile, 3);
 * ```
 */
export interface CommitteeMethod {
  readonly id: string;
  readonly name: string;
  readonly run: (profile: ApprovalProfile, seats: number) => Result<TallyOutcome>;
}

/**
 * Every approval committee rule civitas has, under abcvoting's ids.
 *
 * @category Methods
 * @example
 * ```ts
 * committeeMethods.map((method) => method.id); //=> ["av", "sav", "pav", …]
 * ```
 */
export const committeeMethods: readonly CommitteeMethod[] = [
  { id: "av", name: "Approval voting", run: (p, k) => thieleCommittee("av", p, k) },
  { id: "sav", name: "Satisfaction approval voting", run: satisfactionApproval },
  { id: "pav", name: "Proportional approval voting", run: (p, k) => thieleCommittee("pav", p, k) },
  {
    id: "slav",
    name: "Sainte-Laguë approval voting",
    run: (p, k) => thieleCommittee("slav", p, k),
  },
  { id: "cc", name: "Chamberlin–Courant", run: (p, k) => thieleCommittee("cc", p, k) },
  { id: "seqpav", name: "Sequential PAV", run: (p, k) => sequentialThiele("pav", "seq", p, k) },
  { id: "seqslav", name: "Sequential SLAV", run: (p, k) => sequentialThiele("slav", "seq", p, k) },
  {
    id: "seqcc",
    name: "Sequential Chamberlin–Courant",
    run: (p, k) => sequentialThiele("cc", "seq", p, k),
  },
  {
    id: "revseqpav",
    name: "Reverse sequential PAV",
    run: (p, k) => sequentialThiele("pav", "revseq", p, k),
  },
  { id: "seqphragmen", name: "Sequential Phragmén", run: sequentialPhragmenCommittee },
  { id: "phragmen-enestroem", name: "Phragmén–Eneström", run: phragmenEnestroem },
  { id: "greedy-monroe", name: "Greedy Monroe (one committee)", run: greedyMonroe },
  { id: "minimaxphragmen", name: "Minimax Phragmén", run: minimaxPhragmen },
  { id: "leximaxphragmen", name: "Leximax Phragmén", run: leximaxPhragmen },
  { id: "maximin-support", name: "Maximin support", run: maximinSupportCommittee },
  { id: "minimaxav", name: "Minimax approval voting", run: minimaxApproval },
  { id: "monroe", name: "Monroe", run: monroe },
  {
    id: "equal-shares",
    name: "Method of Equal Shares, completed by sequential Phragmén",
    run: (p, k) => equalSharesCommittee(p, k),
  },
  {
    id: "equal-shares-with-av-completion",
    name: "Method of Equal Shares, completed by approval votes",
    run: (p, k) => equalSharesCommittee(p, k, { completion: "av" }),
  },
  {
    id: "equal-shares-with-increment-completion",
    name: "Method of Equal Shares, budget incremented until full (one committee)",
    run: (p, k) => equalSharesCommittee(p, k, { completion: "increment" }),
  },
  {
    id: "equal-shares-without-completion",
    name: "Method of Equal Shares, seats it leaves stay empty",
    run: (p, k) => equalSharesCommittee(p, k, { completion: "none" }),
  },
];
