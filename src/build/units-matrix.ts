/**
 * Reading a units x variables matrix with missing values for the PCA family: listwise deletion.
 * @internal
 * @module
 */
import { fail } from "../internal/errors.js";

/** Rows (`(number | null)[][]`, null or NaN = missing) or columns (`{ columns: Float64Array[] }`, NaN = missing). */
export type UnitsMatrix =
  | readonly (readonly (number | null)[])[]
  | { readonly columns: readonly ArrayLike<number>[] };

/** The complete rows, by column, and the 0-based indices of the rows left out. @internal */
export function completeColumns(
  input: UnitsMatrix,
  name = "matrix",
): { cols: Float64Array[]; used: number[]; dropped: number[]; m: number; n: number } {
  let cols: readonly ArrayLike<number | null>[];
  let rows: number;
  if (Array.isArray(input)) {
    const n = (input[0] as readonly unknown[] | undefined)?.length ?? 0;
    if (input.length === 0 || n === 0)
      fail("invalid_matrix", [name], "expected at least one row and one column");
    (input as readonly (readonly (number | null)[])[]).forEach((r, i) => {
      if (!Array.isArray(r) || r.length !== n)
        fail("invalid_matrix", [name, i], `expected ${n} values (one per variable), got ${r?.length}`);
    });
    const rs = input as readonly (readonly (number | null)[])[];
    cols = Array.from({ length: n }, (_, j) => rs.map((r) => r[j] ?? null));
    rows = rs.length;
  } else {
    const c = (input as { columns?: unknown }).columns;
    if (!Array.isArray(c) || c.length === 0)
      fail("invalid_matrix", [name], "expected rows or { columns } with at least one column");
    cols = c as ArrayLike<number>[];
    rows = cols[0]?.length ?? 0;
    cols.forEach((col, j) => {
      if (col?.length !== rows)
        fail("invalid_matrix", [name, "columns", j], `expected ${rows} values, got ${col?.length}`);
    });
  }
  const used: number[] = [];
  const dropped: number[] = [];
  for (let i = 0; i < rows; i++) {
    let ok = true;
    for (let j = 0; j < cols.length; j++) {
      const v = (cols[j] as ArrayLike<number | null>)[i];
      if (v === null || v === undefined || Number.isNaN(v)) ok = false;
      else if (typeof v !== "number" || !Number.isFinite(v))
        fail("invalid_matrix", [name, i, j], `expected a finite number or a missing value, got ${String(v)}`);
    }
    (ok ? used : dropped).push(i);
  }
  return {
    cols: cols.map((c) => Float64Array.from(used, (i) => c[i] as number)),
    used,
    dropped,
    m: used.length,
    n: cols.length,
  };
}
