import { budgetCommand } from "./budgetCommand.js";
import { type CliIo, UsageError } from "./cliSupport.js";
import { consultationCommand } from "./consultationCommand.js";
import { pbCommand } from "./pbCommands.js";
import { processCommand } from "./processCommand.js";
import { proposalsCommand } from "./proposalsCommand.js";
import { simCommand } from "./simCommand.js";
import { sortitionCommand } from "./sortitionCommand.js";
import { tallyCommand } from "./tallyCommand.js";
import { USAGE } from "./usage.js";

export type { CliIo } from "./cliSupport.js";

/** The package's version, written into the build (tsup's `define`); "dev" from source. */
declare const CIVITAS_VERSION: string | undefined;
const VERSION = typeof CIVITAS_VERSION === "string" ? CIVITAS_VERSION : "dev";

/**
 * Runs the `civitas` command with the given arguments and returns its exit code.
 * Never throws on bad input or usage: it prints one clear line per problem.
 */
export function runCli(args: readonly string[], io: CliIo): number {
  const [group, command, ...rest] = args;
  try {
    if (group === undefined || group === "--help" || group === "-h" || group === "help") {
      io.stdout(`${USAGE}\n`);
      return group === undefined ? 2 : 0;
    }
    if (group === "--version" || group === "-v") {
      io.stdout(`civitas ${VERSION}\n`);
      return 0;
    }
    if (command === "--help" || command === "-h") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (group === "tally")
      return tallyCommand(
        [command ?? "", ...rest].filter((arg, k) => k > 0 || arg !== ""),
        io,
      );
    if (group === "process") return processCommand([command ?? "", ...rest], io);
    if (group === "proposals") return proposalsCommand([command ?? "", ...rest], io);
    if (group === "pb") return pbCommand(command, rest, io);
    if (group === "budget") return budgetCommand([command ?? "", ...rest], io);
    if (group === "sim") return simCommand([command ?? "", ...rest], io);
    if (group === "sortition") return sortitionCommand([command ?? "", ...rest], io);
    if (group === "consultation") return consultationCommand([command ?? "", ...rest], io);
    throw new UsageError(`unknown command "${group}"`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      const usage = !(error instanceof UsageError) || error.withUsage ? `${USAGE}\n` : "";
      io.stderr(`civitas: ${(error as Error).message}\n${usage}`);
      return 2;
    }
    io.stderr(`civitas: internal error: ${(error as Error).message}\n`);
    return 70;
  }
}
