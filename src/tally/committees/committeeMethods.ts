import type { MethodInfo } from "../../core/methodInfo.js";
import type { Result } from "../../core/result.js";
import type { ApprovalProfile } from "../ballots/approvalProfile.js";
import type { TallyOutcome } from "../outcome.js";
import type { CommitteeSearchOptions } from "./committeeSearch.js";
import { consensusRule } from "./consensusRule.js";
import { ePluribusHugo } from "./ePluribusHugo.js";
import { equalSharesCommittee } from "./equalSharesCommittee.js";
import { greedyMonroe } from "./greedyMonroe.js";
import {
  adams,
  lexicographicChamberlinCourant,
  lexicographicMinimaxApproval,
  trivialRule,
} from "./lexicographicCommittees.js";
import { leximaxPhragmen } from "./leximaxPhragmen.js";
import { maximinSupportCommittee } from "./maximinSupportCommittee.js";
import { minimaxApproval } from "./minimaxApproval.js";
import { minimaxPhragmen } from "./minimaxPhragmen.js";
import { monroe } from "./monroe.js";
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
export interface CommitteeMethod extends MethodInfo {
  /** Runs the rule; the rules that compare every committee report progress through `options`. */
  readonly run: (
    profile: ApprovalProfile,
    seats: number,
    options?: CommitteeSearchOptions,
  ) => Result<TallyOutcome>;
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
  {
    id: "av",
    name: "Approval voting",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["committee-monotonic"],
    notes: [],
    reference:
      "Lackner and Skowron 2023, Multi-Winner Voting with Approval Preferences; abcvoting `av`",
    run: (p, k, o) => thieleCommittee("av", p, k, o),
  },
  {
    id: "sav",
    name: "Satisfaction approval voting",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Brams and Kilgour 2014; abcvoting `sav`",
    run: satisfactionApproval,
  },
  {
    id: "pav",
    name: "Proportional approval voting",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["ejr", "pjr", "jr"],
    notes: [],
    reference: "Thiele 1895; Aziz et al. 2017 (EJR); abcvoting `pav`",
    run: (p, k, o) => thieleCommittee("pav", p, k, o),
  },
  {
    id: "slav",
    name: "Sainte-Laguë approval voting",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Thiele method with Sainte-Laguë weights; abcvoting `slav`",
    run: (p, k, o) => thieleCommittee("slav", p, k, o),
  },
  {
    id: "cc",
    name: "Chamberlin–Courant",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["jr"],
    notes: [],
    reference: "Chamberlin and Courant 1983; abcvoting `cc`",
    run: (p, k, o) => thieleCommittee("cc", p, k, o),
  },
  {
    id: "lexcc",
    name: "Lexicographic Chamberlin–Courant",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["jr"],
    notes: [],
    reference: "Lackner and Skowron 2023; abcvoting `lexcc`",
    run: lexicographicChamberlinCourant,
  },
  {
    id: "geom2",
    name: "2-geometric Thiele rule",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference:
      "Lackner and Skowron 2020, Utilitarian welfare and representation guarantees; abcvoting `geom2`",
    run: (p, k, o) => thieleCommittee("geom2", p, k, o),
  },
  {
    id: "adams",
    name: "Adams' rule (Chamberlin–Courant, then Adams' Thiele score)",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["jr"],
    notes: [],
    reference: "abcvoting `adams`",
    run: adams,
  },
  {
    id: "seqpav",
    name: "Sequential PAV",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["committee-monotonic"],
    notes: [],
    reference: "Thiele 1895; abcvoting `seqpav`",
    run: (p, k) => sequentialThiele("pav", "seq", p, k),
  },
  {
    id: "seqslav",
    name: "Sequential SLAV",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["committee-monotonic"],
    notes: [],
    reference: "abcvoting `seqslav`",
    run: (p, k) => sequentialThiele("slav", "seq", p, k),
  },
  {
    id: "seqcc",
    name: "Sequential Chamberlin–Courant",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["jr", "committee-monotonic"],
    notes: [],
    reference: "abcvoting `seqcc`",
    run: (p, k) => sequentialThiele("cc", "seq", p, k),
  },
  {
    id: "revseqpav",
    name: "Reverse sequential PAV",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "abcvoting `revseqpav`",
    run: (p, k) => sequentialThiele("pav", "revseq", p, k),
  },
  {
    id: "seqphragmen",
    name: "Sequential Phragmén",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["pjr", "jr", "committee-monotonic", "priceable"],
    notes: [],
    reference: "Phragmén 1894; Brill et al. 2017 (PJR); abcvoting `seqphragmen`",
    run: sequentialPhragmenCommittee,
  },
  {
    id: "phragmen-enestroem",
    name: "Phragmén–Eneström",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Camps, Mora and Saumell 2019; abcvoting `phragmen-enestroem`",
    run: phragmenEnestroem,
  },
  {
    id: "greedy-monroe",
    name: "Greedy Monroe (one committee)",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Skowron, Faliszewski and Slinko 2015; abcvoting `greedy-monroe`",
    run: greedyMonroe,
  },
  {
    id: "minimaxphragmen",
    name: "Minimax Phragmén",
    // Not JR among all optimal committees: ties on the maximal load only (see leximax).
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Brill, Freeman, Janson and Lackner 2017; abcvoting `minimaxphragmen`",
    run: minimaxPhragmen,
  },
  {
    id: "leximaxphragmen",
    name: "Leximax Phragmén",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["pjr", "jr"],
    notes: [],
    reference: "Brill, Freeman, Janson and Lackner 2017; abcvoting `leximaxphragmen`",
    run: leximaxPhragmen,
  },
  {
    id: "maximin-support",
    name: "Maximin support",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["pjr", "jr", "committee-monotonic"],
    notes: [],
    reference: "Sánchez-Fernández et al. 2022; abcvoting `maximin-support`",
    run: maximinSupportCommittee,
  },
  {
    id: "minimaxav",
    name: "Minimax approval voting",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Brams, Kilgour and Sanver 2007; abcvoting `minimaxav`",
    run: minimaxApproval,
  },
  {
    id: "lexminimaxav",
    name: "Lexicographic minimax approval voting",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Lackner and Skowron 2023; abcvoting `lexminimaxav` (whole-number weights)",
    run: lexicographicMinimaxApproval,
  },
  {
    id: "monroe",
    name: "Monroe",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Monroe 1995; abcvoting `monroe`",
    run: monroe,
  },
  {
    id: "equal-shares",
    name: "Method of Equal Shares, completed by sequential Phragmén",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["ejr", "pjr", "jr", "priceable"],
    notes: [],
    reference: "Peters and Skowron 2020 (Rule X); abcvoting `equal-shares`",
    run: (p, k) => equalSharesCommittee(p, k),
  },
  {
    id: "equal-shares-with-av-completion",
    name: "Method of Equal Shares, completed by approval votes",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["ejr", "pjr", "jr"],
    notes: [],
    reference: "Peters and Skowron 2020; abcvoting `equal-shares-with-av-completion`",
    run: (p, k) => equalSharesCommittee(p, k, { completion: "av" }),
  },
  {
    id: "equal-shares-with-increment-completion",
    name: "Method of Equal Shares, budget incremented until full (one committee)",
    // Not JR: at the raised budget the first seats bought can pass over a lone voter's
    // candidate (the committee property test found one).
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference:
      "Peters, Pierczyński and Skowron 2021; abcvoting `equal-shares-with-increment-completion`",
    run: (p, k) => equalSharesCommittee(p, k, { completion: "increment" }),
  },
  {
    id: "equal-shares-without-completion",
    name: "Method of Equal Shares, seats it leaves stay empty",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: ["ejr", "priceable"],
    notes: [],
    reference: "Peters and Skowron 2020; abcvoting `equal-shares-without-completion`",
    run: (p, k) => equalSharesCommittee(p, k, { completion: "none" }),
  },
  {
    id: "consensus-rule",
    name: "Consensus rule",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference:
      "Lackner 2020, Perpetual voting: fairness in long-term decision making; abcvoting `consensus-rule`",
    run: consensusRule,
  },
  {
    id: "eph",
    name: "E Pluribus Hugo (single divisible vote, least-popular elimination)",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "Quinn and Schneier 2016; the Hugo Awards' nomination rule; abcvoting `eph`",
    run: ePluribusHugo,
  },
  {
    id: "trivial",
    name: "Trivial rule (every committee wins)",
    kind: "committee",
    ballotTypes: ["approval"],
    properties: [],
    notes: [],
    reference: "abcvoting `trivial`, a baseline",
    run: trivialRule,
  },
];
