import { esc } from "./escape.js";
import { fixed, textWidth, truncate } from "./format.js";
import { diverging, linear, px, ticks } from "./svg.js";

/** One coloured part of a bar. @internal */
export interface BarSegment {
  key: string;
  label: string;
  value: number;
  color: string;
}

/** One row of a horizontal bar chart. @internal */
export interface BarRow {
  id: string;
  label: string;
  /** Tooltip text (defaults to the label). */
  title?: string;
  rank?: number;
  value: number;
  segments?: BarSegment[];
  color?: string;
  /** A reference value drawn as a vertical mark (e.g. the mean). */
  marker?: number;
}

/** Options of {@link barChart}. @internal */
export interface BarChartOptions {
  max: number;
  ariaLabel: string;
  digits?: number;
  suffix?: string;
  labelWidth?: number;
  width?: number;
  className?: string;
  rowHeight?: number;
}

const FONT = 12;

/** Horizontal bars (optionally stacked), a top axis, a name and a value label per row. @internal */
export function barChart(rows: readonly BarRow[], o: BarChartOptions): string {
  const width = o.width ?? 760;
  const labelW = o.labelWidth ?? 210;
  const valueW = 56;
  const rowH = o.rowHeight ?? 22;
  const barH = Math.min(14, rowH - 6);
  const top = 24;
  const hasRank = rows.some((r) => r.rank !== undefined);
  const x = linear([0, o.max], [labelW, width - valueW]);
  const height = top + rows.length * rowH + 6;
  const digits = o.digits ?? 1;
  const suffix = o.suffix ?? "";
  const parts: string[] = [];
  for (const t of ticks(0, o.max, 5)) {
    const tx = px(x(t));
    parts.push(
      `<line class="grid" x1="${tx}" x2="${tx}" y1="${top - 4}" y2="${height - 4}"/>`,
      `<text class="tick" x="${tx}" y="${top - 9}" text-anchor="middle">${esc(fixed(t, t % 1 === 0 ? 0 : 1))}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const by = (rowH - barH) / 2;
    const nameX = hasRank ? 34 : 4;
    const name = truncate(r.label, labelW - nameX - 8, FONT);
    const tip = `${r.title ?? r.label}: ${fixed(r.value, digits)}${suffix}`;
    const g: string[] = [
      `<g class="bar-row" data-id="${esc(r.id)}" data-value="${r.value}"${r.rank !== undefined ? ` data-rank="${r.rank}"` : ""} transform="translate(0,${px(y)})">`,
      `<title>${esc(tip)}</title>`,
    ];
    if (r.rank !== undefined)
      g.push(`<text class="rank" x="28" y="${px(rowH / 2 + 4)}" text-anchor="end">${r.rank}</text>`);
    g.push(`<text class="name" x="${nameX}" y="${px(rowH / 2 + 4)}">${esc(name)}</text>`);
    if (Number.isFinite(r.value)) {
      if (r.segments && r.segments.length > 0) {
        let acc = 0;
        for (const s of r.segments) {
          if (!(s.value > 0)) continue;
          const x0 = x(acc);
          const w = x(acc + s.value) - x0;
          acc += s.value;
          g.push(
            `<rect class="seg" data-key="${esc(s.key)}" data-value="${s.value}" x="${px(x0)}" y="${px(by)}" width="${px(Math.max(0, w))}" height="${barH}" fill="${s.color}"><title>${esc(`${s.label}: ${fixed(s.value, digits)}`)}</title></rect>`,
          );
          if (w > 30)
            g.push(
              `<text class="seg-label" x="${px(x0 + w / 2)}" y="${px(by + barH - 3)}" text-anchor="middle">${esc(fixed(s.value, digits))}</text>`,
            );
        }
      } else {
        const w = Math.max(0, x(Math.max(0, r.value)) - x(0));
        g.push(
          `<rect class="bar" x="${px(x(0))}" y="${px(by)}" width="${px(w)}" height="${barH}" fill="${r.color ?? "#4e79a7"}"/>`,
        );
      }
      g.push(
        `<text class="val" x="${px(x(Math.max(0, r.value)) + 5)}" y="${px(rowH / 2 + 4)}">${esc(fixed(r.value, digits))}${esc(suffix)}</text>`,
      );
    } else {
      g.push(`<text class="val" x="${px(x(0) + 5)}" y="${px(rowH / 2 + 4)}">–</text>`);
    }
    if (r.marker !== undefined && Number.isFinite(r.marker)) {
      const mx = px(x(r.marker));
      g.push(
        `<line class="ref" data-value="${r.marker}" x1="${mx}" x2="${mx}" y1="${px(by - 3)}" y2="${px(by + barH + 3)}"><title>${esc(fixed(r.marker, digits))}</title></line>`,
      );
    }
    g.push("</g>");
    parts.push(g.join(""));
  });
  return svg(width, height, o.ariaLabel, parts.join(""), o.className ?? "bars");
}

function svg(width: number, height: number, label: string, body: string, className: string): string {
  return `<svg class="chart ${className}" viewBox="0 0 ${width} ${px(height)}" width="${width}" height="${px(height)}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

/** One point of a scatter plot. @internal */
export interface ScatterPoint {
  id: string;
  label: string;
  x: number;
  y: number;
  /** Drawn with its label (and `note`). */
  highlight?: boolean;
  note?: string;
  shift?: number;
}

/** Options of {@link scatter}. @internal */
export interface ScatterOptions {
  xLabel: string;
  yLabel: string;
  ariaLabel: string;
}

/** A scatter plot with equal axes and the diagonal y = x; highlighted points get labels. @internal */
export function scatter(points: readonly ScatterPoint[], o: ScatterOptions): string {
  const width = 640;
  const height = 480;
  const m = { l: 56, r: 24, t: 16, b: 48 };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of points)
    for (const v of [p.x, p.y])
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  const pad = (hi - lo) * 0.06 || 1;
  const t = ticks(lo - pad, hi + pad, 6);
  const step = t.length > 1 ? t[1]! - t[0]! : pad;
  const d0 = Math.floor((lo - pad) / step) * step;
  const d1 = Math.ceil((hi + pad) / step) * step;
  const sx = linear([d0, d1], [m.l, width - m.r]);
  const sy = linear([d0, d1], [height - m.b, m.t]);
  const parts: string[] = [];
  for (const v of ticks(d0, d1, 6)) {
    parts.push(
      `<line class="grid" x1="${px(sx(v))}" x2="${px(sx(v))}" y1="${m.t}" y2="${height - m.b}"/>`,
      `<line class="grid" x1="${m.l}" x2="${width - m.r}" y1="${px(sy(v))}" y2="${px(sy(v))}"/>`,
      `<text class="tick" x="${px(sx(v))}" y="${height - m.b + 16}" text-anchor="middle">${esc(fixed(v, v % 1 === 0 ? 0 : 1))}</text>`,
      `<text class="tick" x="${m.l - 6}" y="${px(sy(v) + 4)}" text-anchor="end">${esc(fixed(v, v % 1 === 0 ? 0 : 1))}</text>`,
    );
  }
  parts.push(
    `<line class="diagonal" x1="${px(sx(d0))}" y1="${px(sy(d0))}" x2="${px(sx(d1))}" y2="${px(sy(d1))}"/>`,
    `<text class="axis-label" x="${px((m.l + width - m.r) / 2)}" y="${height - 10}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(16,${px((m.t + height - m.b) / 2)}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
  );
  const labels: { x: number; y: number; text: string; anchor: string }[] = [];
  const ordered = [...points].sort((a, b) => Number(!!a.highlight) - Number(!!b.highlight));
  for (const p of ordered) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const cx = sx(p.x);
    const cy = sy(p.y);
    const cls = p.highlight ? "pt hl" : "pt";
    const fill = p.shift === undefined || p.shift === 0 ? "" : p.shift > 0 ? " fall" : " rise";
    parts.push(
      `<circle class="${cls}${p.highlight ? fill : ""}" data-id="${esc(p.id)}" data-x="${p.x}" data-y="${p.y}" cx="${px(cx)}" cy="${px(cy)}" r="${p.highlight ? 4.5 : 3}"><title>${esc(`${p.label}: ${fixed(p.x, 1)} → ${fixed(p.y, 1)}${p.note ? ` (${p.note})` : ""}`)}</title></circle>`,
    );
    if (p.highlight) {
      const right = cx < width - 160;
      labels.push({
        x: right ? cx + 7 : cx - 7,
        y: cy + 4,
        text: `${truncate(p.label, 130, 11)}${p.note ? ` ${p.note}` : ""}`,
        anchor: right ? "start" : "end",
      });
    }
  }
  // Nudge labels apart vertically (a simple one-pass collision fix).
  labels.sort((a, b) => a.y - b.y);
  for (let i = 1; i < labels.length; i++) {
    const prev = labels[i - 1] as (typeof labels)[number];
    const cur = labels[i] as (typeof labels)[number];
    if (Math.abs(cur.x - prev.x) < 150 && cur.y - prev.y < 13) cur.y = prev.y + 13;
  }
  for (const l of labels)
    parts.push(
      `<text class="pt-label" x="${px(l.x)}" y="${px(l.y)}" text-anchor="${l.anchor}">${esc(l.text)}</text>`,
    );
  return svg(width, height, o.ariaLabel, parts.join(""), "scatter");
}

/** A row or column of a heatmap. @internal */
export interface HeatLabel {
  id: string;
  short: string;
  title: string;
  group: string;
}

/** Options of {@link heatmap}. @internal */
export interface HeatmapOptions {
  ariaLabel: string;
  /** Print the value in each cell (readable up to about 20 rows). */
  showValues: boolean;
  cell?: number;
}

/** A correlation heatmap (lower triangle and diagonal), blue-white-red, with group separators. @internal */
export function heatmap(
  labels: readonly HeatLabel[],
  matrix: readonly (readonly number[])[],
  o: HeatmapOptions,
): string {
  const n = labels.length;
  const cell = o.cell ?? Math.max(9, Math.min(40, Math.floor(840 / Math.max(1, n))));
  const labelFont = Math.min(12, Math.max(8, cell - 3));
  const maxLabel = Math.max(...labels.map((l) => textWidth(l.short, labelFont)), 8);
  const left = Math.min(160, Math.ceil(maxLabel) + 10);
  const topPad = 8;
  const width = left + n * cell + 70;
  const height = topPad + n * cell + Math.min(120, Math.ceil(maxLabel * 0.87) + 16);
  const parts: string[] = ['<g class="cells">'];
  const rowLabels: string[] = [];
  for (let i = 0; i < n; i++) {
    const li = labels[i] as HeatLabel;
    rowLabels.push(
      `<text class="hm-label row" x="${left - 4}" y="${px(topPad + i * cell + cell / 2 + labelFont / 3)}" text-anchor="end" font-size="${labelFont}"><title>${esc(li.title)}</title>${esc(li.short)}</text>`,
    );
    for (let j = 0; j <= i; j++) {
      const r = matrix[i]![j]!;
      const cx = left + j * cell;
      const cy = topPad + i * cell;
      // No <title> per cell (it would double the page): the page script shows names and r on hover.
      parts.push(
        `<rect data-i="${i}" data-j="${j}" data-value="${r}" x="${cx}" y="${cy}" width="${cell}" height="${cell}" fill="${diverging(r)}"/>`,
      );
      if (o.showValues && i !== j)
        parts.push(
          `<text class="cell-label${Math.abs(r) > 0.6 ? " dark" : ""}" x="${px(cx + cell / 2)}" y="${px(cy + cell / 2 + 4)}" text-anchor="middle">${esc(fixed(r, 2))}</text>`,
        );
    }
  }
  parts.push("</g>", ...rowLabels);
  const bottom = topPad + n * cell;
  for (let j = 0; j < n; j++) {
    const lj = labels[j] as HeatLabel;
    const x = left + j * cell + cell / 2 + labelFont / 3;
    parts.push(
      `<text class="hm-label" transform="translate(${px(x)},${bottom + 6}) rotate(-60)" text-anchor="end" font-size="${labelFont}"><title>${esc(lj.title)}</title>${esc(lj.short)}</text>`,
    );
  }
  for (let i = 1; i < n; i++)
    if ((labels[i] as HeatLabel).group !== (labels[i - 1] as HeatLabel).group) {
      const p = i * cell;
      parts.push(
        `<line class="sep" x1="${left}" x2="${left + p}" y1="${topPad + p}" y2="${topPad + p}"/>`,
        `<line class="sep" x1="${left + p}" x2="${left + p}" y1="${topPad + p}" y2="${bottom}"/>`,
      );
    }
  // Legend: -1 .. 1.
  const lx = left + n * cell + 24;
  const lh = Math.min(160, n * cell);
  const steps = 20;
  for (let k = 0; k < steps; k++) {
    const r = 1 - (2 * k) / (steps - 1);
    parts.push(
      `<rect x="${lx}" y="${px(topPad + (k * lh) / steps)}" width="12" height="${px(lh / steps + 0.5)}" fill="${diverging(r)}"/>`,
    );
  }
  parts.push(
    `<text class="tick" x="${lx + 16}" y="${topPad + 9}">1</text>`,
    `<text class="tick" x="${lx + 16}" y="${px(topPad + lh / 2 + 4)}">0</text>`,
    `<text class="tick" x="${lx + 16}" y="${px(topPad + lh)}">−1</text>`,
  );
  return svg(width, height, o.ariaLabel, parts.join(""), "heatmap");
}

/** One row of a rank-interval chart. @internal */
export interface IntervalRow {
  id: string;
  label: string;
  median: number;
  lo: number;
  hi: number;
  nominal?: number;
}

/** Rank intervals: a line from the best to the worst rank, a dot at the median, a diamond at the nominal rank. @internal */
export function intervalChart(rows: readonly IntervalRow[], maxRank: number, ariaLabel: string): string {
  const width = 760;
  const labelW = 190;
  const valueW = 110;
  const rowH = 20;
  const top = 24;
  const x = linear([1, Math.max(2, maxRank)], [labelW, width - valueW]);
  const height = top + rows.length * rowH + 6;
  const parts: string[] = [];
  const tk = ticks(1, Math.max(2, maxRank), 6).filter((t) => t >= 1);
  if (tk[0] !== 1) tk.unshift(1);
  for (const t of tk) {
    const tx = px(x(t));
    parts.push(
      `<line class="grid" x1="${tx}" x2="${tx}" y1="${top - 4}" y2="${height - 4}"/>`,
      `<text class="tick" x="${tx}" y="${top - 9}" text-anchor="middle">${t}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const cy = rowH / 2;
    const tip = `${r.label}: ${fixed(r.median, 1)} [${fixed(r.lo, 0)}–${fixed(r.hi, 0)}]${r.nominal !== undefined ? `, ${r.nominal}` : ""}`;
    const g = [
      `<g class="interval-row" data-id="${esc(r.id)}" data-value="${r.median}" data-lo="${r.lo}" data-hi="${r.hi}" transform="translate(0,${y})"><title>${esc(tip)}</title>`,
      `<text class="name" x="4" y="${cy + 4}">${esc(truncate(r.label, labelW - 12, FONT))}</text>`,
      `<line class="interval" x1="${px(x(r.lo))}" x2="${px(x(r.hi))}" y1="${cy}" y2="${cy}"/>`,
      `<circle class="median" cx="${px(x(r.median))}" cy="${cy}" r="4"/>`,
    ];
    if (r.nominal !== undefined && r.nominal > 0) {
      const nx = x(r.nominal);
      g.push(
        `<path class="nominal" data-value="${r.nominal}" d="M${px(nx)},${cy - 5}L${px(nx + 5)},${cy}L${px(nx)},${cy + 5}L${px(nx - 5)},${cy}Z"/>`,
      );
    }
    g.push(
      `<text class="val" x="${width - valueW + 8}" y="${cy + 4}">${esc(fixed(r.median, r.median % 1 === 0 ? 0 : 1))} [${esc(fixed(r.lo, 0))}–${esc(fixed(r.hi, 0))}]</text></g>`,
    );
    parts.push(g.join(""));
  });
  return svg(width, height, ariaLabel, parts.join(""), "intervals");
}

/** One node of the sunburst. @internal */
export interface SunNode {
  id: string;
  parent: string | undefined;
  depth: number;
  /** Global weight (the children of a node sum to its value). */
  value: number;
  /** Full name, shown on hover and where it fits. */
  label: string;
  /** Short label (the node's code, e.g. "S1.1"), used where the name does not fit. */
  code?: string;
  color: string;
}

function arc(cx: number, cy: number, r0: number, r1: number, a0: number, a1: number): string {
  const span = Math.min(a1 - a0, 2 * Math.PI - 1e-4);
  const b = a0 + span;
  const large = span > Math.PI ? 1 : 0;
  const p = (r: number, a: number) => `${px(cx + r * Math.sin(a))},${px(cy - r * Math.cos(a))}`;
  return `M${p(r1, a0)}A${px(r1)},${px(r1)} 0 ${large} 1 ${p(r1, b)}L${p(r0, b)}A${px(r0)},${px(r0)} 0 ${large} 0 ${p(r0, a0)}Z`;
}

/**
 * The label of one sunburst arc, or "" where nothing fits (the arc's title still names it on hover).
 * The first ring reads horizontally: the full name where it fits the arc, else the code, with the weight
 * below. Outer rings read along the radius (turned upright on the left half): the code where it fits
 * the ring's width and the arc's length. Nothing is cut with an ellipsis.
 */
function sunLabel(n: SunNode, c: number, r0: number, r1: number, a0: number, a1: number): string {
  const mid = (a0 + a1) / 2;
  const rm = (r0 + r1) / 2;
  const arcLen = (a1 - a0) * rm;
  const ring = r1 - r0;
  const x = c + rm * Math.sin(mid);
  const y = c - rm * Math.cos(mid);
  if (n.depth === 1) {
    // Horizontal text: near the top and bottom the arc runs along the text, at the sides the ring does.
    const across = Math.abs(Math.cos(mid)) * arcLen + Math.abs(Math.sin(mid)) * ring;
    const tall = Math.abs(Math.cos(mid)) * ring + Math.abs(Math.sin(mid)) * arcLen;
    if (tall < 26 || across < 28) return "";
    const text = [n.label, n.code].find((s) => s !== undefined && s !== "" && textWidth(s, 11) <= across - 6);
    const weight = `<text class="sun-label val" x="${px(x)}" y="${px(text ? y + 11 : y + 4)}" text-anchor="middle">${esc(fixed(n.value * 100, 1))}%</text>`;
    return text
      ? `<text class="sun-label" x="${px(x)}" y="${px(y - 2)}" text-anchor="middle">${esc(text)}</text>${weight}`
      : weight;
  }
  const code = n.code;
  if (code === undefined || code === "" || arcLen < 11 || textWidth(code, 9) > ring - 6) return "";
  const deg = (mid * 180) / Math.PI;
  const turn = deg <= 180 ? deg - 90 : deg - 270;
  return `<text class="sun-code" transform="translate(${px(x)} ${px(y)}) rotate(${px(turn)})" text-anchor="middle" dy="0.35em">${esc(code)}</text>`;
}

/** A sunburst of the global weights: rings by depth, each node's angle proportional to its weight. @internal */
export function sunburst(nodes: readonly SunNode[], centerLabel: string, ariaLabel: string): string {
  const size = 380;
  const c = size / 2;
  const maxDepth = Math.max(1, ...nodes.map((n) => n.depth));
  const hole = 46;
  const ring = (c - 6 - hole) / maxDepth;
  const children = new Map<string | undefined, SunNode[]>();
  for (const n of nodes) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const parts: string[] = [];
  const labels: string[] = [];
  const visit = (n: SunNode, a0: number, a1: number): void => {
    if (n.depth > 0) {
      const r0 = hole + (n.depth - 1) * ring;
      const r1 = r0 + ring - 1;
      parts.push(
        `<path class="sun" data-id="${esc(n.id)}" data-value="${n.value}" d="${arc(c, c, r0, r1, a0, a1)}" fill="${n.color}"><title>${esc(`${n.label}: ${fixed(n.value * 100, 1)}%`)}</title></path>`,
      );
      labels.push(sunLabel(n, c, r0, r1, a0, a1));
    }
    const kids = children.get(n.id) ?? [];
    const total = kids.reduce((s, k) => s + Math.max(k.value, 0), 0);
    let a = a0;
    for (const k of kids) {
      const span = total > 0 ? ((a1 - a0) * Math.max(0, k.value)) / total : 0;
      visit(k, a, a + span);
      a += span;
    }
  };
  const root = nodes.find((n) => n.depth === 0);
  if (root) visit(root, 0, 2 * Math.PI);
  parts.push(
    `<circle cx="${c}" cy="${c}" r="${hole - 3}" class="sun-center"><title>${esc(centerLabel)}</title></circle>`,
    `<text class="sun-center-label" x="${c}" y="${c + 4}" text-anchor="middle">${esc(truncate(centerLabel, 2 * hole - 14, 11))}</text>`,
  );
  return svg(size, size, ariaLabel, parts.join("") + labels.join(""), "sunburst");
}
