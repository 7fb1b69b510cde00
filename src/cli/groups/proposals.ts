import type { CommandGroup } from "../dispatch.js";
import { proposalsCommand } from "../proposalsCommand.js";

/** `civitas proposals …`: the built command loads this file alone for it. */
export const group: CommandGroup = (command, rest, io) =>
  proposalsCommand([command ?? "", ...rest], io);
