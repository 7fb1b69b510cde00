import {
  addRational,
  compareRational,
  multiplyRational,
  type Rational,
  rational,
  subtractRational,
} from "../../core/rational.js";
import { ballotValues } from "../election/ballotValues.js";
import type { PbInstance } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import type { PriceabilityCertificate } from "../rules/equalShares/equalSharesCertificate.js";

/**
 * What {@link checkPriceability} found: whether the price system holds, and each broken
 * condition in plain words.
 *
 * @category Analysis
 * @example
 * ```ts
 * const report: PriceabilityReport = { priceable: true, violations: [] };
 * ```
 */
export interface PriceabilityReport {
  readonly priceable: boolean;
  readonly violations: readonly string[];
}

/**
 * Checks a {@link PriceabilityCertificate} against the ballots, exactly: payments only by
 * supporters and only for funded projects, nobody over budget, every funded project paid
 * in full, and no unfunded project whose supporters still hold its cost. With `strict:
 * false`, supporters may hold exactly its cost (the definition of Peters, Pierczyński and
 * Skowron, which {@link pbPriceability} decides); by default they must hold less, as equal
 * shares guarantees.
 *
 * @category Analysis
 * @example
 * ```ts
 * const certificate = equalSharesCertificate(instance, profile, { completion: "add1" });
 * if (certificate.ok) checkPriceability(instance, profile, certificate.value).priceable; //=> true
 * ```
 */
export function checkPriceability(
  instance: PbInstance,
  profile: PbProfile,
  certificate: PriceabilityCertificate,
  options: { readonly strict?: boolean | undefined } = {},
): PriceabilityReport {
  const strict = options.strict ?? true;
  const violations: string[] = [];
  const valuesOf = ballotValues(instance, profile);
  const funded = new Set(certificate.selected);
  const received = new Map<string, Rational>();
  const leftover = new Map<string, Rational>();
  const budget = certificate.perVoterBudget;
  const spentByPayments = new Map<object, Rational>();
  profile.ballots.forEach((ballot, b) => {
    const paid = certificate.payments[b] ?? [];
    const values = valuesOf(ballot);
    const supports = new Set(ballot.projects.filter((_, k) => (values[k] as number) > 0));
    const count = rational(ballot.multiplicity);
    let spent = spentByPayments.get(paid);
    if (spent === undefined) {
      spent = rational(0);
      for (const { project, amount } of paid) {
        if (!funded.has(project))
          violations.push(`ballot ${b} pays for ${project}, which is not funded`);
        if (!supports.has(project))
          violations.push(`ballot ${b} pays for ${project} without supporting it`);
        if (amount.num < 0n) violations.push(`ballot ${b} pays a negative amount for ${project}`);
        spent = addRational(spent, amount);
      }
      spentByPayments.set(paid, spent);
    }
    for (const { project, amount } of paid) {
      received.set(
        project,
        addRational(received.get(project) ?? rational(0), multiplyRational(amount, count)),
      );
    }
    const left = subtractRational(budget, spent);
    if (left.num < 0n) violations.push(`ballot ${b} pays more than the per-voter budget`);
    for (const project of supports) {
      leftover.set(
        project,
        addRational(leftover.get(project) ?? rational(0), multiplyRational(left, count)),
      );
    }
  });
  for (const project of instance.projects) {
    const got = received.get(project.id) ?? rational(0);
    if (funded.has(project.id)) {
      if (compareRational(got, rational(project.cost)) !== 0) {
        violations.push(
          `${project.id} received ${got.num}/${got.den}, not its cost ${project.cost}`,
        );
      }
    } else if (project.cost > 0n) {
      const left = leftover.get(project.id);
      const order = left === undefined ? -1 : compareRational(left, rational(project.cost));
      if (order > 0 || (strict && order === 0)) {
        violations.push(
          `${project.id} is not funded, yet its supporters hold ${order > 0 ? "more than " : ""}its cost between them`,
        );
      }
    }
  }
  return { priceable: violations.length === 0, violations };
}
