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
