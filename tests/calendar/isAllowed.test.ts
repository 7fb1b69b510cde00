import { describe, expect, it } from "vitest";
import {
  type AccessIssueCode,
  accessIssueMessages,
  checkEligibility,
  type EligibilityPolicy,
  isAllowed,
  validateProcess,
} from "../../src/calendar/index.js";

const process = (() => {
  const checked = validateProcess({
    id: "bp",
    title: "Budget participatif",
    timeZone: "Europe/Paris",
    phases: [
      {
        id: "ideas",
        title: "Dépôt des idées",
        start: "2026-03-01",
        end: "2026-03-31",
        permits: ["proposals.create", "proposals.comment"],
      },
      {
        id: "vote",
        title: "Vote",
        start: "2026-09-01",
        end: "2026-09-30",
        permits: ["budget.vote"],
      },
    ],
  });
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.value;
})();

const angersVoters: EligibilityPolicy = {
  all: [{ verified: true }, { minimumAge: 11, on: "2026-09-01" }, { residentOf: ["angers"] }],
};

describe("isAllowed and eligibility", () => {
  const ana = { id: "ana", verified: true, scopes: ["angers"], birthDate: "2015-08-31" };
  const vote = Date.parse("2026-09-10T10:00:00Z");

  it("allows an eligible participant in a phase that permits the action", () => {
    expect(isAllowed(process, "budget.vote", vote, ana, { "budget.vote": angersVoters })).toEqual({
      allowed: true,
      phase: "vote",
    });
  });

  it("says why not: no phase, a phase that does not permit it, every failed rule", () => {
    expect(isAllowed(process, "budget.vote", Date.parse("2026-06-01T10:00:00Z"))).toMatchObject({
      allowed: false,
      reasons: ["no phase of Budget participatif is running"],
      issues: [{ code: "no-phase-running", params: { process: "Budget participatif" } }],
    });
    expect(isAllowed(process, "proposals.create", vote)).toMatchObject({
      allowed: false,
      reasons: ['the phase "Vote" does not permit proposals.create'],
      issues: [
        { code: "phase-forbids-action", params: { phase: "Vote", action: "proposals.create" } },
      ],
    });
    const lou = { id: "lou", verified: false, scopes: ["trelaze"], birthDate: "2015-09-02" };
    const refused = isAllowed(process, "budget.vote", vote, lou, { "budget.vote": angersVoters });
    expect(refused).toMatchObject({
      allowed: false,
      reasons: [
        "lou is not verified",
        "lou is 10 on 2026-09-01, under 11",
        "lou does not live in angers",
      ],
    });
    // Codes and params an app can translate: each message is the catalogue's.
    expect(!refused.allowed && refused.issues.map((issue) => issue.code)).toEqual([
      "not-verified",
      "too-young",
      "not-resident",
    ]);
    for (const issue of refused.allowed ? [] : refused.issues)
      expect(
        (accessIssueMessages[issue.code as AccessIssueCode] as (params: never) => string)(
          issue.params as never,
        ),
      ).toBe(issue.message);
  });

  it("counts ages by the calendar (a 29 February birthday counts on 1 March)", () => {
    const leap = { id: "léa", birthDate: "2008-02-29" };
    expect(checkEligibility({ minimumAge: 18, on: "2026-02-28" }, leap).eligible).toBe(false);
    expect(checkEligibility({ minimumAge: 18, on: "2026-03-01" }, leap).eligible).toBe(true);
  });

  it("composes: any of a census list or a custom rule", () => {
    const policy: EligibilityPolicy = {
      any: [
        { census: ["c1", "c2"], name: "school council" },
        {
          custom: "staff",
          test: (who) => (who.attributes?.staff === true ? undefined : "not staff"),
        },
      ],
    };
    expect(checkEligibility(policy, { id: "c2" })).toEqual({ eligible: true });
    expect(checkEligibility(policy, { id: "x", attributes: { staff: true } })).toEqual({
      eligible: true,
    });
    expect(checkEligibility(policy, { id: "x" })).toMatchObject({
      eligible: false,
      reasons: ["x is not in the school council list", "staff: not staff"],
      issues: [{ code: "not-in-census" }, { code: "custom-refusal", params: { policy: "staff" } }],
    });
  });
});
