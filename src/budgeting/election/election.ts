import type { PbInstance } from "./instance.js";
import type { PbProfile } from "./profile.js";

/**
 * An instance with its ballots: what one Pabulib file holds.
 *
 * @category Model
 * @example
 * ```ts
 * const result = parsePabulib(text);
 * if (result.ok) {
 *   const { instance, profile }: PbElection = result.value;
 * }
 * ```
 */
export interface PbElection {
  readonly instance: PbInstance;
  readonly profile: PbProfile;
}
