import { isMissingToken, MISSING_MARKERS } from "../internal/missing.js";

/** How data cells written as people write them are read as numbers (options of `toDataset` and the CLI). */
export interface NumberFormat {
  /**
   * How a percent cell (`85%`) reads: `fraction` (0.85), `points` (85), or `auto` (default): points in
   * the columns listed in `pointsColumns` (the indicators whose `unit` is `%`), a fraction elsewhere.
   */
  percent?: "auto" | "fraction" | "points";
  /** Columns whose percent cells read as points under `percent: "auto"` (score fills it from the units). */
  pointsColumns?: readonly string[];
  /**
   * The texts that mark a missing value (after trimming), replacing the default list: empty, `NA`, `N/A`,
   * `NaN`, `null`, `-`, `.` and the counted markers `—`, `——`, `--`, `–`, `无`, `/`, `#N/A`.
   */
  missing?: readonly string[];
}

/** How many cells of one column were read after a conversion, and the first of them (for the message). */
export interface ConversionCounts {
  /** Percent cells (`85%`). */
  percent: number;
  /** Cells with thousands separators (`1,234.5`). */
  thousands: number;
  /** Cells with full-width characters (`３`, `８５％`), read after Unicode NFKC normalization. */
  fullwidth: number;
  /** Cells holding a missing marker other than empty, `NA`, `NaN`, `null`, `-`, `.` (`—`, `无`, `/`). */
  missing: number;
  /** The first converted cell's text. */
  example?: string;
}

/** A fresh {@link ConversionCounts} with every count 0. */
export function emptyCounts(): ConversionCounts {
  return { percent: 0, thousands: 0, fullwidth: 0, missing: 0 };
}

const STRICT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
/** Full-width forms and the ideographic space (NFKC maps them to ASCII), and the minus sign U+2212. */
const WIDE = /[\u3000\uFF01-\uFF5E\u2212]/;

/** The missing markers of a format as a set, built once per format object. */
const markerSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function markersOf(list: readonly string[]): ReadonlySet<string> {
  let set = markerSets.get(list);
  if (!set) {
    set = new Set(list.map((s) => s.trim()));
    markerSets.set(list, set);
  }
  return set;
}
const DEFAULT_MARKERS: ReadonlySet<string> = new Set(MISSING_MARKERS);

/**
 * Reads one data cell's text as a number, as people write numbers in spreadsheets: plain numbers first
 * (`3`, `-0.5`, `1e3`), then a percent (`85%`: 0.85 as a fraction, 85 as points), thousands separators
 * (`1,234.5`; only groups of three digits, so `1,5` is not a number), full-width digits and signs
 * (`３`, `８５％`, read after Unicode NFKC normalization) and missing markers (NaN). Each conversion is
 * counted in `counts` when given (what `toDataset` and the CLI report as `converted_cells`). Returns
 * `undefined` for a text that is not a number.
 *
 * @param text - the cell's text.
 * @param format - how percent cells read and which texts are missing (see {@link NumberFormat}).
 * @param points - read a percent as points (85) rather than as a fraction (0.85).
 * @param counts - the counts of the column, incremented in place.
 * @example
 * ```ts
 * parseNumberText("85%"); // => 0.85
 * parseNumberText("85%", {}, true); // => 85
 * parseNumberText("1,234.5"); // => 1234.5
 * parseNumberText("３"); // => 3
 * parseNumberText("无"); // => NaN
 * parseNumberText("abc"); // => undefined
 * ```
 */
export function parseNumberText(
  text: string,
  format: NumberFormat = {},
  points = false,
  counts?: ConversionCounts,
): number | undefined {
  let s = text.trim();
  if (STRICT.test(s)) {
    const n = Number(s);
    return Number.isFinite(n) ? n : undefined;
  }
  const markers = format.missing ? markersOf(format.missing) : DEFAULT_MARKERS;
  const missing = (t: string): boolean =>
    format.missing ? markers.has(t) : isMissingToken(t) || markers.has(t);
  if (missing(s)) {
    if (counts && s !== "" && !isMissingToken(s)) {
      counts.missing++;
      counts.example ??= s;
    }
    return Number.NaN;
  }
  let wide = false;
  if (WIDE.test(s)) {
    s = s
      .normalize("NFKC")
      .replace(/\u2212/g, "-")
      .trim();
    wide = true;
    if (missing(s)) {
      if (counts) {
        counts.fullwidth++;
        counts.missing++;
        counts.example ??= text.trim();
      }
      return Number.NaN;
    }
  }
  let percent = false;
  if (s.endsWith("%")) {
    s = s.slice(0, -1).trimEnd();
    percent = true;
  }
  let thousands = false;
  if (THOUSANDS.test(s)) {
    s = s.replace(/,/g, "");
    thousands = true;
  }
  if (!STRICT.test(s)) return undefined;
  let n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  if (percent && !points) n /= 100;
  if (counts) {
    if (percent) counts.percent++;
    if (thousands) counts.thousands++;
    if (wide) counts.fullwidth++;
    counts.example ??= text.trim();
  }
  return n;
}

/** A column's counts as one sentence, or `undefined` when nothing was converted. @internal */
export function describeCounts(c: ConversionCounts, points: boolean): string | undefined {
  const parts: string[] = [];
  if (c.percent > 0)
    parts.push(
      `${c.percent} percent cell(s) read as ${points ? "points (85% = 85)" : "fractions (85% = 0.85)"}`,
    );
  if (c.thousands > 0) parts.push(`${c.thousands} with thousands separators`);
  if (c.fullwidth > 0) parts.push(`${c.fullwidth} with full-width characters`);
  if (c.missing > 0) parts.push(`${c.missing} missing marker(s) read as missing`);
  if (parts.length === 0) return undefined;
  return `${parts.join(", ")} (first: ${JSON.stringify(c.example)})`;
}

/** True when the percent cells of `column` read as points under `format` (see {@link NumberFormat}). @internal */
export function percentAsPoints(format: NumberFormat, column: string): boolean {
  if (format.percent === "points") return true;
  if (format.percent === "fraction") return false;
  return format.pointsColumns?.includes(column) ?? false;
}
