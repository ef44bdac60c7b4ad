import type { ResolvedNode } from "../score/resolve-profile.js";
import type { RollupResult } from "../score/rollup.js";
import { type BarRow, barChart, type SunNode, sunburst } from "./charts.js";
import { esc } from "./escape.js";
import { fixed, percent, toDisplay } from "./format.js";
import { type Cell, card, kpi, legend, num, table, text, weightBar } from "./html.js";
import { niceMax, tint } from "./svg.js";
import {
  aggregateMethod,
  dimensionContributions,
  directionText,
  nodeDisplay,
  type ProfileView,
  type ReportContext,
  weightMethod,
} from "./view.js";

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = Math.floor(n / 2);
  return n % 2 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
}

/** Key figures of a profile. @internal */
export function overviewSection(ctx: ReportContext, v: ProfileView, up: RollupResult | undefined): string {
  const L = ctx.labels;
  const r = v.result;
  const present = [...v.display].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const mean = present.reduce((s, x) => s + x, 0) / (present.length || 1);
  const top = v.order[0]!;
  const topUnit = r.units[top]!;
  const topValue = v.display[top]!;
  const cards = [
    kpi(L.units, `${present.length} / ${r.units.length}`, `${r.units.length - present.length} ${L.noScore}`),
    kpi(L.indicators, String(r.resolved.indicators.length), `${v.dims.length} ${L.dimensions}`),
    kpi(L.mean, fixed(mean, 1), `${L.median} ${fixed(median(present), 1)}`, mean),
    kpi(
      `${L.min} – ${L.max}`,
      `${fixed(present[0] ?? Number.NaN, 1)} – ${fixed(present[present.length - 1] ?? Number.NaN, 1)}`,
    ),
    kpi(L.topUnit, fixed(topValue, 1), ctx.unitName(topUnit), topValue),
  ];
  const total = r.consistency.total;
  if (total)
    cards.push(
      kpi(L.crTotal, fixed(total.cr, 3), total.consistent ? L.consistent : L.inconsistent, total.cr),
    );
  if (up) {
    const rootCol = up.scores[v.root] as Float64Array;
    for (const [s, u] of up.units.entries()) {
      if (up.parents[s] !== undefined) continue;
      const value = toDisplay(v.scale, rootCol[s]!);
      cards.push(
        kpi(
          `${L.term(up.levels[s] ?? "")} ${ctx.unitName(u)}`.trim(),
          fixed(value, 1),
          up.by === "mean" ? L.plainMean : L.weightedBy(up.by.weight),
          value,
        ),
      );
    }
  }
  const note = v.scale.bounded ? L.scaleNote : L.nativeScaleNote;
  return card(`p${v.index}-overview`, L.overview, `<div class="kpis">${cards.join("")}</div>`, note);
}

/** The indicator tree with local and global weights, a sunburst, and AHP consistency. @internal */
export function frameworkSection(ctx: ReportContext, v: ProfileView): string {
  const L = ctx.labels;
  const r = v.result;
  const { local, global } = r.weights;
  const nodes = [...r.resolved.nodes.values()];
  const colorOf = (id: string): string => {
    if (id === v.root) return "#1c3d5a";
    const d = v.dimOf.get(id) as string;
    return ctx.dimColors.get(d) ?? "#4e79a7";
  };
  const sun: SunNode[] = nodes.map((n) => ({
    id: n.id,
    parent: n.parent,
    depth: n.depth,
    value: global[n.id] ?? 0,
    label: ctx.nodeName(n.id),
    ...(n.node.code ? { code: n.node.code } : {}),
    color: n.depth <= 1 ? colorOf(n.id) : tint(colorOf(n.id), Math.min(0.6, 0.22 * (n.depth - 1))),
  }));
  const chart = sunburst(sun, ctx.nodeName(v.root), `${L.framework}: ${v.title}`);
  const rootNode = r.resolved.nodes.get(v.root) as ResolvedNode;
  const dimRows: Cell[][] = v.dims.map((d) => [
    { html: `<i class="dot" style="background:${colorOf(d)}"></i>${esc(ctx.nodeName(d))}` },
    { html: weightBar(local[d] ?? 0, 1, colorOf(d)), sort: local[d] ?? 0 },
    num(r.resolved.nodes.get(d)?.children.length ?? 0, 0),
  ]);
  const dimTable = table(
    [{ label: L.node }, { label: L.localWeight }, { label: L.indicators, numeric: true }],
    dimRows,
    {
      className: "dims",
    },
  );
  const ahp = Object.entries(r.consistency).filter(([id]) => id !== "total");
  const crRows: Cell[][] = ahp.map(([id, c]) => [
    text(ctx.nodeName(id)),
    {
      html: `${esc(fixed(c.cr, 3))} <span class="badge ${c.consistent ? "ok" : "bad"}">${esc(c.consistent ? L.consistent : L.inconsistent)}</span>`,
      numeric: true,
    },
    num(c.lambdaMax, 3),
    num(c.ci, 4),
    num(c.ri, 2),
  ]);
  if (r.consistency.total) {
    const c = r.consistency.total;
    crRows.push([
      text(L.crTotal),
      {
        html: `${esc(fixed(c.cr, 3))} <span class="badge ${c.consistent ? "ok" : "bad"}">${esc(c.consistent ? L.consistent : L.inconsistent)}</span>`,
        numeric: true,
      },
      text(""),
      num(c.ci, 4),
      num(c.ri, 2),
    ]);
  }
  const crTable =
    crRows.length > 0
      ? `<h3>${esc(L.consistency)}</h3>${table([{ label: L.node }, { label: "CR", numeric: true }, { label: "λmax", numeric: true }, { label: "CI", numeric: true }, { label: "RI", numeric: true }], crRows)}`
      : "";
  const panels = ahp
    .filter(([, c]) => c.panel !== undefined)
    .map(([id, c]) => {
      const children = r.resolved.nodes.get(id)?.children ?? [];
      const rows: Cell[][] = (c.panel ?? []).map((e) => [
        text(e.name),
        num(e.weight, 3),
        {
          html: Number.isNaN(e.cr)
            ? "–"
            : `${esc(fixed(e.cr, 3))} <span class="badge ${e.consistent ? "ok" : "bad"}">${esc(e.consistent ? L.consistent : L.inconsistent)}</span>`,
          numeric: true,
        },
        text(
          children.map((ch) => `${ctx.nodeName(ch)} ${fixed(e.weights[ch] ?? Number.NaN, 3)}`).join(" · "),
        ),
        text(e.advice ?? ""),
      ]);
      return `<h3>${esc(L.experts(ctx.nodeName(id)))}</h3>${table([{ label: L.expert }, { label: L.expertWeight, numeric: true }, { label: "CR", numeric: true }, { label: L.priorities }, { label: L.advice }], rows, { className: "experts" })}`;
    })
    .join("");
  const side = `<div><h3>${esc(ctx.nodeName(v.root))}</h3><p class="note">${esc(`${L.weights}: ${weightMethod(rootNode.weights, L.term)} · ${L.aggregation}: ${aggregateMethod(rootNode.aggregate, L.term)}`)}</p>${dimTable}${crTable}${panels}</div>`;
  const maxGlobal = Math.max(...nodes.filter((n) => n.id !== v.root).map((n) => global[n.id] ?? 0), 0);
  const treeRows: Cell[][] = nodes.map((n) => {
    const pad = n.depth * 18;
    const code = n.node.code ? `<span class="code">${esc(n.node.code)}</span>` : "";
    const dot = n.depth === 1 ? `<i class="dot" style="background:${colorOf(n.id)}"></i>` : "";
    const dir = n.indicator ? directionText(n.direction, L) : undefined;
    const consistency = r.consistency[n.id];
    const method = n.indicator
      ? ""
      : `${weightMethod(n.weights, L.term)}${n.weightsFrom && n.weightsFrom !== v.name ? ` (${n.weightsFrom})` : ""} · ${aggregateMethod(n.aggregate, L.term)}`;
    return [
      {
        html: `<span style="padding-left:${pad}px">${dot}${code}${esc(ctx.nodeName(n.id))}</span>`,
        title: `${n.id}: ${ctx.nodeName(n.id)}`,
      },
      dir
        ? {
            html: `<span class="dir ${dir.cls}" title="${esc(dir.text)}">${dir.symbol} ${esc(dir.text)}</span>`,
          }
        : text(""),
      n.id === v.root ? text("") : { html: weightBar(local[n.id] ?? 0, 1, colorOf(n.id)) },
      n.id === v.root ? text("") : { html: weightBar(global[n.id] ?? 0, maxGlobal, colorOf(n.id)) },
      {
        html: `${esc(method)}${n.multiplier !== 1 ? ` <span class="muted">×${esc(n.multiplier)}</span>` : ""}${consistency ? ` <span class="badge ${consistency.consistent ? "ok" : "bad"}">CR ${esc(fixed(consistency.cr, 3))}</span>` : ""}`,
      },
    ];
  });
  const tree = table(
    [
      { label: L.node },
      { label: L.direction },
      { label: L.localWeight },
      { label: L.globalWeight },
      { label: `${L.weights} · ${L.aggregation}` },
    ],
    treeRows,
    {
      className: "tree",
      rowAttrs: (i) =>
        ` class="depth${(nodes[i] as ResolvedNode).depth}${(nodes[i] as ResolvedNode).indicator ? "" : " group"}" data-node="${esc((nodes[i] as ResolvedNode).id)}"`,
    },
  );
  return card(
    `p${v.index}-framework`,
    L.framework,
    `<div class="grid-sun"><div>${chart}</div>${side}</div><h3>${esc(L.framework)}</h3><div class="scroll">${tree}</div>`,
  );
}

/** Top units as stacked bars by dimension, and the full sortable ranking. @internal */
export function rankingSection(ctx: ReportContext, v: ProfileView, top: number): string {
  const L = ctx.labels;
  const r = v.result;
  const ranks = r.ranks[v.root] as Uint32Array;
  const shown = v.order.slice(0, top).filter((i) => ranks[i] !== 0);
  const colors = v.dims.map((d) => ctx.dimColors.get(d) ?? "#4e79a7");
  const rows: BarRow[] = shown.map((i) => {
    const unit = r.units[i]!;
    const contributions = v.additive ? dimensionContributions(v, i) : undefined;
    return {
      id: unit,
      label: ctx.unitName(unit),
      title: `${ctx.unitName(unit)} (${unit})`,
      rank: ranks[i]!,
      value: v.display[i]!,
      ...(contributions
        ? {
            segments: v.dims.map((d, k) => ({
              key: d,
              label: ctx.nodeName(d),
              value: contributions[k]!,
              color: colors[k]!,
            })),
          }
        : {}),
    };
  });
  const max = niceMax(Math.max(...v.display.filter((x) => !Number.isNaN(x)), 0), v.scale.bounded);
  const chart = barChart(rows, {
    max,
    ariaLabel: `${L.ranking}: ${v.title}`,
    className: "bars ranking",
    width: 1000,
    labelWidth: 220,
  });
  const leg = legend(v.dims.map((d, k) => ({ label: ctx.nodeName(d), color: colors[k]! })));
  const hasParents = r.units.some((u) => ctx.unitParent(u) !== undefined);
  const cols = [
    { label: L.rank, numeric: true },
    { label: "ID" },
    { label: L.name },
    ...(hasParents ? [{ label: L.parent }] : []),
    { label: L.score, numeric: true },
    ...v.dims.map((d) => ({ label: ctx.nodeName(d), numeric: true })),
    { label: L.coverage, numeric: true },
  ];
  const tableRows: Cell[][] = v.order.map((i) => {
    const unit = r.units[i]!;
    const parent = ctx.unitParent(unit);
    const rank = ranks[i]!;
    const coverage = r.coverage[i]!;
    return [
      { html: rank ? String(rank) : "–", sort: rank || "", numeric: true },
      text(unit),
      text(ctx.unitName(unit)),
      ...(hasParents ? [text(parent ? ctx.unitName(parent) : "")] : []),
      num(v.display[i]!, 2, true),
      ...v.dims.map((d) => num(nodeDisplay(v, d, i), 1)),
      { html: esc(percent(coverage, 0)), sort: coverage, numeric: true },
    ];
  });
  const full = table(cols, tableRows, {
    sortable: true,
    scroll: true,
    className: "ranking-table",
  });
  const note = v.additive ? L.contributionsNote : L.noContributions;
  return card(
    `p${v.index}-ranking`,
    L.ranking,
    `<h3>${esc(L.top(shown.length))}</h3><p class="note">${esc(note)}</p>${leg}${chart}<h3>${esc(L.allUnits)} (${r.units.length})</h3><p class="note">${esc(L.sortHint)}</p>${full}`,
  );
}
