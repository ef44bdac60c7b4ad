/**
 * The input step shared by VIKOR, PROMETHEE, EDAS, WASPAS, COPRAS and MABAC: the matrix read by
 * column (rows or `{ columns }`, checked finite), the weights scaled to sum 1, and the directions,
 * with target and range columns turned into benefit columns in [0, 1] by the moderate formulas
 * (docs/methods.md), as TOPSIS does.
 * @internal
 * @module
 */
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";
import { alignModerate, checkDirections, normalizedWeights } from "./shared.js";

/** A checked decision matrix: aligned columns, weights summing to 1, and which columns are costs. @internal */
export interface McdmInput {
  /** Units (rows). */
  m: number;
  /** Criteria (columns). */
  n: number;
  /** One column per criterion; target and range columns aligned to benefit columns in [0, 1]. */
  cols: Float64Array[];
  /** The weights, scaled to sum 1. */
  w: Float64Array;
  /** `cost[j]` is true when column j is a cost column (lower is better). */
  cost: boolean[];
  /** The directions as given (defaults filled in), for the result's provenance. */
  directions: Direction[];
}

/** Reads and checks the matrix, weights and directions of an MCDM method (see the module). @internal */
export function readMcdm(
  matrix: MatrixInput,
  weights: readonly number[],
  directions: readonly Direction[] | undefined,
): McdmInput {
  const { m, n, cols } = readMatrix(matrix, "matrix");
  const w = normalizedWeights(weights, n, "weights");
  const dirs = checkDirections(directions, n, "opts.directions");
  return {
    m,
    n,
    cols: cols.map((c, j) => alignModerate(c, dirs[j]!)),
    w,
    cost: dirs.map((d) => d === "cost"),
    directions: dirs,
  };
}
