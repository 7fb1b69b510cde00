import type { CommandGroup } from "../dispatch.js";
import { pbCommand } from "../pbCommands.js";

/** `civitas pb …`: the built command loads this file alone for it. */
export const group: CommandGroup = pbCommand;
