/**
 * The command's groups, by their first word (`civitas pb …`): each has its file in
 * `groups/`, built as its own `dist/cli/<group>.js` (tsup.config.ts reads this list), and
 * the built command loads only the one it is asked for.
 */
export const COMMAND_GROUPS = [
  "tally",
  "process",
  "proposals",
  "pb",
  "budget",
  "sim",
  "sortition",
  "consultation",
] as const;
