import type { CommandGroup } from "../dispatch.js";
import { tallyCommand } from "../tallyCommand.js";

/** `civitas tally …` (`civitas tally FILE …` names no command): loaded alone by the built command. */
export const group: CommandGroup = (command, rest, io) =>
  tallyCommand(
    [command ?? "", ...rest].filter((arg, k) => k > 0 || arg !== ""),
    io,
  );
