import { chmodSync, closeSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { loadDuckDB } from "../duckdb.js";
import { IndicatrixError } from "../internal/errors.js";
import { checkWriteTarget, registeredTemporary, unwritable } from "../node/write-file-atomic.js";
import { sqlDialect } from "../sql/dialect.js";

/** The DuckDB type of an output column. */
export type ParquetType = "VARCHAR" | "DOUBLE" | "UINTEGER";

/**
 * Writes a table given as CSV chunks (header first, empty cell = null) to a Parquet file through DuckDB
 * (`@duckdb/node-api`, the optional peer): the CSV goes to a temporary file beside the target, DuckDB
 * reads it with the column types given (never guessed: a unit id `007` stays text) and COPYs it to a
 * second temporary file, renamed over the target. Both temporary files are removed on failure and on
 * SIGINT/SIGTERM/SIGHUP (with `guardSignals`). An existing target keeps its mode; a target that is not
 * a regular file is refused. Used by `indicatrix score --out FILE.parquet`.
 *
 * @throws IndicatrixError `missing_dependency` (no @duckdb/node-api), `unwritable_file` naming `out`,
 *   `sql_error` with DuckDB's message.
 * @example
 * ```ts
 * await writeParquet("scores.parquet", { unit: "VARCHAR", governance: "DOUBLE" }, ["unit,governance\n", "c1,0.5\n"]);
 * // => 1 (rows written)
 * ```
 */
export async function writeParquet(
  out: string,
  types: Readonly<Record<string, ParquetType>>,
  csv: Iterable<string>,
): Promise<number> {
  const existing = checkWriteTarget(out);
  const duckdb = await loadDuckDB();
  const text = registeredTemporary(`${out}.csv`);
  const parquet = registeredTemporary(out);
  try {
    try {
      mkdirSync(dirname(out) || ".", { recursive: true });
      const fd = openSync(text.path, "wx", 0o600);
      try {
        for (const chunk of csv) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw e instanceof IndicatrixError ? e : unwritable(out, e);
    }
    const d = sqlDialect("duckdb");
    const columns = Object.entries(types)
      .map(([name, type]) => `${d.string(name)}: ${d.string(type)}`)
      .join(", ");
    const read = `read_csv(${d.string(text.path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${columns}})`;
    const instance = await duckdb.DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    let rows: number;
    try {
      const r = await connection.runAndReadAll(
        `COPY (SELECT * FROM ${read}) TO ${d.string(parquet.path)} (FORMAT parquet)`,
      );
      rows = Number(r.getColumns()[0]?.[0] ?? 0);
    } catch (e) {
      throw new IndicatrixError("sql_error", `DuckDB, writing ${out}: ${(e as Error).message}`, {
        path: [],
        where: out,
      });
    } finally {
      connection.disconnectSync?.();
      connection.closeSync?.();
      instance.closeSync?.();
    }
    try {
      chmodSync(parquet.path, existing ? existing.mode & 0o7777 : 0o644);
      renameSync(parquet.path, out);
      parquet.release();
    } catch (e) {
      throw unwritable(out, e);
    }
    return rows;
  } finally {
    text.remove();
    parquet.remove();
  }
}

/**
 * The DuckDB types of a score table's columns: the node scores and `coverage` DOUBLE, the ranks
 * (`<id>_rank` of a node) UINTEGER, every other column (unit, name, level, parent, status, reason,
 * period, grades, vetoes) VARCHAR.
 * @example
 * ```ts
 * scoreColumnTypes(["unit", "g", "g_rank", "coverage"], ["g"]);
 * // => { unit: "VARCHAR", g: "DOUBLE", g_rank: "UINTEGER", coverage: "DOUBLE" }
 * ```
 */
export function scoreColumnTypes(
  columns: readonly string[],
  nodeIds: readonly string[],
): Record<string, ParquetType> {
  const nodes = new Set(nodeIds);
  const ranks = new Set(nodeIds.map((id) => `${id}_rank`));
  const types: Record<string, ParquetType> = {};
  for (const c of columns)
    types[c] = nodes.has(c) || c === "coverage" ? "DOUBLE" : ranks.has(c) ? "UINTEGER" : "VARCHAR";
  return types;
}
