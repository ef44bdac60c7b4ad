// The disparity fixtures (test/fixtures/disparity): compute.py (numpy, scipy) writes expected.json,
// kde.R (R 4.2.2) writes r-kde.json.
import REF from "../../fixtures/disparity/expected.json" with { type: "json" };
import R_KDE from "../../fixtures/disparity/r-kde.json" with { type: "json" };

export type Case = (typeof REF)["domain"];
export const CASES = { domain: REF.domain as Case, seeded: REF.seeded as Case };
export const RKDE = R_KDE;

/**
 * A second, independent Dagum decomposition in the matrix form of mussard974/weighted_Gini_decomposition:
 * k x k matrices over ordered pairs of groups, no ordering by mean and no sorting, naive O(N^2) sums:
 * G = sum_jh G_jh p_j s_h; Gw its diagonal; Gnb = sum_{j != h} G_jh p_j s_h |D_jh|, Gt the rest.
 */
export function dagumMatrixForm(values: readonly number[], groups: readonly string[]) {
  const labels = [...new Set(groups)];
  const parts = labels.map((g) => values.filter((_, i) => groups[i] === g));
  const N = values.length;
  const mu = values.reduce((a, b) => a + b, 0) / N;
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const p = parts.map((v) => v.length / N);
  const s = parts.map((v) => (v.length * mean(v)) / (N * mu));
  let gw = 0;
  let gnb = 0;
  let gt = 0;
  let total = 0;
  for (let j = 0; j < parts.length; j++)
    for (let h = 0; h < parts.length; h++) {
      const a = parts[j]!;
      const b = parts[h]!;
      let abs = 0;
      let up = 0;
      let down = 0;
      for (const x of a)
        for (const y of b) {
          abs += Math.abs(x - y);
          up += Math.max(x - y, 0);
          down += Math.max(y - x, 0);
        }
      // A group of zeros has no within-group Gini (0/0): 0, as for an equal group.
      const G =
        abs === 0
          ? 0
          : j === h
            ? abs / (2 * a.length ** 2 * mean(a))
            : abs / (a.length * b.length * (mean(a) + mean(b)));
      const f = G * p[j]! * s[h]!;
      total += f;
      if (j === h) gw += f;
      else {
        const D = up + down === 0 ? 0 : Math.abs(up - down) / (up + down);
        gnb += f * D;
        gt += f * (1 - D);
      }
    }
  return { total, within: gw, netBetween: gnb, transvariation: gt };
}
