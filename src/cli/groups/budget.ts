import { budgetCommand } from "../budgetCommand.js";
import type { CommandGroup } from "../dispatch.js";

/** `civitas budget …`: the built command loads this file alone for it. */
export const group: CommandGroup = (command, rest, io) =>
  budgetCommand([command ?? "", ...rest], io);
