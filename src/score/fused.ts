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
 * per child over its raw column (four children per pass when none misses a value). It fuses the affine map into the weighted sum of the arithmetic
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
  if (!wsum) {
    // No child misses a value: the weighted sum is the mean (the weights sum to 1).
    addComplete(sum, children, weights, m);
    return sum;
  }
  for (const [j, c] of children.entries()) {
    const w = weights[j]!;
    const { values, scale, offset, clipLo, clipHi } = c;
    if (c.params.missing === 0) {
      for (let i = 0; i < m; i++) {
        const z = values[i]! * scale + offset;
        sum[i] = sum[i]! + w * (z < clipLo ? clipLo : z > clipHi ? clipHi : z);
        wsum[i] = wsum[i]! + w;
      }
      if (count) for (let i = 0; i < m; i++) count[i] = count[i]! + 1;
    } else {
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
  const k = children.length;
  for (let i = 0; i < m; i++) {
    const ws = wsum[i]!;
    sum[i] = ws > 0 && (!count || covers(count[i]! / k, minCoverage)) ? sum[i]! / ws : Number.NaN;
  }
  return sum;
}

/**
 * sum[i] += w_j * clamp(x_j[i] * scale_j + offset_j, clipLo_j, clipHi_j) over children without a
 * missing value, in child order: four children per pass over `sum` (then one by one), each unit's
 * additions made in the order of the one-child loop, so the bits are those of adding the children
 * one by one, with a quarter of the reads and writes of `sum` (the loop is bound by memory traffic).
 * The maps' numbers are held in locals: read from the objects in the loop, they cost more than the
 * passes saved.
 */
function addComplete(
  sum: Float64Array,
  children: readonly AffineColumn[],
  weights: readonly number[],
  m: number,
): void {
  let j = 0;
  for (; j + 4 <= children.length; j += 4) {
    const { values: xa, scale: sa, offset: oa, clipLo: la, clipHi: ha } = children[j]!;
    const { values: xb, scale: sb, offset: ob, clipLo: lb, clipHi: hb } = children[j + 1]!;
    const { values: xc, scale: sc, offset: oc, clipLo: lc, clipHi: hc } = children[j + 2]!;
    const { values: xd, scale: sd, offset: od, clipLo: ld, clipHi: hd } = children[j + 3]!;
    const wa = weights[j]!;
    const wb = weights[j + 1]!;
    const wc = weights[j + 2]!;
    const wd = weights[j + 3]!;
    for (let i = 0; i < m; i++) {
      let s = sum[i]!;
      let z = xa[i]! * sa + oa;
      s = s + wa * (z < la ? la : z > ha ? ha : z);
      z = xb[i]! * sb + ob;
      s = s + wb * (z < lb ? lb : z > hb ? hb : z);
      z = xc[i]! * sc + oc;
      s = s + wc * (z < lc ? lc : z > hc ? hc : z);
      z = xd[i]! * sd + od;
      s = s + wd * (z < ld ? ld : z > hd ? hd : z);
      sum[i] = s;
    }
  }
  for (; j < children.length; j++) {
    const { values, scale, offset, clipLo, clipHi } = children[j]!;
    const w = weights[j]!;
    for (let i = 0; i < m; i++) {
      const z = values[i]! * scale + offset;
      sum[i] = sum[i]! + w * (z < clipLo ? clipLo : z > clipHi ? clipHi : z);
    }
  }
}
