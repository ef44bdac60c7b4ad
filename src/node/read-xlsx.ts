import { createRequire } from "node:module";
import type * as SheetJS from "@e965/xlsx";
import { unzipSync } from "fflate";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import { MAX_DATA_FILE_BYTES } from "../internal/limits.js";
import type { DatasetColumns } from "../score/dataset.js";
import { columnCollector, type ReadDataOptions } from "./read-csv-columns.js";
import { readBinaryFile } from "./read-file.js";

/**
 * Largest unpacked size of a zipped workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`), in bytes: 96 MiB,
 * the sum of its parts as the zip directory gives them, checked before anything is inflated (SheetJS
 * inflates every part of a workbook it reads). Measured with SheetJS 0.20.3 in a 512 MB heap: 96 MiB
 * of Excel's densest XML (styled empty cells, 27 bytes a cell: 3.7 million cells) keeps 369 MB, 2.65
 * million number cells 300 MB. Save a larger sheet as CSV (UTF-8), which is read in columns without
 * this limit. Keeps a 50 MB workbook (often 10 times larger unpacked) from exhausting memory.
 */
export const MAX_WORKBOOK_UNPACKED_BYTES = 96 * 1024 * 1024;

/**
 * Most cells of the sheets read from a binary workbook (`.xls`, `.xlsb`), by the range that each sheet
 * declares: 750,000 (65,536 rows x 11 columns); in an `.xls` every sheet counts, as SheetJS reads
 * them all. Binary records are compact (6 to 20 bytes a cell) and SheetJS's Excel 97-2003 reader keeps
 * about 0.5 KB a cell (715,000 cells: 372 MB of heap, measured), so no byte limit bounds their memory:
 * the declared ranges are read first (SheetJS `sheetRows: 1`) and a larger workbook is refused with
 * `file_too_large` before its cells are read.
 */
export const MAX_BINARY_WORKBOOK_CELLS = 750_000;

/**
 * The file names read as workbooks: `.xlsx`, `.xlsm` (macros are never run), `.xlsb`, `.xls` (Excel
 * 97-2003) and `.ods` (OpenDocument). Every other name is read as CSV. @internal
 */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;

/** Whether `path` names a workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`), read by this module. @internal */
export function isWorkbookFile(path: string): boolean {
  return WORKBOOK_FILE.test(path);
}

/** Options of {@link readXlsxRows}. */
export interface ReadXlsxOptions {
  /** The sheet: its name, or its 1-based position (default: the first sheet). */
  sheet?: string;
  /** Largest workbook file read, in bytes (default `LIMITS.maxDataFileBytes`). */
  limit?: number;
  /** Largest unpacked size of a zipped workbook, in bytes (default 96 MiB). */
  unpackedLimit?: number;
  /** Most cells of the sheets read from a binary workbook, `.xls` or `.xlsb` (default 750,000). */
  cellLimit?: number;
}

/**
 * One cell of a sheet as {@link readXlsxRows} gives it: a number cell as its number; text as its text;
 * a number shown as a percent as percent text (`35%`), a date as ISO text (`2024-03-01`), a boolean as
 * `TRUE` or `FALSE`, an error as its text (`#N/A`); an empty cell as `""`.
 */
export type WorkbookCell = string | number;

/** The few functions of SheetJS's number format library (typed `any` by SheetJS) that are read here. */
interface NumberFormats {
  is_date(format: string): boolean;
  parse_date_code(
    v: number,
    opts: { date1904: boolean },
  ): { y: number; m: number; d: number; H: number; M: number; S: number } | null;
}

let sheetjs: typeof SheetJS | undefined;

/**
 * SheetJS Community Edition (`@e965/xlsx`, the official 0.20.3 build republished on npm), loaded on
 * first use with `require`, so that a command that reads no workbook does not pay its 30-100 ms start-up
 * and the readers stay synchronous. The CommonJS build loads its code pages, so an Excel 5/95 file or a
 * `.xls` file whose strings are stored in GBK (code page 936) decodes as it should.
 */
function sheetJs(): typeof SheetJS {
  sheetjs ??= createRequire(import.meta.url)("@e965/xlsx") as typeof SheetJS;
  return sheetjs;
}

function invalid(path: string, message: string): IndicatrixError {
  return new IndicatrixError("invalid_workbook", `${path}: ${message}`, { path: [], where: path });
}

/**
 * Throws `file_too_large` when the parts of a zipped workbook add up to more than `limit` bytes
 * unpacked, from the zip directory (fflate reads it; nothing is inflated). Returns the parts' names.
 */
function checkUnpackedSize(bytes: Uint8Array, limit: number, path: string): string[] {
  let total = 0;
  let largest = { name: "", size: 0 };
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        total += f.originalSize;
        if (f.originalSize > largest.size) largest = { name: f.name, size: f.originalSize };
        return false;
      },
    });
  } catch (e) {
    throw invalid(
      path,
      `not a readable workbook (${(e as Error).message}); save it again in Excel, or as CSV (UTF-8)`,
    );
  }
  if (total > limit)
    throw new IndicatrixError(
      "file_too_large",
      `${path}: the workbook is ${total} bytes unpacked (its ${largest.name} ${largest.size}), more than the limit of ${limit} bytes; save the sheet as CSV (UTF-8), which is read without this limit`,
      { path: [], where: path },
    );
  return names;
}

/** Options of SheetJS's `read` for every workbook: cells in rows, number formats and formulas kept. */
const PARSE: SheetJS.ParsingOptions = {
  type: "buffer",
  dense: true,
  cellNF: true,
  cellFormula: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  // stubs keep the formulas that have no saved result, refused in sheetRows
  sheetStubs: true,
};

/**
 * Throws `file_too_large` when the sheets `sheets` of a binary workbook declare more than `limit` cells
 * in all (their used ranges, read by SheetJS without their cells).
 */
function checkCells(
  bytes: Uint8Array,
  sheets: SheetJS.ParsingOptions["sheets"],
  limit: number,
  path: string,
): void {
  const X = sheetJs();
  const book = X.read(bytes, { ...PARSE, sheetRows: 1, ...(sheets !== undefined ? { sheets } : {}) });
  let total = 0;
  let largest = { name: "", ref: "", cells: 0 };
  for (const name of book.SheetNames) {
    const ws = book.Sheets[name];
    const ref = ws?.["!fullref"] ?? ws?.["!ref"];
    if (ref === undefined) continue;
    const r = X.utils.decode_range(ref);
    const cells = (r.e.r - r.s.r + 1) * (r.e.c - r.s.c + 1);
    total += cells;
    if (cells > largest.cells) largest = { name, ref, cells };
  }
  if (total > limit)
    throw new IndicatrixError(
      "file_too_large",
      `${path}: sheet "${largest.name}" spans ${largest.ref} (${largest.cells} cells), more than the limit of ${limit} cells of a binary workbook (.xls, .xlsb); save it as .xlsx, or as CSV (UTF-8), which is read without this limit`,
      { path: [], where: path },
    );
}

/**
 * The workbook in `path`, parsed by SheetJS with only the sheets `sheets` (all when undefined). The
 * container is recognized by its first bytes: a zip (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`) or an OLE
 * compound file (`.xls`); anything else (a CSV or a web page named `.xls`) is refused, since SheetJS
 * would read it as text with its own rules.
 */
function readBook(
  path: string,
  opts: Omit<ReadXlsxOptions, "sheet">,
  sheets: SheetJS.ParsingOptions["sheets"] | "names",
): SheetJS.WorkBook {
  const bytes = readBinaryFile(path, opts.limit ?? MAX_DATA_FILE_BYTES);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (!zip && !ole)
    throw invalid(
      path,
      "not a workbook (the file is not a zip or an Excel 97-2003 file: a CSV or a web page with a workbook's name?); save it as .xlsx, or as CSV (UTF-8) named .csv",
    );
  const parts = zip ? checkUnpackedSize(bytes, opts.unpackedLimit ?? MAX_WORKBOOK_UNPACKED_BYTES, path) : [];
  const binary = ole || parts.includes("xl/workbook.bin");
  try {
    if (binary && sheets !== "names")
      checkCells(bytes, sheets, opts.cellLimit ?? MAX_BINARY_WORKBOOK_CELLS, path);
    return sheetJs().read(bytes, {
      ...PARSE,
      ...(sheets === "names" ? { bookSheets: true } : sheets !== undefined ? { sheets } : {}),
    });
  } catch (e) {
    if (e instanceof IndicatrixError) throw e;
    throw invalid(
      path,
      `not a readable workbook (${(e as Error).message}); save it again in Excel, or as CSV (UTF-8)`,
    );
  }
}

/** The sheet asked for (a name, else a 1-based position), or the first; undefined when there is none. */
function pickSheet(names: readonly string[], asked: string | undefined): string | undefined {
  if (asked === undefined) return names[0];
  if (names.includes(asked)) return asked;
  const folded = names.find((n) => n.toLowerCase() === asked.toLowerCase());
  if (folded !== undefined) return folded;
  return /^\d+$/.test(asked) ? names[Number(asked) - 1] : undefined;
}

/** A number format that shows a percent (`0%`, `0.0%`; a `%` inside quotes or escaped does not count). */
const isPercentFormat = (z: string) => z.replace(/"[^"]*"|\\./g, "").includes("%");

const pad2 = (n: number) => String(n).padStart(2, "0");

/** A date cell's serial number as ISO text: `2024-03-01`, `2024-03-01 08:30:00`, or `08:30:00` for a time. */
function dateText(ssf: NumberFormats, v: number, date1904: boolean): string | undefined {
  const p = ssf.parse_date_code(v, { date1904 });
  if (!p) return undefined;
  const time = `${pad2(p.H)}:${pad2(p.M)}:${pad2(p.S)}`;
  if (Math.floor(v) === 0 && !date1904) return time;
  const date = `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
  return p.H === 0 && p.M === 0 && p.S === 0 ? date : `${date} ${time}`;
}

/** Where a cell is, for people: `sheet "数据", cell C3`. */
const cellWhere = (X: typeof SheetJS, sheet: string, r: number, c: number) =>
  `sheet "${sheet}", cell ${X.utils.encode_cell({ r, c })}`;

/**
 * The cells of one sheet row by row (see {@link readXlsxRows}); returns the merged ranges that span
 * several rows (each read in every row of the range).
 */
function sheetRows(
  book: SheetJS.WorkBook,
  name: string,
  path: string,
  onRow: (cells: WorkbookCell[], row: number) => void,
): string[] {
  const X = sheetJs();
  const ws = book.Sheets[name];
  if (!ws) throw invalid(path, `sheet "${name}" cannot be read (it is not a worksheet, or it is damaged)`);
  if (ws["!ref"] === undefined) return [];
  const range = X.utils.decode_range(ws["!ref"]);
  const data = (ws["!data"] ?? []) as (SheetJS.CellObject | undefined)[][];
  const ssf = X.SSF as NumberFormats;
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  const text = (cell: SheetJS.CellObject | undefined, r: number, c: number): WorkbookCell => {
    if (cell === undefined || cell === null) return "";
    // A stub: an empty cell, or a formula whose result was never saved (SheetJS reads it as 0).
    if (cell.t === "z" || cell.v === undefined || cell.v === null) {
      if (cell.f !== undefined)
        throw invalid(
          path,
          `${cellWhere(X, name, r, c)} holds a formula (=${cell.f}) without a saved result (the file was written by a program that does not calculate); open it in Excel, WPS or LibreOffice and save it`,
        );
      return "";
    }
    switch (cell.t) {
      case "s":
        return String(cell.v);
      case "b":
        return cell.v ? "TRUE" : "FALSE";
      case "e":
        return X.utils.format_cell(cell);
      case "d":
        return cell.v instanceof Date ? cell.v.toISOString().replace(/T00:00:00\.000Z$/, "") : String(cell.v);
      case "n": {
        const v = cell.v as number;
        if (!Number.isFinite(v)) return "#NUM!";
        const z = typeof cell.z === "string" ? cell.z : "";
        if (z !== "" && z !== "General") {
          if (isPercentFormat(z)) return `${Number((v * 100).toPrecision(15))}%`;
          if (ssf.is_date(z)) return dateText(ssf, v, date1904) ?? v;
        }
        return v;
      }
      default:
        return "";
    }
  };
  // A range merged over several rows (a district merged down its communities) is read in each of its
  // rows; a merge across columns only (a title, a two-level header) in its first cell.
  const fill = new Map<number, Map<number, SheetJS.CellObject | undefined>>();
  const merged: string[] = [];
  for (const m of ws["!merges"] ?? []) {
    if (m.e.r === m.s.r) continue;
    merged.push(X.utils.encode_range(m));
    const top = data[m.s.r]?.[m.s.c];
    for (let r = m.s.r + 1; r <= Math.min(m.e.r, range.e.r); r++) {
      let row = fill.get(r);
      if (!row) fill.set(r, (row = new Map()));
      row.set(m.s.c, top);
    }
  }
  let width = -1;
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row = data[r];
    const filled = fill.get(r);
    if (!row && !filled) continue;
    const cells: WorkbookCell[] = [];
    let last = -1;
    for (let c = range.s.c; c <= range.e.c; c++) {
      const v = text(filled?.has(c) ? filled.get(c) : row?.[c], r, c);
      cells.push(v);
      if (typeof v === "number" || v.trim() !== "") last = cells.length - 1;
    }
    if (last < 0) continue;
    cells.length = Math.max(last + 1, width);
    for (let j = 0; j < cells.length; j++) cells[j] ??= "";
    if (width < 0) width = cells.length;
    onRow(cells, r + 1);
  }
  return merged;
}

/**
 * Reads one sheet of a workbook row by row (a sheet's first row is its header), with SheetJS
 * Community Edition: `.xlsx`, `.xlsm`, `.xlsb`, `.xls` (Excel 97-2003, and Excel 5/95) and `.ods`. A
 * number cell gives its number (a formula its saved result); text its text (shared, inline and rich
 * text, without phonetic runs); a number shown as a percent (format `0%`, `0.0%`...) percent text
 * (`35%`, so that it reads as the data options say); a date ISO text (`2024-03-01`, never the serial
 * number); a boolean `TRUE` or `FALSE`; an error its text (`#N/A`). The table starts at the sheet's first
 * used column; rows are padded with empty cells to the header's length; empty rows are skipped; a cell
 * merged over several rows is read in each of them. A zipped workbook's unpacked size is checked against
 * `unpackedLimit` from its zip directory before anything is inflated.
 *
 * @param path - the workbook file.
 * @param onRow - called with each row's cells and its 1-based row number in the sheet; return nothing.
 * @param opts - the sheet (name or 1-based number; default the first) and the size limits.
 * @throws IndicatrixError `unreadable_file`, `file_too_large`, `invalid_workbook` (not a workbook, a
 *   damaged or password-protected one, no such sheet, a formula without a saved result).
 * @example
 * ```ts
 * readXlsxRows("data.xlsx", (cells, row) => console.log(row, cells), { sheet: "2024" });
 * ```
 */
export function readXlsxRows(
  path: string,
  onRow: (cells: WorkbookCell[], row: number) => void,
  opts: ReadXlsxOptions = {},
): void {
  readSheet(path, onRow, opts);
}

/** {@link readXlsxRows}, returning the sheet's name and its merged ranges over several rows. */
function readSheet(
  path: string,
  onRow: (cells: WorkbookCell[], row: number) => void,
  opts: ReadXlsxOptions,
): { sheet: string; merged: string[] } {
  const asked = opts.sheet;
  const wanted = asked === undefined ? 0 : /^\d+$/.test(asked) ? [asked, Number(asked) - 1] : asked;
  const book = readBook(path, opts, wanted);
  const sheet = pickSheet(book.SheetNames, asked);
  if (sheet === undefined)
    throw invalid(
      path,
      asked === undefined
        ? "the workbook has no sheet"
        : `no sheet "${asked}"; the sheets are ${book.SheetNames.map((s) => JSON.stringify(s)).join(", ")}`,
    );
  return { sheet, merged: sheetRows(book, sheet, path, onRow) };
}

/**
 * The names of the sheets of a workbook (`.xlsx`, `.xls`, `.ods`...), in the workbook's order (to read
 * each with {@link readXlsxRows}).
 *
 * @param path - the workbook file.
 * @param opts - the size limits.
 * @throws IndicatrixError `unreadable_file`, `file_too_large`, `invalid_workbook`.
 * @example
 * ```ts
 * for (const sheet of readXlsxSheetNames("survey.xlsx")) readXlsxRows("survey.xlsx", onRow, { sheet });
 * ```
 */
export function readXlsxSheetNames(path: string, opts: Omit<ReadXlsxOptions, "sheet"> = {}): string[] {
  return readBook(path, opts, "names").SheetNames;
}

/**
 * Reads every sheet of a workbook once, calling `onRow` with the sheet's name, each row's cells and
 * its row number (as {@link readXlsxRows}). @internal
 */
export function readXlsxAllRows(
  path: string,
  onRow: (sheet: string, cells: WorkbookCell[], row: number) => void,
  limit = MAX_DATA_FILE_BYTES,
): void {
  const book = readBook(path, { limit }, undefined);
  for (const sheet of book.SheetNames) sheetRows(book, sheet, path, (cells, row) => onRow(sheet, cells, row));
}

/** A cell as text: a number as its shortest round-trip text (`0.35`, `1e-7`). @internal */
export const cellText = (v: WorkbookCell): string => (typeof v === "number" ? String(v) : v);

/**
 * Reads the first sheet (or `opts.sheet`) of a workbook (`.xlsx`, `.xls`, `.ods`...) into columns, as
 * `readCsvColumns` reads a CSV file: the unit id, parent, level and name as text, every other column
 * as numbers; a number cell is taken as it is, a text cell is read with the same data options (percent,
 * thousands separators, missing markers) and counted in the same `converted_cells` notes, and the
 * columns are found by the same names. A cell merged over several rows is read in each of them, with a
 * `merged_cells` note.
 *
 * @param path - the workbook file.
 * @param opts - the data options of `readCsvColumns` and the sheet (name or 1-based number).
 * @throws IndicatrixError as {@link readXlsxRows}, and `invalid_csv`, `missing_column` as `readCsvColumns`.
 * @example
 * ```ts
 * const data = readXlsxColumns("communities.xlsx", { unitColumn: "社区编号" });
 * score(model, data);
 * ```
 */
export function readXlsxColumns(path: string, opts: ReadDataOptions = {}): DatasetColumns {
  const notes: Issue[] = [];
  const { onRecord, finish } = columnCollector(path, opts, notes);
  const { sheet, merged } = readSheet(
    path,
    (cells, row) =>
      onRecord(
        cells.map((c) => (typeof c === "string" ? c.trim() : c)),
        { lines: row },
      ),
    {
      ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    },
  );
  if (merged.length > 0)
    notes.unshift({
      code: "merged_cells",
      severity: "warning",
      path: ["sheet", sheet],
      where: `${path}, sheet "${sheet}"`,
      message: `${merged.length} merged range(s) over several rows (first: ${merged[0]}); each row of a range reads the value of its first cell`,
    });
  return finish();
}

/**
 * Reads the first sheet of a workbook as records of text keyed by its header row (a model's indicator
 * table, as `readCsvText` gives for a CSV file). @internal
 */
export function readXlsxRecords(path: string, limit: number): Record<string, string>[] {
  let header: string[] | undefined;
  const out: Record<string, string>[] = [];
  readXlsxRows(
    path,
    (cells) => {
      const text = cells.map((c) => cellText(c).trim());
      if (header === undefined) header = text;
      else out.push(Object.fromEntries(header.map((h, j) => [h, text[j] ?? ""])));
    },
    { limit },
  );
  return out;
}
