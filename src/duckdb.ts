/**
 * `indicatrix/duckdb`: scores a model inside DuckDB (`@duckdb/node-api`, an optional peer dependency
 * loaded on first use), from a table, a CSV file or a Parquet file, with the SQL that `toSQL` writes.
 * @module
 */
import type { Model } from "./indicators/schema.js";
import { IndicatrixError } from "./internal/errors.js";
import { sqlDialect } from "./sql/dialect.js";
import { sqlSource } from "./sql/source.js";
import { type ToSqlOptions, toSQL } from "./sql/to-sql.js";

/** The part of a `@duckdb/node-api` connection that scoreSQL uses. */
export interface DuckDBConnectionLike {
  /** Runs a statement and reads its whole result. */
  runAndReadAll(sql: string): Promise<DuckDBResultLike>;
}

/** The part of a DuckDB result that indicatrix reads. */
export interface DuckDBResultLike {
  /** Names of the result's columns, in order. */
  columnNames(): string[];
  /** The result's values, one array per column. */
  getColumns(): unknown[][];
}

/** Options of {@link scoreSQL}. */
export interface ScoreSqlOptions extends Omit<ToSqlOptions, "source" | "dialect"> {
  /**
   * An open DuckDB connection to run on (needed to read a table of your own database). Default: a
   * new in-memory database, closed afterwards.
   */
  connection?: DuckDBConnectionLike;
  /**
   * Parent column of the unit hierarchy. Default: `"parent"` when the source has such a column
   * (its units that are the parent of other units are not scored, as `score()`), none otherwise.
   */
  parentColumn?: string;
  /** Set to true to score every row even when the source has a `parent` column. */
  noParent?: boolean;
}

/** Scores computed in DuckDB, shaped like `score()`'s result. */
export interface SqlScores {
  /** The profile that ran. */
  profile: string;
  /** Unit ids, in the order DuckDB returned them. */
  units: string[];
  /** With `period` (a panel): the period of each row, aligned with `units` (ranks are within it). */
  periods?: string[];
  /** Score of every active node per unit (NaN = no score), aligned with `units`. */
  scores: Record<string, Float64Array>;
  /** Rank of every ranked node (all by default, see `ranks`) per unit: 1 = best, ties share the lowest rank, 0 = no score (as `score()`). */
  ranks: Record<string, Uint32Array>;
  /** Share of the active indicators present, per unit. */
  coverage: Float64Array;
  /** The query that ran. */
  sql: string;
}

/** A DuckDB connection as the module returns it. */
export interface DuckDBOpenConnection extends DuckDBConnectionLike {
  /** Closes the connection (newer versions). */
  closeSync?(): void;
  /** Closes the connection (older versions). */
  disconnectSync?(): void;
}

/** A DuckDB database instance. */
export interface DuckDBInstanceLike {
  /** Opens a connection. */
  connect(): Promise<DuckDBOpenConnection>;
  /** Closes the database. */
  closeSync?(): void;
}

/** The part of the `@duckdb/node-api` module that indicatrix uses. */
export interface DuckDBModule {
  /** The database class. */
  DuckDBInstance: {
    /** Opens a database (`":memory:"` for an in-memory one). */
    create(path: string): Promise<DuckDBInstanceLike>;
  };
}

const MODULE = "@duckdb/node-api";

/**
 * Loads `@duckdb/node-api` or throws a clear error. Used by the DuckDB entry point and its tests.
 * @throws IndicatrixError `missing_dependency` when the package is not installed.
 * @example
 * ```ts
 * const duckdb = await loadDuckDB(); // => the @duckdb/node-api module
 * ```
 */
export async function loadDuckDB(): Promise<DuckDBModule> {
  try {
    return (await import(MODULE)) as DuckDBModule;
  } catch (e) {
    throw new IndicatrixError(
      "missing_dependency",
      `scoring in DuckDB needs the optional package ${MODULE} (npm install ${MODULE}): ${(e as Error).message}`,
    );
  }
}

async function withConnection<T>(
  given: DuckDBConnectionLike | undefined,
  run: (c: DuckDBConnectionLike) => Promise<T>,
): Promise<T> {
  if (given) return run(given);
  const { DuckDBInstance } = await loadDuckDB();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await run(connection);
  } finally {
    connection.disconnectSync?.();
    instance.closeSync?.();
  }
}

async function queryFor(
  c: DuckDBConnectionLike,
  model: Model,
  source: string,
  opts: ScoreSqlOptions,
): Promise<ReturnType<typeof toSQL>> {
  let parentColumn = opts.parentColumn;
  if (parentColumn === undefined && !opts.noParent) {
    const d = sqlDialect("duckdb");
    const described = await c.runAndReadAll(`DESCRIBE SELECT * FROM ${sqlSource(source, d)}`);
    const names = (described.getColumns()[0] ?? []).map(String);
    if (names.includes("parent")) parentColumn = "parent";
  }
  const { connection: _c, noParent: _n, ...rest } = opts;
  return toSQL(model, {
    ...rest,
    source,
    dialect: "duckdb",
    ...(parentColumn !== undefined ? { parentColumn } : {}),
  });
}

/**
 * Scores a model in DuckDB: compiles it with `toSQL` (dialect duckdb), runs the query on `source`
 * (a table of `opts.connection`, or a `.csv` / `.parquet` file) and returns scores and ranks shaped
 * like `score()`'s, so that the two can be compared. Use it for data larger than memory or already
 * in DuckDB/Parquet; `score()` stays the reference and supports every method.
 *
 * @throws IndicatrixError `missing_dependency` (no @duckdb/node-api), the errors of `toSQL`, and
 *   `sql_error` with DuckDB's message (a missing column, an `indicatrix: ...` data error).
 * @example
 * ```ts
 * import { scoreSQL } from "indicatrix/duckdb";
 * const r = await scoreSQL(model, "examples/governance/sample-city.csv", { profile: "normal" });
 * r.units.length; // => 331 (the communities; districts and streets are parents)
 * r.ranks.governance[0]; // => the first community's rank
 * ```
 */
export async function scoreSQL(model: Model, source: string, opts: ScoreSqlOptions = {}): Promise<SqlScores> {
  return withConnection(opts.connection, async (c) => {
    const query = await queryFor(c, model, source, opts);
    let reader: Awaited<ReturnType<DuckDBConnectionLike["runAndReadAll"]>>;
    try {
      reader = await c.runAndReadAll(query.sql);
    } catch (e) {
      throw new IndicatrixError("sql_error", `DuckDB: ${(e as Error).message}`);
    }
    const names = reader.columnNames();
    const columns = reader.getColumns();
    const at = (name: string): unknown[] => columns[names.indexOf(name)] ?? [];
    const units = at("unit").map((u) => String(u));
    const m = units.length;
    const scores: Record<string, Float64Array> = {};
    const ranks: Record<string, Uint32Array> = {};
    for (const id of query.nodes) {
      const v = at(id);
      const s = new Float64Array(m);
      for (let i = 0; i < m; i++) s[i] = v[i] === null ? Number.NaN : Number(v[i]);
      scores[id] = s;
      if (!query.ranked.includes(id)) continue;
      const rv = at(`${id}_rank`);
      const r = new Uint32Array(m);
      for (let i = 0; i < m; i++) r[i] = rv[i] === null ? 0 : Number(rv[i]);
      ranks[id] = r;
    }
    const cv = at("coverage");
    const coverage = Float64Array.from(cv, (x) => Number(x));
    const periods = query.columns.includes("period") ? at("period").map((p) => String(p)) : undefined;
    return {
      profile: query.profile,
      units,
      ...(periods ? { periods } : {}),
      scores,
      ranks,
      coverage,
      sql: query.sql,
    };
  });
}

/**
 * Scores a model in DuckDB and writes the result table (unit, node scores, `<id>_rank`, coverage)
 * to `out` with DuckDB's COPY: Parquet when `out` ends in `.parquet`, CSV otherwise. Nothing passes
 * through JavaScript, so it scales to tables larger than memory. Used by `indicatrix score --engine duckdb`.
 *
 * @throws IndicatrixError as {@link scoreSQL}.
 * @example
 * ```ts
 * await scoreSQLToFile(model, "units.parquet", "scores.parquet", { profile: "normal" });
 * // => { rows: 10000000, sql: "WITH src AS ..." }
 * ```
 */
export async function scoreSQLToFile(
  model: Model,
  source: string,
  out: string,
  opts: ScoreSqlOptions = {},
): Promise<{ rows: number; sql: string }> {
  return withConnection(opts.connection, async (c) => {
    const query = await queryFor(c, model, source, opts);
    const d = sqlDialect("duckdb");
    const format = /\.parquet$/i.test(out) ? "FORMAT parquet" : "FORMAT csv, HEADER true";
    try {
      const r = await c.runAndReadAll(`COPY (${query.sql}) TO ${d.string(out)} (${format})`);
      const count = r.getColumns()[0]?.[0];
      return { rows: Number(count ?? 0), sql: query.sql };
    } catch (e) {
      throw new IndicatrixError("sql_error", `DuckDB: ${(e as Error).message}`);
    }
  });
}
