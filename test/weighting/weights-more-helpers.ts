// Shared by the tests of MEREC, Gini, CILOS and IDOCRIW: the matrix cases of test/fixtures/weights and a
// fast-check generator of positive matrices with directions.
import { fc } from "@fast-check/vitest";
import { expect } from "vitest";
import type { Direction } from "../../src/internal/types.js";
import { EXPECTED } from "../fixtures/weights/index.js";

/** The matrix cases of compute.py: C9's example and four seeded ones, with their directions. */
export const CASES = EXPECTED.data.map((c) => ({
  ...c,
  matrix: c.matrix as number[][],
  directions: c.types as Direction[],
}));

/** Positive matrices (2..30 rows x 2..7 columns, values 1..1000) with a benefit/cost direction per column. */
export const positiveCase = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.record({
    rows: fc.array(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: n, maxLength: n }), {
      minLength: 2,
      maxLength: 30,
    }),
    directions: fc.array(fc.constantFrom<Direction>("benefit", "cost"), { minLength: n, maxLength: n }),
    perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
  }),
);

/** Weights are finite, non-negative and sum to 1. */
export function expectSimplex(w: readonly number[]): void {
  for (const v of w) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
  }
  expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
}

/** The columns of `rows` reordered by `perm`. */
export function permuteColumns<T>(rows: readonly (readonly T[])[], perm: readonly number[]): T[][] {
  return rows.map((r) => perm.map((j) => r[j] as T));
}
