import type { Model } from "../../indicators/schema.js";
import type { PanelResult } from "../../panel/score-panel.js";
import { rollup } from "../../score/rollup.js";
import type { Io } from "../context.js";
import { printable, textTable } from "../format.js";

/** A change with one decimal and its sign (0.0 without one). */
function signed(v: number): string {
  const r = Math.round(v * 10) / 10;
  return `${r > 0 ? "+" : ""}${r.toFixed(1)}`;
}

/**
 * The demo's trend section: a panel's overall score per top-level unit (district, population-weighted
 * roll-up) and period, the units that improved and declined most from their first to their last period,
 * and the rank correlation between consecutive periods.
 */
export function trendText(model: Model, panel: PanelResult, top: number, io: Io, source: string): void {
  const { periods } = panel;
  const results = periods.map((p) => panel.at(p));
  const last = results[results.length - 1];
  if (!last) return;
  const root = last.resolved.root;
  const h = last.hierarchy;
  const names = new Map(h.units.map((u, i) => [u, h.names[i]]));
  const name = (u: string) => names.get(u) ?? "";
  const pct = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "-" : (v * 100).toFixed(1));
  const profiles = [...new Set(Object.values(panel.provenance.profiles))].join(", ");
  io.out(
    `\nOver time: ${printable(source)}, ${last.units.length} scored units over ${periods[0]}-${periods[periods.length - 1]} (${printable(model.id)}, ${panel.provenance.basis === "pooled" ? "pooled" : "per-period"} bounds; profiles ${printable(profiles)})\n`,
  );
  const by = h.columns.population ? { weight: "population" } : ("mean" as const);
  const ups = results.map((r) => rollup(r, { by }));
  const upLast = ups[ups.length - 1]!;
  // The highest level with at least two units (the districts under one city).
  const index = new Map(upLast.units.map((u, s) => [u, s]));
  const depth = upLast.units.map((_, s) => {
    let d = 0;
    for (let p = upLast.parents[s]; p !== undefined && index.has(p) && d < index.size; d++)
      p = upLast.parents[index.get(p)!];
    return d;
  });
  const level = [...new Set(depth)]
    .sort((a, b) => a - b)
    .find((d) => depth.filter((x) => x === d).length >= 2);
  const tops = upLast.units.filter((_, s) => depth[s] === level);
  if (tops.length > 0) {
    io.out(
      `\nOverall score per district and year (score 0-100${by === "mean" ? "" : ", population-weighted"}):\n`,
    );
    io.out(
      textTable(
        ["district", "name", ...periods, "change"],
        tops.map((u) => {
          const series = ups.map((up) => up.scores[root]?.[up.units.indexOf(u)]);
          const a = series[0];
          const b = series[series.length - 1];
          return [
            u,
            name(u),
            ...series.map(pct),
            a === undefined || b === undefined ? "-" : signed((b - a) * 100),
          ];
        }),
      ),
    );
  }
  const t = panel.trends({ nodes: [root], method: "change" }).rows.filter((r) => Number.isFinite(r.change));
  const rankOf = (unit: string, period: string | undefined) => {
    const r = period === undefined ? undefined : results[periods.indexOf(period)];
    const i = r ? r.units.indexOf(unit) : -1;
    return r && i >= 0 ? (r.ranks[root]?.[i] ?? 0) : 0;
  };
  const list = (rows: typeof t) =>
    textTable(
      ["unit", "name", "from", "to", "change", "rank"],
      rows.map((r) => [
        r.unit,
        name(r.unit),
        r.first ?? "",
        r.last ?? "",
        signed(r.change * 100),
        `${rankOf(r.unit, r.first)} -> ${rankOf(r.unit, r.last)}`,
      ]),
    );
  io.out(`\nBiggest improvers (overall score, first to last year):\n`);
  io.out(list([...t].sort((a, b) => b.change - a.change).slice(0, top)));
  io.out(`\nBiggest decliners:\n`);
  io.out(list([...t].sort((a, b) => a.change - b.change).slice(0, top)));
  const m = panel.mobility();
  io.out(
    `\nRank correlation between consecutive years (Spearman): ${m.transitions.map((x) => `${x.from}-${x.to} ${x.spearman.toFixed(3)}`).join(", ")}\n`,
  );
}
