import { fail } from "../../internal/errors.js";
import { type Columns, missingOrInfinite, presentWeight, where } from "../columns.js";
import type { ResolvedAggregate } from "../resolve-aggregate.js";

/**
 * Kernel of `{ method: "power", p }`: (sum(w x^p) / sum(w))^(1/p) (COINr `a_genmean`); p < 0 needs
 * positive values, p > 0 non-negative ones. Near p = 0 (`nearZero`) x^p rounds to 1, so it sums
 * x^p - 1 = expm1(p ln x) and takes exp(log1p(mean) / p). @internal
 * @throws IndicatrixError `negative_value`, `nonpositive_value`, `numeric_overflow` (a mean beyond
 *   the double range).
 */
export function power(c: Columns, r: Extract<ResolvedAggregate, { method: "power" }>): Float64Array {
  const { weights, m } = c;
  const { p, nearZero } = r;
  const num = new Float64Array(m);
  for (const [j, col] of c.cols.entries()) {
    const w = weights[j]!;
    if (w === 0) continue;
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      if (x - x !== 0) {
        // NaN (missing: skipped) or ±Infinity (throws), in one test on the hot path.
        missingOrInfinite(c, x, i, j);
        continue;
      }
      if (x < 0 || (x === 0 && p < 0))
        fail(
          x < 0 ? "negative_value" : "nonpositive_value",
          where(i, j),
          `unit ${i}, child ${j}: the power mean with p = ${p} needs ${p < 0 ? "positive" : "non-negative"} values, got ${x}`,
        );
      num[i] = num[i]! + w * (nearZero ? Math.expm1(p * Math.log(x)) : x ** p);
    }
  }
  const den = presentWeight(c);
  for (let i = 0; i < m; i++) {
    const d = den[i]!;
    const mean = num[i]! / d;
    const v = nearZero ? Math.exp(Math.log1p(mean) / p) : mean ** (1 / p);
    if (d > 0 && !Number.isFinite(v))
      fail(
        "numeric_overflow",
        `unit ${i}`,
        `unit ${i}: the power mean with p = ${p} overflows; rescale the values or use a smaller |p|`,
      );
    num[i] = v;
  }
  return num;
}
