import type * as z from "zod/mini";
import english from "zod/v4/locales/en.js";

/** zod's English messages ("Too small: expected string to have >=1 characters"). */
const messages = english().localeError;

/**
 * `schema.safeParse(data)` with zod's English messages, whatever zod's global
 * configuration: every civitas boundary parses through it, so an issue reads the same in
 * any host (civitas's schemas are zod-mini schemas, whose own default message is a bare
 * "Invalid input"). Hosts that show another language key on the issues' codes.
 *
 * @internal
 */
export function parseSchema<T extends z.ZodMiniType>(
  schema: T,
  data: unknown,
): ReturnType<T["safeParse"]> {
  return schema.safeParse(data, { error: messages }) as ReturnType<T["safeParse"]>;
}
