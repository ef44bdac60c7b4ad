import { fail } from "../../internal/errors.js";
import { type Columns, missingOrInfinite, presentWeight, where } from "../columns.js";
import type { ResolvedAggregate } from "../resolve-aggregate.js";

/**
 * Kernel of `geometric`: exp(sum(w ln x) / sum(w)) (COINr `a_gmean`). Negative values throw; a zero
 * throws unless `zero: "floor"` raises values below the floor to it first. @internal
 */
export function geometric(c: Columns, r: Extract<ResolvedAggregate, { method: "geometric" }>): Float64Array {
  const { weights, m } = c;
  const floor = r.zero === "floor" ? r.floor : 0;
  const num = new Float64Array(m);
  for (const [j, col] of c.cols.entries()) {
    const w = weights[j]!;
    if (w === 0) continue;
    for (let i = 0; i < m; i++) {
      let x = col[i]!;
      if (x - x !== 0) {
        // NaN (missing: skipped) or ±Infinity (throws), in one test on the hot path.
        missingOrInfinite(c, x, i, j);
        continue;
      }
      if (x < 0)
        fail(
          "negative_value",
          where(i, j),
          `unit ${i}, child ${j}: the geometric mean needs non-negative values, got ${x}`,
        );
      if (x < floor) x = floor;
      if (x === 0)
        fail(
          "zero_value",
          where(i, j),
          `unit ${i}, child ${j}: the geometric mean of a zero is 0 whatever the other children; use { method: "geometric", zero: "floor" } or shift the values`,
        );
      num[i] = num[i]! + w * Math.log(x);
    }
  }
  const den = presentWeight(c);
  for (let i = 0; i < m; i++) num[i] = Math.exp(num[i]! / den[i]!);
  return num;
}
