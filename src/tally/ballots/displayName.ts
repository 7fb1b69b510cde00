import { ownValue } from "../../core/idRecord.js";

/**
 * A candidate's name for explanations: its display name when the profile has one, else
 * its id. Round notes speak of candidates by name, as the tallies beside them do.
 *
 * @internal
 */
export function displayName(
  profile: { readonly names: Readonly<Record<string, string>> },
  id: string,
): string {
  return ownValue(profile.names, id) ?? id;
}
