import { displayWidth, padDisplay } from "../internal/display-width.js";

const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Text from model content, data or paths made safe for one line of terminal or CI log output: every
 * control character (newline, carriage return, escape, C1, line and paragraph separators) is written as
 * an escape (`\n`, `\u001b`), so a model id cannot start a line of its own (such as a GitHub Actions
 * workflow command `::add-mask::`) nor move the cursor.
 *
 * @example
 * ```ts
 * printable("a\n::add-mask::x"); // => "a\\n::add-mask::x"
 * ```
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Renders rows as an aligned text table: columns padded to their display width (East Asian wide
 * characters count 2, {@link displayWidth}), numeric columns right-aligned, control characters in
 * cells escaped.
 *
 * @example
 * ```ts
 * textTable(["unit", "score"], [["马乐区", 7.5], ["c2", 10]]);
 * // => "unit     score\n马乐区  7.5000\nc2          10\n"
 * ```
 */
export function textTable(header: string[], rows: (string | number)[][]): string {
  const cells = [
    header.map(printable),
    ...rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : printable(c)))),
  ];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => displayWidth(String(r[j] ?? "")))));
  const numeric = header.map(
    (_, j) =>
      rows.length > 0 &&
      rows.every((r) => typeof r[j] === "number" || /^-?\d+(\.\d+)?$|^-$/.test(String(r[j]))),
  );
  return `${cells
    .map((r) =>
      r
        .map((c, j) => padDisplay(String(c ?? ""), widths[j] ?? 0, numeric[j] ? "right" : "left"))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

/** A number for people: 4 significant decimals, `-` for NaN. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return "-";
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(4);
}

/** How CSV cells are written: `safe` guards text cells against spreadsheet formulas ({@link csvCell}). */
export interface CsvStyle {
  /** Prefix text cells that begin with `=`, `+`, `-`, `@`, tab or carriage return with `'`. */
  safe?: boolean;
}

/** A text cell a spreadsheet would read as a formula (the OWASP CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell: numbers written round-trip exact (shortest representation, a negative number stays a
 * number), text quoted when needed. With `safe`, a text cell that a spreadsheet would run as a formula
 * (it begins with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'` (the OWASP rule).
 *
 * @example
 * ```ts
 * csvCell("=1+2", { safe: true }); // => "'=1+2"
 * csvCell(-0.5, { safe: true }); // => "-0.5"
 * ```
 */
export function csvCell(v: string | number | null | undefined, style: CsvStyle = {}): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isNaN(v) ? "" : String(v);
  const text = style.safe && FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders records as CSV with the given columns (cells as {@link csvCell} with `style`). */
export function toCsv(
  columns: string[],
  rows: Record<string, string | number | null | undefined>[],
  style: CsvStyle = {},
): string {
  const cell = (v: string | number | null | undefined) => csvCell(v, style);
  const lines = [columns.map(cell).join(",")];
  for (const row of rows)
    lines.push(columns.map((c) => cell(Object.hasOwn(row, c) ? row[c] : undefined)).join(","));
  return `${lines.join("\n")}\n`;
}

/**
 * Renders `count` rows as CSV in chunks of about 1,000 lines, asking `rowAt(i)` for each row only when
 * its chunk is written: with `writeChunksAtomic` (src/node) a large result is written without building
 * every row or the whole text at once. Cells as {@link csvCell} with `style`.
 */
export function* csvChunks(
  columns: string[],
  count: number,
  rowAt: (i: number) => Record<string, string | number | null | undefined>,
  style: CsvStyle = {},
): Generator<string> {
  const cell = (v: string | number | null | undefined) => csvCell(v, style);
  let lines: string[] = [columns.map(cell).join(",")];
  for (let i = 0; i < count; i++) {
    const row = rowAt(i);
    lines.push(columns.map((c) => cell(Object.hasOwn(row, c) ? row[c] : undefined)).join(","));
    if (lines.length >= 1000) {
      yield `${lines.join("\n")}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join("\n")}\n`;
}
