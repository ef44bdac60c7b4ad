import { covers } from "../aggregate/columns.js";
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
 * per child over its raw column. It fuses the affine map into the weighted sum of the arithmetic
 * kernel (`src/aggregate/methods/arithmetic.ts`) and reads the same rules: missing values are
 * skipped with their weights re-normalized (as `aggregate` with `missing: "skip"`), and a unit
 * below `minCoverage` (share of children present, `covers`) is NaN.
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
  for (const [j, c] of children.entries()) {
    const w = weights[j]!;
    const { values, scale, offset, clipLo, clipHi } = c;
    if (c.params.missing === 0 && wsum === undefined) {
      for (let i = 0; i < m; i++) {
        const z = values[i]! * scale + offset;
        sum[i] = sum[i]! + w * (z < clipLo ? clipLo : z > clipHi ? clipHi : z);
      }
    } else if (c.params.missing === 0 && wsum) {
      for (let i = 0; i < m; i++) {
        const z = values[i]! * scale + offset;
        sum[i] = sum[i]! + w * (z < clipLo ? clipLo : z > clipHi ? clipHi : z);
        wsum[i] = wsum[i]! + w;
      }
      if (count) for (let i = 0; i < m; i++) count[i] = count[i]! + 1;
    } else if (wsum) {
      for (let i = 0; i < m; i++) {
        const x = values[i]!;
        // biome-ignore lint/suspicious/noSelfCompare: the fastest NaN test in the hot loop
        if (x !== x) continue;
        const z = x * scale + offset;
        sum[i] = sum[i]! + w * (z < clipLo ? clipLo : z > clipHi ? clipHi : z);
        wsum[i] = wsum[i]! + w;
        if (count) count[i] = count[i]! + 1;
      }
    }
  }
  if (!wsum) {
    // Weights sum to 1 and every child is present: the sum is the mean.
    return sum;
  }
  const k = children.length;
  for (let i = 0; i < m; i++) {
    const ws = wsum[i]!;
    sum[i] = ws > 0 && (!count || covers(count[i]! / k, minCoverage)) ? sum[i]! / ws : Number.NaN;
  }
  return sum;
}
