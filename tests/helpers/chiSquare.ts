/** ln Γ(x) (Lanczos, g = 7, 9 terms): 15 digits for x > 0. */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
    -176.61503916999186, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized upper incomplete gamma Q(a, x) (series below a + 1, continued fraction above). */
function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - front * sum;
  }
  // Lentz's continued fraction.
  let b = x + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * h;
}

/**
 * Pearson's chi-square goodness of fit: observed counts against expected probabilities
 * (which must add up to 1). Returns the statistic, the degrees of freedom and the p-value
 * (the chance of a statistic at least this large were the model right).
 */
export function chiSquare(
  observed: readonly number[],
  expected: readonly number[],
): { statistic: number; degrees: number; p: number } {
  const total = observed.reduce((a, b) => a + b, 0);
  let statistic = 0;
  for (let k = 0; k < observed.length; k++) {
    const e = (expected[k] as number) * total;
    statistic += ((observed[k] as number) - e) ** 2 / e;
  }
  const degrees = observed.length - 1;
  return { statistic, degrees, p: upperGamma(degrees / 2, statistic / 2) };
}
