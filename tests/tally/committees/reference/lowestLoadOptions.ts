// The tie rule of the exact searches in this folder (civitas b08d5af), kept for them.
import { compareRational, type Rational } from "../../../../src/core/rational.js";

/**
 * The options a load-minimising step follows: those with the lowest finite load, or every
 * option when none has a finite load (no candidate left has a supporter).
 */
export function lowestLoadOptions<T extends { readonly load: Rational | undefined }>(
  options: readonly T[],
): T[] {
  let best: Rational | undefined;
  for (const option of options)
    if (option.load !== undefined && (best === undefined || compareRational(option.load, best) < 0))
      best = option.load;
  if (best === undefined) return [...options];
  const lowest = best;
  return options.filter(
    (option) => option.load !== undefined && compareRational(option.load, lowest) === 0,
  );
}
