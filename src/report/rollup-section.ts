import type { RollupResult } from "../score/rollup.js";
import { type BarRow, barChart } from "./charts.js";
import { esc } from "./escape.js";
import { toDisplay } from "./format.js";
import { type Cell, card, num, table, text } from "./html.js";
import { niceMax } from "./svg.js";
import type { ProfileView, ReportContext } from "./view.js";

/** Scores rolled up to the higher levels (streets, districts): a bar chart and a table per level. @internal */
export function rollupSection(ctx: ReportContext, v: ProfileView, up: RollupResult): string {
  const L = ctx.labels;
  const levels: (string | undefined)[] = [];
  for (const l of up.levels) if (!levels.includes(l)) levels.push(l);
  const rootCol = up.scores[v.root] as Float64Array;
  const rootRanks = up.ranks[v.root] as Uint32Array;
  const population = v.result.hierarchy.columns.population;
  const hIndex = new Map(v.result.hierarchy.units.map((u, i) => [u, i]));
  const parts: string[] = [];
  for (const level of levels) {
    const slots = up.levels.flatMap((l, s) => (l === level ? [s] : []));
    if (slots.length < 2) continue;
    slots.sort((a, b) => (rootRanks[a] || 1e9) - (rootRanks[b] || 1e9) || a - b);
    const hasParents = slots.some((s) => up.parents[s] !== undefined);
    const rows: BarRow[] = slots.slice(0, 40).map((s) => {
      const u = up.units[s]!;
      const parent = up.parents[s];
      return {
        id: u,
        label: ctx.unitName(u),
        title: `${ctx.unitName(u)}${parent ? ` (${ctx.unitName(parent)})` : ""}`,
        rank: rootRanks[s]!,
        value: toDisplay(v.scale, rootCol[s]!),
        color: "#4e79a7",
      };
    });
    const max = niceMax(
      Math.max(...rows.map((r) => r.value).filter((x) => !Number.isNaN(x)), 0),
      v.scale.bounded,
    );
    const chart = barChart(rows, {
      max,
      ariaLabel: `${L.rollup}: ${L.term(level ?? "")}`,
      className: "bars rollup",
      width: 1000,
      labelWidth: 220,
    });
    const cols = [
      { label: L.rank, numeric: true },
      { label: L.name },
      ...(hasParents ? [{ label: L.parent }] : []),
      { label: L.count, numeric: true },
      ...(population ? [{ label: L.population, numeric: true }] : []),
      { label: L.score, numeric: true },
      ...v.dims.map((d) => ({ label: ctx.nodeName(d), numeric: true })),
    ];
    const tableRows: Cell[][] = slots.map((s) => {
      const u = up.units[s]!;
      const parent = up.parents[s];
      const h = hIndex.get(u);
      const pop = population && h !== undefined ? population[h]! : Number.NaN;
      return [
        { html: rootRanks[s] ? String(rootRanks[s]) : "–", sort: rootRanks[s] || "", numeric: true },
        { html: `${esc(ctx.unitName(u))} <span class="muted">${esc(u)}</span>`, sort: ctx.unitName(u) },
        ...(hasParents ? [text(parent ? ctx.unitName(parent) : "")] : []),
        num(up.counts[s]!, 0),
        ...(population
          ? [
              {
                html: Number.isFinite(pop) ? esc(Math.round(pop).toLocaleString("en-US")) : "–",
                sort: Number.isFinite(pop) ? pop : "",
                numeric: true,
              },
            ]
          : []),
        num(toDisplay(v.scale, rootCol[s]!), 2),
        ...v.dims.map((d) => num(toDisplay(v.scale, up.scores[d]?.[s] ?? Number.NaN), 1)),
      ];
    });
    const grid = `${chart}${table(cols, tableRows, { sortable: true, scroll: slots.length > 12, className: "rollup-table" })}`;
    parts.push(`<h3>${esc(L.term(level ?? ""))} (${slots.length})</h3>${grid}`);
  }
  if (parts.length === 0) return "";
  const note = up.by === "mean" ? L.plainMean : L.weightedBy(up.by.weight);
  return card(`p${v.index}-rollup`, L.rollup, parts.join(""), note);
}
