import type { CommandGroup } from "../dispatch.js";
import { sortitionCommand } from "../sortitionCommand.js";

/** `civitas sortition …`: the built command loads this file alone for it. */
export const group: CommandGroup = (command, rest, io) =>
  sortitionCommand([command ?? "", ...rest], io);
