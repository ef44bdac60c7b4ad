import { median } from "simple-statistics";
import { fail } from "../internal/errors.js";

/**
 * Applies an imputing policy to the columns: counts the missing values per unit into `miss` and
 * replaces each column that has any by a filled copy (its mean or median over the units present,
 * or 0). The columns passed in are not modified. Returns the number of values imputed. @internal
 * @throws IndicatrixError `cannot_impute` (a column with no present value under `mean` / `median`).
 */
export function impute(
  cols: Float64Array[],
  m: number,
  policy: "mean" | "median" | "zero",
  miss: Float64Array,
): number {
  let missing = 0;
  for (const [j, col] of cols.entries()) {
    let present = 0;
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      if (Number.isNaN(x)) miss[i] = miss[i]! + 1;
      else {
        present++;
        sum += x;
      }
    }
    if (present === m) continue;
    missing += m - present;
    let fill = 0;
    if (policy !== "zero") {
      if (present === 0)
        fail(
          "cannot_impute",
          `children[${j}]`,
          `child ${j} has no present value, so its ${policy} cannot be imputed`,
        );
      fill = policy === "mean" ? sum / present : median(Array.from(col).filter((x) => !Number.isNaN(x)));
    }
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const x = col[i]!;
      out[i] = Number.isNaN(x) ? fill : x;
    }
    cols[j] = out;
  }
  return missing;
}
