import {
  findFeasiblePoint,
  LINEAR_SYSTEM_WORK_LIMIT,
  type LinearConstraint,
} from "../../core/linearFeasibility.js";
import { type Rational, rational } from "../../core/rational.js";
import { ok, type Result } from "../../core/result.js";
import { ballotValues } from "../election/ballotValues.js";
import type { PbInstance } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import type { PriceabilityCertificate } from "../rules/equalShares/equalSharesCertificate.js";

/**
 * Options of {@link pbPriceability}.
 *
 * @category Analysis
 * @example
 * ```ts
 * const options: PbPriceabilityOptions = { exhaustive: false, workLimit: 1_000_000 };
 * ```
 */
export interface PbPriceabilityOptions {
  /**
   * Demand an exhaustive outcome too, no project left out that the money left would buy
   * (as pabutools does by default); default true.
   */
  readonly exhaustive?: boolean | undefined;
  /** Tableau cells the exact linear system may update; default core's limit. */
  readonly workLimit?: number | undefined;
}

/**
 * What {@link pbPriceability} decided: priceable with a certificate
 * ({@link checkPriceability} with `strict: false` accepts it), or not, with the reason.
 *
 * @category Analysis
 * @example
 * ```ts
 * const report: PbPriceability = { priceable: false, reason: "c is left out though the money left would buy it" };
 * ```
 */
export type PbPriceability =
  | { readonly priceable: true; readonly certificate: PriceabilityCertificate }
  | { readonly priceable: false; readonly reason: string };

/**
 * Decides exactly whether any outcome is priceable (Peters, Pierczyński and Skowron 2021,
 * as pabutools checks it): a budget b for each voter, at least the instance's budget
 * shared among them (n·b ≥ budget), and payments such that voters pay only for funded
 * projects they support (a positive value on their ballot), nobody pays more than b, every
 * funded project is paid its cost exactly, and the supporters of each project left out
 * hold at most its cost between them. Voters with the same supported projects pay alike
 * (averaging any solution over them gives another), so the exact linear system has one
 * payment per kind of ballot and funded project it supports; it is solved in whole
 * numbers by core's `findFeasiblePoint`, and the certificate it returns is exact. Beyond
 * `workLimit`, the issue `linear-system-work-limit`.
 *
 * @category Analysis
 * @example
 * ```ts
 * const decided = pbPriceability(instance, profile, outcome.selected);
 * if (decided.ok && decided.value.priceable)
 *   checkPriceability(instance, profile, decided.value.certificate, { strict: false }).priceable; //=> true
 * ```
 */
export function pbPriceability(
  instance: PbInstance,
  profile: PbProfile,
  selected: readonly string[],
  options: PbPriceabilityOptions = {},
): Result<PbPriceability> {
  const funded = new Set(selected);
  const costOf = new Map(instance.projects.map((project) => [project.id, project.cost]));
  let spent = 0n;
  for (const id of funded) spent += costOf.get(id) ?? 0n;
  if (spent > instance.budget)
    return ok({ priceable: false, reason: `the outcome costs ${spent}, more than the budget` });
  if (options.exhaustive ?? true) {
    const affordable = instance.projects.find(
      (project) => !funded.has(project.id) && spent + project.cost <= instance.budget,
    );
    if (affordable !== undefined)
      return ok({
        priceable: false,
        reason: `${affordable.id} is left out though the money left would buy it`,
      });
  }
  // Kinds of ballot by the projects they support, with their voters.
  const valuesOf = ballotValues(instance, profile);
  const kinds = new Map<string, { supports: string[]; voters: bigint }>();
  const kindOf = profile.ballots.map((ballot) => {
    const values = valuesOf(ballot);
    const supports = [
      ...new Set(ballot.projects.filter((id, k) => (values[k] as number) > 0 && costOf.has(id))),
    ].sort();
    const key = supports.join("\u0000");
    const kind = kinds.get(key) ?? { supports, voters: 0n };
    kind.voters += BigInt(ballot.multiplicity);
    kinds.set(key, kind);
    return key;
  });
  let n = 0n;
  for (const kind of kinds.values()) n += kind.voters;
  // Variable 0 is b; then one per kind and funded project it supports (what each voter pays).
  const payers: { kind: string; project: string }[] = [];
  const variablesOf = new Map(
    [...kinds].map(([key, kind]) => [
      key,
      kind.supports
        .filter((id) => funded.has(id))
        .map((project) => {
          payers.push({ kind: key, project });
          return payers.length;
        }),
    ]),
  );
  const one = rational(1);
  const minusOne = rational(-1);
  const constraints: LinearConstraint[] = [
    { terms: [[0, rational(n)]], relation: ">=", bound: rational(instance.budget) },
  ];
  for (const [key] of kinds)
    constraints.push({
      terms: [[0, minusOne], ...(variablesOf.get(key) as number[]).map((v) => [v, one] as const)],
      relation: "<=",
      bound: rational(0),
    });
  for (const id of funded)
    constraints.push({
      terms: payers.flatMap((payer, k) =>
        payer.project === id
          ? [[k + 1, rational((kinds.get(payer.kind) as { voters: bigint }).voters)] as const]
          : [],
      ),
      relation: "=",
      bound: rational(costOf.get(id) ?? 0n),
    });
  for (const project of instance.projects) {
    if (funded.has(project.id)) continue;
    // Σ over its supporters of (b − what they paid) ≤ its cost.
    const terms: (readonly [number, Rational])[] = [];
    for (const [key, kind] of kinds) {
      if (!kind.supports.includes(project.id)) continue;
      terms.push([0, rational(kind.voters)]);
      for (const v of variablesOf.get(key) as number[]) terms.push([v, rational(-kind.voters)]);
    }
    if (terms.length > 0)
      constraints.push({ terms, relation: "<=", bound: rational(project.cost) });
  }
  const found = findFeasiblePoint(
    { variables: payers.length + 1, constraints },
    { workLimit: options.workLimit ?? LINEAR_SYSTEM_WORK_LIMIT },
  );
  if (!found.ok) return found;
  if (!found.value.feasible)
    return ok({
      priceable: false,
      reason:
        "no budget and payments make it: voters with equal budgets cannot pay for exactly these projects while every project left out stays beyond its supporters' money",
    });
  const point = found.value.point;
  const paymentsOf = new Map(
    [...variablesOf].map(([key, variables]) => [
      key,
      variables.flatMap((v) => {
        const amount = point[v] as Rational;
        return amount.num === 0n
          ? []
          : [{ project: (payers[v - 1] as { project: string }).project, amount }];
      }),
    ]),
  );
  return ok({
    priceable: true,
    certificate: {
      perVoterBudget: point[0] as Rational,
      selected: [...selected],
      payments: kindOf.map((key) => paymentsOf.get(key) ?? []),
    },
  });
}
