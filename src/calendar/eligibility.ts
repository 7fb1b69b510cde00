import type { Issue } from "../core/issue.js";
import { accessIssue } from "./accessIssues.js";
/**
 * Who a participant is, as far as eligibility rules look: whether their identity is
 * verified, the scopes (districts) they live in, their birth date (`YYYY-MM-DD`), and any
 * attributes a host's own rules read.
 *
 * @category Eligibility
 * @example
 * ```ts
 * const ana: Participant = { id: "ana", verified: true, scopes: ["doutre"], birthDate: "2010-05-02" };
 * ```
 */
export interface Participant {
  readonly id: string;
  readonly verified?: boolean;
  readonly scopes?: readonly string[];
  readonly birthDate?: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/**
 * An eligibility rule as data, composable: a verified participant; a resident of one of
 * the scopes; at least `years` old on a date; in a census list; all or any of other rules;
 * or a host's own test (`custom`, which returns a reason when it refuses).
 *
 * @category Eligibility
 * @example
 * ```ts
 * const angers: EligibilityPolicy = { all: [{ verified: true }, { minimumAge: 11, on: "2026-09-01" }] };
 * ```
 */
export type EligibilityPolicy =
  | { readonly verified: true }
  | { readonly residentOf: readonly string[] }
  | { readonly minimumAge: number; readonly on: string }
  | { readonly census: readonly string[]; readonly name?: string }
  | { readonly all: readonly EligibilityPolicy[] }
  | { readonly any: readonly EligibilityPolicy[] }
  | {
      readonly custom: string;
      readonly test: (participant: Participant) => string | undefined;
    };

/** Full years between a birth date and a date (a 29 February birthday counts on 1 March). */
function ageOn(birthDate: string, on: string): number | undefined {
  const parse = (text: string) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)?.slice(1).map(Number);
  const born = parse(birthDate);
  const day = parse(on);
  if (born === undefined || day === undefined) return undefined;
  const [by, bm, bd] = born as [number, number, number];
  const [y, m, d] = day as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Checks a participant against a policy. Eligible, or the reasons of every rule that
 * refused (for `any`, the reasons of all its rules, since none passed).
 *
 * @category Eligibility
 * @example
 * ```ts
 * checkEligibility({ minimumAge: 16, on: "2026-09-01" }, { id: "léo", birthDate: "2011-02-03" });
 * //=> { eligible: false, reasons: ["léo is 15 on 2026-09-01, under 16"] }
 * ```
 */
export function checkEligibility(
  policy: EligibilityPolicy,
  participant: Participant,
):
  | { readonly eligible: true }
  | { readonly eligible: false; readonly reasons: string[]; readonly issues: Issue[] } {
  const issues = refusals(policy, participant);
  return issues.length === 0
    ? { eligible: true }
    : { eligible: false, reasons: issues.map((issue) => issue.message), issues };
}

function refusals(policy: EligibilityPolicy, who: Participant): Issue[] {
  const participant = who.id;
  if ("verified" in policy)
    return who.verified === true ? [] : [accessIssue("not-verified", { participant })];
  if ("residentOf" in policy)
    return policy.residentOf.some((scope) => who.scopes?.includes(scope))
      ? []
      : [accessIssue("not-resident", { participant, scopes: policy.residentOf })];
  if ("minimumAge" in policy) {
    const age = who.birthDate === undefined ? undefined : ageOn(who.birthDate, policy.on);
    if (age === undefined) return [accessIssue("no-birth-date", { participant })];
    return age >= policy.minimumAge
      ? []
      : [
          accessIssue("too-young", {
            participant,
            age,
            on: policy.on,
            minimumAge: policy.minimumAge,
          }),
        ];
  }
  if ("census" in policy)
    return policy.census.includes(who.id)
      ? []
      : [accessIssue("not-in-census", { participant, census: policy.name ?? "census" })];
  if ("all" in policy) return policy.all.flatMap((rule) => refusals(rule, who));
  if ("any" in policy) {
    const each = policy.any.map((rule) => refusals(rule, who));
    return each.some((issues) => issues.length === 0) ? [] : each.flat();
  }
  const refused = policy.test(who);
  return refused === undefined
    ? []
    : [accessIssue("custom-refusal", { policy: policy.custom, reason: refused })];
}
