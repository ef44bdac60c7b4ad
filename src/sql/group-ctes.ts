import type { ResolvedNode, ResolvedProfile } from "../score/resolve-profile.js";
import { specNeedsData } from "../weighting/spec-weights.js";
import { type GroupWeights, groupSQL } from "./aggregate-sql.js";
import type { RowSet } from "./panel-sql.js";
import { weightSteps } from "./weights-sql.js";
import type { SqlWriter } from "./writer.js";

/** The CTEs that aggregate the groups, and the name of the last (which holds every score column). @internal */
export interface GroupCtes {
  /** `name AS (SELECT ...)` items, in order. */
  ctes: string[];
  /** The CTE with every node's column: the last level (the root's). */
  last: string;
}

/**
 * The CTEs that aggregate the groups bottom-up, one level of the tree at a time from the deepest:
 * `g<depth>` adds the scores of the groups at that depth to the columns of the level below (`from`
 * for the deepest, the normalized indicators), after the projection steps `g<depth>_<i>` of the
 * groups' helper columns (imputed values, a Mazziotta-Pareto mean, a power mean's pivot).
 *
 * A level that imputes needs the mean or median of each child, and a group with data-driven
 * weights (and no `weights` given) needs aggregates over its children's columns, both over all the
 * units of the level below. Where the engine keeps a CTE that is read twice (DuckDB, PostgreSQL with
 * MATERIALIZED), they are one-row CTEs, `mi<depth>` and the chain `wt<k>_s`, `wt<k>_<i>` ... `wt<k>`
 * (k the group's index in tree order), CROSS JOINed to the level's steps. Where the engine inlines
 * CTEs (`inlinesCtes`: Trino, Spark), they are window aggregates `OVER ()` in the row pipeline
 * (`g<depth>_k` marks the units with every child present, `g<depth>_a` holds the aggregates, then
 * the weight steps as projections), so that no level is computed twice and the source is read
 * twice in all (the statistics and the rows). Other weights are the literals of `local`.
 *
 * Over a panel (rows carrying their period `per`), `rows` says which rows the weights and the
 * imputation values are computed on: every row (`all`), each period's rows (`period`: the one-row
 * CTEs become one row per period, GROUP BY per and joined on it, the windows PARTITION BY per), or the
 * rows of one period (`only`: its rows alone enter the aggregates, whose one row is joined to all).
 *
 * @param columns - the column of every node id (`v<k>`, k its index in tree order).
 * @param computeWeights - whether data-driven weights are computed in the query (no `weights` given).
 * @param rows - the rows of the weights and of the imputation values (default: every row).
 * @internal
 */
export function groupCtes(
  w: SqlWriter,
  profile: ResolvedProfile,
  columns: ReadonlyMap<string, string>,
  local: Record<string, number>,
  computeWeights: boolean,
  from: string,
  rows: { weights: RowSet; impute: RowSet } = { weights: { kind: "all" }, impute: { kind: "all" } },
): GroupCtes {
  const d = w.d;
  const m = d.materialized;
  const windowed = d.inlinesCtes;
  const ids = [...profile.nodes.keys()];
  const groups = [...profile.nodes.values()].filter((n) => !n.indicator);
  const maxDepth = Math.max(...groups.map((g) => g.depth));
  const ctes: string[] = [];
  let prev = from;
  const over = (set: RowSet) => (set.kind === "period" ? "OVER (PARTITION BY p.per)" : "OVER ()");
  const inPeriod = (set: RowSet) => (set.kind === "only" ? ` AND per = ${d.string(set.period)}` : "");
  /** The join of a one-row (or one row per period) CTE to the rows. */
  const joinOf = (name: string, set: RowSet) =>
    set.kind === "period" ? ` JOIN ${name} ON ${name}.per = p.per` : ` CROSS JOIN ${name}`;
  /** Appends the row step `name`: the columns of `prev` and `items`, `joins` cross joined. */
  const step = (name: string, items: readonly string[], joins = "") => {
    const list = ["p.*", ...items].join(", ");
    ctes.push(`${name} AS ${m}(SELECT ${list} FROM ${prev} AS p${joins})`);
    prev = name;
  };
  for (let depth = maxDepth; depth >= 0; depth--) {
    const level = groups.filter((g) => g.depth === depth);
    const below = prev;
    // Aggregates over the level below: window items (windowed) or one-row CTE items.
    const imputeItems: string[] = [];
    const imputeName = `mi${depth}`;
    const imputeStat = (agg: string): string => {
      const col = `${imputeName}_m${imputeItems.length}`;
      imputeItems.push(windowed ? `${agg} ${over(rows.impute)} AS ${col}` : `${agg} AS ${col}`);
      return windowed ? `p.${col}` : `${imputeName}.${col}`;
    };
    const masks: string[] = [];
    const windows: string[] = [];
    const weightRows: string[][] = [];
    const oneRows: { name: string; set: RowSet }[] = [];
    const weightsOf = (g: ResolvedNode): GroupWeights => {
      if (!computeWeights || !specNeedsData(g.weights))
        return { values: g.children.map((id) => local[id] as number) };
      const name = `wt${ids.indexOf(g.id)}`;
      const own = g.children.map((id) => columns.get(id) as string);
      const set = rows.weights;
      const complete = own.map((c) => `${c} IS NOT NULL`).join(" AND ") + inPeriod(set);
      if (windowed) {
        const ok = `${name}_ok`;
        masks.push(`CASE WHEN ${complete} THEN 1 ELSE 0 END AS ${ok}`);
        const x = own.map((c) => `(CASE WHEN ${ok} = 1 THEN ${c} END)`);
        const ws = weightSteps(w, profile, g, x, name);
        windows.push(`CAST(SUM(${ok}) ${over(set)} AS ${d.double}) AS ${ws.m}`);
        for (const [agg, col] of ws.aggs) windows.push(`${agg} ${over(set)} AS ${col}`);
        ws.steps.forEach((items, i) => {
          while (weightRows.length <= i) weightRows.push([]);
          weightRows[i]?.push(...items);
        });
        return { sql: ws.weights.map((c) => `p.${c}`) };
      }
      if (set.kind === "period") {
        // One row per period, every period present: the complete rows masked, not filtered out.
        const x = own.map((c) => `(CASE WHEN ${complete} THEN ${c} END)`);
        const ws = weightSteps(w, profile, g, x, name);
        const aggs = ws.aggs.map(([agg, col]) => `, ${agg} AS ${col}`).join("");
        ctes.push(
          `${name}_s AS ${m}(SELECT per, CAST(SUM(CASE WHEN ${complete} THEN 1 ELSE 0 END) AS ${d.double}) AS ${ws.m}${aggs} FROM ${below} GROUP BY per)`,
        );
        return { sql: chain(name, ws, set) };
      }
      const ws = weightSteps(w, profile, g, own, name);
      const aggs = ws.aggs.map(([agg, col]) => `, ${agg} AS ${col}`).join("");
      ctes.push(
        `${name}_s AS ${m}(SELECT CAST(COUNT(*) AS ${d.double}) AS ${ws.m}${aggs} FROM ${below} WHERE ${complete})`,
      );
      return { sql: chain(name, ws, set) };
    };
    /** The scalar steps of a node's weights over its aggregates `<name>_s`, ending in the CTE `<name>`. */
    const chain = (name: string, ws: ReturnType<typeof weightSteps>, set: RowSet): string[] => {
      let last = `${name}_s`;
      ws.steps.forEach((items, i) => {
        const stepName = i === ws.steps.length - 1 ? name : `${name}_${i}`;
        ctes.push(`${stepName} AS ${m}(SELECT ${["*", ...items].join(", ")} FROM ${last})`);
        last = stepName;
      });
      oneRows.push({ name, set });
      return ws.weights.map((c) => `${name}.${c}`);
    };
    const sqls = level.map((g) => ({ g, sql: groupSQL(w, g, weightsOf(g), profile, columns, imputeStat) }));
    if (windowed) {
      if (masks.length > 0) step(`g${depth}_k`, masks);
      if (windows.length > 0 || imputeItems.length > 0) step(`g${depth}_a`, [...imputeItems, ...windows]);
      for (const [i, items] of weightRows.entries()) step(`g${depth}_w${i}`, items);
    } else if (imputeItems.length > 0) {
      const byPeriod = rows.impute.kind === "period";
      ctes.push(
        `${imputeName} AS (SELECT ${byPeriod ? "per, " : ""}${imputeItems.join(", ")} FROM ${below}${byPeriod ? " GROUP BY per" : ""})`,
      );
      oneRows.unshift({ name: imputeName, set: rows.impute });
    }
    const joins = oneRows.map(({ name, set }) => joinOf(name, set)).join("");
    const stepCount = Math.max(0, ...sqls.map((s) => s.sql.steps.length));
    for (let i = 0; i < stepCount; i++) {
      const items = sqls.flatMap((s) => s.sql.steps[i] ?? []);
      if (items.length > 0) step(`g${depth}_${i}`, items, joins);
    }
    step(
      `g${depth}`,
      sqls.map((s) => `${s.sql.value} AS ${columns.get(s.g.id)}`),
      joins,
    );
  }
  return { ctes, last: prev };
}
