// The disparity section (Dagum and Theil decomposition bars, kernel density curves per group) and the
// map section (units by coordinates, coloured by LISA cluster) of the report (issue 16). Their texts
// live here in both languages so that labels.ts stays as it is.
import { type DisparityResult, disparity } from "../analysis/disparity/disparity.js";
import { kdeBandwidth } from "../analysis/disparity/kde-bandwidth.js";
import { kernelDensity } from "../analysis/disparity/kernel-density.js";
import { type MoranResult, moran } from "../analysis/spatial/moran.js";
import { IndicatrixError } from "../internal/errors.js";
import { esc } from "./escape.js";
import { fixed, percent } from "./format.js";
import { card, legend } from "./html.js";
import { color, linear, px, ticks } from "./svg.js";
import type { ProfileView, ReportContext } from "./view.js";

const TEXT = {
  en: {
    disparity: "Disparity",
    spatial: "Spatial pattern",
    within: "within",
    netBetween: "net between",
    transvariation: "transvariation",
    between: "between",
    dagum: "Dagum decomposition of the Gini",
    theil: "Theil T decomposition",
    density: "Distribution of scores (kernel density)",
    all: "all units",
    note: (by: string, n: number) =>
      `Gini and Theil of the overall score across ${n} units, grouped by ${by} (Dagum 1997; Theil T, Shorrocks 1980). Gaussian kernel density, Silverman bandwidth of the pooled scores.`,
    mapNote: (kind: string, perms: number, alpha: number) =>
      `Local Moran's I (Anselin 1995) with ${kind} weights, row-standardized; ${perms} conditional permutations, seed 1; clusters at p <= ${alpha}.`,
    ns: "not significant",
    moran: "Moran's I",
  },
  zh: {
    disparity: "区域差异",
    spatial: "空间格局",
    within: "组内",
    netBetween: "组间净差",
    transvariation: "超变密度",
    between: "组间",
    dagum: "Dagum 基尼系数分解",
    theil: "泰尔指数 T 分解",
    density: "得分分布（核密度）",
    all: "全部单位",
    note: (by: string, n: number) =>
      `${n} 个单位综合得分的基尼系数与泰尔指数，按 ${by} 分组（Dagum 1997；Shorrocks 1980）。高斯核密度，带宽取合并样本的 Silverman 规则。`,
    mapNote: (kind: string, perms: number, alpha: number) =>
      `局部 Moran's I（Anselin 1995），${kind} 空间权重，行标准化；${perms} 次条件置换，种子 1；p <= ${alpha} 为显著。`,
    ns: "不显著",
    moran: "Moran's I",
  },
};

type Text = (typeof TEXT)["en"];
const textFor = (language: string): Text => (language === "zh" ? TEXT.zh : TEXT.en);

/** The titles of the two sections, for the page's links. @internal */
export function spatialTitles(language: string): { disparity: string; spatial: string } {
  const t = textFor(language);
  return { disparity: t.disparity, spatial: t.spatial };
}

/** LISA cluster colours (GeoDa's). @internal */
export const LISA_COLORS: Record<string, string> = {
  HH: "#e31a1c",
  LL: "#1f78b4",
  LH: "#a6cee3",
  HL: "#fb9a99",
  ns: "#d9d9d9",
};

/** The highest level above the scored units with at least two units (districts before streets), if any. */
function groupLevel(v: ProfileView): string | undefined {
  const h = v.result.hierarchy;
  const index = new Map(h.units.map((u, i) => [u, i]));
  const scored = new Set(v.result.units);
  const depth = new Map<string, number>();
  const count = new Map<string, number>();
  h.units.forEach((u, i) => {
    if (scored.has(u)) return;
    const l = h.levels[i];
    if (l === undefined) return;
    let d = 0;
    for (let p = h.parents[i]; p !== undefined && d < h.units.length; d++) p = h.parents[index.get(p) ?? -1];
    depth.set(l, Math.min(depth.get(l) ?? Number.POSITIVE_INFINITY, d));
    count.set(l, (count.get(l) ?? 0) + 1);
  });
  return [...depth.entries()]
    .filter(([l]) => (count.get(l) ?? 0) >= 2)
    .sort((a, b) => a[1] - b[1])
    .map(([l]) => l)[0];
}

/** One stacked bar of shares (data-value: the exact part). */
function stackedBar(
  parts: readonly { label: string; value: number; color: string }[],
  total: number,
  aria: string,
): string {
  const width = 1000;
  const height = 34;
  let x = 0;
  const rects = parts
    .map((p) => {
      const w = total > 0 ? (p.value / total) * width : 0;
      const r = `<rect class="part" data-part="${esc(p.label)}" data-value="${p.value}" x="${px(x)}" y="4" width="${px(w)}" height="26" fill="${p.color}"><title>${esc(`${p.label}: ${fixed(p.value, 4)} (${percent(total > 0 ? p.value / total : 0)})`)}</title></rect>`;
      x += w;
      return r;
    })
    .join("");
  return `<svg class="chart stacked" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(aria)}" xmlns="http://www.w3.org/2000/svg">${rects}</svg>${legend(parts.map((p) => ({ label: `${p.label} ${percent(total > 0 ? p.value / total : 0)}`, color: p.color })))}`;
}

/** Density curves on a common grid and a common (pooled) bandwidth. */
function densityChart(
  curves: readonly { label: string; values: Float64Array; color: string }[],
  pooled: Float64Array,
  aria: string,
): string {
  const width = 1000;
  const height = 300;
  const m = { l: 48, r: 16, t: 12, b: 32 };
  const h = kdeBandwidth(pooled);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of pooled) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const from = lo - 3 * h;
  const to = hi + 3 * h;
  const fits = curves
    .filter((c) => c.values.length >= 2)
    .map((c) => ({ ...c, kde: kernelDensity(c.values, { bandwidth: h, points: 128, from, to }) }));
  const ymax = Math.max(...fits.flatMap((f) => Array.from(f.kde.y)), 1e-12);
  const sx = linear([from, to], [m.l, width - m.r]);
  const sy = linear([0, ymax * 1.05], [height - m.b, m.t]);
  const parts: string[] = [];
  for (const t of ticks(from, to, 8))
    parts.push(
      `<line class="grid" x1="${px(sx(t))}" x2="${px(sx(t))}" y1="${m.t}" y2="${height - m.b}"/>`,
      `<text class="tick" x="${px(sx(t))}" y="${height - m.b + 16}" text-anchor="middle">${esc(fixed(t, 2))}</text>`,
    );
  for (const f of fits) {
    const pts = Array.from(f.kde.x, (x, j) => `${px(sx(x))},${px(sy(f.kde.y[j]!))}`).join(" ");
    parts.push(
      `<polyline class="density" data-group="${esc(f.label)}" data-bandwidth="${h}" fill="none" stroke="${f.color}" stroke-width="2" points="${pts}"><title>${esc(f.label)}</title></polyline>`,
    );
  }
  return `<svg class="chart density" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(aria)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>${legend(fits.map((f) => ({ label: f.label, color: f.color })))}`;
}

/**
 * The disparity card: Dagum and Theil decomposition bars and density curves of the overall score per
 * group, the groups being the highest level above the scored units; "" when there is no such level or
 * the scores do not allow it (negative scores). @internal
 */
export function disparitySection(ctx: ReportContext, v: ProfileView): string {
  const level = groupLevel(v);
  if (level === undefined) return "";
  let d: DisparityResult;
  try {
    d = disparity(v.result, { node: v.root, by: level });
  } catch (e) {
    if (e instanceof IndicatrixError) return "";
    throw e;
  }
  const T = textFor(ctx.language);
  const g = d.dagum;
  const dagum = stackedBar(
    [
      { label: T.within, value: g.within, color: "#4e79a7" },
      { label: T.netBetween, value: g.netBetween, color: "#f28e2b" },
      { label: T.transvariation, value: g.transvariation, color: "#bab0ac" },
    ],
    g.gini,
    T.dagum,
  );
  const theil = stackedBar(
    [
      { label: T.within, value: d.theilT.within ?? 0, color: "#4e79a7" },
      { label: T.between, value: d.theilT.between ?? 0, color: "#f28e2b" },
    ],
    d.theilT.value,
    T.theil,
  );
  // disparity() keeps the units with a score and a group; their scores, by group.
  const byGroup = new Map<string, number[]>();
  const scoreOf = new Map(v.result.units.map((u, i) => [u, (v.result.scores[v.root] as Float64Array)[i]!]));
  const pooled = Float64Array.from(d.units, (u) => scoreOf.get(u)!);
  d.groups.forEach((grp, i) => {
    const list = byGroup.get(grp);
    if (list) list.push(pooled[i]!);
    else byGroup.set(grp, [pooled[i]!]);
  });
  const curves = [
    { label: T.all, values: pooled, color: "#333333" },
    ...[...byGroup.entries()].map(([grp, vals], i) => ({
      label: ctx.unitName(grp),
      values: Float64Array.from(vals),
      color: color(i),
    })),
  ];
  const kpis = `<p class="disparity-kpis" data-gini="${g.gini}" data-theil-t="${d.theilT.value}" data-cv="${d.cv}">Gini ${esc(fixed(g.gini, 4))} · Theil T ${esc(fixed(d.theilT.value, 4))} · CV ${esc(fixed(d.cv, 3))}</p>`;
  const body = `${kpis}<h3>${esc(T.dagum)}</h3>${dagum}<h3>${esc(T.theil)}</h3>${theil}<h3>${esc(T.density)}</h3>${densityChart(curves, pooled, T.density)}`;
  return card("disparity", T.disparity, body, T.note(ctx.labels.term(level), d.units.length));
}

/**
 * The map card: every scored unit with coordinates (kept `lon`/`lat` or `x`/`y`) at its place,
 * coloured by its LISA cluster (HH, LL, HL, LH, not significant), with global Moran's I; "" without
 * coordinates. lon/lat are drawn in an equirectangular projection (x scaled by cos of the mean
 * latitude). @internal
 */
export function mapSection(ctx: ReportContext, v: ProfileView): string {
  const cols = v.result.hierarchy.columns;
  const has = (c: string) => Object.hasOwn(cols, c);
  if (!((has("lon") && has("lat")) || (has("x") && has("y")))) return "";
  let m: MoranResult;
  try {
    m = moran(v.result, {
      node: v.root,
      weights: {
        type: "knn",
        k: Math.min(6, v.result.units.length - 1),
        coordinates: has("lon") && has("lat") ? "lonlat" : "xy",
      },
    });
  } catch (e) {
    if (e instanceof IndicatrixError) return "";
    throw e;
  }
  const c = m.coordinates;
  if (!c) return "";
  const T = textFor(ctx.language);
  const lonlat = c.metric === "haversine";
  let meanLat = 0;
  for (let i = 0; i < c.y.length; i++) meanLat += c.y[i]!;
  meanLat /= c.y.length;
  const kx = lonlat ? Math.cos((meanLat * Math.PI) / 180) : 1;
  const X = Array.from(c.x, (x) => x * kx);
  const Y = Array.from(c.y);
  const [x0, x1] = [Math.min(...X), Math.max(...X)];
  const [y0, y1] = [Math.min(...Y), Math.max(...Y)];
  const width = 800;
  const pad = 20;
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  const scale = (width - 2 * pad) / span;
  const height = Math.round((y1 - y0) * scale + 2 * pad);
  const dots = m.units
    .map((u, i) => {
      const k = m.local.cluster[i]!;
      const cx = pad + (X[i]! - x0) * scale;
      const cy = height - pad - (Y[i]! - y0) * scale;
      return `<circle class="unit ${k}" data-id="${esc(u)}" data-cluster="${k}" data-quadrant="${m.local.quadrant[i]}" data-value="${m.local.I[i]}" cx="${px(cx)}" cy="${px(cy)}" r="5" fill="${LISA_COLORS[k]}" stroke="#555" stroke-width="0.5"><title>${esc(`${ctx.unitName(u)} (${u}): ${k === "ns" ? T.ns : k}, I = ${fixed(m.local.I[i]!, 3)}`)}</title></circle>`;
    })
    .join("");
  const map = `<svg class="chart map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(T.spatial)}" xmlns="http://www.w3.org/2000/svg">${dots}</svg>`;
  const counts = (k: string) => m.local.cluster.filter((x) => x === k).length;
  const keys = legend(
    ["HH", "LL", "HL", "LH", "ns"].map((k) => ({
      label: `${k === "ns" ? T.ns : k} (${counts(k)})`,
      color: LISA_COLORS[k]!,
    })),
  );
  const g = m.global;
  const head = `<p class="moran" data-moran-i="${g.I}" data-p="${g.p}">${esc(`${T.moran} = ${fixed(g.I, 3)}, z = ${fixed(g.z, 2)}, p = ${fixed(g.p, 3)}`)}</p>`;
  return card(
    "spatial",
    T.spatial,
    `${head}${map}${keys}`,
    T.mapNote(m.weights.kind, m.local.options.permutations, m.local.options.alpha),
  );
}
