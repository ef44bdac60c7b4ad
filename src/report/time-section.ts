// The time view of the report (issue 13): when the data are a panel (a period column), a line chart per
// node (the root and its dimensions) for one unit and the averages of the top-level groups (districts),
// and a table of the units that improved and declined most between the first and the last period. Its
// texts live here in both languages so that labels.ts stays as it is.
import type { PanelResult } from "../panel/score-panel.js";
import { type RollupResult, rollup } from "../score/rollup.js";
import { esc } from "./escape.js";
import { fixed, toDisplay } from "./format.js";
import { type Cell, card, legend, num, table, text } from "./html.js";
import { color, linear, px, ticks } from "./svg.js";
import type { ProfileView, ReportContext } from "./view.js";

const TEXT = {
  en: {
    title: "Over time",
    lines: (unit: string) => `${unit} and the group averages, period by period`,
    mean: "mean of all units",
    movers: "Biggest improvers and decliners",
    improvers: "Improved most",
    decliners: "Declined most",
    unit: "Unit",
    parent: "Parent",
    change: "Change",
    rankChange: "Rank",
    note: (periods: string, basis: string, avg: string) =>
      `Periods ${periods}. Scores normalized on the ${basis} basis (comparable across periods). Group lines: ${avg} of the scored units below each group in each period. Improvers and decliners: change of the overall score from the first to the last period observed (per unit), with its rank in both periods.`,
    pooled: "pooled",
    perPeriod: "per-period",
    reference: (p: string) => `reference-period (${p})`,
    weighted: (w: string) => `the ${w}-weighted mean`,
    plain: "the mean",
  },
  zh: {
    title: "时间变化",
    lines: (unit: string) => `${unit}与各组平均值的逐期走势`,
    mean: "全部单位平均",
    movers: "进步最大与退步最大",
    improvers: "进步最大",
    decliners: "退步最大",
    unit: "单位",
    parent: "上级",
    change: "变化",
    rankChange: "排名",
    note: (periods: string, basis: string, avg: string) =>
      `时期：${periods}。得分按${basis}口径标准化（各期可比）。组别折线：每期各组所辖已评分单位的${avg}。进步与退步：综合得分从首个到最后一个观测时期的变化，并列出两期的排名。`,
    pooled: "全样本合并（pooled）",
    perPeriod: "逐期",
    reference: (p: string) => `基期（${p}）`,
    weighted: (w: string) => `${w}加权平均`,
    plain: "平均值",
  },
};

type Text = (typeof TEXT)["en"];
const textFor = (language: string): Text => (language === "zh" ? TEXT.zh : TEXT.en);

/** The title of the time section, for the page's links. @internal */
export function timeTitle(language: string): string {
  return textFor(language).title;
}

/** One line of a line chart: a value per period (NaN: not observed). @internal */
export interface LineSeries {
  id: string;
  label: string;
  color: string;
  values: readonly number[];
  /** The emphasized line (the chosen unit). */
  main?: boolean;
}

/**
 * A line chart over the periods: one polyline per series through its observed periods, a dot per
 * observation carrying its exact value (`data-value`) and period (`data-period`). @internal
 */
export function lineChart(
  periods: readonly string[],
  series: readonly LineSeries[],
  o: { lo: number; hi: number; ariaLabel: string; node: string },
): string {
  const width = 520;
  const height = 230;
  const m = { l: 40, r: 14, t: 12, b: 28 };
  const sx = linear([0, Math.max(1, periods.length - 1)], [m.l + 10, width - m.r - 10]);
  const sy = linear([o.lo, o.hi], [height - m.b, m.t]);
  const parts: string[] = [];
  for (const t of ticks(o.lo, o.hi, 4))
    parts.push(
      `<line class="grid" x1="${m.l}" x2="${width - m.r}" y1="${px(sy(t))}" y2="${px(sy(t))}"/>`,
      `<text class="tick" x="${m.l - 6}" y="${px(sy(t) + 4)}" text-anchor="end">${esc(fixed(t, t % 1 === 0 ? 0 : 1))}</text>`,
    );
  periods.forEach((p, k) => {
    parts.push(
      `<text class="tick" x="${px(sx(k))}" y="${height - m.b + 16}" text-anchor="middle">${esc(p)}</text>`,
    );
  });
  // The emphasized line last, on top.
  for (const s of [...series].sort((a, b) => Number(a.main === true) - Number(b.main === true))) {
    const pts = s.values.flatMap((v, k) => (Number.isFinite(v) ? [[sx(k), sy(v), v, k] as const] : []));
    const w = s.main ? 3 : 1.5;
    parts.push(
      `<g class="series${s.main ? " main" : ""}" data-series="${esc(s.id)}"><title>${esc(s.label)}</title>`,
      `<polyline class="line" fill="none" stroke="${s.color}" stroke-width="${w}" points="${pts.map(([x, y]) => `${px(x)},${px(y)}`).join(" ")}"/>`,
      ...pts.map(
        ([x, y, v, k]) =>
          `<circle class="obs" cx="${px(x)}" cy="${px(y)}" r="${s.main ? 3.5 : 2.5}" fill="${s.color}" data-period="${esc(periods[k])}" data-value="${v}"><title>${esc(`${s.label}, ${periods[k]}: ${fixed(v, 1)}`)}</title></circle>`,
      ),
      "</g>",
    );
  }
  return `<svg class="chart lines" data-node="${esc(o.node)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(o.ariaLabel)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

/** The top level of a roll-up with at least two units (districts before streets); undefined without one. */
function topLevel(up: RollupResult): string | undefined {
  const index = new Map(up.units.map((u, i) => [u, i]));
  const depth = (s: number): number => {
    let d = 0;
    for (let p = up.parents[s]; p !== undefined && index.has(p) && d < up.units.length; d++)
      p = up.parents[index.get(p)!];
    return d;
  };
  const best = new Map<string | undefined, { depth: number; count: number }>();
  up.levels.forEach((l, s) => {
    const b = best.get(l);
    const d = depth(s);
    best.set(l, { depth: Math.min(b?.depth ?? Number.POSITIVE_INFINITY, d), count: (b?.count ?? 0) + 1 });
  });
  return [...best.entries()]
    .filter(([, b]) => b.count >= 2)
    .sort((a, b) => a[1].depth - b[1].depth)
    .map(([l]) => l)[0];
}

/** Options of {@link timeSection}. @internal */
export interface TimeSectionOptions {
  /** The unit drawn (it may be absent from some periods). */
  unit: string;
  /** Rows in each of the improvers and decliners tables (default 10). */
  top?: number;
}

/**
 * The time card: one line chart per node (the root, then its active children) with the chosen unit's
 * scores and the (population-weighted when a `population` column exists) average of each top-level group
 * per period (the mean of all units without a hierarchy), and the units whose overall score rose and fell
 * most between their first and last observed periods (`panel.trends`, change), with their ranks in those
 * periods. Scores are on the display scale of `v` (the last period's view). @internal
 */
export function timeSection(
  ctx: ReportContext,
  v: ProfileView,
  panel: PanelResult,
  opts: TimeSectionOptions,
): string {
  const T = textFor(ctx.language);
  const { periods } = panel;
  const results = periods.map((p) => panel.at(p));
  const nodes = [v.root, ...v.dims];
  const hasHierarchy = results.some((r) => r.hierarchy.parents.some((p) => p !== undefined));
  const by = results[0]?.hierarchy.columns.population ? { weight: "population" } : ("mean" as const);
  const ups = hasHierarchy ? results.map((r) => rollup(r, { by })) : [];
  const level = ups.length > 0 ? topLevel(ups[ups.length - 1] as RollupResult) : undefined;
  const groups: string[] = [];
  if (level !== undefined)
    for (const up of ups)
      up.units.forEach((u, s) => {
        if (up.levels[s] === level && !groups.includes(u)) groups.push(u);
      });
  const unitName = ctx.unitName(opts.unit);
  const seriesOf = (node: string): LineSeries[] => {
    const own: LineSeries = {
      id: opts.unit,
      label: unitName,
      color: "#1f2933",
      main: true,
      values: results.map((r) => {
        const i = r.units.indexOf(opts.unit);
        return i < 0 ? Number.NaN : toDisplay(v.scale, r.scores[node]?.[i] ?? Number.NaN);
      }),
    };
    const avg: LineSeries[] =
      groups.length > 0
        ? groups.map((g, k) => ({
            id: g,
            label: ctx.unitName(g),
            color: color(k),
            values: ups.map((up) => {
              const s = up.units.indexOf(g);
              return s < 0 ? Number.NaN : toDisplay(v.scale, up.scores[node]?.[s] ?? Number.NaN);
            }),
          }))
        : [
            {
              id: "mean",
              label: T.mean,
              color: color(0),
              values: results.map((r) => {
                const col = r.scores[node];
                let sum = 0;
                let n = 0;
                for (const x of col ?? [])
                  if (!Number.isNaN(x)) {
                    sum += x;
                    n++;
                  }
                return n > 0 ? toDisplay(v.scale, sum / n) : Number.NaN;
              }),
            },
          ];
    return [...avg, own];
  };
  const charts = nodes.map((node) => {
    const series = seriesOf(node);
    const all = series.flatMap((s) => s.values.filter((x) => Number.isFinite(x)));
    let lo = v.scale.bounded ? 0 : Math.min(...all);
    let hi = v.scale.bounded ? 100 : Math.max(...all);
    if (!(hi > lo)) {
      lo = (Number.isFinite(lo) ? lo : 0) - 1;
      hi = lo + 2;
    }
    const title = ctx.nodeName(node);
    return `<figure class="time-chart" data-node="${esc(node)}"><figcaption><b>${esc(title)}</b></figcaption>${lineChart(periods, series, { lo, hi, ariaLabel: `${T.title}: ${title}`, node })}</figure>`;
  });
  const keyItems = [
    { label: unitName, color: "#1f2933" },
    ...(groups.length > 0
      ? groups.map((g, k) => ({ label: ctx.unitName(g), color: color(k) }))
      : [{ label: T.mean, color: color(0) }]),
  ];

  // Improvers and decliners: the root's change, first to last observed period of each unit.
  const top = opts.top ?? 10;
  const trend = panel.trends({ nodes: [v.root], method: "change" });
  const rankAt = new Map(periods.map((p, k) => [p, results[k]!]));
  const rankOf = (unit: string, period: string | undefined): number => {
    const r = period === undefined ? undefined : rankAt.get(period);
    const i = r ? r.units.indexOf(unit) : -1;
    return r && i >= 0 ? (r.ranks[v.root]?.[i] ?? 0) : 0;
  };
  const scale = v.scale.bounded ? (v.scale.hi - v.scale.lo) / 100 : 1;
  const moved = trend.rows.filter((t) => Number.isFinite(t.change));
  const rowsOf = (list: typeof moved): Cell[][] =>
    list.map((t) => {
      const parent = ctx.unitParent(t.unit);
      const from = rankOf(t.unit, t.first);
      const to = rankOf(t.unit, t.last);
      return [
        { html: `${esc(ctx.unitName(t.unit))} <span class="muted">${esc(t.unit)}</span>`, sort: t.unit },
        text(parent ? ctx.unitName(parent) : ""),
        text(`${t.first} → ${t.last}`),
        {
          ...num(t.change / scale, 2),
          html: `<span class="${t.change >= 0 ? "up" : "down"}" data-value="${t.change / scale}">${esc(`${t.change >= 0 ? "+" : ""}${fixed(t.change / scale, 2)}`)}</span>`,
        },
        text(from && to ? `${from} → ${to}` : "–"),
      ];
    });
  const up = [...moved].sort((a, b) => b.change - a.change).slice(0, top);
  const down = [...moved].sort((a, b) => a.change - b.change).slice(0, top);
  const cols = [
    { label: T.unit },
    { label: T.parent },
    { label: "" },
    { label: T.change, numeric: true },
    { label: T.rankChange },
  ];
  const movers = `<h3>${esc(T.movers)}</h3><div class="grid2"><div><h4>${esc(T.improvers)}</h4>${table(cols, rowsOf(up), { className: "movers improvers" })}</div><div><h4>${esc(T.decliners)}</h4>${table(cols, rowsOf(down), { className: "movers decliners" })}</div></div>`;
  const b = panel.provenance.basis;
  const basis = b === "pooled" ? T.pooled : b === "period" ? T.perPeriod : T.reference(b.reference);
  const avg = by === "mean" ? T.plain : T.weighted(by.weight);
  const body = `<h3>${esc(T.lines(unitName))}</h3>${legend(keyItems)}<div class="grid2">${charts.join("")}</div>${movers}`;
  return card("time", T.title, body, T.note(`${periods[0]}–${periods[periods.length - 1]}`, basis, avg));
}
