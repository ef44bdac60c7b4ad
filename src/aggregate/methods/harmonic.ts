import { fail } from "../../internal/errors.js";
import { type Columns, missingOrInfinite, presentWeight, where } from "../columns.js";

/** Kernel of `harmonic`: sum(w) / sum(w / x), positive values only (COINr `a_hmean`). @internal */
export function harmonic(c: Columns): Float64Array {
  const { weights, m } = c;
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
      if (x <= 0)
        fail(
          "nonpositive_value",
          where(i, j),
          `unit ${i}, child ${j}: the harmonic mean needs positive values, got ${x}`,
        );
      num[i] = num[i]! + w / x;
    }
  }
  const den = presentWeight(c);
  for (let i = 0; i < m; i++) num[i] = den[i]! / num[i]!;
  return num;
}
