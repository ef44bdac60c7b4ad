import { type ResolvedAggregate, resolveAggregate } from "../aggregate/resolve-aggregate.js";
import { parseModel } from "../indicators/parse-model.js";
import type { Model, ModelNode } from "../indicators/schema.js";
import { walkTree } from "../indicators/tree.js";
import { IndicatrixError } from "../internal/errors.js";
import type { AggregateSpec } from "../internal/specs.js";
import { goalpostsForm, midpoint } from "../normalize/affine.js";
import { type Aim, type ResolvedNormalize, resolveNormalize } from "../normalize/resolve-normalize.js";
import { weighNode } from "../score/node-weights.js";
import { type ResolvedNode, type ResolvedProfile, resolveProfile } from "../score/resolve-profile.js";
import type { ResolvedWeights } from "../score/resolve-weights.js";
import { specNeedsData } from "../weighting/spec-weights.js";
import { type SqlDialect, type SqlDialectName, sqlDialect } from "./dialect.js";
import { formulaToSQL, sqlNumber } from "./formula-sql.js";
import { weightCtes } from "./weights-sql.js";

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
}

/** What a compiled query returns: its column names, in order. */
export interface SqlQuery {
  /** The SQL text: one SELECT with common table expressions. */
  sql: string;
  /** Output columns: `unit`, then every active node id (scores), then `<id>_rank` (see `ranks`), then `coverage`. */
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

function unsupported(what: string, node: string): never {
  throw new IndicatrixError(
    "unsupported_in_sql",
    `${what} (node "${node}") cannot be compiled to SQL; score in memory with score(), or change the method`,
    { path: node },
  );
}

class Compiler {
  readonly d: SqlDialect;
  readonly profile: ResolvedProfile;
  /** Aggregates of the statistics CTE over `raw`. */
  readonly stats: string[] = [];
  readonly col = new Map<string, string>();

  constructor(d: SqlDialect, profile: ResolvedProfile) {
    this.d = d;
    this.profile = profile;
    [...profile.nodes.keys()].forEach((id, k) => {
      this.col.set(id, `v${k}`);
    });
  }

  q(name: string): string {
    return this.d.ident(name);
  }

  num(v: number): string {
    return sqlNumber(this.d, v);
  }

  raise(message: string, value?: string): string {
    const m = this.d.string(`indicatrix: ${message}`);
    return this.d.raise(value === undefined ? m : `${m} || CAST(${value} AS ${this.d.text})`);
  }

  /** Registers an aggregate over `raw` in the statistics CTE and returns a reference to it. */
  stat(agg: string): string {
    const name = `s${this.stats.length}`;
    this.stats.push(`${agg} AS ${name}`);
    return `st.${name}`;
  }

  /** The normalized value of indicator `node` from its raw column `r` (a column of `raw`): the resolved formula in SQL. */
  normalize(node: ResolvedNode, r: string): string {
    const id = node.id;
    const opts = node.goalposts
      ? { direction: node.direction, goalposts: node.goalposts }
      : { direction: node.direction };
    let spec: ResolvedNormalize;
    try {
      // The option checks of score(), which need no data.
      spec = resolveNormalize(node.normalize, opts);
    } catch (e) {
      if (e instanceof IndicatrixError)
        throw new IndicatrixError(e.code, `indicator "${id}": ${e.message}`, { path: node.path });
      throw e;
    }
    const n = (x: number) => this.num(x);
    const present = (e: string) => `(CASE WHEN ${r} IS NULL THEN NULL ELSE ${e} END)`;
    // Direction-aligned value: x, -x, or minus the distance to the target.
    const aligned = (aim: Aim): string => {
      if (typeof aim === "object") {
        const [a, b] = aim.target;
        return `(CASE WHEN ${r} IS NULL THEN NULL WHEN ${r} < ${n(a)} THEN ${r} - ${n(a)} WHEN ${r} > ${n(b)} THEN ${n(b)} - ${r} ELSE ${n(0)} END)`;
      }
      return aim === "cost" ? `(-${r})` : r;
    };
    // Ascending rank (1 = the lowest), ties sharing the lowest rank.
    const rankOf = (y: string) => `CAST(RANK() OVER (ORDER BY ${y} ASC NULLS LAST) AS ${this.d.double})`;

    switch (spec.formula) {
      case "minmax": {
        const [lo, hi] = spec.range;
        const width = hi - lo;
        const mid = midpoint(spec.range);
        const cost = spec.aim === "cost";
        if (cost && spec.cost === "reciprocal") {
          const rawMin = this.stat(`MIN(${r})`);
          const mn = this.stat(`1.0 / MAX(${r})`);
          const mx = this.stat(`1.0 / MIN(${r})`);
          const guard = `(CASE WHEN ${rawMin} <= 0 THEN ${this.raise(`indicator "${id}": the reciprocal cost transform 1/x needs positive values; the smallest is `, rawMin)} ELSE ${mx} END)`;
          return present(
            `(CASE WHEN ${guard} = ${mn} THEN ${n(mid)} ELSE ((1.0 / ${r} - ${mn}) / (${mx} - ${mn})) * ${n(width)} + ${n(lo)} END)`,
          );
        }
        const mn = this.stat(`MIN(${r})`);
        const mx = this.stat(`MAX(${r})`);
        // The affine form of normalize() (affineForm): z = x * scale + offset, clamped to [lo, hi] (rounding only).
        const w = n(width);
        const scale = cost ? `(-${w} / (${mx} - ${mn}))` : `(${w} / (${mx} - ${mn}))`;
        const offset = cost
          ? `(${n(lo)} + ${mx} * (${w} / (${mx} - ${mn})))`
          : `(${n(lo)} - ${mn} * ${scale})`;
        const z = `(${r} * ${scale} + ${offset})`;
        return present(
          `(CASE WHEN ${mx} = ${mn} THEN ${n(mid)} WHEN ${z} < ${n(lo)} THEN ${n(lo)} WHEN ${z} > ${n(hi)} THEN ${n(hi)} ELSE ${z} END)`,
        );
      }
      case "goalposts": {
        // The affine form of normalize(), its numbers inlined: z = x * scale + offset, clamped when clipped.
        const form = goalpostsForm(spec);
        if (!form)
          unsupported(
            `goalposts [${spec.goalposts[0]}, ${spec.goalposts[1]}] so close that the affine map overflows`,
            id,
          );
        const z = `(${r} * ${n(form.scale)} + ${n(form.offset)})`;
        if (!spec.clip) return present(z);
        const [lo, hi] = [n(form.clipLo), n(form.clipHi)];
        return present(`(CASE WHEN ${z} < ${lo} THEN ${lo} WHEN ${z} > ${hi} THEN ${hi} ELSE ${z} END)`);
      }
      case "target": {
        const [a, b] = spec.target;
        const [lo, hi] = spec.range;
        const bounds = spec.bounds;
        let scale: string;
        if (bounds) scale = n(Math.max(a - bounds[0], bounds[1] - b));
        else {
          const mn = this.stat(`MIN(${r})`);
          const mx = this.stat(`MAX(${r})`);
          scale = `GREATEST(${n(a)} - ${mn}, ${mx} - ${n(b)})`;
        }
        let z = `(CASE WHEN ${r} < ${n(a)} THEN (CASE WHEN ${scale} > 0 THEN 1 - (${n(a)} - ${r}) / ${scale} ELSE ${n(1)} END) WHEN ${r} > ${n(b)} THEN (CASE WHEN ${scale} > 0 THEN 1 - (${r} - ${n(b)}) / ${scale} ELSE ${n(1)} END) ELSE ${n(1)} END)`;
        if (spec.clip) z = `(CASE WHEN ${z} < 0 THEN ${n(0)} ELSE ${z} END)`;
        return present(`(${n(lo)} + ${n(hi - lo)} * ${z})`);
      }
      case "zscore": {
        const y = aligned(spec.aim);
        const mean = this.stat(`AVG(${y})`);
        const sd = this.stat(spec.ddof === 1 ? `STDDEV_SAMP(${y})` : `STDDEV_POP(${y})`);
        const sign = spec.sign < 0 ? "-" : "";
        return present(`(CASE WHEN ${sd} > 0 THEN ${sign}(${y} - ${mean}) / ${sd} ELSE ${n(0)} END)`);
      }
      case "rank": {
        const y = aligned(spec.aim);
        const rank = rankOf(y);
        if (spec.ties === "average")
          return present(`(${rank} + CAST(COUNT(*) OVER (PARTITION BY ${y}) - 1 AS ${this.d.double}) / 2)`);
        return present(rank);
      }
      case "borda":
        return present(`(${rankOf(aligned(spec.aim))} - 1)`);
      case "percentile": {
        const y = aligned(spec.aim);
        const mn = this.stat(`MIN(${y})`);
        const mx = this.stat(`MAX(${y})`);
        const cnt = this.stat(`COUNT(${r})`);
        return present(`(CASE WHEN ${mn} = ${mx} THEN ${n(0.5)} ELSE (${rankOf(y)} - 1) / (${cnt} - 1) END)`);
      }
      case "distance-to-max": {
        const y = aligned(spec.aim);
        const mn = this.stat(`MIN(${y})`);
        const mx = this.stat(`MAX(${y})`);
        return present(
          `(CASE WHEN ${mn} = ${mx} THEN ${n(0.5)} ELSE 1 - (${mx} - ${y}) / (${mx} - ${mn}) END)`,
        );
      }
      case "fraction-of-max": {
        const mn = this.stat(`MIN(${r})`);
        const mx = this.stat(`MAX(${r})`);
        if (spec.aim === "cost")
          return present(
            `(CASE WHEN ${mn} <= 0 THEN ${this.raise(`indicator "${id}": fraction-of-max on a cost indicator (min / x) needs positive values; the smallest is `, mn)} ELSE ${mn} / ${r} END)`,
          );
        return present(
          `(CASE WHEN ${mn} < 0 THEN ${this.raise(`indicator "${id}": fraction-of-max (x / max) needs non-negative values; the smallest is `, mn)} WHEN ${mx} = 0 THEN ${n(1)} ELSE ${r} / ${mx} END)`,
        );
      }
      case "vector": {
        const ss = this.stat(`SUM(${r} * ${r})`);
        const cnt = this.stat(`COUNT(${r})`);
        const eq = `(1.0 / SQRT(${cnt}))`;
        if (spec.aim === "cost")
          return present(`(CASE WHEN ${ss} = 0 THEN 1 - ${eq} ELSE 1 - ${r} / SQRT(${ss}) END)`);
        return present(`(CASE WHEN ${ss} = 0 THEN ${eq} ELSE ${r} / SQRT(${ss}) END)`);
      }
      case "sum": {
        const mn = this.stat(`MIN(${r})`);
        if (spec.aim === "cost") {
          const inv = this.stat(`SUM(1.0 / (CASE WHEN ${r} > 0 THEN ${r} END))`);
          return present(
            `(CASE WHEN ${mn} <= 0 THEN ${this.raise(`indicator "${id}": sum normalization of a cost indicator ((1/x) / sum(1/x)) needs positive values; the smallest is `, mn)} ELSE 1.0 / ${r} / ${inv} END)`,
          );
        }
        const sum = this.stat(`SUM(${r})`);
        const cnt = this.stat(`COUNT(${r})`);
        return present(
          `(CASE WHEN ${mn} < 0 THEN ${this.raise(`indicator "${id}": sum normalization (x / sum x) needs non-negative values; the smallest is `, mn)} WHEN ${sum} = 0 THEN 1.0 / ${cnt} ELSE ${r} / ${sum} END)`,
        );
      }
      case "none":
        return aligned(spec.aim);
    }
  }
}

/**
 * The resolved aggregation of a group. A power mean near p = 0 (computed with expm1 / log1p in
 * memory) has no SQL form.
 */
function aggregationOf(spec: AggregateSpec, id: string): ResolvedAggregate {
  const a = resolveAggregate(spec);
  if (a.method === "power" && a.nearZero)
    unsupported(`the power mean with |p| < 0.001 (p = ${a.p}, computed with expm1/log1p in memory)`, id);
  return a;
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
 * (formulas), `st` (one row of column statistics: min, max, mean, sd, sums), `norm` (normalized
 * indicators, rank windows), one CTE per tree depth aggregating the groups bottom-up (a group with
 * data-driven weights first gets a chain of one-row CTEs `wt<k>_s` ... `wt<k>` reading the CTE of its
 * children's columns: the weights over the units with every child present), and the final
 * SELECT with the ranks (RANK() OVER (ORDER BY score DESC), ties share the lowest rank; a unit
 * without a score gets NULL, where `score()` has 0).
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
 * |p| < 0.001, the `combine` rules `moment` and `game-theory` with a data-driven part without `weights`.
 *
 * Values are identifiers or escaped literals, never pasted: node ids and column names are quoted
 * identifiers, file paths and messages are escaped string literals, numbers are `CAST('..' AS DOUBLE)`.
 *
 * @throws IndicatrixError `unsupported_in_sql` (naming the method and node), `unknown_dialect`,
 *   `invalid_option` (empty source, a weights object of another profile or missing a node,
 *   an output name clash), and the model errors of `resolveProfile`.
 * @example
 * ```ts
 * const { sql } = toSQL(model, { source: "scores.parquet", profile: "normal" });
 * // => "WITH src AS (SELECT * FROM read_parquet('scores.parquet')), base AS (...) SELECT ..."
 * ```
 */
export function toSQL(model: Model, opts: ToSqlOptions): SqlQuery {
  if (opts === null || typeof opts !== "object")
    throw new IndicatrixError("invalid_option", "toSQL: expected an options object with a source");
  const d = sqlDialect(opts.dialect ?? "duckdb");
  const parsed = parseModel(model);
  const profile = resolveProfile(parsed, opts.profile);
  if (typeof opts.source !== "string" || opts.source.trim() === "")
    throw new IndicatrixError("invalid_option", "source: expected a table name or a file path");
  const unitColumn = opts.unitColumn ?? "unit";
  const c = new Compiler(d, profile);
  const nodes = [...profile.nodes.values()];
  const ids = nodes.map((n) => n.id);
  for (const bad of ["unit", "coverage"])
    if (profile.nodes.has(bad))
      throw new IndicatrixError(
        "invalid_option",
        `node id "${bad}" clashes with the output column of the same name; rename the node`,
      );

  // Weights: literals, from `weights` or from the specs.
  const local = localWeights(profile, opts.weights);

  // Source columns and raw indicator values (formulas inlined).
  const all = new Map<string, ModelNode>();
  for (const v of walkTree(parsed.tree)) all.set(v.node.id, v.node);
  const sourceCols: string[] = [];
  const sourceCol = (name: string): string => {
    let k = sourceCols.indexOf(name);
    if (k < 0) k = sourceCols.push(name) - 1;
    return `x${k}`;
  };
  const rawExpr = (id: string, stack: string[]): string => {
    const node = all.get(id);
    if (node?.formula === undefined) return sourceCol(id);
    if (stack.includes(id))
      throw new IndicatrixError("invalid_formula", `formula cycle: ${[...stack, id].join(" -> ")}`);
    return formulaToSQL(node.formula, d, (v) => rawExpr(v, [...stack, id]));
  };
  const rawCols: string[] = [];
  for (const id of profile.indicators) {
    const node = profile.nodes.get(id) as ResolvedNode;
    if (node.treat && (node.treat.winsorize || node.treat.log))
      unsupported(`outlier treatment ${JSON.stringify(node.treat)}`, id);
    let e = rawExpr(id, []);
    if (profile.missing === "error")
      e = `(CASE WHEN ${e} IS NULL THEN ${c.raise(`indicator "${id}": a value is missing and the model's missing policy is "error"; unit `, "u")} ELSE ${e} END)`;
    rawCols.push(`${e} AS r${rawCols.length}`);
  }

  // Normalized indicators.
  const normCols: string[] = [];
  profile.indicators.forEach((id, i) => {
    const node = profile.nodes.get(id) as ResolvedNode;
    normCols.push(`${c.normalize(node, `r${i}`)} AS ${c.col.get(id)}`);
  });
  const presentCount = profile.indicators
    .map((id) => `(CASE WHEN ${c.col.get(id)} IS NULL THEN 0 ELSE 1 END)`)
    .join(" + ");

  // Groups, bottom-up by depth.
  const groups = nodes.filter((n) => !n.indicator);
  const maxDepth = Math.max(...groups.map((g) => g.depth));
  const ctes: string[] = [];
  const q = (s: string) => d.ident(s);
  const src = sqlSource(opts.source, d);
  const unitExpr = `TRIM(CAST(s.${q(unitColumn)} AS ${d.text}))`;
  let where = "";
  if (opts.parentColumn !== undefined) {
    const p = `TRIM(CAST(p.${q(opts.parentColumn)} AS ${d.text}))`;
    where = ` WHERE ${unitExpr} NOT IN (SELECT ${p} FROM src AS p WHERE p.${q(opts.parentColumn)} IS NOT NULL AND ${p} <> '')`;
  }
  ctes.push(`src AS (SELECT * FROM ${src})`);
  ctes.push(
    `base AS (SELECT ${[`${unitExpr} AS u`, ...sourceCols.map((name, k) => `CAST(s.${q(name)} AS ${d.double}) AS x${k}`)].join(", ")} FROM src AS s${where})`,
  );
  ctes.push(`raw AS ${d.materialized}(SELECT u, ${rawCols.join(", ")} FROM base)`);
  ctes.push(`st AS (SELECT ${c.stats.length > 0 ? `${c.stats.join(", ")} FROM raw` : "1 AS s0"})`);
  ctes.push(`norm AS ${d.materialized}(SELECT raw.u, ${normCols.join(", ")} FROM raw CROSS JOIN st)`);
  let prev = "norm";
  for (let depth = maxDepth; depth >= 0; depth--) {
    const level = groups.filter((g) => g.depth === depth);
    const imputeStats: string[] = [];
    const joins: string[] = [];
    const exprs = level.map((g) => {
      let w: GroupWeights;
      if (opts.weights === undefined && specNeedsData(g.weights)) {
        const wc = weightCtes(c, profile, g, prev, (id) => c.col.get(id) as string, `wt${ids.indexOf(g.id)}`);
        ctes.push(...wc.ctes);
        joins.push(` CROSS JOIN ${wc.name}`);
        w = { sql: wc.weights };
      } else w = { values: g.children.map((id) => local[id] as number) };
      return groupExpr(c, g, w, profile, (agg) => {
        imputeStats.push(`${agg} AS m${imputeStats.length}`);
        return `mi.m${imputeStats.length - 1}`;
      });
    });
    const name = `g${depth}`;
    const select = exprs.map((e, k) => `${e} AS ${c.col.get(level[k]?.id as string)}`).join(", ");
    if (imputeStats.length > 0) {
      ctes.push(`mi${depth} AS (SELECT ${imputeStats.join(", ")} FROM ${prev})`);
      ctes.push(
        `${name} AS ${d.materialized}(SELECT p.*, ${select} FROM ${prev} AS p CROSS JOIN mi${depth} AS mi${joins.join("")})`,
      );
    } else
      ctes.push(`${name} AS ${d.materialized}(SELECT p.*, ${select} FROM ${prev} AS p${joins.join("")})`);
    prev = name;
  }
  const out: string[] = [`u AS ${q("unit")}`];
  for (const id of ids) out.push(`${c.col.get(id)} AS ${q(id)}`);
  const rankMode = opts.ranks ?? "all";
  if (!["all", "groups", "root", "none"].includes(rankMode))
    throw new IndicatrixError(
      "invalid_option",
      `ranks: expected "all", "groups", "root" or "none", got ${JSON.stringify(rankMode)}`,
    );
  const ranked = ids.filter((id) =>
    rankMode === "all"
      ? true
      : rankMode === "groups"
        ? !profile.nodes.get(id)?.indicator
        : rankMode === "root"
          ? id === profile.root
          : false,
  );
  for (const id of ranked) {
    const v = c.col.get(id) as string;
    out.push(
      `CASE WHEN ${v} IS NULL THEN NULL ELSE RANK() OVER (ORDER BY ${v} DESC NULLS LAST) END AS ${q(`${id}_rank`)}`,
    );
  }
  out.push(`CAST(${presentCount} AS ${d.double}) / ${c.num(profile.indicators.length)} AS ${q("coverage")}`);
  const sql = `WITH ${ctes.join(",\n")}\nSELECT ${out.join(", ")} FROM ${prev}`;
  return {
    sql,
    columns: ["unit", ...ids, ...ranked.map((id) => `${id}_rank`), "coverage"],
    nodes: ids,
    ranked,
    profile: profile.name,
    dialect: d.name,
  };
}

/**
 * Local weights as literals: from `weights`, or from the specs that need no data (equal, fixed,
 * AHP, combinations of them). Nodes with data-driven specs are left out without `weights`: their
 * weights are computed in the query (see weights-sql.ts).
 */
function localWeights(
  profile: ResolvedProfile,
  weights: ResolvedWeights | undefined,
): Record<string, number> {
  if (weights !== undefined) {
    if (weights.profile !== profile.name)
      throw new IndicatrixError(
        "invalid_option",
        `weights: they were resolved for profile "${weights.profile}", the query is for "${profile.name}"`,
      );
    for (const id of profile.nodes.keys())
      if (typeof weights.local[id] !== "number" || !Number.isFinite(weights.local[id]))
        throw new IndicatrixError("invalid_option", `weights.local: no finite weight for node "${id}"`);
    return weights.local;
  }
  const local: Record<string, number> = { [profile.root]: 1 };
  for (const n of profile.nodes.values()) {
    if (n.indicator || specNeedsData(n.weights)) continue;
    const sw = weighNode(profile, n);
    n.children.forEach((c, i) => {
      local[c] = sw.weights[i] as number;
    });
  }
  return local;
}

/** The FROM item of a source: a quoted (dotted) table name, or read_csv / read_parquet of a file for DuckDB. @internal */
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
    return `read_csv(${d.string(source)}, header = true, nullstr = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', '-', '.'])`;
  }
  return source
    .split(".")
    .map((part) => d.ident(part))
    .join(".");
}

/** A group's weights: literals, or SQL references to the columns of its weight CTE. */
type GroupWeights = { values: number[] } | { sql: string[] };

/** The SQL expression of one group's score from its children's columns. */
function groupExpr(
  c: Compiler,
  g: ResolvedNode,
  weights: GroupWeights,
  profile: ResolvedProfile,
  imputeStat: (agg: string) => string,
): string {
  const d = c.d;
  const n = (x: number) => c.num(x);
  const a = aggregationOf(g.aggregate, g.id);
  const k = g.children.length;
  // Weight j as SQL (a literal, or a column of the node's weight CTE).
  const dynamic = "sql" in weights;
  const w = dynamic ? weights.sql : weights.values.map((v) => n(v));
  const cols = g.children.map((id) => `p.${c.col.get(id)}`);
  const policy = profile.missing;
  const imputing = policy === "mean" || policy === "median" || policy === "zero";
  // The value of child j after imputation.
  const x = cols.map((col, j) => {
    if (!imputing) return col;
    if (policy === "zero") return `COALESCE(${col}, ${n(0)})`;
    const cnt = imputeStat(`COUNT(${col.replace(/^p\./, "")})`);
    const statExpr =
      policy === "mean"
        ? `AVG(${col.replace(/^p\./, "")})`
        : (d.median(col.replace(/^p\./, "")) ??
          unsupported(`missing policy "median" in the ${d.name} dialect (no exact median)`, g.id));
    const fill = imputeStat(statExpr);
    return `(CASE WHEN ${col} IS NOT NULL THEN ${col} WHEN ${cnt} = 0 THEN ${c.raise(`node "${g.id}": child "${g.children[j]}" has no present value, so its ${policy} cannot be imputed`)} ELSE ${fill} END)`;
  });
  const presentCount = cols.map((col) => `(CASE WHEN ${col} IS NULL THEN 0 ELSE 1 END)`).join(" + ");
  // Children of weight 0 take no part: known here for literals, tested in SQL for computed weights.
  const used = dynamic ? w.map(() => true) : weights.values.map((wj) => wj > 0);
  const guard = (j: number, term: string) => (dynamic ? `CASE WHEN ${w[j]} > 0 THEN ${term} END` : term);
  // Total weight of the children present (all of them when imputing).
  const den = imputing
    ? dynamic
      ? `(${w.join(" + ")})`
      : n(weights.values.reduce((s, v) => s + v, 0))
    : `(${
        cols
          .map((col, j) => (used[j] ? `(CASE WHEN ${col} IS NULL THEN ${n(0)} ELSE ${w[j]} END)` : ""))
          .filter((s) => s !== "")
          .join(" + ") || n(0)
      })`;
  const sumOf = (term: (j: number) => string): string =>
    `(${
      x
        .map((_, j) => (used[j] ? `COALESCE(${guard(j, term(j))}, ${n(0)})` : ""))
        .filter((s) => s !== "")
        .join(" + ") || n(0)
    })`;
  const unit = "p.u";
  const where = (j: number) => `node "${g.id}", child "${g.children[j]}": `;
  let value: string;
  switch (a.method) {
    case "arithmetic":
      value = `${sumOf((j) => `${w[j]} * ${x[j]}`)} / NULLIF(${den}, 0)`;
      break;
    case "geometric": {
      const checked = (j: number) => {
        const xj = x[j] as string;
        const neg = `WHEN ${xj} < 0 THEN ${c.raise(`${where(j)}the geometric mean needs non-negative values; unit `, unit)}`;
        if (a.zero === "floor")
          return `(CASE ${neg} WHEN ${xj} < ${n(a.floor)} THEN ${n(a.floor)} ELSE ${xj} END)`;
        return `(CASE ${neg} WHEN ${xj} = 0 THEN ${c.raise(`${where(j)}the geometric mean of a zero is 0 whatever the other children; use { method: "geometric", zero: "floor" }; unit `, unit)} ELSE ${xj} END)`;
      };
      value = `EXP(${sumOf((j) => `${w[j]} * LN(${checked(j)})`)} / NULLIF(${den}, 0))`;
      break;
    }
    case "harmonic": {
      const checked = (j: number) =>
        `(CASE WHEN ${x[j]} <= 0 THEN ${c.raise(`${where(j)}the harmonic mean needs positive values; unit `, unit)} ELSE ${x[j]} END)`;
      value = `${den} / NULLIF(${sumOf((j) => `${w[j]} / ${checked(j)}`)}, 0)`;
      break;
    }
    case "power": {
      const p = a.p;
      const checked = (j: number) =>
        `(CASE WHEN ${x[j]} < 0 OR (${x[j]} = 0 AND ${n(p)} < 0) THEN ${c.raise(`${where(j)}the power mean with p = ${p} needs ${p < 0 ? "positive" : "non-negative"} values; unit `, unit)} ELSE ${x[j]} END)`;
      value = `POWER(${sumOf((j) => `${w[j]} * POWER(${checked(j)}, ${n(p)})`)} / NULLIF(${den}, 0), ${n(1 / p)})`;
      break;
    }
    case "minimum": {
      const inf = `CAST('Infinity' AS ${d.double})`;
      const terms = x.filter((_, j) => used[j]).map((xj, j) => `COALESCE(${guard(j, xj)}, ${inf})`);
      const least = terms.length === 1 ? (terms[0] as string) : `LEAST(${terms.join(", ")})`;
      value = `NULLIF(${terms.length === 0 ? inf : least}, ${inf})`;
      break;
    }
    case "mazziotta-pareto": {
      const mean = `(${sumOf((j) => `${w[j]} * ${x[j]}`)} / NULLIF(${den}, 0))`;
      const ss = sumOf((j) => `${w[j]} * (${x[j]} - ${mean}) * (${x[j]} - ${mean})`);
      const s2 = `(${ss} / ${den})`;
      value = `(CASE WHEN ${mean} IS NULL THEN NULL WHEN NOT (${mean} > 0) THEN ${c.raise(`node "${g.id}": the Mazziotta-Pareto index needs a positive mean of the children; unit `, unit)} ELSE ${mean} ${a.penalty === "negative" ? "-" : "+"} ${s2} / ${mean} END)`;
      break;
    }
  }
  // Coverage: share of children present (counted, not weighted), as aggregate().
  const cov = `CAST(${presentCount} AS ${d.double}) / ${n(k)}`;
  const result = `(CASE WHEN ${cov} < ${n(profile.minCoverage)} OR (${presentCount}) = 0 THEN NULL ELSE ${value} END)`;
  if (a.method !== "power") return result;
  return `(CASE WHEN ${result} IS NULL OR ${result} - ${result} = 0 THEN ${result} ELSE ${c.raise(`node "${g.id}": the power mean with p = ${a.p} overflows; rescale the values or use a smaller |p|; unit `, unit)} END)`;
}
