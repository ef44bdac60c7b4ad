import { fail } from "../../internal/errors.js";
import { type Columns, presentWeight } from "../columns.js";
import type { ResolvedAggregate } from "../resolve-aggregate.js";
import { arithmetic } from "./arithmetic.js";

/**
 * Kernel of `mazziotta-pareto` (Mazziotta & Pareto 2016, Social Indicators Research 127; Compind
 * `ci_mpi`): with M the weighted mean of the unit's children, S their weighted population standard
 * deviation sqrt(sum w (x - M)^2 / sum w) and cv = S / M, M - S cv (`penalty: "negative"`) or
 * M + S cv (`"positive"`). @internal
 * @throws IndicatrixError `nonpositive_mean` (a unit whose mean is not positive).
 */
export function mazziottaPareto(
  c: Columns,
  r: Extract<ResolvedAggregate, { method: "mazziotta-pareto" }>,
): Float64Array {
  const { weights, m } = c;
  const mean = arithmetic(c);
  const den = presentWeight(c);
  const ss = new Float64Array(m);
  for (const [j, col] of c.cols.entries()) {
    const w = weights[j]!;
    if (w === 0) continue;
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      if (Number.isNaN(x)) continue;
      const d = x - mean[i]!;
      ss[i] = ss[i]! + w * d * d;
    }
  }
  const sign = r.penalty === "negative" ? -1 : 1;
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const mu = mean[i]!;
    if (Number.isNaN(mu)) {
      values[i] = Number.NaN;
      continue;
    }
    if (!(mu > 0))
      fail(
        "nonpositive_mean",
        `unit ${i}`,
        `unit ${i}: the Mazziotta-Pareto index needs a positive mean of the children (got ${mu}); rescale z-scores to 100 ± 10 first`,
      );
    const s = Math.sqrt(ss[i]! / den[i]!);
    values[i] = mu + (sign * s * s) / mu;
  }
  return values;
}
