import type { Model, ModelNode } from "../indicators/schema.js";
import { walkTree } from "../indicators/tree.js";
import { IndicatrixError } from "../internal/errors.js";
import type { ResolvedNode, ResolvedProfile } from "../score/resolve-profile.js";
import { formulaToSQL } from "./formula-sql.js";
import { checkCaseCollisions } from "./options.js";
import { sqlSource } from "./source.js";
import { unsupported } from "./unsupported.js";
import type { SqlWriter } from "./writer.js";

/** Where the units are read from: the checked `source`, its unit column and its parent column. @internal */
export interface InputOptions {
  /** A table name or a file path (see `sqlSource`). */
  source: string;
  /** Column of the unit ids. */
  unitColumn: string;
  /** Column of the parent unit ids, when the source holds a unit hierarchy. */
  parentColumn?: string | undefined;
  /** Column of the periods, when the source is a panel (one row per unit and period). */
  periodColumn?: string | undefined;
}

/**
 * The first CTEs of the query, which read the units: `src` (the source as it is), `base` (the unit
 * id as trimmed text `u` and each source column needed as a double `x<k>`, units that are the
 * parent of another unit dropped when `parentColumn` is given), and `raw` (each active indicator's
 * raw value `r<i>`, in `profile.indicators` order: its column, or its formula inlined over the
 * columns; a missing value stops the query under the missing policy `error`). With `periodColumn`,
 * `base` and `raw` carry the period as trimmed text `per` (an empty period stops the query).
 *
 * @throws IndicatrixError `unsupported_in_sql` for outlier treatment (winsorize, log),
 *   `invalid_formula` for a formula cycle, and the errors of `sqlSource`.
 * @internal
 */
export function inputCtes(
  w: SqlWriter,
  tree: Model["tree"],
  profile: ResolvedProfile,
  opts: InputOptions,
): string[] {
  const d = w.d;
  const all = new Map<string, ModelNode>();
  for (const v of walkTree(tree)) all.set(v.node.id, v.node);
  const sourceCols: string[] = [];
  const sourceCol = (name: string): string => {
    let k = sourceCols.indexOf(name);
    if (k < 0) k = sourceCols.push(name) - 1;
    return `x${k}`;
  };
  const rawExpr = (id: string, stack: string[]): string => {
    const node = all.get(id);
    // An indicator that names its data column (`column: "绿地率"`) reads that column of the source.
    if (node?.formula === undefined)
      return sourceCol(node?.children === undefined ? (node?.column ?? id) : id);
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
      e = `(CASE WHEN ${e} IS NULL THEN ${w.raise(`indicator "${id}": a value is missing and the model's missing policy is "error"; unit `, "u")} ELSE ${e} END)`;
    rawCols.push(`${e} AS r${rawCols.length}`);
  }

  const parent = opts.parentColumn === undefined ? [] : [opts.parentColumn];
  const period = opts.periodColumn === undefined ? [] : [opts.periodColumn];
  checkCaseCollisions(
    d,
    [...new Set([opts.unitColumn, ...parent, ...period, ...sourceCols])],
    "source column",
  );
  const q = (s: string) => d.ident(s);
  const unitExpr = `TRIM(CAST(s.${q(opts.unitColumn)} AS ${d.text}))`;
  let where = "";
  if (opts.parentColumn !== undefined) {
    const p = `TRIM(CAST(p.${q(opts.parentColumn)} AS ${d.text}))`;
    where = ` WHERE ${unitExpr} NOT IN (SELECT ${p} FROM src AS p WHERE p.${q(opts.parentColumn)} IS NOT NULL AND ${p} <> '')`;
  }
  const perExpr = (col: string) => {
    const t = `TRIM(CAST(s.${q(col)} AS ${d.text}))`;
    return `CASE WHEN ${t} IS NULL OR ${t} = '' THEN CAST(${w.raise(`the period column "${col}" is empty; unit `, unitExpr)} AS ${d.text}) ELSE ${t} END AS per`;
  };
  const base = [
    `${unitExpr} AS u`,
    ...period.map(perExpr),
    ...sourceCols.map((name, k) => `CAST(s.${q(name)} AS ${d.double}) AS x${k}`),
  ];
  return [
    `src AS ${d.streamed}(SELECT * FROM ${sqlSource(opts.source, d)})`,
    `base AS ${d.streamed}(SELECT ${base.join(", ")} FROM src AS s${where})`,
    `raw AS ${d.streamed || d.materialized}(SELECT u, ${period.length > 0 ? "per, " : ""}${rawCols.join(", ")} FROM base)`,
  ];
}
