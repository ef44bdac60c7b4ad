import type { Model } from "../indicators/schema.js";
import { displayName } from "../indicators/tree.js";
import { type XlsxSheet, xlsxBytes } from "../node/xlsx-bytes.js";
import type { RollupResult } from "../score/rollup.js";
import type { Result } from "../score/score.js";

type Row = Record<string, string | number | null>;

/**
 * The workbook of `indicatrix score --out results.xlsx`: one sheet each for the scores (every unit, as
 * the CSV output), the ranking (scored units by rank, with names), the weights (local and global, by
 * node), the AHP consistency (when the model has AHP nodes) and the roll-up (units with child units,
 * when there are any), each with a frozen bold header and number formats, written by `xlsxBytes` (SheetJS
 * Community Edition, which reads workbooks, cannot write frozen or bold headers).
 */
export function scoreWorkbook(
  model: Model,
  result: Result,
  up: RollupResult,
  table: { columns: string[]; count: number; rowAt: (k: number) => Row },
  scale: number,
): Uint8Array {
  const nodes = [...result.resolved.nodes.values()];
  const ids = new Set(nodes.map((n) => n.id));
  const scoreFormat = scale === 100 ? "0.00" : "0.0000";
  const formatOf = (c: string) =>
    ids.has(c) ? scoreFormat : c.endsWith("_rank") ? "0" : c === "coverage" ? "0.0%" : undefined;
  const all: Row[] = Array.from({ length: table.count }, (_, k) => table.rowAt(k));
  const cells = (rows: Row[], columns: readonly string[]) =>
    rows.map((r) => columns.map((c) => r[c] ?? null));
  const root = result.resolved.root;
  const sheets: XlsxSheet[] = [
    {
      name: "scores",
      columns: table.columns,
      rows: cells(all, table.columns),
      formats: table.columns.map(formatOf),
    },
  ];
  const ranked = all
    .filter((r) => r.status === "scored" && typeof r[`${root}_rank`] === "number")
    .sort((a, b) => (a[`${root}_rank`] as number) - (b[`${root}_rank`] as number));
  const rankColumns = ["rank", "unit", "name", "parent", root];
  sheets.push({
    name: "ranking",
    columns: rankColumns,
    rows: ranked.map((r) => [
      r[`${root}_rank`] ?? null,
      r.unit ?? null,
      r.name ?? null,
      r.parent ?? null,
      r[root] ?? null,
    ]),
    formats: ["0", undefined, undefined, undefined, scoreFormat],
  });
  const parentOf = new Map<string, string>();
  for (const n of nodes) for (const c of n.node.children ?? []) parentOf.set(c.id, n.id);
  sheets.push({
    name: "weights",
    columns: ["node", "name", "parent", "kind", "local weight", "global weight"],
    rows: nodes.map((n) => [
      n.id,
      displayName(n.node, model.language),
      parentOf.get(n.id) ?? null,
      n.indicator ? "indicator" : "group",
      result.weights.local[n.id] ?? null,
      result.weights.global[n.id] ?? null,
    ]),
    formats: [undefined, undefined, undefined, undefined, "0.0000", "0.0000"],
  });
  const consistency = Object.entries(result.consistency);
  if (consistency.length > 0)
    sheets.push({
      name: "consistency",
      columns: ["node", "CR", "CI", "lambda max", "threshold", "consistent", "advice"],
      rows: consistency.map(([id, c]) => [
        id,
        c.cr,
        c.ci,
        c.lambdaMax,
        c.threshold,
        c.consistent ? "yes" : "no",
        c.advice ?? null,
      ]),
      formats: [undefined, "0.0000", "0.0000", "0.0000", "0.00", undefined, undefined],
    });
  const rolled = all.filter((r) => r.status === "rollup");
  if (up.units.length > 0 && rolled.length > 0)
    sheets.push({
      name: "roll-up",
      columns: table.columns,
      rows: cells(rolled, table.columns),
      formats: table.columns.map(formatOf),
    });
  return xlsxBytes(sheets);
}
