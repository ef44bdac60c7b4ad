import { fail } from "../internal/errors.js";

/**
 * Published random-index (RI) tables for the AHP consistency ratio, indexed by matrix order
 * n = 1..15 (`table[n - 1]`).
 *
 * - `saaty`: Saaty's table (Saaty 1980, reprinted in Saaty 2008), used by most international code. It is
 *   non-monotonic at n = 12 (1.48); the values are reproduced as published.
 * - `cn1000`: the "1000-sample" table of Chinese AHP textbooks (random reciprocal matrices of orders 1..15,
 *   usually credited to 龚木森 and 许树柏).
 *
 * Use {@link randomIndex} to look a value up with a clear error; pass your own array to `ahp` as `ri`
 * when a paper uses another table.
 *
 * @example
 * ```ts
 * RI_TABLES.saaty[5]; // RI for n = 6
 * // => 1.24
 * ```
 */
export const RI_TABLES: {
  /** Saaty's RI for n = 1..15. */
  readonly saaty: readonly number[];
  /** The Chinese 1000-sample RI for n = 1..15. */
  readonly cn1000: readonly number[];
} = Object.freeze({
  saaty: Object.freeze([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]),
  cn1000: Object.freeze([0, 0, 0.52, 0.89, 1.12, 1.26, 1.36, 1.41, 1.46, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]),
});

/** Which RI table to use: a published table by name or the caller's own values for n = 1, 2, ... */
export type RiTable = "saaty" | "cn1000" | readonly number[];

/**
 * The random index RI for a pairwise comparison matrix of order `n`, from a named table
 * ({@link RI_TABLES}) or the caller's own array (`table[n - 1]`).
 *
 * @throws {IndicatrixError} `ri_unavailable` when the table has no value for `n` (the published tables stop
 *   at 15: pass your own table for larger matrices); `invalid_option` for a bad table.
 * @example
 * ```ts
 * randomIndex(4, "cn1000");
 * // => 0.89
 * ```
 */
export function randomIndex(n: number, table: RiTable = "saaty"): number {
  let values: readonly number[];
  if (table === "saaty" || table === "cn1000") values = RI_TABLES[table];
  else if (Array.isArray(table)) values = table;
  else
    fail("invalid_option", "ri", `expected "saaty", "cn1000" or an array of numbers, got ${String(table)}`);
  if (!Number.isInteger(n) || n < 1)
    fail("invalid_option", "n", `matrix order must be a positive integer, got ${n}`);
  if (n > values.length) {
    const name = typeof table === "string" ? `the ${table} RI table` : "the RI table given";
    fail(
      "ri_unavailable",
      "ri",
      `${name} has values for n = 1..${values.length} only, the matrix has order ${n}; pass your own RI table (ri: number[]) or split the comparison set`,
    );
  }
  const v = values[n - 1] as number;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
    fail(
      "invalid_option",
      `ri[${n - 1}]`,
      `RI for n = ${n} must be a finite non-negative number, got ${String(v)}`,
    );
  if (n >= 3 && v === 0) fail("invalid_option", `ri[${n - 1}]`, `RI for n = ${n} must be positive`);
  return v;
}
