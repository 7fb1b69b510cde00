import { type CliIo, isUsageError, UsageError } from "./cliSupport.js";
import { COMMAND_GROUPS } from "./commandGroups.js";
import { USAGE } from "./usage.js";

/** The package's version, written into the build (tsup's `define`); "dev" from source. */
declare const CIVITAS_VERSION: string | undefined;
const VERSION = typeof CIVITAS_VERSION === "string" ? CIVITAS_VERSION : "dev";

/** The first word of a command: one of {@link COMMAND_GROUPS}. */
export type CommandGroupName = (typeof COMMAND_GROUPS)[number];

/** Runs one group's commands: the command word and the arguments after it; the exit code. */
export type CommandGroup = (command: string | undefined, rest: string[], io: CliIo) => number;

/** Whether a first argument names a command group. */
export function isCommandGroup(word: string | undefined): word is CommandGroupName {
  return (COMMAND_GROUPS as readonly (string | undefined)[]).includes(word);
}

/**
 * Runs the `civitas` command with the groups given (all of them for {@link runCli}; the one
 * asked for in the built command) and returns its exit code. Never throws on bad input or
 * usage: it prints one clear line per problem.
 */
export function runCommandGroups(
  groups: Partial<Record<CommandGroupName, CommandGroup>>,
  args: readonly string[],
  io: CliIo,
): number {
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
    if (!isCommandGroup(group)) throw new UsageError(`unknown command "${group}"`);
    const run = groups[group];
    if (run === undefined) throw new Error(`the command group "${group}" was not loaded`);
    return run(command, rest, io);
  } catch (error) {
    if (isUsageError(error) || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      const usage = !isUsageError(error) || error.withUsage ? `${USAGE}\n` : "";
      io.stderr(`civitas: ${(error as Error).message}\n${usage}`);
      return 2;
    }
    io.stderr(`civitas: internal error: ${(error as Error).message}\n`);
    return 70;
  }
}
