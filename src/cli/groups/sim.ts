import type { CommandGroup } from "../dispatch.js";
import { simCommand } from "../simCommand.js";

/** `civitas sim …`: the built command loads this file alone for it. */
export const group: CommandGroup = (command, rest, io) => simCommand([command ?? "", ...rest], io);
