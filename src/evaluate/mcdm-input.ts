/**
 * Input handling of MARCOS, MOORA, MULTIMOORA, ARAS, CoCoSo, CODAS and ELECTRE I: the reading of
 * criteria-input.ts plus a minimum unit count, and the checks and options those methods share
 * (ratio scales, column bounds, number options). @internal
 */
import { fail } from "../internal/errors.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import { type McdmInput, readMcdm } from "./criteria-input.js";
import { requireUnits } from "./shared.js";

export { minMax } from "./shared.js";

/** A checked decision matrix (the same shape as {@link McdmInput}). @internal */
export type DecisionInput = McdmInput;

/** Reads and checks the common inputs of the methods of this group, and that there are `minUnits` units. @internal */
export function decisionInput(
  matrix: MatrixInput,
  weights: readonly number[],
  directions: readonly Direction[] | undefined,
  method: string,
  minUnits = 2,
): DecisionInput {
  const input = readMcdm(matrix, weights, directions);
  requireUnits(input.m, minUnits, "matrix", method);
  return input;
}

/**
 * Checks the values a ratio method divides by: every value of a cost column must be > 0 (it is
 * inverted or divides), every value of a benefit column >= 0 with a positive maximum.
 * Throws `nonpositive_value` naming row and column. @internal
 */
export function requireRatioScale(input: DecisionInput, method: string): void {
  input.cols.forEach((col, j) => {
    const cost = input.cost[j]!;
    let max = 0;
    for (let i = 0; i < col.length; i++) {
      const x = col[i]!;
      if (cost ? !(x > 0) : !(x >= 0))
        fail(
          "nonpositive_value",
          ["matrix", i, j],
          `${method} divides by the values: ${cost ? "a cost column needs values > 0" : "a benefit column needs values >= 0"}, got ${x} at row ${i}, column ${j}`,
          `matrix[${i}][${j}]`,
        );
      if (x > max) max = x;
    }
    if (!cost && !(max > 0))
      fail(
        "nonpositive_value",
        ["matrix", j],
        `${method} divides by the column maximum: column ${j} is all zero`,
        `matrix column ${j}`,
      );
  });
}

/** Checks a number option in [lo, hi]; throws `invalid_option` naming it. @internal */
export function numberOption(v: unknown, name: string, dflt: number, lo: number, hi: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi)
    fail("invalid_option", name, `expected a number in [${lo}, ${hi}], got ${String(v)}`);
  return v;
}
