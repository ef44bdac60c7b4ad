/**
 * Two-sided p-value of a standard normal z, 2 (1 - Phi(|z|)), by Hart's (1968) double-precision
 * algorithm as given by West (2005), Better approximations to cumulative normal functions, Wilmott
 * Magazine (absolute error about 1e-15). @internal
 */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const a = Math.abs(z);
  if (a > 37) return 0;
  const e = Math.exp((-a * a) / 2);
  let tail: number;
  if (a < 7.07106781186547) {
    let num = 3.52624965998911e-2 * a + 0.700383064443688;
    num = num * a + 6.37396220353165;
    num = num * a + 33.912866078383;
    num = num * a + 112.079291497871;
    num = num * a + 221.213596169931;
    num = num * a + 220.206867912376;
    let den = 8.83883476483184e-2 * a + 1.75566716318264;
    den = den * a + 16.064177579207;
    den = den * a + 86.7807322029461;
    den = den * a + 296.564248779674;
    den = den * a + 637.333633378831;
    den = den * a + 793.826512519948;
    den = den * a + 440.413735824752;
    tail = (e * num) / den;
  } else {
    let b = a + 0.65;
    b = a + 4 / b;
    b = a + 3 / b;
    b = a + 2 / b;
    b = a + 1 / b;
    tail = e / b / 2.506628274631;
  }
  return Math.min(1, 2 * tail);
}
