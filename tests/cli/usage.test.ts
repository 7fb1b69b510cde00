import { describe, expect, it } from "vitest";
import { equalSharesCompletions, pbRules } from "../../src/budgeting/index.js";
import { USAGE } from "../../src/cli/usage.js";
import { committeeMethods, scoreMethods, tallyMethods } from "../../src/tally/index.js";

/** The ids a usage line lists after its label, up to the first ";" (none if absent). */
function listed(label: string): string[] {
  const line = USAGE.split("\n").find((text) => text.startsWith(`${label}: `));
  return (line?.slice(label.length + 2).split(";")[0] ?? "").split(", ");
}

describe("the usage text", () => {
  it("lists every rule, method and completion of the catalogues, in their order", () => {
    expect(listed("Rules")).toEqual(pbRules.map((rule) => rule.metadata.id));
    expect(listed("Methods")).toEqual(tallyMethods.map((method) => method.id));
    expect(listed("Committee methods (abcvoting .abc.yaml or approval JSON)")).toEqual(
      committeeMethods.map((method) => method.id),
    );
    expect(listed("Score methods (score JSON)")).toEqual(scoreMethods.map((method) => method.id));
    expect(listed("Completions (mes)")).toEqual([...equalSharesCompletions]);
  });
});
