import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import { IndicatrixError } from "../internal/errors.js";
import type { PanelBasis } from "../panel/basis-plan.js";
import type { PanelWeights } from "../panel/score-panel.js";
import { type ResolvedNode, resolveProfile } from "../score/resolve-profile.js";
import type { ResolvedWeights } from "../score/resolve-weights.js";
import type { SqlDialectName } from "./dialect.js";
import { groupCtes } from "./group-ctes.js";
import { inputCtes } from "./inputs.js";
import { localWeights } from "./local-weights.js";
import { type NormalizeBasis, normalizeSQL } from "./normalize-sql.js";
import { oneRow } from "./one-row.js";
import { checkCaseCollisions, checkOutputNames, checkSqlOptions, type SqlOptions } from "./options.js";
import { panelOptions, type SqlPanel } from "./panel-sql.js";
import { rankColumn, rankedNodes, rankJoins } from "./ranks.js";
import { refuseUnitWeights, unsupported } from "./unsupported.js";
import { type SqlWriter, sqlWriter } from "./writer.js";

/** Options of {@link toSQL}. */
export interface ToSqlOptions {
  /** Profile to apply (default: the model's first profile). */
  profile?: string;
  /**
   * What to read: a table or view name (`schema.table` is split at dots and each part quoted), or
   * for DuckDB a file path ending in `.csv`, `.tsv`, `.csv.gz` (read_csv) or `.parquet`
   * (read_parquet). One row per unit, one column per indicator (or formula input).
   */
  source: string;
  /** SQL engine to write for; default `"duckdb"`. */
  dialect?: SqlDialectName;
  /**
   * Weights from an earlier `resolveWeights` call (for the same profile): every node's local weight
   * is inlined as a literal. Without it, data-driven weights (entropy, CRITIC, standard deviation,
   * CV, and `combine` of them by the linear, multiplicative or min-discrimination rule) are computed
   * in the query from the scored units, as `score()` does; pass weights resolved on a sample to fix
   * them instead, or for the `combine` rules `moment` and `game-theory`.
   */
  weights?: ResolvedWeights;
  /** Column of the unit ids; default `"unit"`. */
  unitColumn?: string;
  /**
   * Which nodes get a rank column: `"all"` (default, as `score()`), `"groups"` (the root and the
   * groups, not the indicators), `"root"`, or `"none"`. Each rank is a sort of every unit: on tens of
   * millions of units ranking 50 indicators costs far more than scoring them.
   */
  ranks?: "all" | "groups" | "root" | "none";
  /**
   * Column of the parent unit ids, when the source holds a unit hierarchy: units that are the
   * parent of another unit are not scored (as `score()`). Default: none (every row is scored).
   */
  parentColumn?: string;
  /**
   * Column of the periods: the source is a panel, one row per unit and period (periods are compared
   * as trimmed text). The query then returns one row per unit and period, with a `period` column
   * after `unit` and every rank within its period, the numbers of `scorePanel` with the same
   * `basis` and weights (`weightsBasis`).
   */
  period?: string;
  /**
   * Panels: where the normalization statistics come from, as `scorePanel`'s `basis`: `"pooled"`
   * (default: over every unit-period, one statistics row), `"period"` (each period's own: GROUP BY
   * the period, rank windows partitioned by it) or `{ reference: "2019", clip? }` (the statistics of
   * that period's rows, applied to every row; min-max then maps the reference bounds linearly and
   * leaves [lo, hi] unless `clip`). Needs `period`.
   */
  basis?: PanelBasis;
  /**
   * Panels: the rows data-driven weights are computed on, as `scorePanel`'s `weights`: `"pooled"`
   * (default: every unit-period, e.g. the panel entropy with k = 1/ln(r m)), `"period"` (each
   * period's own weights, and its own imputation values) or `{ reference }` (the reference period's
   * rows; not with the missing policies mean and median). Needs `period`.
   */
  weightsBasis?: PanelWeights;
}

/** What a compiled query returns: its column names, in order. */
export interface SqlQuery {
  /** The SQL text: one SELECT with common table expressions. */
  sql: string;
  /** Output columns: `unit` (then `period` for a panel), then every active node id (scores), then `<id>_rank` (see `ranks`), then `coverage`. */
  columns: string[];
  /** Active node ids in tree order (the score columns). */
  nodes: string[];
  /** Node ids that have a rank column. */
  ranked: string[];
  /** The profile that was compiled. */
  profile: string;
  /** The dialect written. */
  dialect: SqlDialectName;
}

/**
 * Compiles a model and profile to one SQL query that reads units x indicators from `source` and
 * returns per unit the score of every active node, its rank and the unit's coverage: the same
 * numbers as `score()` (src/score/score.ts), computed where the data live (DuckDB, PostgreSQL,
 * Spark SQL, Trino). Use `score()` for data that fit in memory and for the methods SQL cannot
 * express; use this (or `scoreSQL` in `indicatrix/duckdb`) for tables of many millions of units.
 *
 * The query is a chain of common table expressions: `src` (the source), `base` (the needed columns
 * as doubles, units that are the parent of other units dropped when `parentColumn` is given), `raw`
 * (formulas), `st` (one row of column statistics: min, max, mean, sd, sums, and the constants derived
 * from them), `norm` (normalized indicators, rank windows), then per tree depth from the deepest the
 * projection steps of the groups' helper columns and the level's scores (`g<depth>`), and the final
 * SELECT with the ranks asked for (RANK() OVER (ORDER BY score DESC), ties share the lowest rank; a
 * unit without a score gets NULL, where `score()` has 0). Data-driven weights and imputation values
 * are one-row CTEs joined to their level (DuckDB, PostgreSQL) or window aggregates `OVER ()` of the
 * rows (Trino, Spark, which copy a CTE into each reader): the source is read twice at most. Every
 * literal is a double and every divisor guarded by NULLIF (docs/sql.md, "Dialects").
 *
 * Supported: directions benefit, cost, target and range; normalizations minmax (range; cost reflect,
 * negate, reciprocal), goalposts (clip), zscore (ddof 1 or 0), target, rank (ties min or average),
 * percentile, borda, distance-to-max, fraction-of-max, vector, sum, none; aggregations arithmetic,
 * geometric (zero error or floor), harmonic, minimum, power mean (|p| >= 0.001), Mazziotta-Pareto;
 * missing policies skip, zero, mean, median (not Trino), error; minimum coverage; formulas (NULL
 * where JavaScript gives a non-finite value); equal, fixed and AHP weights (inlined as literals),
 * entropy (shift), CRITIC (1 - r, 1 - |r|), standard deviation and CV weights (computed in the query;
 * listwise over the units, on the children's normalized values or scores), `combine` by the linear,
 * multiplicative and min-discrimination rules, multipliers, and any weights passed in `weights`. Where `score()` throws on data (a zero in a geometric mean, a
 * missing value under policy error...) the query fails with an `indicatrix: ...` message.
 * Not supported (`unsupported_in_sql`): outlier treatment (winsorize, log), power means with
 * |p| < 0.001, the `combine` rules `moment` and `game-theory` with a data-driven part without `weights`,
 * and weights that vary by unit: state variable weights (`variableWeights`), per-unit blends
 * (`blend: { between, column }`), local indicators (`appliesTo`) and `localCap`. A blend with fixed
 * coefficients compiles (its blended weights are fixed weights); and assessment `rules` (step scores,
 * bonus and penalty points, vetoes). Grades are not computed: the query gives the scores, which
 * `score()` grades.
 *
 * With `period` the source is a panel (one row per unit and period) and the query returns one row per
 * unit-period with a `period` column and ranks within each period: the numbers of `scorePanel` for
 * one profile, with its `basis` (pooled statistics over every row, per-period ones grouped and
 * partitioned by the period, or those of a reference period's rows) and its rows of data-driven
 * weights (`weightsBasis`: pooled, per period, of a reference period); see docs/sql.md, "Panels".
 *
 * Values are identifiers or escaped literals, never pasted: node ids and column names are quoted
 * identifiers, file paths and messages are escaped string literals, numbers are `CAST('..' AS DOUBLE)`.
 *
 * @throws IndicatrixError `unsupported_in_sql` (naming the method and node), `unsupported_basis` (a
 *   reference basis for a normalization without parameters to carry), `unknown_dialect`,
 *   `invalid_option` (empty source, a weights object of another profile or missing a node,
 *   an output name clash), and the model errors of `resolveProfile`.
 * @example
 * ```ts
 * const { sql } = toSQL(model, { source: "scores.parquet", profile: "normal" });
 * // => "WITH src AS (SELECT * FROM read_parquet('scores.parquet')), base AS (...) SELECT ..."
 * toSQL(model, { source: "panel", dialect: "postgres", period: "year", basis: "period" }).columns;
 * // => ["unit", "period", "root", ..., "root_rank", ..., "coverage"]
 * ```
 */
export function toSQL(model: Model, opts: ToSqlOptions): SqlQuery {
  return compileSQL(model, opts, checkSqlOptions(opts));
}

/**
 * `toSQL` with its options checked, for a dialect table that may differ from the named one (the
 * tests compile the window-aggregate plan of Trino and Spark in DuckDB's syntax to run it).
 * @internal
 */
export function compileSQL(model: Model, opts: ToSqlOptions, o: SqlOptions): SqlQuery {
  const { d } = o;
  const parsed = parseModel(model);
  const profile = resolveProfile(parsed, opts.profile);
  refuseUnitWeights(profile);
  checkOutputNames(profile);
  const panel = panelOptions(opts, profile);
  if (panel && profile.nodes.has("period"))
    throw new IndicatrixError(
      "column_collision",
      'node id "period" clashes with the period column of the panel output; rename the node',
    );
  for (const node of profile.nodes.values())
    if (node.rules)
      unsupported("assessment rules (steps, bonus, penalty, veto)", node.id, "use a profile without rules");
  const w = sqlWriter(d);
  const ids = [...profile.nodes.keys()];
  const columns = new Map(ids.map((id, k) => [id, `v${k}`]));
  const local = localWeights(profile, opts.weights);
  const ranked = rankedNodes(profile, ids, o.ranks);
  const outNames = ["unit", ...(panel ? ["period"] : []), ...ids, ...ranked.map((id) => `${id}_rank`)];
  checkCaseCollisions(d, [...outNames, "coverage"], "output column");

  const inputs = inputCtes(w, parsed.tree, profile, {
    ...o,
    parentColumn: opts.parentColumn,
    periodColumn: panel?.column,
  });
  const st = oneRow("st", "s");
  const basis: NormalizeBasis =
    panel?.basis.kind === "period"
      ? { kind: "period", partition: "raw.per" }
      : panel?.basis.kind === "only"
        ? { kind: "reference", period: panel.basis.period, clip: panel.basis.clip === true }
        : { kind: "pooled" };
  // Constants derived from the statistics (a min-max slope and intercept): one row, computed once.
  const derived = oneRow("st", "k");
  const normCols = profile.indicators.map((id, i) => {
    const node = profile.nodes.get(id) as ResolvedNode;
    return `${normalizeSQL(w, st.add, node, `r${i}`, derived.add, basis)} AS ${columns.get(id)}`;
  });
  const groups = groupCtes(
    w,
    profile,
    columns,
    local,
    opts.weights === undefined,
    "norm",
    panel ?? undefined,
  );
  const stats = statsCtes(w, st.items, derived.items, panel);
  const norm = `norm AS ${d.materialized}(SELECT raw.u, ${panel ? "raw.per, " : ""}${normCols.join(", ")} FROM raw ${stats.join})`;
  const ctes = [...inputs, ...stats.ctes, norm, ...groups.ctes];

  // Ranks: joins of one small CTE per ranked node in DuckDB (rankJoins), else windows over the rows.
  const last = groups.last;
  const joined = d.joinsRanks
    ? rankJoins(
        d,
        new Map(ranked.map((id) => [id, columns.get(id) as string])),
        last,
        panel ? "per" : undefined,
      )
    : undefined;
  // With joins, a column of the scores is named with its CTE (the rank CTEs have columns too).
  const col = (c: string) => (joined ? `${last}.${c}` : c);
  const present = profile.indicators
    .map((id) => `(CASE WHEN ${col(columns.get(id) as string)} IS NULL THEN 0 ELSE 1 END)`)
    .join(" + ");
  const out = [
    `${col("u")} AS ${d.ident("unit")}`,
    ...(panel ? [`${col("per")} AS ${d.ident("period")}`] : []),
    ...ids.map((id) => `${col(columns.get(id) as string)} AS ${d.ident(id)}`),
    ...(joined
      ? joined.columns
      : ranked.map((id) => rankColumn(d, columns.get(id) as string, id, panel ? "per" : undefined))),
    `CAST(${present} AS ${d.double}) / ${w.num(profile.indicators.length)} AS ${d.ident("coverage")}`,
  ];
  if (joined) ctes.push(...joined.ctes);
  return {
    sql: `WITH ${ctes.join(",\n")}\nSELECT ${out.join(", ")} FROM ${last}${joined?.joins ?? ""}`,
    columns: [...outNames, "coverage"],
    nodes: ids,
    ranked,
    profile: profile.name,
    dialect: d.name,
  };
}

/**
 * The statistics CTEs and how `norm` joins them to `raw`: `st0` the aggregates over `raw` (`items`),
 * `st` with the constants derived from them (`derived`). Without a panel, or pooled, `st` is one row
 * over every row, CROSS JOINed; per period it has one row per period (GROUP BY per), joined on the
 * period; of a reference period, one row over that period's rows, each statistic guarded so that a
 * reference period without rows stops the query.
 */
function statsCtes(
  w: SqlWriter,
  items: readonly string[],
  derived: readonly string[],
  panel: SqlPanel | undefined,
): { ctes: string[]; join: string } {
  const d = w.d;
  const basis = panel?.basis ?? { kind: "all" };
  const cross = "CROSS JOIN st";
  if (items.length === 0) return { ctes: ["st AS (SELECT 1 AS s0)"], join: cross };
  const head = derived.length > 0 ? "st0" : "st";
  const derive = derived.length > 0 ? [`st AS (SELECT st.*, ${derived.join(", ")} FROM st0 AS st)`] : [];
  if (basis.kind === "period")
    return {
      ctes: [`${head} AS (SELECT per, ${items.join(", ")} FROM raw GROUP BY per)`, ...derive],
      join: "JOIN st ON st.per = raw.per",
    };
  if (basis.kind === "only") {
    const names = items.map((item) => item.slice(item.lastIndexOf(" AS ") + 4));
    const none = w.raise(`the reference period "${basis.period}" has no rows`);
    const guarded = names.map((s) => `CASE WHEN st.nref = 0 THEN ${none} ELSE st.${s} END AS ${s}`);
    return {
      ctes: [
        `st0 AS (SELECT CAST(COUNT(*) AS ${d.double}) AS nref, ${items.join(", ")} FROM raw WHERE per = ${d.string(basis.period)})`,
        `st AS (SELECT ${[...guarded, ...derived].join(", ")} FROM st0 AS st)`,
      ],
      join: cross,
    };
  }
  return { ctes: [`${head} AS (SELECT ${items.join(", ")} FROM raw)`, ...derive], join: cross };
}
