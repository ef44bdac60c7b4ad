import type { ResolvedNode, ResolvedProfile } from "../score/resolve-profile.js";
import { specNeedsData } from "../weighting/spec-weights.js";
import { type GroupWeights, groupSQL } from "./aggregate-sql.js";
import { oneRow } from "./one-row.js";
import { weightCtes } from "./weights-sql.js";
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
 * for the deepest, the normalized indicators). A level that imputes first gets the one-row CTE
 * `mi<depth>` of its imputation values; a group with data-driven weights (and no `weights` given)
 * first gets the chain of weight CTEs `wt<k>_s` ... `wt<k>` (k its index in tree order), over the
 * columns of the level below. Other weights are the literals of `local`.
 *
 * @param columns - the column of every node id (`v<k>`, k its index in tree order).
 * @param computeWeights - whether data-driven weights are computed in the query (no `weights` given).
 * @internal
 */
export function groupCtes(
  w: SqlWriter,
  profile: ResolvedProfile,
  columns: ReadonlyMap<string, string>,
  local: Record<string, number>,
  computeWeights: boolean,
  from: string,
): GroupCtes {
  const m = w.d.materialized;
  const ids = [...profile.nodes.keys()];
  const groups = [...profile.nodes.values()].filter((n) => !n.indicator);
  const maxDepth = Math.max(...groups.map((g) => g.depth));
  const ctes: string[] = [];
  let prev = from;
  for (let depth = maxDepth; depth >= 0; depth--) {
    const level = groups.filter((g) => g.depth === depth);
    const impute = oneRow("mi", "m");
    const joins: string[] = [];
    const weightsOf = (g: ResolvedNode): GroupWeights => {
      if (!computeWeights || !specNeedsData(g.weights))
        return { values: g.children.map((id) => local[id] as number) };
      const colOf = (id: string) => columns.get(id) as string;
      const wc = weightCtes(w, profile, g, prev, colOf, `wt${ids.indexOf(g.id)}`);
      ctes.push(...wc.ctes);
      joins.push(` CROSS JOIN ${wc.name}`);
      return { sql: wc.weights };
    };
    const select = level
      .map((g) => `${groupSQL(w, g, weightsOf(g), profile, columns, impute.add)} AS ${columns.get(g.id)}`)
      .join(", ");
    const name = `g${depth}`;
    if (impute.items.length > 0) {
      ctes.push(`mi${depth} AS (SELECT ${impute.items.join(", ")} FROM ${prev})`);
      ctes.push(
        `${name} AS ${m}(SELECT p.*, ${select} FROM ${prev} AS p CROSS JOIN mi${depth} AS mi${joins.join("")})`,
      );
    } else ctes.push(`${name} AS ${m}(SELECT p.*, ${select} FROM ${prev} AS p${joins.join("")})`);
    prev = name;
  }
  return { ctes, last: prev };
}
