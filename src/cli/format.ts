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
  return NEEDS_QUOTES.test(text) || !isTrimmed(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const NEEDS_QUOTES = /[",\n\r]/;

/** `s.trim() === s`, without the call when `s` starts and ends with printable ASCII (most cells). */
function isTrimmed(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return (a > 32 && a < 127 && b > 32 && b < 127) || s.trim() === s;
}

/** One CSV cell's value as a row writer gives it (undefined: the row has no such column). */
export type CsvValue = string | number | null | undefined;

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
  yield* csvChunksOf(
    columns,
    count,
    (i, cells) => {
      const row = rowAt(i);
      for (let j = 0; j < columns.length; j++) {
        const c = columns[j]!;
        cells[j] = Object.hasOwn(row, c) ? row[c] : undefined;
      }
    },
    style,
  );
}

/**
 * {@link csvChunks} without an object per row: `cellsAt(i, cells)` writes row i's values into `cells`
 * (one array, aligned with `columns`, reused for every row and cleared to undefined before each), and
 * each line is built by concatenation. What the score output writes a million rows with.
 *
 * @example
 * ```ts
 * [...csvChunksOf(["unit", "x"], 2, (i, cells) => { cells[0] = `u${i}`; cells[1] = i / 2; })].join("");
 * // => "unit,x\nu0,0\nu1,0.5\n"
 * ```
 */
export function* csvChunksOf(
  columns: readonly string[],
  count: number,
  cellsAt: (i: number, cells: CsvValue[]) => void,
  style: CsvStyle = {},
): Generator<string> {
  const n = columns.length;
  const cells: CsvValue[] = new Array<CsvValue>(n).fill(undefined);
  let chunk = `${columns.map((c) => csvCell(c, style)).join(",")}\n`;
  let lines = 1;
  for (let i = 0; i < count; i++) {
    cells.fill(undefined);
    cellsAt(i, cells);
    let line = n > 0 ? cellText(cells[0], style) : "";
    for (let j = 1; j < n; j++) line += `,${cellText(cells[j], style)}`;
    chunk += `${line}\n`;
    if (++lines >= 1000) {
      yield chunk;
      chunk = "";
      lines = 0;
    }
  }
  if (chunk !== "") yield chunk;
}

/** {@link csvCell} with the number case first (most cells of a score table). */
function cellText(v: CsvValue, style: CsvStyle): string {
  if (typeof v === "number") return Number.isNaN(v) ? "" : String(v);
  return csvCell(v, style);
}
