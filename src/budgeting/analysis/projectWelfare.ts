import {
  addRational,
  multiplyRational,
  type Rational,
  rational,
  rationalFromNumber,
} from "../../core/rational.js";
import { ballotValues } from "../election/ballotValues.js";
import type { PbInstance } from "../election/instance.js";
import type { PbProfile } from "../election/profile.js";
import type { ProjectSupport } from "../election/projectSupport.js";
import type { SatisfactionFunction } from "../election/satisfaction.js";

/**
 * The utilitarian welfare of funding each project on its own: the sum over voters of
 * their satisfaction from it (multiplicities counted), exactly. With a linear
 * satisfaction this is `score × factor(project)`, read off `support` without touching the
 * ballots again.
 *
 * @category Analysis
 * @example
 * ```ts
 * const welfare = projectWelfare(instance, profile, costSatisfaction, projectSupport(instance, profile));
 * welfare.get("618"); // 14732 votes × 500000 = { num: 7366000000n, den: 1n }
 * ```
 */
export function projectWelfare(
  instance: PbInstance,
  profile: PbProfile,
  sat: SatisfactionFunction,
  support: ReadonlyMap<string, ProjectSupport>,
): ReadonlyMap<string, Rational> {
  if (sat.kind === "linear") {
    return new Map(
      instance.projects.map((project) => [
        project.id,
        multiplyRational(support.get(project.id)?.score ?? rational(0), sat.factor(project)),
      ]),
    );
  }
  const byId = new Map(instance.projects.map((project) => [project.id, project]));
  const welfare = new Map(instance.projects.map((project) => [project.id, rational(0)]));
  const valuesOf = ballotValues(instance, profile);
  for (const ballot of profile.ballots) {
    const values = valuesOf(ballot);
    for (const [k, id] of ballot.projects.entries()) {
      const project = byId.get(id);
      if (project === undefined) continue;
      const gain = sat.satisfaction(project, rationalFromNumber(values[k] ?? 0), ballot);
      welfare.set(
        id,
        addRational(
          welfare.get(id) ?? rational(0),
          multiplyRational(gain, rational(ballot.multiplicity)),
        ),
      );
    }
  }
  return welfare;
}
