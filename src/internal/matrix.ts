import { fail } from "./errors.js";

/** A units x indicators matrix checked and stored as one Float64Array per column. */
export interface ColumnMatrix {
  /** Number of rows (units, alternatives). */
  m: number;
  /** Number of columns (indicators, criteria). */
  n: number;
  /** Column j as a Float64Array of length m. */
  cols: Float64Array[];
}

/**
 * Checks that `matrix` is a non-empty rectangular array of finite numbers and returns it by column.
 * Errors (`invalid_matrix`) name the argument, the row and the column at fault.
 */
export function toColumns(
  matrix: readonly (readonly number[])[],
  opts: { name?: string; allowMissing?: boolean } = {},
): ColumnMatrix {
  const name = opts.name ?? "matrix";
  if (!Array.isArray(matrix) || matrix.length === 0)
    fail("invalid_matrix", name, "expected a non-empty array of rows");
  const first = matrix[0];
  if (!Array.isArray(first) || first.length === 0)
    fail("invalid_matrix", `${name}[0]`, "expected a non-empty array of numbers");
  const m = matrix.length;
  const n = first.length;
  const cols = Array.from({ length: n }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) {
    const row = matrix[i];
    if (!Array.isArray(row)) fail("invalid_matrix", `${name}[${i}]`, "expected an array of numbers");
    if (row.length !== n)
      fail(
        "invalid_matrix",
        `${name}[${i}]`,
        `row ${i} has ${row.length} entries, expected ${n} (ragged matrix)`,
      );
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        if (opts.allowMissing && (v === null || (typeof v === "number" && Number.isNaN(v)))) {
          (cols[j] as Float64Array)[i] = Number.NaN;
          continue;
        }
        fail(
          "invalid_matrix",
          `${name}[${i}][${j}]`,
          `row ${i}, column ${j}: expected a finite number, got ${String(v)}`,
        );
      }
      (cols[j] as Float64Array)[i] = v;
    }
  }
  return { m, n, cols };
}
