import { fail } from "./errors.js";
import { type ColumnMatrix, checkFiniteColumn, toColumns } from "./matrix.js";

/**
 * A units x indicators matrix (rows = units or alternatives, columns = indicators or criteria), as
 * every evaluation method (`topsis`, `greyRelational`, `rankSumRatio`, `obstacleDegree`,
 * `couplingCoordination`, the `values` of `fuzzyEvaluation`) and every data-driven weighting method
 * (`entropyWeights`, `criticWeights`, `stdDevWeights`, `cvWeights`) accepts it:
 *
 * - rows: `number[][]`, one array per unit, all the same length;
 * - columns: `{ columns: Float64Array[] }`, one Float64Array of unit values per indicator, all the
 *   same length, read in place without a copy (what a million-unit TOPSIS or entropy wants).
 *
 * Deprecated: a bare `Float64Array[]` (no `{ columns }` wrapper) is still read as columns, which is
 * what the evaluation methods took in 0.1; write `{ columns }` instead.
 *
 * Errors are `invalid_matrix` and name the place: `matrix[1]` for a ragged row, `matrix.columns[1]`
 * for a column of the wrong length, `matrix[i][j]` (row i, column j) for a value that is not a finite
 * number, whichever form the matrix came in.
 *
 * @example
 * ```ts
 * // unit 1 is the ideal point, unit 2 the anti-ideal, unit 3 half-way
 * const rows: MatrixInput = [[1, 1], [0, 0], [1, 0]];
 * const cols: MatrixInput = { columns: [Float64Array.of(1, 0, 1), Float64Array.of(1, 0, 0)] }; // the same matrix
 * topsis(rows, [0.5, 0.5], { normalization: "none" }).scores; // => [1, 0, 0.5]
 * topsis(cols, [0.5, 0.5], { normalization: "none" }).scores; // => [1, 0, 0.5]
 * ```
 */
export type MatrixInput =
  | readonly (readonly number[])[]
  | { readonly columns: readonly Float64Array[] }
  | readonly Float64Array[];

/**
 * Checks a {@link MatrixInput} and returns it by column: rows are converted (and checked entry by
 * entry), columns are checked for shape and returned as given (callers must not write to them). With
 * `finite: false` the values of columnar input are not scanned: the caller promises to check them in
 * its own first pass, with `checkFiniteColumn`, so that large inputs are read once.
 * @internal
 */
export function readMatrix(
  input: MatrixInput,
  name = "matrix",
  opts: { finite?: boolean } = {},
): ColumnMatrix {
  if (Array.isArray(input)) {
    const first: unknown = input[0];
    // A bare Float64Array[] is the deprecated columnar form; anything else in an array is rows.
    if (first instanceof Float64Array) return checkColumns(input, name, name, opts.finite !== false);
    return toColumns(input as readonly (readonly number[])[], { name });
  }
  const columns: unknown = (input as { columns?: unknown } | null)?.columns;
  if (!Array.isArray(columns) || columns.length === 0)
    fail(
      "invalid_matrix",
      name,
      "expected rows (number[][]) or { columns: Float64Array[] } with at least one column",
    );
  return checkColumns(columns, name, `${name}.columns`, opts.finite !== false);
}

/** Shape (and, if `finite`, values) of columnar input; `where` names the column list in messages. */
function checkColumns(
  columns: readonly unknown[],
  name: string,
  where: string,
  finite: boolean,
): ColumnMatrix {
  const first = columns[0];
  const m = first instanceof Float64Array ? first.length : 0;
  const cols: Float64Array[] = [];
  columns.forEach((col, j) => {
    if (!(col instanceof Float64Array))
      fail(
        "invalid_matrix",
        `${where}[${j}]`,
        `column ${j} must be a Float64Array (convert it with Float64Array.from)`,
      );
    if (col.length !== m)
      fail("invalid_matrix", `${where}[${j}]`, `column ${j} has ${col.length} values, column 0 has ${m}`);
    if (m === 0)
      fail("invalid_matrix", `${where}[0]`, "the columns are empty: a matrix needs at least one row");
    if (finite) checkFiniteColumn(col, j, name);
    cols.push(col);
  });
  return { m, n: cols.length, cols };
}
