import type { ResolvedProfile } from "../score/resolve-profile.js";
import type { SqlDialect } from "./dialect.js";
import type { ToSqlOptions } from "./to-sql.js";

/** Which nodes get a rank column: the `ranks` option of `toSQL`. @internal */
export type RankMode = NonNullable<ToSqlOptions["ranks"]>;

/** The rank modes, in the order the option's message lists them. @internal */
export const RANK_MODES: readonly RankMode[] = ["all", "groups", "root", "none"];

/**
 * The node ids, of `ids` in their order, that get a rank column: every node (`all`), the root and
 * the groups (`groups`), the root (`root`) or none.
 * @internal
 */
export function rankedNodes(profile: ResolvedProfile, ids: readonly string[], mode: RankMode): string[] {
  switch (mode) {
    case "all":
      return [...ids];
    case "groups":
      return ids.filter((id) => !profile.nodes.get(id)?.indicator);
    case "root":
      return ids.filter((id) => id === profile.root);
    case "none":
      return [];
  }
}

/**
 * The rank column of node `id` from its score column `v`, as `score()` ranks: the highest score
 * ranks 1, ties share the lowest rank, a unit without a score has NULL (where `score()` has 0).
 * With `partition` (the period column of a panel) the units are ranked within each period, as
 * `scorePanel` ranks them.
 * @internal
 */
export function rankColumn(d: SqlDialect, v: string, id: string, partition?: string): string {
  const over = partition === undefined ? "" : `PARTITION BY ${partition} `;
  return `CASE WHEN ${v} IS NULL THEN NULL ELSE RANK() OVER (${over}ORDER BY ${v} DESC NULLS LAST) END AS ${d.ident(`${id}_rank`)}`;
}

/**
 * The ranks of `ranked` (node id -> its score column in `from`) as joins, for DuckDB (`joinsRanks`:
 * it computes a CTE read many times once; Trino and Spark would copy `from` into every reader). Per
 * node one small CTE of its distinct scores, each with its rank: 1 + the number of units scoring
 * higher, a running sum of the counts over the distinct scores sorted from the highest, so ties
 * share the lowest rank as RANK() gives it; the rows then join it on the score (the same column of
 * the same CTE, so equal bits). That sorts the distinct scores of one column, where a window sorts
 * every row with all its columns: 200,000 units x 56 nodes, every node ranked, took 4.0 s against
 * 11-12 s with windows in DuckDB (bench/sql.ts 200000). A unit without a score has NULL. With
 * `partition` the ranks are within each value of it (the period of a panel).
 * @internal
 */
export function rankJoins(
  d: SqlDialect,
  ranked: ReadonlyMap<string, string>,
  from: string,
  partition?: string,
): { ctes: string[]; columns: string[]; joins: string } {
  const ctes: string[] = [];
  const columns: string[] = [];
  const joins: string[] = [];
  const by = partition === undefined ? "" : `${partition}, `;
  const over = partition === undefined ? "" : `PARTITION BY ${partition} `;
  let k = 0;
  for (const [id, v] of ranked) {
    const name = `rk${k++}`;
    ctes.push(
      `${name} AS (SELECT ${by}${v} AS v, CAST(SUM(COUNT(*)) OVER (${over}ORDER BY ${v} DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - COUNT(*) + 1 AS BIGINT) AS r FROM ${from} WHERE ${v} IS NOT NULL GROUP BY ${by}${v})`,
    );
    columns.push(`${name}.r AS ${d.ident(`${id}_rank`)}`);
    const on = partition === undefined ? "" : ` AND ${name}.${partition} = ${from}.${partition}`;
    joins.push(` LEFT JOIN ${name} ON ${name}.v = ${from}.${v}${on}`);
  }
  return { ctes, columns, joins: joins.join("") };
}
