import { obstacleDegree } from "../evaluate/obstacle.js";
import type { ResolvedNode } from "../score/resolve-profile.js";
import { type BarRow, barChart } from "./charts.js";
import { esc } from "./escape.js";
import { fixed, percent, rawValue, toDisplay } from "./format.js";
import { unitAssessment } from "./grades-section.js";
import { type Cell, card, kpi, legend, num, table } from "./html.js";
import { niceMax } from "./svg.js";
import { nodeDisplay, type ProfileView, type ReportContext } from "./view.js";

function mean(col: Float64Array): number {
  let s = 0;
  let n = 0;
  for (const x of col)
    if (!Number.isNaN(x)) {
      s += x;
      n++;
    }
  return n > 0 ? s / n : Number.NaN;
}

/** One unit in detail: its scores by dimension, strengths and weaknesses, and obstacle degrees. @internal */
export function unitSection(ctx: ReportContext, v: ProfileView, unit: string): string {
  const L = ctx.labels;
  const r = v.result;
  const i = r.units.indexOf(unit);
  const ranks = r.ranks[v.root] as Uint32Array;
  const scored = v.display.filter((x) => !Number.isNaN(x)).length;
  const crumbs: string[] = [];
  for (let p = ctx.unitParent(unit), guard = 0; p !== undefined && guard < 64; p = ctx.unitParent(p), guard++)
    crumbs.unshift(ctx.unitName(p));
  const head = `<div class="unit-head"><div><div class="crumbs">${esc(crumbs.join(" › "))}</div><h3 style="margin:2px 0 0;font-size:20px">${esc(ctx.unitName(unit))} <span class="muted" style="font-size:13px;font-weight:400">${esc(unit)}</span></h3></div><div class="big" data-value="${v.display[i]}">${esc(fixed(v.display[i]!, 1))}</div><div class="kpis" style="flex:1;margin:0">${kpi(L.rank, ranks[i] ? `${ranks[i]} ${L.of} ${scored}` : "–")}${kpi(L.coverage, percent(r.coverage[i]!, 0))}</div></div>`;

  const colors = v.dims.map((d) => ctx.dimColors.get(d) ?? "#4e79a7");
  const dimRows: BarRow[] = v.dims.map((d, k) => ({
    id: d,
    label: ctx.nodeName(d),
    value: nodeDisplay(v, d, i),
    marker: toDisplay(v.scale, mean(r.scores[d] as Float64Array)),
    color: colors[k]!,
  }));
  const dimMax = niceMax(
    Math.max(...dimRows.flatMap((x) => [x.value, x.marker ?? 0]).filter((x) => !Number.isNaN(x)), 0),
    v.scale.bounded,
  );
  const dimChart = barChart(dimRows, {
    max: dimMax,
    ariaLabel: L.dimensionProfile,
    className: "bars dims-unit",
    labelWidth: 220,
    width: 760,
  });

  /** The unit's normalized score on indicator `id`. */
  const scoreOf = (id: string): number => r.scores[id]?.[i] ?? Number.NaN;
  const present = r.resolved.indicators.filter((id) => !Number.isNaN(scoreOf(id)));
  const global = r.weights.global;
  const byValue = [...present].sort((a, b) => scoreOf(b) - scoreOf(a) || (global[b] ?? 0) - (global[a] ?? 0));
  const weakest = [...present].sort((a, b) => scoreOf(a) - scoreOf(b) || (global[b] ?? 0) - (global[a] ?? 0));
  const indicatorRow = (id: string): Cell[] => {
    const node = r.resolved.nodes.get(id) as ResolvedNode;
    const rk = r.ranks[id]?.[i];
    const n = (r.scores[id] as Float64Array).filter((x) => !Number.isNaN(x)).length;
    const d = v.dimOf.get(id) as string;
    return [
      {
        html: `<i class="dot" style="background:${ctx.dimColors.get(d) ?? "#4e79a7"}"></i>${node.node.code ? `<span class="muted">${esc(node.node.code)}</span> ` : ""}${esc(ctx.nodeName(id))}`,
      },
      { html: esc(rawValue(r.raw[id]?.[i] ?? Number.NaN)), numeric: true },
      { html: `<span class="muted">${esc(node.node.unit ?? "")}</span>` },
      num(nodeDisplay(v, id, i), 1),
      { html: esc(`${rk} ${L.of} ${n}`), numeric: true },
    ];
  };
  const cols = [
    { label: L.indicators },
    { label: L.rawValue, numeric: true },
    { label: "" },
    { label: L.normalized, numeric: true },
    { label: L.indicatorRank, numeric: true },
  ];
  const strengths = table(cols, byValue.slice(0, 5).map(indicatorRow), { className: "strengths" });
  const weaknesses = table(cols, weakest.slice(0, 5).map(indicatorRow), { className: "weaknesses" });

  let obstacles = `<p class="note">${esc(L.obstacleUnavailable)}</p>`;
  const weights = present.map((id) => global[id] ?? 0);
  if (v.scale.bounded && present.length > 0 && weights.some((w) => w > 0)) {
    const z = present.map((id) => Math.max(0, Math.min(1, nodeDisplay(v, id, i) / 100)));
    const groups: Record<string, number[]> = {};
    for (const [j, id] of present.entries()) (groups[v.dimOf.get(id) as string] ??= []).push(j);
    const o = obstacleDegree([z], weights, { top: 10, groups });
    const topRows: BarRow[] = (o.top[0] ?? []).map((e) => {
      const id = present[e.index]!;
      const d = v.dimOf.get(id) as string;
      return {
        id,
        label: `${r.resolved.nodes.get(id)?.node.code ? `${r.resolved.nodes.get(id)?.node.code} ` : ""}${ctx.nodeName(id)}`,
        value: e.degree,
        color: ctx.dimColors.get(d) ?? "#4e79a7",
      };
    });
    const dimObstacle: BarRow[] = v.dims.map((d, k) => ({
      id: d,
      label: ctx.nodeName(d),
      value: (o.groups[d] ?? [])[0] ?? 0,
      color: colors[k]!,
    }));
    const topMax = niceMax(Math.max(...topRows.map((x) => x.value), 0), false);
    const dimObsMax = niceMax(Math.max(...dimObstacle.map((x) => x.value), 0), false);
    obstacles = `<div class="grid2"><div><h3>${esc(L.obstacles)}</h3>${
      topRows.length > 0
        ? barChart(topRows, {
            max: topMax,
            ariaLabel: L.obstacles,
            suffix: "%",
            className: "bars obstacles",
            labelWidth: 250,
            width: 560,
          })
        : '<p class="note">–</p>'
    }</div><div><h3>${esc(L.obstaclesByDimension)}</h3>${barChart(dimObstacle, { max: dimObsMax, ariaLabel: L.obstaclesByDimension, suffix: "%", className: "bars obstacles-dim", labelWidth: 170, width: 560 })}</div></div><p class="note">${esc(L.obstacleNote)}</p>`;
  }
  const leg = legend(v.dims.map((d, k) => ({ label: ctx.nodeName(d), color: colors[k]! })));
  return card(
    `p${v.index}-unit`,
    `${L.unit}: ${ctx.unitName(unit)}`,
    `${head}<h3>${esc(L.dimensionProfile)}</h3><p class="note">${esc(L.unitVsMean)}</p>${dimChart}${leg}<div class="grid2"><div><h3>${esc(L.strengths)}</h3>${strengths}</div><div><h3>${esc(L.weaknesses)}</h3>${weaknesses}</div></div>${obstacles}${unitAssessment(ctx, v, unit)}`,
  );
}
