import { rankColumn } from "../indicators/check/output-columns.js";
import { IndicatrixError } from "../internal/errors.js";
import type { ResolvedProfile } from "../score/resolve-profile.js";
import { type SqlDialect, sqlDialect } from "./dialect.js";
import { RANK_MODES, type RankMode } from "./ranks.js";
import type { ToSqlOptions } from "./to-sql.js";

/** The options of `toSQL` checked, defaults filled. @internal */
export interface SqlOptions {
  /** The dialect written (default DuckDB). */
  d: SqlDialect;
  /** The source: a table name or a file path, not blank. */
  source: string;
  /** Column of the unit ids (default `"unit"`). */
  unitColumn: string;
  /** Which nodes get a rank column (default `"all"`). */
  ranks: RankMode;
}

/**
 * Checks the options of `toSQL` that need no model and fills their defaults.
 *
 * @throws IndicatrixError `invalid_option` for options that are not an object, a blank source or
 *   an unknown rank mode; `unknown_dialect`.
 * @internal
 */
export function checkSqlOptions(opts: ToSqlOptions): SqlOptions {
  if (opts === null || typeof opts !== "object")
    throw new IndicatrixError("invalid_option", "toSQL: expected an options object with a source");
  const d = sqlDialect(opts.dialect ?? "duckdb");
  if (typeof opts.source !== "string" || opts.source.trim() === "")
    throw new IndicatrixError("invalid_option", "source: expected a table name or a file path");
  const ranks = opts.ranks ?? "all";
  if (!RANK_MODES.includes(ranks)) {
    const names = RANK_MODES.map((m) => JSON.stringify(m));
    throw new IndicatrixError(
      "invalid_option",
      `ranks: expected ${names.slice(0, -1).join(", ")} or ${names.at(-1)}, got ${JSON.stringify(ranks)}`,
    );
  }
  return { d, source: opts.source, unitColumn: opts.unitColumn ?? "unit", ranks };
}

/**
 * Checks that no node id clashes with another output column of the query: `unit`, `coverage`, or a
 * group's `<id>_rank` (the rule `checkModel` applies to the score output, see `checkOutputColumns`).
 *
 * @throws IndicatrixError `column_collision` naming the node.
 * @internal
 */
export function checkOutputNames(profile: ResolvedProfile): void {
  for (const bad of ["unit", "coverage"])
    if (profile.nodes.has(bad))
      throw new IndicatrixError(
        "column_collision",
        `node id "${bad}" clashes with the output column of the same name; rename the node`,
      );
  for (const node of profile.nodes.values()) {
    const rank = rankColumn(node.id);
    if (!node.indicator && profile.nodes.has(rank))
      throw new IndicatrixError(
        "column_collision",
        `node id "${rank}" clashes with the rank column of group "${node.id}"; rename the node`,
      );
  }
}

/**
 * Refuses names that differ only in case in a dialect whose engine matches identifiers without
 * regard to case (Spark SQL, and Trino, which lowercases them): two output columns `GDP` and `gdp`
 * would be one column there, and two source columns one input. DuckDB and PostgreSQL keep quoted
 * identifiers apart. `what` names the kind of name in the message ("output column", "source column").
 *
 * @throws IndicatrixError `column_collision` naming both names and the dialect.
 * @internal
 */
export function checkCaseCollisions(d: SqlDialect, names: readonly string[], what: string): void {
  if (d.name !== "spark" && d.name !== "trino") return;
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined && other !== name)
      throw new IndicatrixError(
        "column_collision",
        `${what}s "${other}" and "${name}" differ only in case: ${d.name === "spark" ? "Spark SQL" : "Trino"} matches identifiers without regard to case, so they would be one column; rename one`,
      );
    seen.set(key, name);
  }
}
