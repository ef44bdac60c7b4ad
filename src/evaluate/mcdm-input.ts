/**
 * Input handling shared by MARCOS, MOORA, MULTIMOORA, ARAS, CoCoSo, CODAS and ELECTRE I: the matrix
 * read by column, the weights scaled to sum 1, the directions checked and target/range columns
 * turned into benefit columns in [0, 1] (docs/methods.md, moderate indicators). @internal
 */
import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import { alignModerate, checkDirections, normalizedWeights, requireUnits } from "./shared.js";

/** A checked decision matrix: aligned columns, `cost[j]` true for cost columns, weights summing to 1. @internal */
export interface DecisionInput {
  m: number;
  n: number;
  /** Columns after the moderate transform (benefit and cost columns are the caller's arrays, read only). */
  cols: Float64Array[];
  cost: boolean[];
  w: Float64Array;
  directions: Direction[];
}

/** Reads and checks the common inputs of the methods of this group. @internal */
export function decisionInput(
  matrix: MatrixInput,
  weights: readonly number[],
  directionsOpt: readonly Direction[] | undefined,
  method: string,
  minUnits = 2,
): DecisionInput {
  const { m, n, cols: raw } = readMatrix(matrix, "matrix");
  const w = normalizedWeights(weights, n, "weights");
  const directions = checkDirections(directionsOpt, n, "opts.directions");
  requireUnits(m, minUnits, "matrix", method);
  const cols = raw.map((c, j) => alignModerate(c, directions[j]!));
  return { m, n, cols, cost: directions.map((d) => d === "cost"), w, directions };
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

/** Column minimum and maximum. @internal */
export function minMax(col: Float64Array): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < col.length; i++) {
    const x = col[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** Checks a number option in [lo, hi]; throws `invalid_option` naming it. @internal */
export function numberOption(v: unknown, name: string, dflt: number, lo: number, hi: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi)
    fail("invalid_option", name, `expected a number in [${lo}, ${hi}], got ${String(v)}`);
  return v;
}
