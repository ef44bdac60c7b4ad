import { type AffineForm, applyAffineForm } from "../normalize/affine.js";
import type { NormalizeParams, NormalizeWarning } from "../normalize/normalize.js";

/** An indicator normalized by an affine map z = clamp(x * scale + offset, clipLo, clipHi). @internal */
export interface AffineColumn extends AffineForm {
  /** Raw values (NaN = missing). */
  values: Float64Array;
  /** What normalization ran. */
  params: NormalizeParams;
  /** Warnings of the normalization. */
  warnings: NormalizeWarning[];
}

/** Materializes the normalized values of an affine column (as `normalize` writes them). @internal */
export function applyAffine(c: AffineColumn): Float64Array {
  return applyAffineForm(c.values, c);
}

/**
 * The weighted arithmetic mean of affine-normalized children, without materializing them: one pass
 * per child over its raw column. Missing values are skipped with their weights re-normalized (as
 * `aggregate` with `missing: "skip"`); below `minCoverage` (share of children present) the result
 * is NaN.
 * @internal
 */
export function fusedArithmetic(
  children: readonly AffineColumn[],
  weights: readonly number[],
  m: number,
  minCoverage: number,
): Float64Array {
  const sum = new Float64Array(m);
  const anyMissing = children.some((c) => c.params.missing > 0);
  const wsum = anyMissing ? new Float64Array(m) : undefined;
  const count = anyMissing && minCoverage > 0 ? new Float64Array(m) : undefined;
  for (let j = 0; j < children.length; j++) {
    const c = children[j] as AffineColumn;
    const w = weights[j] as number;
    const { values, scale, offset, clipLo, clipHi } = c;
    if (c.params.missing === 0 && wsum === undefined) {
      for (let i = 0; i < m; i++) {
        const z = (values[i] as number) * scale + offset;
        sum[i] = (sum[i] as number) + w * (z < clipLo ? clipLo : z > clipHi ? clipHi : z);
      }
    } else if (c.params.missing === 0 && wsum) {
      for (let i = 0; i < m; i++) {
        const z = (values[i] as number) * scale + offset;
        sum[i] = (sum[i] as number) + w * (z < clipLo ? clipLo : z > clipHi ? clipHi : z);
        wsum[i] = (wsum[i] as number) + w;
      }
      if (count) for (let i = 0; i < m; i++) count[i] = (count[i] as number) + 1;
    } else if (wsum) {
      for (let i = 0; i < m; i++) {
        const x = values[i] as number;
        // biome-ignore lint/suspicious/noSelfCompare: the fastest NaN test in the hot loop
        if (x !== x) continue;
        const z = x * scale + offset;
        sum[i] = (sum[i] as number) + w * (z < clipLo ? clipLo : z > clipHi ? clipHi : z);
        wsum[i] = (wsum[i] as number) + w;
        if (count) count[i] = (count[i] as number) + 1;
      }
    }
  }
  if (!wsum) {
    // Weights sum to 1 and every child is present: the sum is the mean.
    return sum;
  }
  const k = children.length;
  for (let i = 0; i < m; i++) {
    const ws = wsum[i] as number;
    if (!(ws > 0) || (count && (count[i] as number) / k < minCoverage)) sum[i] = Number.NaN;
    else sum[i] = (sum[i] as number) / ws;
  }
  return sum;
}

/**
 * The weighted arithmetic mean of materialized child columns with missing values skipped and their
 * weights re-normalized, and NaN below `minCoverage` (share of children present): the same result as
 * `aggregate(children, weights, "arithmetic", { missing: "skip", minCoverage })`, in one tight loop
 * per child. @internal
 */
export function weightedArithmetic(
  children: readonly Float64Array[],
  weights: readonly number[],
  m: number,
  minCoverage: number,
): Float64Array {
  const sum = new Float64Array(m);
  const wsum = new Float64Array(m);
  const count = minCoverage > 0 ? new Float64Array(m) : undefined;
  for (let j = 0; j < children.length; j++) {
    const col = children[j] as Float64Array;
    const w = weights[j] as number;
    for (let i = 0; i < m; i++) {
      const x = col[i] as number;
      if (Number.isNaN(x)) continue;
      sum[i] = (sum[i] as number) + w * x;
      wsum[i] = (wsum[i] as number) + w;
      if (count) count[i] = (count[i] as number) + 1;
    }
  }
  const k = children.length;
  for (let i = 0; i < m; i++) {
    const ws = wsum[i] as number;
    sum[i] =
      !(ws > 0) || (count && (count[i] as number) / k < minCoverage) ? Number.NaN : (sum[i] as number) / ws;
  }
  return sum;
}
