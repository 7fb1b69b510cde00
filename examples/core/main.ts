// civitas/core: money in minor units, exact shares, issues as values, a lottery anyone can rerun.
import {
  addRational,
  formatMoney,
  formatRationalAsDecimal,
  orderByTieBreaking,
  parseMoney,
  rational,
  seededShuffle,
} from "civitas/core";

/** A budget split three ways: exact thirds, money that adds up to the cent. */
export function threeWays(budget: string) {
  const total = parseMoney(budget, 2); // 2 decimals: cents
  if (total === undefined) return { error: `"${budget}" is not an amount in euros and cents` };
  const third = rational(total, 3n);
  const cents = (total / 3n) as bigint; // each district gets whole cents…
  const left = total - 3n * cents; // …and the remainder is said, not lost
  return {
    third: formatRationalAsDecimal(third, 4), // in cents
    each: formatMoney(cents, 2),
    left: formatMoney(left, 2),
    sum: formatRationalAsDecimal(addRational(addRational(third, third), third), 0),
  };
}

/** A public draw: the same seed gives the same order, on any machine. */
export function draw(candidates: readonly string[], seed: string) {
  return seededShuffle(candidates, seed);
}

/** Equal candidates ordered by a published lottery, as a tie-breaking policy. */
export function tieOrder(candidates: readonly string[], seed: number) {
  return orderByTieBreaking(candidates, [{ by: "lottery", seed }]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(threeWays("1000000.00"));
  console.log(threeWays("douze euros"));
  console.log(draw(["Belle-Beille", "Doutre", "Justices", "Monplaisir"], "angers-2026"));
  console.log(tieOrder(["a", "b", "c"], 7));
}
