import { fail } from "../internal/errors.js";
import { type ColumnMatrix, toColumns } from "../internal/matrix.js";

/**
 * A decision matrix as the evaluation methods accept it: either rows (`number[][]`, rows = units or
 * alternatives, columns = indicators), or columns (`Float64Array[]`, one typed array of length m per
 * indicator). The columnar form is read in place without conversion, which is what a million-unit
 * TOPSIS wants; it is recognised by its first entry being a `Float64Array`.
 *
 * @example
 * ```ts
 * const rows: MatrixInput = [[12, 82], [18, 76]];
 * const cols: MatrixInput = [Float64Array.of(12, 18), Float64Array.of(82, 76)]; // same matrix
 * ```
 */
export type MatrixInput = readonly (readonly number[])[] | readonly Float64Array[];

/**
 * Checks a {@link MatrixInput} and returns it by column (columnar input is not copied: callers must not
 * write to the result). Errors (`invalid_matrix`) name the argument, row and column. With
 * `finite: false` the values of columnar input are not scanned: the caller promises to check them in
 * its own first pass (rows are always checked while they are converted).
 * @internal
 */
export function readMatrix(
  input: MatrixInput,
  name = "matrix",
  opts: { finite?: boolean } = {},
): ColumnMatrix {
  if (!Array.isArray(input) || input.length === 0) fail("invalid_matrix", name, "expected a non-empty array");
  if (!(input[0] instanceof Float64Array))
    return toColumns(input as readonly (readonly number[])[], { name });
  const cols = input as readonly Float64Array[];
  const n = cols.length;
  const m = (cols[0] as Float64Array).length;
  if (m === 0) fail("invalid_matrix", `${name}[0]`, "column 0 is empty");
  for (let j = 0; j < n; j++) {
    const col = cols[j];
    if (!(col instanceof Float64Array))
      fail("invalid_matrix", `${name}[${j}]`, "columnar input must be Float64Array in every column");
    if (col.length !== m)
      fail("invalid_matrix", `${name}[${j}]`, `column ${j} has ${col.length} entries, expected ${m}`);
    if (opts.finite === false) continue;
    for (let i = 0; i < m; i++) {
      const v = col[i] as number;
      // v - v is 0 for finite numbers and NaN for NaN and +-Infinity.
      if (v - v !== 0)
        fail(
          "invalid_matrix",
          `${name}[${j}][${i}]`,
          `column ${j}, row ${i}: expected a finite number, got ${v}`,
        );
    }
  }
  return { m, n, cols: cols as Float64Array[] };
}
