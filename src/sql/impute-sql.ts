import type { MissingPolicy } from "../internal/specs.js";
import { unsupported } from "./unsupported.js";
import type { SqlWriter } from "./writer.js";

/**
 * The value of each child of group `node` after imputation under the missing policy, as `score()`
 * imputes before aggregating: `zero` fills 0, `mean` / `median` the child's mean / median over the
 * units (registered through `imputeStat` in the level's one-row CTE), `skip` and `error` leave the
 * column as it is. `columns` are the children's columns (`v<k>`), read through the alias `p`.
 * A child without any present value cannot be imputed: the query stops saying so.
 *
 * @throws IndicatrixError `unsupported_in_sql` for `median` in a dialect without an exact median.
 * @internal
 */
export function imputedSQL(
  w: SqlWriter,
  node: { id: string; children: string[] },
  columns: string[],
  policy: MissingPolicy,
  imputeStat: (agg: string) => string,
): string[] {
  return columns.map((col, j) => {
    const p = `p.${col}`;
    if (policy === "skip" || policy === "error") return p;
    if (policy === "zero") return `COALESCE(${p}, ${w.num(0)})`;
    const cnt = imputeStat(`COUNT(${col})`);
    const statExpr =
      policy === "mean"
        ? `AVG(${col})`
        : (w.d.median(col) ??
          unsupported(`missing policy "median" in the ${w.d.name} dialect (no exact median)`, node.id));
    const fill = imputeStat(statExpr);
    return `(CASE WHEN ${p} IS NOT NULL THEN ${p} WHEN ${cnt} = 0 THEN ${w.raise(`node "${node.id}": child "${node.children[j]}" has no present value, so its ${policy} cannot be imputed`)} ELSE ${fill} END)`;
  });
}
