import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addRational,
  compareRational,
  divideRational,
  formatDecimal,
  formatMoney,
  moneyScaleOf,
  multiplyRational,
  parseDecimal,
  parseMoney,
  rational,
  rationalFromNumber,
  subtractRational,
} from "../../src/core/index.js";

describe("money", () => {
  it("reads decimal points and decimal commas into minor units", () => {
    expect(parseMoney("2828094.61", 2)).toBe(282809461n);
    expect(parseMoney("12,5", 2)).toBe(1250n);
    expect(parseMoney("0.001", 2)).toBeUndefined();
    expect(parseMoney("1e3", 0)).toBeUndefined();
    expect(parseMoney(" 5", 0)).toBeUndefined();
  });

  it("does not overflow on budgets of 10^13 minor units and sums of many", () => {
    const budget = parseMoney("100000000000.00", 2) as bigint; // 10^13 minor units
    expect(budget).toBe(10n ** 13n);
    const total = Array.from({ length: 10_000 }, () => budget).reduce((a, b) => a + b, 0n);
    expect(formatMoney(total, 2)).toBe("1000000000000000");
  });

  it("finds the scale that keeps every amount exact", () => {
    expect(moneyScaleOf(["500000", "2828094.61", "12.50"])).toBe(2);
    expect(moneyScaleOf(["1.000"])).toBe(0);
    expect(moneyScaleOf(["x"])).toBeUndefined();
  });

  it("formats and parses back to the same amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 8 }),
        (units, scale) => {
          expect(parseMoney(formatDecimal(units, scale), scale)).toBe(units);
        },
      ),
    );
  });

  it("parseDecimal rejects anything but plain decimals", () => {
    for (const bad of ["", "-", "1.", ".5", "1,2,3", "0x10", "Infinity", "1 000"]) {
      expect(parseDecimal(bad)).toBeUndefined();
    }
  });
});

describe("rationals", () => {
  const arbitraryRational = fc
    .tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 1000n }))
    .map(([n, d]) => rational(n, d));

  it("are always in lowest terms with a positive denominator", () => {
    expect(rational(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(rational(0n, -7n)).toEqual({ num: 0n, den: 1n });
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });

  it("obey the field laws exactly", () => {
    fc.assert(
      fc.property(arbitraryRational, arbitraryRational, arbitraryRational, (a, b, c) => {
        expect(addRational(a, b)).toEqual(addRational(b, a));
        expect(subtractRational(addRational(a, b), b)).toEqual(a);
        expect(multiplyRational(a, addRational(b, c))).toEqual(
          addRational(multiplyRational(a, b), multiplyRational(a, c)),
        );
        if (b.num !== 0n) expect(multiplyRational(divideRational(a, b), b)).toEqual(a);
        expect(compareRational(a, b) + compareRational(b, a)).toBe(0);
      }),
    );
  });

  it("read numbers as the decimals they are written as", () => {
    expect(rationalFromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(rationalFromNumber(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(rationalFromNumber(2.5e21)).toEqual({ num: 2_500_000_000_000_000_000_000n, den: 1n });
    expect(() => rationalFromNumber(Number.NaN)).toThrow(RangeError);
  });
});
