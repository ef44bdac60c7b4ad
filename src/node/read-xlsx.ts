import { type Unzipped, unzipSync } from "fflate";
import { IndicatrixError } from "../internal/errors.js";
import { MAX_DATA_FILE_BYTES } from "../internal/limits.js";
import type { DatasetColumns } from "../score/dataset.js";
import { columnCollector, type ReadDataOptions } from "./read-csv-columns.js";
import { readBinaryFile } from "./read-file.js";

/**
 * Largest unpacked size of the parts of a workbook that are read (the sheet, its shared strings and
 * styles), in bytes: 128 MiB, checked from the zip directory before anything is inflated. A sheet that
 * large holds about a million cells of XML; save it as CSV (UTF-8), which is read in columns without
 * this limit. Keeps a 50 MB workbook (often 10 times larger unpacked) from exhausting memory.
 */
export const MAX_WORKBOOK_UNPACKED_BYTES = 128 * 1024 * 1024;

/** Options of {@link readXlsxRows}. */
export interface ReadXlsxOptions {
  /** The sheet: its name, or its 1-based position (default: the first sheet). */
  sheet?: string;
  /** Largest workbook file read, in bytes (default `LIMITS.maxDataFileBytes`). */
  limit?: number;
  /** Largest unpacked size of the parts read, in bytes (default 128 MiB). */
  unpackedLimit?: number;
}

function invalid(path: string, message: string): IndicatrixError {
  return new IndicatrixError("invalid_workbook", `${path}: ${message}`, { path: [], where: path });
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text with its entities and OOXML's `_xHHHH_` escapes decoded. */
function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (ENTITIES[e] as string),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** The value of attribute `name` in a tag's attribute text. */
function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? xmlText(m[1] as string) : undefined;
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic runs (`<rPh>`). */
function itemText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += xmlText(m[1] ?? "");
  return out;
}

/** 0-based column index of a cell reference such as `AB12`. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Inflates only `names` (those present), after checking their unpacked sizes against `limit`. */
function inflate(bytes: Uint8Array, names: readonly string[], limit: number, path: string): Unzipped {
  let total = 0;
  let tooLarge: string | undefined;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!names.includes(f.name)) return false;
        total += f.originalSize;
        if (total > limit) tooLarge = f.name;
        return tooLarge === undefined;
      },
    });
  } catch (e) {
    throw invalid(path, `not a readable .xlsx workbook (${(e as Error).message})`);
  }
  if (tooLarge !== undefined)
    throw new IndicatrixError(
      "file_too_large",
      `${path}: the workbook's ${tooLarge} is ${total} bytes or more unpacked, more than the limit of ${limit} bytes; save the sheet as CSV (UTF-8), which is read without this limit`,
      { path: [], where: path },
    );
  return files;
}

const decoder = new TextDecoder("utf-8");

/**
 * Reads one sheet of an `.xlsx` workbook row by row, as text cells (a sheet's first row is its
 * header): shared and inline strings as their text, numbers as written in the file (`0.35`, `1E-3`),
 * numbers shown as a percent (format `0%`, `0.0%`...) as percent text (`35%`, so that they read as
 * the data options say), booleans as `TRUE`/`FALSE`, errors as their text (`#N/A`). Rows are padded
 * with empty cells to the header's length; empty rows are skipped. Only the parts needed are
 * inflated (fflate), after their unpacked sizes are checked against `unpackedLimit` (a sheet too
 * large is refused with `file_too_large` before it is unpacked).
 *
 * @param path - the `.xlsx` file.
 * @param onRow - called with each row's cells and its 1-based row number; return nothing.
 * @param opts - the sheet (name or 1-based number; default the first) and the size limits.
 * @throws IndicatrixError `unreadable_file`, `file_too_large`, `invalid_workbook` (not a workbook, an
 *   old `.xls` file, no such sheet).
 * @example
 * ```ts
 * readXlsxRows("data.xlsx", (cells, row) => console.log(row, cells), { sheet: "2024" });
 * ```
 */
export function readXlsxRows(
  path: string,
  onRow: (cells: string[], row: number) => void,
  opts: ReadXlsxOptions = {},
): void {
  const bytes = readBinaryFile(path, opts.limit ?? MAX_DATA_FILE_BYTES);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw invalid(path, "an Excel 97-2003 (.xls) file; save it as .xlsx or as CSV (UTF-8)");
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw invalid(path, "not an .xlsx workbook (not a zip file); save it as .xlsx or as CSV (UTF-8)");
  const limit = opts.unpackedLimit ?? MAX_WORKBOOK_UNPACKED_BYTES;
  const meta = inflate(
    bytes,
    ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"],
    limit,
    path,
  );
  const text = (name: string) => {
    const f = meta[name];
    return f ? decoder.decode(f) : "";
  };
  const workbook = text("xl/workbook.xml");
  if (workbook === "") throw invalid(path, "not an .xlsx workbook (no xl/workbook.xml)");
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => ({
    name: attr(m[1] as string, "name") ?? "",
    rel: attr(m[1] as string, "r:id") ?? "",
  }));
  const asked = opts.sheet;
  const position = asked !== undefined && /^\d+$/.test(asked) ? Number(asked) : undefined;
  const sheet =
    asked === undefined
      ? sheets[0]
      : (sheets.find((s) => s.name === asked) ?? (position !== undefined ? sheets[position - 1] : undefined));
  if (!sheet)
    throw invalid(
      path,
      asked === undefined
        ? "the workbook has no sheet"
        : `no sheet "${asked}"; the sheets are ${sheets.map((s) => JSON.stringify(s.name)).join(", ")}`,
    );
  const rel = [...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b([^>]*?)\/?>/g)]
    .map((m) => ({ id: attr(m[1] as string, "Id"), target: attr(m[1] as string, "Target") ?? "" }))
    .find((r) => r.id === sheet.rel);
  if (!rel) throw invalid(path, `sheet "${sheet.name}" has no part in the workbook`);
  const sheetPath = rel.target.startsWith("/")
    ? rel.target.slice(1)
    : `xl/${rel.target.replace(/^\.\//, "")}`;
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map(
    (m) => itemText(m[1] ?? ""),
  );
  const percentStyles = percentStyleIndexes(text("xl/styles.xml"));
  const part = inflate(bytes, [sheetPath], limit, path)[sheetPath];
  if (!part) throw invalid(path, `sheet "${sheet.name}" (${sheetPath}) is missing from the workbook`);
  const xml = decoder.decode(part);
  let width = -1;
  for (const m of xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const rowNumber = Number(attr(m[1] as string, "r") ?? Number.NaN);
    const cells: string[] = [];
    let next = 0;
    for (const c of (m[2] as string).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] as string;
      const ref = attr(attrs, "r");
      const at = ref !== undefined ? columnIndex(ref) : next;
      next = at + 1;
      cells[at] = cellText(attrs, c[2] ?? "", shared, percentStyles);
    }
    for (let j = 0; j < cells.length; j++) cells[j] ??= "";
    if (cells.every((v) => v.trim() === "")) continue;
    if (width < 0) width = cells.length;
    while (cells.length < width) cells.push("");
    onRow(cells, Number.isFinite(rowNumber) ? rowNumber : 0);
  }
}

/**
 * The names of the sheets of an `.xlsx` workbook, in the workbook's order (to read each with
 * {@link readXlsxRows}).
 *
 * @param path - the `.xlsx` file.
 * @param opts - the size limits.
 * @throws IndicatrixError `unreadable_file`, `file_too_large`, `invalid_workbook`.
 * @example
 * ```ts
 * for (const sheet of readXlsxSheetNames("survey.xlsx")) readXlsxRows("survey.xlsx", onRow, { sheet });
 * ```
 */
export function readXlsxSheetNames(path: string, opts: Omit<ReadXlsxOptions, "sheet"> = {}): string[] {
  const bytes = readBinaryFile(path, opts.limit ?? MAX_DATA_FILE_BYTES);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw invalid(path, "not an .xlsx workbook (not a zip file); save it as .xlsx or as CSV (UTF-8)");
  const part = inflate(bytes, ["xl/workbook.xml"], opts.unpackedLimit ?? MAX_WORKBOOK_UNPACKED_BYTES, path)[
    "xl/workbook.xml"
  ];
  if (!part) throw invalid(path, "not an .xlsx workbook (no xl/workbook.xml)");
  return [...decoder.decode(part).matchAll(/<sheet\b([^>]*?)\/?>/g)].map(
    (m) => attr(m[1] as string, "name") ?? "",
  );
}

/** Indexes of the cell styles (`cellXfs`) whose number format shows a percent. */
function percentStyleIndexes(styles: string): Set<number> {
  const custom = new Map<string, string>();
  for (const m of styles.matchAll(/<numFmt\b([^>]*?)\/?>/g))
    custom.set(attr(m[1] as string, "numFmtId") ?? "", attr(m[1] as string, "formatCode") ?? "");
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const out = new Set<number>();
  [...xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)].forEach((m, i) => {
    const id = attr(m[1] as string, "numFmtId") ?? "0";
    const code = custom.get(id) ?? "";
    if (id === "9" || id === "10" || code.replace(/"[^"]*"|\\./g, "").includes("%")) out.add(i);
  });
  return out;
}

/** The text of one cell (`<c>` attributes and content). */
function cellText(
  attrs: string,
  body: string,
  shared: readonly string[],
  percent: ReadonlySet<number>,
): string {
  const type = attr(attrs, "t") ?? "n";
  if (type === "inlineStr") return itemText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
  const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (v === undefined) return "";
  if (type === "s") return shared[Number(v)] ?? "";
  if (type === "b") return v === "1" ? "TRUE" : "FALSE";
  if (type === "str" || type === "e") return xmlText(v);
  const style = Number(attr(attrs, "s") ?? "0");
  if (percent.has(style) && v.trim() !== "" && Number.isFinite(Number(v)))
    return `${Number((Number(v) * 100).toPrecision(15))}%`;
  return v;
}

/**
 * Reads the first sheet (or `opts.sheet`) of an `.xlsx` workbook into columns, as `readCsvColumns`
 * reads a CSV file: the unit id, parent, level and name as text, every other column as numbers (with
 * the same data options: percent, thousands separators, missing markers, column names).
 *
 * @param path - the `.xlsx` file.
 * @param opts - the data options of `readCsvColumns` and the sheet (name or 1-based number).
 * @throws IndicatrixError as {@link readXlsxRows}, and `invalid_csv`, `missing_column` as `readCsvColumns`.
 * @example
 * ```ts
 * const data = readXlsxColumns("communities.xlsx", { unitColumn: "社区编号" });
 * score(model, data);
 * ```
 */
export function readXlsxColumns(path: string, opts: ReadDataOptions = {}): DatasetColumns {
  const { onRecord, finish } = columnCollector(path, opts);
  readXlsxRows(
    path,
    (cells, row) =>
      onRecord(
        cells.map((c) => c.trim()),
        { lines: row },
      ),
    {
      ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    },
  );
  return finish();
}

/**
 * Reads the first sheet of an `.xlsx` workbook as records keyed by its header row (a model's
 * indicator table, as `readCsvText` gives for a CSV file). @internal
 */
export function readXlsxRecords(path: string, limit: number): Record<string, string>[] {
  let header: string[] | undefined;
  const out: Record<string, string>[] = [];
  readXlsxRows(
    path,
    (cells) => {
      if (header === undefined) header = cells.map((h) => h.trim());
      else out.push(Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? "").trim()])));
    },
    { limit },
  );
  return out;
}
