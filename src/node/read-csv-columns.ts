import { isUtf8 } from "node:buffer";
import { parse as parseCsv } from "csv-parse/sync";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import { MAX_DATA_FILE_BYTES } from "../internal/limits.js";
import { conversionNote, type DatasetColumns, headerKey, noUnitColumn, TEXT_KEYS } from "../score/dataset.js";
import { decodeText, refuseNulBytes } from "../score/decode-text.js";
import {
  type ConversionCounts,
  emptyCounts,
  type NumberFormat,
  parseNumberText,
} from "../score/parse-number-text.js";
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
 * Capacity of a column's first buffer: 4 values (32 bytes). A column grows by doubling from there, so
 * a file with a million columns and two rows holds a million small buffers, not a million 8 KB ones
 * (issue 20 item 14: 1,000,000 x 2 took 7.4 GB with 1,024 values preallocated per column).
 */
const FIRST_CAPACITY = 4;

/** A growing Float64Array (capacity doubling), so that a large file never holds a string per cell. */
class NumberColumn {
  data = new Float64Array(FIRST_CAPACITY);
  length = 0;
  /** First cell that is not a number: its row index and text (reported by `toDataset` if the column is used). */
  bad: { row: number; text: string } | undefined;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  values(): ArrayLike<number | null> {
    const values = this.data.subarray(0, this.length);
    if (!this.bad) return values;
    // A plain array with the offending text in place: toDataset names the row, unit and column.
    // A String object, not a string: toDataset reports it as it is (`got "无"`) rather than reading it
    // again with its own missing markers, which the reader's options (--missing) may have replaced.
    const out: (number | string | object)[] = Array.from(values);
    out[this.bad.row] = Object(this.bad.text) as object;
    return out as unknown as ArrayLike<number | null>;
  }
}

/**
 * Reads a CSV data file straight into columns: the unit id (the first of `unit`, `id`, `uCode`), the
 * parent, level and name (`name` or `uName`) as text, as `toDataset` reads rows, and every other
 * column as a Float64Array. Unlike {@link readCsvFile} it never holds a record or a string per cell
 * (csv-parse hands each record over and forgets it), so a 50 MB file with 600,000 rows of 10 values
 * is read in about 5 times less memory. Numbers are parsed as `toDataset` parses them (empty, `NA`,
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
  const points = new Set((format.pointsColumns ?? []).map(headerKey));
  let header: string[] | undefined;
  let unitAt = -1;
  const textAt: Record<"parent" | "level" | "name", number> = { parent: -1, level: -1, name: -1 };
  const units: string[] = [];
  const text: Record<"parent" | "level" | "name", (string | undefined)[]> = {
    parent: [],
    level: [],
    name: [],
  };
  let numeric: {
    at: number;
    name: string;
    column: NumberColumn;
    points: boolean;
    counts: ConversionCounts;
  }[] = [];
  const onRecord = (record: readonly (string | number)[], info: { lines: number }): null => {
    if (header === undefined) {
      header = record.map((h) => headerKey(String(h)));
      const seen = new Set<string>();
      for (const [j, h] of header.entries()) {
        if (h === "" || seen.has(h))
          throw new IndicatrixError(
            "invalid_csv",
            `${path}, line ${info.lines}: ${h === "" ? `column ${j + 1} has no name` : `column "${h}" appears twice`}`,
            { path: ["line", info.lines], where: `${path}, line ${info.lines}` },
          );
        seen.add(h);
      }
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
      const taken = new Set([unitAt, textAt.parent, textAt.level, textAt.name]);
      numeric = names.flatMap((h, at) => {
        if (taken.has(at)) return [];
        const name = renamed.get(at) ?? h;
        const asPoints =
          format.percent === "points" ||
          (format.percent !== "fraction" && points.size > 0 && points.has(headerKey(name)));
        return [{ at, name, column: new NumberColumn(), points: asPoints, counts: emptyCounts() }];
      });
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
    for (const { at, column, points: asPoints, counts } of numeric) {
      const cell = record[at] as string | number;
      if (typeof cell === "number") {
        column.push(cell);
        continue;
      }
      const v = parseNumberText(cell, format, asPoints, counts);
      if (v === undefined) {
        column.bad ??= { row, text: cell };
        column.push(Number.NaN);
      } else column.push(v);
    }
    return null;
  };
  const finish = (): DatasetColumns => {
    if (header === undefined)
      throw new IndicatrixError("invalid_csv", `${path}: the file has no header row`, {
        path: [],
        where: path,
      });
    // Object.fromEntries defines own properties (a column named `__proto__` included), in half the
    // time of a defineProperty per column when there are a million.
    const values: Record<string, ArrayLike<number | null>> = Object.fromEntries(
      numeric.map(({ name, column }) => [name, column.values()]),
    );
    for (const { name, points: asPoints, counts } of numeric) {
      const note = conversionNote(name, counts, asPoints);
      if (note) notes.push({ ...note, where: `${path}, ${note.where}` });
    }
    return {
      units,
      values,
      parents: text.parent,
      levels: text.level,
      names: text.name,
      ...(notes.length > 0 ? { notes } : {}),
    };
  };
  return { onRecord, finish };
}
