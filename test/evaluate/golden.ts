// DOMAIN.md §1.17 golden worked example (5 communities x 4 indicators), shared by the evaluate tests.
// The weight vectors are hard-coded as given inputs: the weighting module is tested on its own.
import { expect } from "vitest";
import type { Direction } from "../../src/internal/types.js";

const freezeRows = (rows: number[][]): number[][] =>
  Object.freeze(rows.map((r) => Object.freeze(r))) as number[][];

/** Raw data X (I1 volunteer rate %, I2 satisfaction, I3 response time h, I4 households per grid worker). */
export const X = freezeRows([
  [12, 82, 36, 280],
  [18, 76, 20, 420],
  [9, 90, 48, 310],
  [25, 71, 12, 500],
  [15, 85, 30, 250],
]);

/** Directions of X: benefit, benefit, cost, target 300. */
export const DIRECTIONS: readonly Direction[] = Object.freeze([
  "benefit",
  "benefit",
  "cost",
  { target: 300 },
]);

/** Z = min-max of X by direction (moderate formula for I4), as printed in §1.17 (exact fractions). */
export const Z = freezeRows([
  [0.1875, 11 / 19, 1 / 3, 0.9],
  [0.5625, 5 / 19, 7 / 9, 0.4],
  [0, 1, 0, 0.95],
  [1, 0, 1, 0],
  [0.375, 14 / 19, 0.5, 0.75],
]);

/** Game-theory combined weights w* of §1.17. */
export const W_STAR: readonly number[] = Object.freeze([0.300194, 0.336255, 0.20514, 0.158411]);

/** Entropy weights with shift A = 1e-4 of §1.17. */
export const W_ENTROPY: readonly number[] = Object.freeze([0.301425, 0.248897, 0.237811, 0.211866]);

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
