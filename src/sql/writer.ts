import { IndicatrixError } from "../internal/errors.js";
import type { SqlDialect } from "./dialect.js";

/**
 * What every part of the compiler writes with: the dialect, double literals and the expression that
 * stops the query with a message. Built once per query by {@link sqlWriter}.
 * @internal
 */
export interface SqlWriter {
  /** The dialect written. */
  readonly d: SqlDialect;
  /** A double literal (see {@link sqlNumber}). */
  num(v: number): string;
  /** An expression that stops the query with `indicatrix: message` (followed by the text of `value`, when given). */
  raise(message: string, value?: string): string;
  /**
   * The double quotient `a / b`, NULL where `b` is 0: no division by zero is ever evaluated (Spark in
   * ANSI mode and PostgreSQL stop the query on one, even in a CASE branch the row does not take).
   * `a` and `b` must be double expressions (every literal a {@link sqlNumber}).
   */
  div(a: string, b: string): string;
}

/**
 * A double literal that every engine reads to the same IEEE value: a string cast, not a DECIMAL.
 *
 * @throws IndicatrixError `non_finite_value` for NaN and the infinities.
 * @example
 * ```ts
 * sqlNumber(sqlDialect("postgres"), 0.1); // => "CAST('0.1' AS DOUBLE PRECISION)"
 * ```
 * @internal
 */
export function sqlNumber(d: SqlDialect, v: number): string {
  if (!Number.isFinite(v))
    throw new IndicatrixError("non_finite_value", `cannot write the non-finite number ${v} as a SQL literal`);
  return `CAST('${String(v)}' AS ${d.double})`;
}

/**
 * The writer of dialect `d`: its literals and its raise expression, the message prefixed with
 * `indicatrix: ` so that callers can tell a data error of the query from an engine error.
 *
 * @example
 * ```ts
 * sqlWriter(sqlDialect("duckdb")).raise("bad unit ", "u");
 * // => "CAST(error('indicatrix: bad unit ' || CAST(u AS VARCHAR)) AS DOUBLE)"
 * ```
 * @internal
 */
export function sqlWriter(d: SqlDialect): SqlWriter {
  return {
    d,
    num: (v) => sqlNumber(d, v),
    div: (a, b) => `((${a}) / NULLIF(${b}, 0))`,
    raise: (message, value) => {
      const m = d.string(`indicatrix: ${message}`);
      return d.raise(value === undefined ? m : `${m} || CAST(${value} AS ${d.text})`);
    },
  };
}
