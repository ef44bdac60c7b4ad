import { fail } from "../../internal/errors.js";
import { type Columns, missingOrInfinite, presentWeight, where } from "../columns.js";
import type { ResolvedAggregate } from "../resolve-aggregate.js";

/**
 * Kernel of `{ method: "power", p }`: (sum(w x^p) / sum(w))^(1/p) (COINr `a_genmean`); p < 0 needs
 * positive values, p > 0 non-negative ones.
 *
 * It runs in the scaled form M (sum(w (x/M)^p) / sum(w))^(1/p), M the largest child present for
 * p > 0 and the smallest for p < 0: every term (x/M)^p lies in [0, 1] and the term of M is 1, so no
 * term overflows and the terms that underflow are those that do not count in the limit (as p -> +inf
 * the mean tends to the maximum, as p -> -inf to the minimum). (0.1, 0.1) at p = 400 is 0.1, not
 * 0^(1/400) = 0. Near p = 0 (`nearZero`) x^p rounds to 1, so it sums x^p - 1 = expm1(p ln x) and
 * takes exp(log1p(mean) / p). @internal
 * @throws IndicatrixError `negative_value`, `nonpositive_value`, `numeric_overflow` (p > 0 and the
 *   largest child's p-th power beyond the double range, as in 0.1.0).
 */
export function power(c: Columns, r: Extract<ResolvedAggregate, { method: "power" }>): Float64Array {
  const { weights, m } = c;
  const { p, nearZero } = r;
  // Pass 1: check the values and find each unit's pivot M (0 where near zero: no scaling).
  const pivot = new Float64Array(m).fill(nearZero ? 1 : p > 0 ? 0 : Number.POSITIVE_INFINITY);
  for (const [j, col] of c.cols.entries()) {
    if (weights[j]! === 0) continue;
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
      if (!nearZero && (p > 0 ? x > pivot[i]! : x < pivot[i]!)) pivot[i] = x;
    }
  }
  // Pass 2: the weighted sum of the scaled terms (a zero pivot, p > 0: every child is 0).
  const num = new Float64Array(m);
  for (const [j, col] of c.cols.entries()) {
    const w = weights[j]!;
    if (w === 0) continue;
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      if (x - x !== 0) continue;
      const s = pivot[i]!;
      if (nearZero) num[i] = num[i]! + w * Math.expm1(p * Math.log(x));
      else if (s > 0) num[i] = num[i]! + w * (x / s) ** p;
    }
  }
  const den = presentWeight(c);
  for (let i = 0; i < m; i++) {
    const d = den[i]!;
    const mean = num[i]! / d;
    const s = pivot[i]!;
    const v = nearZero ? Math.exp(Math.log1p(mean) / p) : s === 0 ? 0 : s * mean ** (1 / p);
    if (d > 0 && (!Number.isFinite(v) || (p > 0 && s ** p === Number.POSITIVE_INFINITY)))
      fail(
        "numeric_overflow",
        `unit ${i}`,
        `unit ${i}: the power mean with p = ${p} overflows; rescale the values or use a smaller |p|`,
      );
    num[i] = d > 0 ? v : Number.NaN;
  }
  return num;
}
