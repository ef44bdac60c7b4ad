/** A linear map from a domain onto a pixel range. @internal */
export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Round tick values covering [lo, hi] (1, 2, 5 x 10^k steps), about `count` of them. @internal */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm >= 5 ? 10 : norm >= 2 ? 5 : norm >= 1.5 ? 2 : 1) * mag;
  const out: number[] = [];
  const start = Math.ceil(lo / step - 1e-9);
  const end = Math.floor(hi / step + 1e-9);
  for (let k = start; k <= end; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** The end of the axis: 100 on the bounded display scale, else a round number above the largest value. @internal */
export function niceMax(max: number, bounded: boolean): number {
  if (bounded && max <= 100) return 100;
  if (!(max > 0)) return 1;
  const t = ticks(0, max, 5);
  const step = t.length > 1 ? t[1]! - t[0]! : max;
  return Math.ceil(max / step - 1e-9) * step;
}

/** Categorical palette (Tableau 10), for dimensions. @internal */
export const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#76b7b2",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
] as const;

/** Palette colour number i (cycling). @internal */
export function color(i: number): string {
  return PALETTE[i % PALETTE.length] as string;
}

function hex(c: string): [number, number, number] {
  return [
    Number.parseInt(c.slice(1, 3), 16),
    Number.parseInt(c.slice(3, 5), 16),
    Number.parseInt(c.slice(5, 7), 16),
  ];
}

function mix(a: string, b: string, t: number): string {
  const x = hex(a);
  const y = hex(b);
  const c = x.map((v, i) => Math.round(v + (y[i]! - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

/** A lighter tint of a colour (t = 0 keeps it, 1 gives white). @internal */
export function tint(c: string, t: number): string {
  return mix(c, "#ffffff", t);
}

/** Diverging colour of a correlation in [-1, 1]: blue, white, red (ColorBrewer RdBu). @internal */
export function diverging(r: number): string {
  if (!Number.isFinite(r)) return "#e9ecef";
  const t = Math.max(-1, Math.min(1, r));
  return t >= 0 ? mix("#f7f7f7", "#b2182b", t) : mix("#f7f7f7", "#2166ac", -t);
}

/** A number for SVG coordinates: two decimals at most. @internal */
export function px(v: number): string {
  return String(Math.round(v * 100) / 100);
}
