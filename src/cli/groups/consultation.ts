import { consultationCommand } from "../consultationCommand.js";
import type { CommandGroup } from "../dispatch.js";

/** `civitas consultation …`: the built command loads this file alone for it. */
export const group: CommandGroup = (command, rest, io) =>
  consultationCommand([command ?? "", ...rest], io);
