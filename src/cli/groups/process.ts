import type { CommandGroup } from "../dispatch.js";
import { processCommand } from "../processCommand.js";

/** `civitas process …`: the built command loads this file alone for it. */
export const group: CommandGroup = (command, rest, io) =>
  processCommand([command ?? "", ...rest], io);
