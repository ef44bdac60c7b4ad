// The five-communities worked example (test/fixtures/five-communities), under the names the evaluate
// tests use, and their helpers. The weight vectors are given inputs (w* and the entropy weights rounded to
// 6 decimals): the weighting module is tested on its own. Reference values: EXPECTED, computed by
// test/fixtures/five-communities/compute.py.
import { expect } from "vitest";
import type { Direction } from "../../src/internal/types.js";
import {
  DIRECTIONS as D,
  EXPECTED,
  W_ENTROPY,
  W_STAR,
  X as X_,
  Z as Z_,
} from "../fixtures/five-communities/index.js";

export { EXPECTED, W_ENTROPY, W_STAR };

/** Raw data X (I1 volunteer rate %, I2 satisfaction, I3 response time h, I4 households per grid worker). */
export const X = X_;

/** Directions of X: benefit, benefit, cost, target 300. */
export const DIRECTIONS: readonly Direction[] = D;

/** Z = min-max of X by direction (moderate formula for I4), full precision (equal to the exact fractions). */
export const Z = Z_;

/** Columnar copy of a row matrix. */
export function columns(rows: readonly (readonly number[])[]): Float64Array[] {
  const n = (rows[0] as readonly number[]).length;
  return Array.from({ length: n }, (_, j) => Float64Array.from(rows, (r) => r[j] as number));
}

/** Expects two arrays to agree entry by entry within `tol` (absolute). */
export function expectClose(actual: readonly number[], expected: readonly number[], tol: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - (expected[i] as number)), `entry ${i}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(
      tol,
    );
  });
}
