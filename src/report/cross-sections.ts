import { kendall, pearson, spearman } from "../analysis/rank-correlation.js";
import { walkTree } from "../indicators/tree.js";
import {
  type HeatLabel,
  heatmap,
  type IntervalRow,
  intervalChart,
  type ScatterPoint,
  scatter,
} from "./charts.js";
import { esc } from "./escape.js";
import { type Cell, card, num, table, text, weightBar } from "./html.js";
import type { ProfileView, ReportContext } from "./view.js";

/** A unit's rank interval from an uncertainty analysis (1 = best). */
export interface RankInterval {
  /** Median rank over the simulations. */
  median: number;
  /** Best rank of the interval (e.g. the 5th percentile). */
  lo: number;
  /** Worst rank of the interval (e.g. the 95th percentile). */
  hi: number;
}

/** Precomputed uncertainty-analysis results to show in the report. */
export interface ReportAnalysis {
  /** Rank interval per unit id. */
  ranks: Readonly<Record<string, RankInterval>>;
  /** The profile the analysis ran on (default: the first profile of the report). */
  profile?: string;
}

/** Profile A against profile B: scatter of overall scores, largest rank shifts, rank correlations, dimension weights. @internal */
export function compareSection(ctx: ReportContext, views: readonly ProfileView[]): string {
  const L = ctx.labels;
  const a = views[0] as ProfileView;
  const b = views[1] as ProfileView;
  const ra = a.result.ranks[a.root] as Uint32Array;
  const bIndex = new Map(b.result.units.map((u, i) => [u, i]));
  const rb = b.result.ranks[b.root] as Uint32Array;
  const pairs = a.result.units.flatMap((u, i) => {
    const j = bIndex.get(u);
    if (j === undefined) return [];
    const rankA = ra[i]!;
    const rankB = rb[j]!;
    const has = !!(rankA && rankB);
    return [{ u, i, j, rankA, rankB, shift: has ? rankB - rankA : 0, has }];
  });
  const byShift = pairs
    .filter((p) => p.has && p.shift !== 0)
    .sort((x, y) => Math.abs(y.shift) - Math.abs(x.shift) || x.i - y.i);
  const highlighted = new Set(byShift.slice(0, 8).map((p) => p.u));
  const shiftText = (s: number): string => (s < 0 ? `↑${-s}` : s > 0 ? `↓${s}` : "0");
  const points: ScatterPoint[] = pairs.map((p) => ({
    id: p.u,
    label: ctx.unitName(p.u),
    x: a.display[p.i]!,
    y: b.display[p.j]!,
    highlight: highlighted.has(p.u),
    note: p.has ? shiftText(p.shift) : "",
    shift: p.shift,
  }));
  const chart = scatter(points, {
    xLabel: `${a.title} (${L.score})`,
    yLabel: `${b.title} (${L.score})`,
    ariaLabel: `${L.compare}: ${a.title} / ${b.title}`,
  });
  const shiftCols = [
    { label: L.name },
    { label: a.title, numeric: true },
    { label: b.title, numeric: true },
    { label: L.rankShift, numeric: true },
  ];
  const shiftRow = (p: (typeof pairs)[number]): Cell[] => [
    { html: `${esc(ctx.unitName(p.u))} <span class="muted">${esc(p.u)}</span>` },
    num(p.rankA, 0),
    num(p.rankB, 0),
    {
      html: `<span class="${p.shift < 0 ? "up" : "down"}">${esc(shiftText(p.shift))}</span>`,
      sort: p.shift,
      numeric: true,
    },
  ];
  const risers = byShift.filter((p) => p.shift < 0).slice(0, 10);
  const fallers = byShift.filter((p) => p.shift > 0).slice(0, 10);
  const corrRows: Cell[][] = [];
  for (const [x, va] of views.entries())
    for (const vb of views.slice(x + 1)) {
      const bi = new Map(vb.result.units.map((u, k) => [u, k]));
      const sa: number[] = [];
      const sb: number[] = [];
      for (const [k, u] of va.result.units.entries()) {
        const j = bi.get(u);
        if (j === undefined) continue;
        sa.push(va.display[k]!);
        sb.push(vb.display[j]!);
      }
      corrRows.push([text(va.title), text(vb.title), num(spearman(sa, sb), 3), num(kendall(sa, sb), 3)]);
    }
  const corrTable = table(
    [
      { label: L.profile },
      { label: L.profile },
      { label: L.spearman, numeric: true },
      { label: L.kendall, numeric: true },
    ],
    corrRows,
    { className: "profile-correlations" },
  );
  const dims: string[] = [];
  for (const v of views) for (const d of v.dims) if (!dims.includes(d)) dims.push(d);
  const weightRows: Cell[][] = dims.map((d) => [
    {
      html: `<i class="dot" style="background:${ctx.dimColors.get(d) ?? "#4e79a7"}"></i>${esc(ctx.nodeName(d))}`,
    },
    ...views.map((v) => ({
      html: weightBar(v.result.weights.global[d] ?? 0, 1, ctx.dimColors.get(d) ?? "#4e79a7"),
      sort: v.result.weights.global[d] ?? 0,
    })),
  ]);
  const weightTable = table([{ label: L.node }, ...views.map((v) => ({ label: v.title }))], weightRows, {
    className: "profile-weights",
  });
  const body = `<div class="grid-scatter"><div>${chart}<p class="note">${esc(L.scatterNote)}</p></div><div><h3>${esc(L.risers)}</h3>${table(shiftCols, risers.map(shiftRow), { className: "risers" })}<h3>${esc(L.fallers)}</h3>${table(shiftCols, fallers.map(shiftRow), { className: "fallers" })}</div></div><h3>${esc(L.dimensionWeights)}</h3>${weightTable}<h3>${esc(L.rankCorrelation)}</h3>${corrTable}`;
  return card("compare", L.compare, body, L.shiftNote(a.title, b.title));
}

/** Rank intervals from an uncertainty analysis, best median first. @internal */
export function uncertaintySection(ctx: ReportContext, v: ProfileView, analysis: ReportAnalysis): string {
  const L = ctx.labels;
  const ranks = v.result.ranks[v.root] as Uint32Array;
  const index = new Map(v.result.units.map((u, i) => [u, i]));
  const rows: IntervalRow[] = Object.entries(analysis.ranks)
    .flatMap(([u, r]) => {
      const i = index.get(u);
      if (i === undefined) return [];
      return [{ id: u, label: ctx.unitName(u), median: r.median, lo: r.lo, hi: r.hi, nominal: ranks[i] }];
    })
    .sort((x, y) => x.median - y.median || x.lo - y.lo || x.id.localeCompare(y.id));
  const shown = rows.length <= 60 ? rows : rows.slice(0, 30);
  const maxRank = Math.max(v.display.filter((x) => !Number.isNaN(x)).length, ...rows.map((r) => r.hi));
  const chart = intervalChart(shown, maxRank, `${L.uncertainty}: ${v.title}`);
  const tableRows: Cell[][] = rows.map((r) => [
    { html: `${esc(r.label)} <span class="muted">${esc(r.id)}</span>`, sort: r.label },
    num(r.nominal ?? Number.NaN, 0),
    num(r.median, 1),
    num(r.lo, 0),
    num(r.hi, 0),
    num(r.hi - r.lo, 0),
  ]);
  const full = table(
    [
      { label: L.name },
      { label: L.nominalRank, numeric: true },
      { label: L.median, numeric: true },
      { label: `${L.interval} lo`, numeric: true },
      { label: `${L.interval} hi`, numeric: true },
      { label: "hi − lo", numeric: true },
    ],
    tableRows,
    { sortable: true, scroll: true, className: "uncertainty-table" },
  );
  return card(
    "uncertainty",
    `${L.uncertainty} · ${v.title}`,
    `${chart}<h3>${esc(L.allUnits)} (${rows.length})</h3>${full}`,
    L.intervalNote,
  );
}

/** Pearson correlations of the indicators (heatmap, strongest pairs) and of the dimension scores. @internal */
export function correlationSection(ctx: ReportContext, views: readonly ProfileView[]): string {
  const L = ctx.labels;
  const inAny = new Map<string, { v: ProfileView; col: Float64Array }>();
  for (const v of views)
    for (const id of v.result.resolved.indicators)
      if (!inAny.has(id)) inAny.set(id, { v, col: v.result.scores[id] as Float64Array });
  const ids: string[] = [];
  const cols: Float64Array[] = [];
  for (const { node } of walkTree(ctx.model.tree)) {
    const hit = inAny.get(node.id);
    // An indicator without a value among the scored units (one measured on a higher level's own
    // rows, issue 14) has no correlation to show.
    if (hit === undefined || hit.col.every((x) => Number.isNaN(x))) continue;
    ids.push(node.id);
    cols.push(hit.col);
  }
  const dimOf = (id: string): string => {
    for (const v of views) {
      const d = v.dimOf.get(id);
      if (d) return d;
    }
    return "";
  };
  const n = ids.length;
  const m: number[][] = ids.map(() => new Array<number>(n).fill(Number.NaN));
  for (const [i, a] of cols.entries())
    for (const [j, b] of cols.slice(0, i + 1).entries()) {
      const r = i === j ? 1 : pearson(a, b);
      m[i]![j] = r;
      m[j]![i] = r;
    }
  const labels: HeatLabel[] = ids.map((id) => {
    const code = ctx.nodeCode(id);
    return {
      id,
      short: code.length > 16 ? `${code.slice(0, 15)}…` : code,
      title: `${code === id ? "" : `${code} `}${ctx.nodeName(id)}`,
      group: dimOf(id),
    };
  });
  const chart = heatmap(labels, m, { ariaLabel: L.correlations, showValues: n <= 16 });
  const pairs: { i: number; j: number; r: number }[] = [];
  for (const [i, row] of m.entries())
    for (const [j, r] of row.slice(0, i).entries()) if (Number.isFinite(r)) pairs.push({ i, j, r });
  const pairRow = (p: { i: number; j: number; r: number }): Cell[] => [
    { html: esc((labels[p.i] as HeatLabel).title) },
    { html: esc((labels[p.j] as HeatLabel).title) },
    num(p.r, 3),
  ];
  const strongest = [...pairs]
    .sort((x, y) => Math.abs(y.r) - Math.abs(x.r) || x.i - y.i || x.j - y.j)
    .slice(0, 10);
  const negative = pairs
    .filter((p) => p.r < 0 && dimOf(ids[p.i] as string) === dimOf(ids[p.j] as string))
    .sort((x, y) => x.r - y.r);
  const pairCols = [{ label: L.indicators }, { label: L.indicators }, { label: L.pearson, numeric: true }];
  const v0 = views[0] as ProfileView;
  const dims = v0.dims;
  const dm: number[][] = dims.map((a) =>
    dims.map((b) =>
      a === b ? 1 : pearson(v0.result.scores[a] as Float64Array, v0.result.scores[b] as Float64Array),
    ),
  );
  const dimChart = heatmap(
    dims.map((d) => ({ id: d, short: ctx.nodeName(d), title: ctx.nodeName(d), group: "" })),
    dm,
    { ariaLabel: L.dimensionCorrelations, showValues: true, cell: 48 },
  );
  const body = `${chart}<div class="grid2"><div><h3>${esc(L.strongestPairs)}</h3>${table(pairCols, strongest.map(pairRow), { className: "strongest" })}</div><div><h3>${esc(L.negativeWithin)} (${negative.length})</h3>${table(pairCols, negative.slice(0, 10).map(pairRow), { className: "negative" })}<h3>${esc(L.dimensionCorrelations)} · ${esc(v0.title)}</h3>${dimChart}</div></div>`;
  return card("correlations", L.correlations, body, L.heatmapNote);
}
