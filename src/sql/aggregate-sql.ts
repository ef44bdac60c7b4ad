import { type ResolvedAggregate, resolveAggregate } from "../aggregate/resolve-aggregate.js";
import type { ResolvedNode, ResolvedProfile } from "../score/resolve-profile.js";
import { imputedSQL } from "./impute-sql.js";
import { unsupported } from "./unsupported.js";
import type { SqlWriter } from "./writer.js";

/** The unit id of the row, named in the messages of data errors. */
const UNIT = "p.u";

/** A group's weights: literals, or SQL references to its computed weight columns. @internal */
export type GroupWeights = { values: number[] } | { sql: string[] };

/**
 * The resolved aggregation of a group. A power mean near p = 0 (computed with expm1 / log1p in
 * memory) has no SQL form.
 */
function aggregationOf(g: ResolvedNode): ResolvedAggregate {
  const a = resolveAggregate(g.aggregate);
  if (a.method === "power" && a.nearZero)
    unsupported(`the power mean with |p| < 0.001 (p = ${a.p}, computed with expm1/log1p in memory)`, g.id);
  return a;
}

/** The weighted pieces every method is written from (one entry per child). */
interface Terms {
  /** Weight j as SQL: a literal, or a column of the node's weight CTE. */
  w: string[];
  /** The value of child j after imputation. */
  x: string[];
  /** Whether child j takes part (weight > 0: known for literals, always true for computed weights). */
  used: boolean[];
  /** `term`, guarded to NULL where a computed weight is 0. */
  guard(j: number, term: string): string;
  /** Total weight of the children present (all of them when imputing). */
  den: string;
  /** The sum over the children taking part of `term(j)`, a missing term counting 0. */
  sumOf(term: (j: number) => string): string;
  /**
   * Computes `expr` once as the column `<group column>_<name>` in projection step `after` (0: the
   * first step after the children's values), and returns the reference to it: what is used more
   * than once is a column, not a repeated expression, so every expression stays of size O(children).
   */
  column(expr: string, name: string, after: number): string;
}

/**
 * The aggregate of `t` by method `a` (before the coverage rule). Where `aggregate()` throws on data
 * (a negative value in a geometric mean...) the query stops, naming node, child and unit.
 */
function methodSQL(w: SqlWriter, g: ResolvedNode, a: ResolvedAggregate, t: Terms): string {
  const n = (v: number) => w.num(v);
  const where = (j: number) => `node "${g.id}", child "${g.children[j]}": `;
  const { x } = t;
  switch (a.method) {
    case "arithmetic":
      return w.div(
        t.sumOf((j) => `${t.w[j]} * ${x[j]}`),
        t.den,
      );
    case "geometric": {
      const checked = (j: number) => {
        const xj = x[j];
        const neg = `WHEN ${xj} < 0 THEN ${w.raise(`${where(j)}the geometric mean needs non-negative values; unit `, UNIT)}`;
        if (a.zero === "floor")
          return `(CASE ${neg} WHEN ${xj} < ${n(a.floor)} THEN ${n(a.floor)} ELSE ${xj} END)`;
        return `(CASE ${neg} WHEN ${xj} = 0 THEN ${w.raise(`${where(j)}the geometric mean of a zero is 0 whatever the other children; use { method: "geometric", zero: "floor" }; unit `, UNIT)} ELSE ${xj} END)`;
      };
      return `EXP(${w.div(
        t.sumOf((j) => `${t.w[j]} * LN(${checked(j)})`),
        t.den,
      )})`;
    }
    case "harmonic": {
      const checked = (j: number) =>
        `(CASE WHEN ${x[j]} <= 0 THEN ${w.raise(`${where(j)}the harmonic mean needs positive values; unit `, UNIT)} ELSE ${x[j]} END)`;
      return w.div(
        t.den,
        t.sumOf((j) => w.div(t.w[j] as string, checked(j))),
      );
    }
    case "power": {
      const p = a.p;
      const checked = (j: number) =>
        `(CASE WHEN ${x[j]} < 0 OR (${x[j]} = 0 AND ${n(p)} < 0) THEN ${w.raise(`${where(j)}the power mean with p = ${p} needs ${p < 0 ? "positive" : "non-negative"} values; unit `, UNIT)} ELSE ${x[j]} END)`;
      // The scaled form of the in-memory kernel: M (sum(w (x/M)^p) / sum(w))^(1/p), M the largest
      // child present for p > 0 and the smallest for p < 0, so no term under- or overflows.
      const none = `CAST('${p > 0 ? "-" : ""}Infinity' AS ${w.d.double})`;
      const present = x.filter((_, j) => t.used[j]).map((xj, j) => `COALESCE(${t.guard(j, xj)}, ${none})`);
      const [only] = present;
      const pivot = t.column(
        present.length === 0
          ? none
          : present.length === 1 && only !== undefined
            ? only
            : `${p > 0 ? "GREATEST" : "LEAST"}(${present.join(", ")})`,
        "pv",
        0,
      );
      const mean = `POWER(${w.div(
        t.sumOf((j) => `${t.w[j]} * POWER(${w.div(checked(j), pivot)}, ${n(p)})`),
        t.den,
      )}, ${n(1 / p)})`;
      // p > 0 and M^p beyond the double range: numeric_overflow, as in memory.
      const bound = Number.MAX_VALUE ** (1 / p);
      const big =
        p > 0 && bound < Number.MAX_VALUE
          ? ` WHEN ${pivot} > ${n(bound)} THEN ${w.raise(`node "${g.id}": the power mean with p = ${p} overflows; rescale the values or use a smaller |p|; unit `, UNIT)}`
          : "";
      return `(CASE WHEN ${pivot} = ${n(0)} THEN ${n(0)}${big} ELSE ${pivot} * ${mean} END)`;
    }
    case "minimum": {
      const inf = `CAST('Infinity' AS ${w.d.double})`;
      const terms = x.filter((_, j) => t.used[j]).map((xj, j) => `COALESCE(${t.guard(j, xj)}, ${inf})`);
      const [only] = terms;
      const least = terms.length === 1 && only !== undefined ? only : `LEAST(${terms.join(", ")})`;
      return `NULLIF(${terms.length === 0 ? inf : least}, ${inf})`;
    }
    case "mazziotta-pareto": {
      const mean = t.column(
        w.div(
          t.sumOf((j) => `${t.w[j]} * ${x[j]}`),
          t.den,
        ),
        "mu",
        0,
      );
      const ss = t.sumOf((j) => `${t.w[j]} * (${x[j]} - ${mean}) * (${x[j]} - ${mean})`);
      const s2 = w.div(ss, t.den);
      return `(CASE WHEN ${mean} IS NULL THEN NULL WHEN NOT (${mean} > 0) THEN ${w.raise(`node "${g.id}": the Mazziotta-Pareto index needs a positive mean of the children; unit `, UNIT)} ELSE ${mean} ${a.penalty === "negative" ? "-" : "+"} ${w.div(s2, mean)} END)`;
    }
  }
}

/** One group's score: the projection steps of its helper columns, and the expression of its score. @internal */
export interface GroupSql {
  /** Items `expr AS column` per projection step, run in order before the score (steps may be empty). */
  steps: string[][];
  /** The score, over the children's columns and the helper columns (read through the alias `p`). */
  value: string;
}

/**
 * The SQL of one group's score from its children's columns (read through the alias `p`), with the
 * semantics of `aggregate()`: the method `resolveAggregate` picks, over the children present (skip)
 * or imputed (zero, mean, median), children of weight 0 taking no part, and NULL below the
 * profile's minimum coverage (the share of children present, counted, not weighted). What is used
 * more than once (imputed values, the Mazziotta-Pareto mean, the power mean's pivot and result) is
 * a helper column `<group column>_<name>` of an earlier projection step, so that the size of every
 * expression is linear in the number of children.
 *
 * @param columns - the column of every node id (`v<k>`).
 * @param imputeStat - registers an aggregate of the level's imputation values and returns its reference.
 * @throws IndicatrixError the codes of `resolveAggregate`, `unsupported_in_sql` for a power mean
 *   with |p| < 0.001 and for `median` imputation in a dialect without an exact median.
 * @internal
 */
export function groupSQL(
  w: SqlWriter,
  g: ResolvedNode,
  weights: GroupWeights,
  profile: ResolvedProfile,
  columns: ReadonlyMap<string, string>,
  imputeStat: (agg: string) => string,
): GroupSql {
  const n = (v: number) => w.num(v);
  const a = aggregationOf(g);
  const own = g.children.map((id) => columns.get(id) as string);
  const cols = own.map((col) => `p.${col}`);
  const policy = profile.missing;
  const imputing = policy === "mean" || policy === "median" || policy === "zero";
  const steps: string[][] = [];
  const gcol = columns.get(g.id) as string;
  const put = (step: number, expr: string, name: string): string => {
    while (steps.length <= step) steps.push([]);
    steps[step]?.push(`${expr} AS ${name}`);
    return `p.${name}`;
  };
  const imputed = imputedSQL(w, g, own, policy, imputeStat);
  const x = imputing ? imputed.map((e, j) => put(0, e, `${own[j]}_i`)) : imputed;
  const first = imputing ? 1 : 0;
  const column = (expr: string, name: string, after: number) => put(first + after, expr, `${gcol}_${name}`);
  const presentCount = cols.map((col) => `(CASE WHEN ${col} IS NULL THEN 0 ELSE 1 END)`).join(" + ");
  const dynamic = "sql" in weights;
  const wj = dynamic ? weights.sql : weights.values.map((v) => n(v));
  const used = dynamic ? wj.map(() => true) : weights.values.map((v) => v > 0);
  const den = imputing
    ? dynamic
      ? `(${wj.join(" + ")})`
      : n(weights.values.reduce((s, v) => s + v, 0))
    : `(${
        cols
          .map((col, j) => (used[j] ? `(CASE WHEN ${col} IS NULL THEN ${n(0)} ELSE ${wj[j]} END)` : ""))
          .filter((s) => s !== "")
          .join(" + ") || n(0)
      })`;
  const guard = (j: number, term: string) => (dynamic ? `CASE WHEN ${wj[j]} > 0 THEN ${term} END` : term);
  const sumOf = (term: (j: number) => string): string =>
    `(${
      x
        .map((_, j) => (used[j] ? `COALESCE(${guard(j, term(j))}, ${n(0)})` : ""))
        .filter((s) => s !== "")
        .join(" + ") || n(0)
    })`;
  const value = methodSQL(w, g, a, { w: wj, x, used, guard, den, sumOf, column });
  const cov = `CAST(${presentCount} AS ${w.d.double}) / ${n(g.children.length)}`;
  const result = `(CASE WHEN ${cov} < ${n(profile.minCoverage)} OR (${presentCount}) = 0 THEN NULL ELSE ${value} END)`;
  if (a.method !== "power") return { steps, value: result };
  const r = column(result, "r", 1);
  return {
    steps,
    value: `(CASE WHEN ${r} IS NULL OR ${r} - ${r} = 0 THEN ${r} ELSE ${w.raise(`node "${g.id}": the power mean with p = ${a.p} overflows; rescale the values or use a smaller |p|; unit `, UNIT)} END)`,
  };
}
