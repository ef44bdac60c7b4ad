/**
 * Upper tail of the chi-square distribution, P(χ²_df ≥ x) = Q(df / 2, x / 2), the regularized upper
 * incomplete gamma function (series below a + 1, Lentz's continued fraction above; Numerical Recipes
 * 3rd ed., section 6.2). Agrees with scipy `chi2.sf` to about 1e-13 relative (test/fixtures/delphi).
 * NaN for a non-finite x or df ≤ 0; 1 for x ≤ 0.
 * @internal
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!Number.isFinite(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  const a = df / 2;
  const z = x / 2;
  if (z < a + 1) return 1 - lowerSeries(a, z);
  return upperFraction(a, z);
}

/** ln Γ(a) for a > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
function lnGamma(a: number): number {
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - lnGamma(1 - a);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const x = a - 1;
  let s = c[0] as number;
  for (let k = 1; k < 9; k++) s += (c[k] as number) / (x + k);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

/** P(a, z) by its power series. */
function lowerSeries(a: number, z: number): number {
  let term = 1 / a;
  let sum = term;
  for (let k = 1; k < 10000; k++) {
    term *= z / (a + k);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
  }
  return sum * Math.exp(-z + a * Math.log(z) - lnGamma(a));
}

/** Q(a, z) by its continued fraction (modified Lentz). */
function upperFraction(a: number, z: number): number {
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z + a * Math.log(z) - lnGamma(a)) * h;
}
