import { isUtf8 } from "node:buffer";
import { parse as parseCsv } from "csv-parse/sync";
import { findDuplicates } from "../internal/duplicates.js";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import { MAX_DATA_FILE_BYTES } from "../internal/limits.js";
import {
  conversionNote,
  type DatasetColumns,
  headerKey,
  noUnitColumn,
  PACKED_COLUMNS,
  type PackedColumns,
  TEXT_KEYS,
} from "../score/dataset.js";
import { decodeText, refuseNulBytes } from "../score/decode-text.js";
import {
  type ConversionCounts,
  emptyCounts,
  type NumberFormat,
  parseNumberText,
} from "../score/parse-number-text.js";
import { ColumnStore, RowStore } from "./number-store.js";
import { readBinaryFile } from "./read-file.js";

/**
 * How a data file is read: its encoding, how cells become numbers, and which columns hold the unit
 * id, name, parent, level, period and population when they are not named `unit`, `name`, ... (headers
 * match after trimming and Unicode NFKC normalization). Options of `readCsvColumns`, `readDataFile`
 * and the CLI's `--encoding`, `--percent`, `--missing`, `--unit-column`, ...
 */
export interface ReadDataOptions {
  /** Largest file read, in bytes (default `LIMITS.maxDataFileBytes`, 512 MiB). */
  limit?: number;
  /** The file's encoding: `auto` (default: byte order mark, else UTF-8, else GB18030 with a notice) or a name. */
  encoding?: string;
  /** How text cells are read as numbers (percent, thousands separators, full-width digits, missing markers). */
  numbers?: NumberFormat;
  /** The column of unit ids (default: the first of `unit`, `id`, `uCode`). */
  unitColumn?: string;
  /** The column of unit names (default: `name`, then `uName`). */
  nameColumn?: string;
  /** The column of parent unit ids (default `parent`). */
  parentColumn?: string;
  /** The column of unit levels (default `level`). */
  levelColumn?: string;
  /** The column of periods (read as the numeric column `period`). */
  periodColumn?: string;
  /** The column of populations (read as the numeric column `population`, the default roll-up weight). */
  populationColumn?: string;
  /** The sheet of a workbook (`.xlsx`, `.xls`, `.ods`...): its name or 1-based position (default: the first). */
  sheet?: string;
}

/**
 * Widest file whose columns are all made as it is read: 10,000 numeric columns. A wider file keeps its
 * numbers packed in rows ({@link CellRows}) and makes a column when it is asked for: `toDataset` takes
 * the few a model reads (issue 20 item 14: a file of 1,000,000 columns x 2 rows made a million arrays
 * and a record of a million keys, 3-4 s of CPU and 1.2 GB, to score three of them).
 * @internal
 */
export const EAGER_COLUMNS = 10_000;

/**
 * Exact lookups in a list of names before it is indexed: a scan of a million names costs a few
 * milliseconds, a Map of them a few hundred.
 */
const SCANS_BEFORE_INDEX = 64;

/**
 * Reads a CSV data file straight into columns: the unit id (the first of `unit`, `id`, `uCode`), the
 * parent, level and name (`name` or `uName`) as text, as `toDataset` reads rows, and every other
 * column as a Float64Array. Unlike {@link readCsvFile} it never holds a record or a string per cell
 * (csv-parse hands each record over and forgets it), so a 50 MB file with 600,000 rows of 10 values
 * is read in about 5 times less memory. A file of more than 10,000 numeric columns keeps its numbers
 * packed in rows: `toDataset` (and `score`) make only the columns they read, so 1,000,000 columns x 2
 * rows are scored in about a second; its `values` is made, every column, the first time it is read.
 * Numbers are parsed as `toDataset` parses them (empty, `NA`,
 * `NaN`, `null` = missing); the first cell of a column that is not a number is kept as text so
 * that `toDataset` reports it, with its row, unit and column, when the model uses that column.
 *
 * The file's encoding is found as `decodeText` finds it (a byte order mark, UTF-8, else GB18030 with a
 * `guessed_encoding` note) or given by `opts.encoding`; cells are read as `parseNumberText` reads them
 * (`85%`, `1,234.5`, `３`, `—`), and each column's conversions are counted in a `converted_cells`
 * note. The notes are returned in `notes` (the CLI prints them).
 *
 * @param path - the CSV file.
 * @param opts - how to read it ({@link ReadDataOptions}), or the largest file read in bytes (default
 *   `LIMITS.maxDataFileBytes`, 512 MiB).
 * @throws IndicatrixError `unreadable_file`, `file_too_large`, `invalid_encoding`, `invalid_csv`
 *   (unreadable CSV, a row with another number of cells than the header, a repeated or empty header
 *   name), `missing_column` (no unit id column, in one line naming the columns found; a column named
 *   by an option that is not there).
 * @example
 * ```ts
 * const data = readCsvColumns("examples/governance/sample-city.csv");
 * data.units.length; // => 368
 * score(model, data);
 * ```
 */
export function readCsvColumns(path: string, opts: number | ReadDataOptions = {}): DatasetColumns {
  const o: ReadDataOptions = typeof opts === "number" ? { limit: opts } : opts;
  const buffer = readBinaryFile(path, o.limit ?? MAX_DATA_FILE_BYTES);
  const notes: Issue[] = [];
  // Valid UTF-8 without a byte order mark (the common case) goes to csv-parse as bytes: no string of the
  // whole file. Anything else is decoded first, never into replacement characters.
  const auto = (o.encoding ?? "auto").toLowerCase() === "auto";
  let input: Buffer | string = buffer;
  const fast = auto && isUtf8(buffer);
  // ASCII in UTF-16 without a byte order mark is valid UTF-8 too (with NULs): refused with a hint.
  if (fast) refuseNulBytes(buffer, path);
  if (!fast) {
    const decoded = decodeText(buffer, { encoding: o.encoding ?? "auto", name: path });
    notes.push(...decoded.notices);
    input = decoded.text;
  }
  return csvColumns(input, path, o, notes);
}

/** The CSV text or UTF-8 bytes of a data file, read into columns (as {@link readCsvColumns}). @internal */
export function csvColumns(
  input: Buffer | string,
  path: string,
  o: ReadDataOptions,
  notes: Issue[] = [],
): DatasetColumns {
  const { onRecord, finish } = columnCollector(path, o, notes);
  try {
    const recordDelimiter = firstLineEnd(input);
    parseCsv(input, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      on_record: onRecord,
      ...(recordDelimiter !== undefined ? { record_delimiter: recordDelimiter } : {}),
    });
  } catch (e) {
    if (e instanceof IndicatrixError) throw e;
    const err = e as Error & { lines?: number };
    const where = err.lines !== undefined ? `${path}, line ${err.lines}` : path;
    throw new IndicatrixError("invalid_csv", `${where}: ${err.message}`, {
      path: err.lines !== undefined ? ["line", err.lines] : [],
      where,
    });
  }
  return finish();
}

/**
 * The line ending of a CSV text: the first `\r\n`, `\n` or `\r` outside double quotes, as csv-parse
 * would discover it, or undefined when the text has a single line. csv-parse discovers it by testing
 * every byte of the first line against three new buffers, which takes seconds on a header of a
 * million columns; given up front, the header is read at the speed of the other lines.
 * @internal
 */
export function firstLineEnd(input: Buffer | string): "\r\n" | "\n" | "\r" | undefined {
  const n = input.length;
  const code =
    typeof input === "string" ? (i: number) => input.charCodeAt(i) : (i: number) => input[i] as number;
  let quoted = false;
  for (let i = 0; i < n; i++) {
    const c = code(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && c === 0x0a) return "\n";
    else if (!quoted && c === 0x0d) return i + 1 < n && code(i + 1) === 0x0a ? "\r\n" : "\r";
  }
  return undefined;
}

/**
 * Reads records (the header first) into columns as {@link readCsvColumns} does, one record at a time
 * (none is kept): `onRecord` for each, then `finish`. Shared by the CSV and the workbook readers: a
 * workbook's number cell comes as a number, taken as it is in a numeric column (no text conversion, so
 * nothing to count) and as its shortest round-trip text (`String(v)`) in a text column.
 * @internal
 */
export function columnCollector(
  path: string,
  o: ReadDataOptions,
  notes: Issue[] = [],
): {
  onRecord: (record: readonly (string | number)[], info: { lines: number }) => null;
  finish: () => DatasetColumns;
} {
  const format = o.numbers ?? {};
  let header: string[] | undefined;
  let unitAt = -1;
  const textAt: Record<"parent" | "level" | "name", number> = { parent: -1, level: -1, name: -1 };
  const units: string[] = [];
  const text: Record<"parent" | "level" | "name", (string | undefined)[]> = {
    parent: [],
    level: [],
    name: [],
  };
  // The numeric columns, one entry each in flat arrays (a million columns make no object each): the
  // position in the record, the name, whether percent cells read as points, the conversions counted
  // (made at a column's first conversion) and the first cell that is not a number.
  let numberAt = new Int32Array(0);
  let numberNames: string[] = [];
  let pointsAt: Uint8Array = new Uint8Array(0);
  let countsAt: (ConversionCounts | undefined)[] = [];
  let spare = emptyCounts();
  const bad = new Map<number, { row: number; text: string }>();
  // Up to EAGER_COLUMNS numeric columns: an array each; more: rows of numbers, a column made when asked for.
  let byColumn: ColumnStore | undefined;
  let byRow: RowStore | undefined;
  /** The number of numeric column `j` in a cell, its conversions counted and the first bad cell kept. */
  const cellValue = (j: number, cell: string | number, row: number): number => {
    if (typeof cell === "number") return cell;
    const counts = countsAt[j] ?? spare;
    const v = parseNumberText(cell, format, pointsAt[j] === 1, counts);
    // parseNumberText sets `example` with the first conversion it counts: the spare becomes the column's.
    if (counts === spare && spare.example !== undefined) {
      countsAt[j] = spare;
      spare = emptyCounts();
    }
    if (v !== undefined) return v;
    if (!bad.has(j)) bad.set(j, { row, text: cell });
    return Number.NaN;
  };
  const onRecord = (record: readonly (string | number)[], info: { lines: number }): null => {
    if (header === undefined) {
      header = record.map((h) => headerKey(String(h)));
      checkHeader(header, path, info.lines);
      const names = header;
      const at = (name: string, option: string): number => {
        const k = names.indexOf(headerKey(name));
        if (k < 0)
          throw new IndicatrixError(
            "missing_column",
            `${path}: no column "${name}" (${option}); the columns are ${names.map((n) => JSON.stringify(n)).join(", ")}`,
            { path: ["data", name], where: path },
          );
        return k;
      };
      const first = (list: readonly string[]) => {
        for (const n of list) if (names.includes(n)) return names.indexOf(n);
        return -1;
      };
      unitAt = o.unitColumn !== undefined ? at(o.unitColumn, "--unit-column") : first(TEXT_KEYS.unit);
      if (unitAt < 0) {
        const issue = noUnitColumn(names, undefined, "--unit-column");
        throw new IndicatrixError("missing_column", `${path}: ${issue.message}`, {
          path: issue.path,
          where: path,
        });
      }
      textAt.parent =
        o.parentColumn !== undefined ? at(o.parentColumn, "--parent-column") : first(TEXT_KEYS.parent);
      textAt.level =
        o.levelColumn !== undefined ? at(o.levelColumn, "--level-column") : first(TEXT_KEYS.level);
      textAt.name = o.nameColumn !== undefined ? at(o.nameColumn, "--name-column") : first(TEXT_KEYS.name);
      const renamed = new Map<number, string>();
      if (o.periodColumn !== undefined) renamed.set(at(o.periodColumn, "--period-column"), "period");
      if (o.populationColumn !== undefined)
        renamed.set(at(o.populationColumn, "--population-column"), "population");
      const skipped = new Set([unitAt, textAt.parent, textAt.level, textAt.name]);
      // A column renamed `population` (or `period`) replaces one that the file names so.
      for (const [k, name] of renamed) {
        const shadowed = names.indexOf(name);
        if (shadowed >= 0 && shadowed !== k && !renamed.has(shadowed)) skipped.add(shadowed);
      }
      const positions: number[] = [];
      for (let k = 0; k < names.length; k++) if (!skipped.has(k)) positions.push(k);
      numberAt = Int32Array.from(positions);
      numberNames = positions.map((k) => renamed.get(k) ?? (names[k] as string));
      pointsAt = pointColumns(numberNames, format);
      countsAt = new Array<ConversionCounts | undefined>(positions.length).fill(undefined);
      if (positions.length <= EAGER_COLUMNS) byColumn = new ColumnStore(positions.length);
      else byRow = new RowStore(positions.length);
      return null;
    }
    const row = units.length;
    const id = record[unitAt] as string | number;
    units.push(typeof id === "number" ? String(id) : id);
    for (const key of ["parent", "level", "name"] as const) {
      const at = textAt[key];
      const v = at >= 0 ? record[at] : undefined;
      text[key].push(v === undefined || v === "" ? undefined : typeof v === "number" ? String(v) : v);
    }
    if (byColumn !== undefined) {
      byColumn.nextRow();
      const columns = byColumn.columns;
      for (let j = 0; j < numberAt.length; j++)
        columns[j]![row] = cellValue(j, record[numberAt[j]!] as string | number, row);
    } else if (byRow !== undefined) {
      const block = byRow.nextRow();
      const base = byRow.offset;
      for (let j = 0; j < numberAt.length; j++)
        block[base + j] = cellValue(j, record[numberAt[j]!] as string | number, row);
    }
    return null;
  };
  const finish = (): DatasetColumns => {
    if (header === undefined)
      throw new IndicatrixError("invalid_csv", `${path}: the file has no header row`, {
        path: [],
        where: path,
      });
    numberNames.forEach((name, j) => {
      const counts = countsAt[j];
      const note = counts && conversionNote(name, counts, pointsAt[j] === 1);
      if (note) notes.push({ ...note, where: `${path}, ${note.where}` });
    });
    const data = {
      units,
      parents: text.parent,
      levels: text.level,
      names: text.name,
      ...(notes.length > 0 ? { notes } : {}),
    };
    const withText = (j: number, column: Float64Array) => valuesWithText(column, bad.get(j));
    if (byRow !== undefined) {
      const store = byRow;
      return packedData(data, numberNames, (j) => withText(j, store.column(j)));
    }
    const store = byColumn as ColumnStore;
    // Object.fromEntries defines own properties (a column named `__proto__` included).
    const values = Object.fromEntries(numberNames.map((name, j) => [name, withText(j, store.column(j))]));
    return { ...data, values };
  };
  return { onRecord, finish };
}

/** Refuses a header with an empty or a repeated name, naming the first (in a linear pass: a million names). */
function checkHeader(header: readonly string[], path: string, line: number): void {
  const empty = header.indexOf("");
  const repeat = findDuplicates(header, 1)[0]?.[1] ?? -1;
  const j = empty >= 0 && (repeat < 0 || empty <= repeat) ? empty : repeat;
  if (j < 0) return;
  throw new IndicatrixError(
    "invalid_csv",
    `${path}, line ${line}: ${j === empty ? `column ${j + 1} has no name` : `column "${header[j]}" appears twice`}`,
    { path: ["line", line], where: `${path}, line ${line}` },
  );
}

/** 1 for each column whose percent cells read as points (see `NumberFormat`), else 0. */
function pointColumns(names: readonly string[], format: NumberFormat): Uint8Array {
  const out = new Uint8Array(names.length);
  if (format.percent === "points") out.fill(1);
  else if (format.percent !== "fraction")
    for (const c of new Set((format.pointsColumns ?? []).map(headerKey))) {
      const j = names.indexOf(c);
      if (j >= 0) out[j] = 1;
    }
  return out;
}

/**
 * A column's values, or when a cell is not a number a plain array with that cell's text in place, so
 * that toDataset names the row, unit and column. A String object, not a string: toDataset reports it as
 * it is (`got "无"`) rather than reading it again with its own missing markers, which the reader's
 * options (--missing) may have replaced.
 */
function valuesWithText(
  column: Float64Array,
  bad: { row: number; text: string } | undefined,
): ArrayLike<number | null> {
  if (!bad) return column;
  const out: (number | string | object)[] = Array.from(column);
  out[bad.row] = Object(bad.text) as object;
  return out as unknown as ArrayLike<number | null>;
}

/**
 * The data of a wide file with its columns packed: `toDataset` takes the columns it needs through
 * `PACKED_COLUMNS` (each made once, then kept), and `values`, made the first time it is read, holds
 * every column as the narrow files' `values` does.
 */
function packedData(
  data: Omit<DatasetColumns, "values">,
  names: readonly string[],
  make: (j: number) => ArrayLike<number | null>,
): DatasetColumns {
  const made = new Map<number, ArrayLike<number | null>>();
  let index: Map<string, number> | undefined;
  let scans = 0;
  const packed: PackedColumns = {
    names,
    indexOf(name) {
      if (index === undefined && ++scans > SCANS_BEFORE_INDEX) index = new Map(names.map((n, j) => [n, j]));
      return index === undefined ? names.indexOf(name) : (index.get(name) ?? -1);
    },
    column(j) {
      let column = made.get(j);
      if (column === undefined) {
        column = make(j);
        made.set(j, column);
      }
      return column;
    },
  };
  let values: Record<string, ArrayLike<number | null>> | undefined;
  const out = {
    ...data,
    get values() {
      values ??= Object.fromEntries(names.map((name, j) => [name, packed.column(j)]));
      return values;
    },
  };
  // Not enumerable: a copy (`{ ...data, values }`) is read by its own values, not by these columns.
  Object.defineProperty(out, PACKED_COLUMNS, { value: packed });
  return out;
}
