/**
 * The codes of the issues civitas/core reports (tie-breaking policies written as data),
 * each with an English description.
 *
 * @category Issues
 * @example
 * ```ts
 * coreIssueMessages["unknown-tie-breaking-key"]; //=> "a tie-breaking key civitas does not know"
 * ```
 */
export const coreIssueMessages = {
  "linear-system-work-limit": "an exact linear system went past its work limit",
  "unknown-tie-breaking-direction": "a tie-breaking direction civitas does not know",
  "unknown-tie-breaking-key": "a tie-breaking key civitas does not know",
} as const;

/**
 * A code of civitas/core's issues.
 *
 * @category Issues
 * @example
 * ```ts
 * const code: CoreIssueCode = "unknown-tie-breaking-key";
 * ```
 */
export type CoreIssueCode = keyof typeof coreIssueMessages;
