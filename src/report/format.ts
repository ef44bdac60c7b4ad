import type { Result } from "../score/score.js";

/** How normalized scores map to the 0-100 display scale. @internal */
export interface DisplayScale {
  /** Lower end of the normalized range (maps to 0). */
  lo: number;
  /** Upper end of the normalized range (maps to 100). */
  hi: number;
  /** False when indicators have no common bounded range (z-scores, ranks...): scores are shown as they are. */
  bounded: boolean;
}

/**
 * The display scale of a result: every indicator normalized into the same bounded range [a, b]
 * maps it onto 0-100; otherwise scores are shown on their own scale. @internal
 */
export function displayScale(result: Result): DisplayScale {
  let range: [number, number] | undefined;
  for (const id of result.resolved.indicators) {
    const r = result.normalization[id]?.range;
    if (!r) return { lo: 0, hi: 100, bounded: false };
    if (!range) range = r;
    else if (range[0] !== r[0] || range[1] !== r[1]) return { lo: 0, hi: 100, bounded: false };
  }
  if (!range || !(range[1] > range[0])) return { lo: 0, hi: 100, bounded: false };
  return { lo: range[0], hi: range[1], bounded: true };
}

/** A normalized score on the display scale (0-100 when bounded). @internal */
export function toDisplay(scale: DisplayScale, v: number): number {
  if (!scale.bounded) return v;
  return ((v - scale.lo) * 100) / (scale.hi - scale.lo);
}

/** A number with fixed decimals; an en dash for NaN; no negative zero. @internal */
export function fixed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return "–";
  const s = v.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A share (0-1) as a percentage with one decimal. @internal */
export function percent(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${fixed(v * 100, digits)}%` : "–";
}

/** A raw value, compact: grouping for large numbers, at most 3 significant decimals for small ones. @internal */
export function rawValue(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString("en-US");
  if (a >= 100) return fixed(v, 1).replace(/\.0$/, "");
  if (a >= 1) return fixed(v, 2).replace(/\.?0+$/, "");
  return a === 0 ? "0" : String(Number(v.toPrecision(3)));
}

/** Approximate rendered width of a text in px (CJK and wide characters count double). @internal */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c > 0x2e80 ? 1 : c >= 0x41 && c <= 0x5a ? 0.66 : 0.56;
  }
  return w * fontSize;
}

/** Cuts a text to fit a width, with an ellipsis. @internal */
export function truncate(text: string, maxPx: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxPx) return text;
  const chars = [...text];
  let out = "";
  for (const ch of chars) {
    if (textWidth(`${out}${ch}…`, fontSize) > maxPx) break;
    out += ch;
  }
  return `${out}…`;
}
