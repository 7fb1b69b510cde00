import type { CliIo } from "./cliSupport.js";
import { runCommandGroups } from "./dispatch.js";
import { group as budget } from "./groups/budget.js";
import { group as consultation } from "./groups/consultation.js";
import { group as pb } from "./groups/pb.js";
import { group as processGroup } from "./groups/process.js";
import { group as proposals } from "./groups/proposals.js";
import { group as sim } from "./groups/sim.js";
import { group as sortition } from "./groups/sortition.js";
import { group as tally } from "./groups/tally.js";

export type { CliIo } from "./cliSupport.js";

const groups = {
  tally,
  process: processGroup,
  proposals,
  pb,
  budget,
  sim,
  sortition,
  consultation,
};

/**
 * Runs the `civitas` command with the given arguments and returns its exit code, every
 * command group loaded (in-process use and tests; the built command loads one group).
 * Never throws on bad input or usage: it prints one clear line per problem.
 */
export function runCli(args: readonly string[], io: CliIo): number {
  return runCommandGroups(groups, args, io);
}
