import * as z from "zod/mini";
import { lazySchema } from "../../core/lazySchema.js";
import type { MethodInfo } from "../../core/methodInfo.js";
import { fail, ok, type Result } from "../../core/result.js";
import type { TallyOutcome } from "../outcome.js";
import { tallyIssue } from "../tallyIssues.js";

/**
 * One question's count: yes, no, abstain (blank), and who could have voted.
 *
 * @category Referendums
 * @example
 * ```ts
 * const count: ReferendumCount = { yes: 5200, no: 3100, abstain: 400, electorate: 30000 };
 * ```
 */
export interface ReferendumCount {
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  /** Registered voters (or eligible participants); needed for quorums on the electorate. */
  readonly electorate?: number;
}

/**
 * The zod schema of a {@link ReferendumCount} as JSON: whole numbers, zero or more; the
 * electorate positive and at least the votes cast.
 *
 * @category Referendums
 * @example
 * ```ts
 * referendumCountSchema.safeParse({ yes: 5, no: 2, abstain: 0, electorate: 6 }).success; //=> false
 * ```
 */
export const referendumCountSchema = lazySchema(() =>
  z
    .object({
      yes: z.int().check(z.nonnegative()),
      no: z.int().check(z.nonnegative()),
      abstain: z.int().check(z.nonnegative()),
      electorate: z.optional(z.int().check(z.positive())),
    })
    .check(
      z.refine(
        (count) =>
          count.electorate === undefined ||
          count.yes + count.no + count.abstain <= count.electorate,
        {
          path: ["electorate"],
          message: "more votes were cast than the electorate counts",
        },
      ),
    ),
);

/**
 * When a question passes: the share of yes among yes + no it needs (`majority`, exact as a
 * fraction `[numerator, denominator]`; default more than 1/2, `strict`), a participation
 * quorum (votes cast, abstentions included, as a share of the electorate) and an approval
 * quorum (yes as a share of the electorate).
 *
 * @category Referendums
 * @example
 * ```ts
 * const rules: ReferendumRules = { majority: [2, 3], strict: false, participationQuorum: [1, 4] };
 * ```
 */
export interface ReferendumRules {
  readonly majority?: readonly [number, number];
  /** More than `majority` (default) or at least it. */
  readonly strict?: boolean;
  readonly participationQuorum?: readonly [number, number];
  readonly approvalQuorum?: readonly [number, number];
}

const fraction = lazySchema(() =>
  z.tuple([z.int().check(z.nonnegative()), z.int().check(z.positive())]),
);

/**
 * The zod schema of {@link ReferendumRules} as JSON: each share a fraction
 * `[numerator, denominator]` of whole numbers.
 *
 * @category Referendums
 * @example
 * ```ts
 * referendumRulesSchema.safeParse({ majority: [2, 3], strict: false }).success; //=> true
 * ```
 */
export const referendumRulesSchema = lazySchema(() =>
  z.strictObject({
    majority: z.optional(fraction),
    strict: z.optional(z.boolean()),
    participationQuorum: z.optional(fraction),
    approvalQuorum: z.optional(fraction),
  }),
);

/**
 * Decides a yes/no question exactly (whole-number cross-multiplication, no rounding): it
 * passes when every condition of the rules holds, and the outcome says which held and
 * which failed. `winners` is `["yes"]` or `["no"]`.
 *
 * @category Referendums
 * @example
 * ```ts
 * referendum({ yes: 60, no: 40, abstain: 0, electorate: 1000 }, { participationQuorum: [1, 5] });
 * // winners: ["no"]: 100 of 1,000 voted, under the quorum of 1/5
 * ```
 */
export function referendum(
  count: ReferendumCount,
  rules: ReferendumRules = {},
): Result<TallyOutcome> {
  const { yes, no, abstain } = count;
  if (![yes, no, abstain].every((value) => Number.isSafeInteger(value) && value >= 0)) {
    return fail([
      tallyIssue(
        "invalid-count",
        ["count"],
        "yes, no and abstain must be whole numbers, zero or more",
      ),
    ]);
  }
  const needsElectorate =
    rules.participationQuorum !== undefined || rules.approvalQuorum !== undefined;
  if (
    needsElectorate &&
    (count.electorate === undefined ||
      !Number.isSafeInteger(count.electorate) ||
      count.electorate <= 0)
  ) {
    return fail([
      tallyIssue("missing-electorate", ["electorate"], "a quorum needs the size of the electorate"),
    ]);
  }
  const [num, den] = rules.majority ?? [1, 2];
  const strict = rules.strict ?? rules.majority === undefined;
  const big = BigInt;
  const checks: { name: string; passed: boolean; detail: string }[] = [];
  // yes / (yes + no) against num / den, by cross-multiplication.
  const left = big(yes) * big(den);
  const right = big(yes + no) * big(num);
  checks.push({
    name: "majority",
    passed: yes + no > 0 && (strict ? left > right : left >= right),
    detail: `${yes} yes of ${yes + no} yes or no; needs ${strict ? "more than" : "at least"} ${num}/${den}`,
  });
  const electorate = big(count.electorate ?? 0);
  if (rules.participationQuorum !== undefined) {
    const [qn, qd] = rules.participationQuorum;
    const cast = yes + no + abstain;
    checks.push({
      name: "participation quorum",
      passed: big(cast) * big(qd) >= electorate * big(qn),
      detail: `${cast} of ${count.electorate} voted; needs ${qn}/${qd}`,
    });
  }
  if (rules.approvalQuorum !== undefined) {
    const [qn, qd] = rules.approvalQuorum;
    checks.push({
      name: "approval quorum",
      passed: big(yes) * big(qd) >= electorate * big(qn),
      detail: `${yes} of ${count.electorate} said yes; needs ${qn}/${qd}`,
    });
  }
  const passed = checks.every((check) => check.passed);
  return ok({
    method: "referendum",
    winners: [passed ? "yes" : "no"],
    rounds: [
      {
        tallies: { yes, no, abstain },
        note: checks
          .map((check) => `${check.name}: ${check.passed ? "met" : "not met"} (${check.detail})`)
          .join("; "),
      },
    ],
    notes: passed
      ? ["the question passes"]
      : [
          `the question fails: ${checks
            .filter((c) => !c.passed)
            .map((c) => c.name)
            .join(", ")} not met`,
        ],
  });
}

/**
 * The referendum count as a catalogue entry: yes/no questions decided by exact majorities
 * and quorums (`referendumQuestions`).
 *
 * @category Referendums
 * @example
 * ```ts
 * referendumMethod.id; //=> "referendum"
 * ```
 */
export const referendumMethod: MethodInfo = {
  id: "referendum",
  name: "Yes/no questions with majorities and quorums",
  kind: "single-winner",
  ballotTypes: ["referendum"],
  properties: [],
  notes: ["exact: majorities and quorums as fractions"],
  reference: "referendum rules as data (majority, participation and approval quorums)",
};
