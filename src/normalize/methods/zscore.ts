import type { ResolvedOf } from "../resolve-normalize.js";
import { aligned, constantWarning, fillPresent, type KernelOutput } from "./shared.js";

/**
 * The z-score (OECD/JRC Handbook 2008; COINr `n_zscore`): sign * (y - mean)/sd, with y the raw values
 * or minus their distance to a target, and sd with `ddof` 1 (sample, as R and COINr) or 0
 * (population); a cost indicator flips the sign. A column with sd 0 (constant, or a single value
 * under ddof 1) gives 0 and a `constant_column` warning.
 * @internal
 */
export function zscore(values: Float64Array, spec: ResolvedOf<"zscore">): KernelOutput {
  const y = aligned(values, spec.aim);
  const len = y.length;
  let n = 0;
  let sum = 0;
  for (let i = 0; i < len; i++) {
    const v = y[i]!;
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
    }
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < len; i++) {
    const v = y[i]!;
    if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  }
  const { ddof, sign } = spec;
  const sd = n - ddof > 0 ? Math.sqrt(ss / (n - ddof)) : Number.NaN;
  const params = { ddof, mean, sd };
  if (!(sd > 0)) {
    const why = n === 1 ? "only one value is present, so its standard deviation is undefined" : undefined;
    return { values: fillPresent(values, 0), params, warnings: [constantWarning(0, why)] };
  }
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) out[i] = (sign * (y[i]! - mean)) / sd;
  return { values: out, params, warnings: [] };
}
