import { IndicatrixError } from "../internal/errors.js";

/** The SQL engines `toSQL` writes for. */
export type SqlDialectName = "duckdb" | "postgres" | "spark" | "trino";

/** The SQL dialects, in the order the CLI lists them. */
export const SQL_DIALECTS: readonly SqlDialectName[] = ["duckdb", "postgres", "spark", "trino"];

/**
 * The small table of differences between SQL engines: quoting, type names and the few functions
 * that are not spelled the same. Everything else the compiler writes is ANSI SQL.
 */
export interface SqlDialect {
  /** The dialect's name. */
  name: SqlDialectName;
  /** Quotes an identifier (a column or table name): `"x"` (ANSI) or `` `x` `` (Spark). */
  ident(name: string): string;
  /** Quotes a string literal so that no content can end it. */
  string(text: string): string;
  /** The type name of a 64-bit float. */
  double: string;
  /** The type name of a variable-length string. */
  text: string;
  /** Base-10 logarithm of an expression known to be positive. */
  log10(x: string): string;
  /** Base-2 logarithm of an expression known to be positive. */
  log2(x: string): string;
  /** FLOOR / CEIL as a double (Spark returns BIGINT). */
  rounding(fn: "FLOOR" | "CEIL", x: string): string;
  /** An expression of type double that stops the query with `message` (a SQL string expression). */
  raise(message: string): string;
  /** The median of a column as an aggregate, or undefined when the engine has no exact one. */
  median(x: string): string | undefined;
  /**
   * Keyword after `AS` that keeps a CTE from being inlined into the next (PostgreSQL would otherwise
   * copy each level's expressions into the next, exponentially); empty where the engine has none.
   */
  materialized: string;
  /**
   * Keyword after `AS` of the input CTEs (`src`, `base`, `raw`: the source and its typed columns,
   * read twice, by the statistics and by the normalization) where the engine should read the source
   * again rather than hold every row. DuckDB materializes a CTE read twice, in memory as a whole:
   * `NOT MATERIALIZED` has it scan the source twice instead (bench/sql.ts). Empty elsewhere (`raw`
   * then takes `materialized`).
   */
  streamed: string;
  /**
   * Whether the engine copies a CTE into every query that reads it (Trino, and Spark for
   * deterministic CTEs): a one-row aggregate over a level joined back to it would then compute the
   * level, and all below it, once more. The compiler writes such aggregates (data-driven weights,
   * imputation values) as window aggregates `OVER ()` of the row pipeline there, which reads every
   * CTE once. Elsewhere they are one-row CTEs joined to the rows.
   */
  inlinesCtes: boolean;
  /**
   * Whether ranks are joins of one small CTE of distinct scores per ranked node (`rankJoins`) rather
   * than RANK() windows over the rows: DuckDB, where a window sorts every row with all its columns.
   */
  joinsRanks: boolean;
}

function ansiIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function checkText(text: string, what: string): void {
  if (text.includes("\u0000"))
    throw new IndicatrixError(
      "invalid_identifier",
      `${what} ${JSON.stringify(text)} contains a NUL character`,
    );
}

function ansiString(text: string): string {
  checkText(text, "string");
  return `'${text.replaceAll("'", "''")}'`;
}

/** What most engines spell alike (ANSI quoting, LOG10 / LOG2); each dialect adds or overrides the rest. */
const ANSI: Omit<SqlDialect, "name" | "double" | "text" | "raise" | "median"> = {
  ident: ansiIdent,
  string: ansiString,
  log10: (x) => `LOG10(${x})`,
  log2: (x) => `LOG2(${x})`,
  rounding: (fn, x) => `${fn}(${x})`,
  materialized: "",
  streamed: "",
  inlinesCtes: false,
  joinsRanks: false,
};

/** The exact median as the ANSI ordered-set aggregate, its fraction a double literal (not DECIMAL 0.5). */
const percentileMedian = (double: string) => (x: string) =>
  `PERCENTILE_CONT(CAST('0.5' AS ${double})) WITHIN GROUP (ORDER BY ${x})`;

const duckdb: SqlDialect = {
  ...ANSI,
  name: "duckdb",
  double: "DOUBLE",
  text: "VARCHAR",
  raise: (m) => `CAST(error(${m}) AS DOUBLE)`,
  median: percentileMedian("DOUBLE"),
  streamed: "NOT MATERIALIZED ",
  joinsRanks: true,
};

const postgres: SqlDialect = {
  ...ANSI,
  name: "postgres",
  double: "DOUBLE PRECISION",
  text: "TEXT",
  log2: (x) => `(LN(${x}) / NULLIF(LN(CAST('2' AS DOUBLE PRECISION)), 0))`,
  // PostgreSQL has no error function usable in an expression: casting the message to an integer
  // fails with the message in the error text ("invalid input syntax for type integer: ..."). The
  // volatile random() (LEFT(.., 0) = '') keeps the planner from folding a constant message, which
  // would fail every query, taken branch or not.
  raise: (m) => `CAST(CAST(${m} || LEFT(CAST(random() AS TEXT), 0) AS INTEGER) AS DOUBLE PRECISION)`,
  median: percentileMedian("DOUBLE PRECISION"),
  materialized: "MATERIALIZED ",
};

const spark: SqlDialect = {
  ...ANSI,
  name: "spark",
  ident: (name) => {
    checkText(name, "identifier");
    return `\`${name.replaceAll("`", "``")}\``;
  },
  // Spark reads backslash escapes in string literals, and juxtaposed literals ('a''b') concatenate:
  // escape the backslash and the quote with a backslash.
  string: (text) => {
    checkText(text, "string");
    return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  },
  double: "DOUBLE",
  text: "STRING",
  rounding: (fn, x) => `CAST(${fn}(${x}) AS DOUBLE)`,
  raise: (m) => `CAST(raise_error(${m}) AS DOUBLE)`,
  // Spark's exact percentile interpolates linearly, as PERCENTILE_CONT (which older versions lack).
  median: (x) => `percentile(${x}, CAST('0.5' AS DOUBLE))`,
  inlinesCtes: true,
};

const trino: SqlDialect = {
  ...ANSI,
  name: "trino",
  double: "DOUBLE",
  text: "VARCHAR",
  raise: (m) => `CAST(fail(${m}) AS DOUBLE)`,
  median: () => undefined,
  inlinesCtes: true,
};

const DIALECTS: Record<SqlDialectName, SqlDialect> = { duckdb, postgres, spark, trino };

/**
 * The dialect table of one SQL engine: how identifiers and strings are quoted and the few functions
 * spelled differently. Use it to quote names in SQL of your own that reads `toSQL`'s output.
 *
 * @throws IndicatrixError `unknown_dialect` for a name outside duckdb, postgres, spark, trino.
 * @example
 * ```ts
 * sqlDialect("spark").ident("a`b"); // => "`a``b`"
 * sqlDialect("postgres").string("it's"); // => "'it''s'"
 * ```
 */
export function sqlDialect(name: string): SqlDialect {
  if (!Object.hasOwn(DIALECTS, name))
    throw new IndicatrixError(
      "unknown_dialect",
      `dialect "${name}" is not known; expected one of ${SQL_DIALECTS.join(", ")}`,
    );
  return DIALECTS[name as SqlDialectName];
}
