import { IndicatrixError } from "../internal/errors.js";
import { MISSING_TOKENS } from "../internal/missing.js";
import type { SqlDialect } from "./dialect.js";

/**
 * The FROM item of a source: a table name, quoted part by part at its dots (`schema.table`), or
 * for DuckDB a file: `read_parquet` for `.parquet`, `read_csv` with a header for `.csv`, `.tsv`,
 * `.txt` (optionally `.gz`), reading the missing-value texts of {@link MISSING_TOKENS} as NULL.
 *
 * @throws IndicatrixError `invalid_option` for a file path in another dialect than DuckDB.
 * @example
 * ```ts
 * sqlSource("stats.units", sqlDialect("postgres")); // => "\"stats\".\"units\""
 * sqlSource("units.parquet", sqlDialect("duckdb")); // => "read_parquet('units.parquet')"
 * ```
 * @internal
 */
export function sqlSource(source: string, d: SqlDialect): string {
  const lower = source.toLowerCase();
  const isCsv = /\.(csv|tsv|txt)(\.gz)?$/.test(lower);
  const isParquet = /\.parquet$/.test(lower);
  if (isCsv || isParquet) {
    if (d.name !== "duckdb")
      throw new IndicatrixError(
        "invalid_option",
        `source "${source}": reading a file is only written for DuckDB; load it into a table and pass the table name`,
      );
    if (isParquet) return `read_parquet(${d.string(source)})`;
    const nullstr = MISSING_TOKENS.map((t) => d.string(t)).join(", ");
    return `read_csv(${d.string(source)}, header = true, nullstr = [${nullstr}])`;
  }
  return source
    .split(".")
    .map((part) => d.ident(part))
    .join(".");
}
