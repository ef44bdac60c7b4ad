import { expect } from "vitest";

export { mulberry32 } from "../../src/internal/random.js";
export { errorOf, messageOf } from "../helpers/errors.js";

/** Element-wise |actual - expected| <= tol. */
export function expectClose(actual: readonly number[], expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    if (!(Math.abs(a - (expected[i] as number)) <= tol))
      throw new Error(
        `index ${i}: ${a} differs from ${expected[i]} by more than ${tol}\n${actual} vs ${expected}`,
      );
  });
}

/** Deep-freezes a matrix (rows and outer array) to prove it is not mutated. */
export function frozen<T>(rows: readonly (readonly T[])[]): T[][] {
  return Object.freeze(rows.map((r) => Object.freeze([...r]))) as unknown as T[][];
}

/** The consistent matrix a_ij = w_i / w_j. */
export function consistentMatrix(w: readonly number[]): number[][] {
  return w.map((wi) => w.map((wj) => wi / wj));
}

export const SAATY_VALUES = [
  1 / 9,
  1 / 8,
  1 / 7,
  1 / 6,
  1 / 5,
  1 / 4,
  1 / 3,
  1 / 2,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
];
