import { parse as parseCsv } from "csv-parse/sync";
import { IndicatrixError } from "../internal/errors.js";
import { MAX_DATA_FILE_BYTES } from "../internal/limits.js";
import { type DatasetColumns, TEXT_KEYS, toNumber } from "../score/dataset.js";
import { readBinaryFile } from "./read-file.js";

/** A growing Float64Array (capacity doubling), so that a large file never holds a string per cell. */
class NumberColumn {
  data = new Float64Array(1024);
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
    const out: (number | string)[] = Array.from(values);
    out[this.bad.row] = this.bad.text;
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
 * @param limit - largest file read, in bytes (default `LIMITS.maxDataFileBytes`, 512 MiB).
 * @throws IndicatrixError `unreadable_file`, `file_too_large`, `invalid_csv` (unreadable CSV, a row
 *   with another number of cells than the header, a repeated or empty header name).
 * @example
 * ```ts
 * const data = readCsvColumns("examples/governance/sample-city.csv");
 * data.units.length; // => 368
 * score(model, data);
 * ```
 */
export function readCsvColumns(path: string, limit = MAX_DATA_FILE_BYTES): DatasetColumns {
  const buffer = readBinaryFile(path, limit);
  let header: string[] | undefined;
  let unitAt = -1;
  const textAt: Record<"parent" | "level" | "name", number> = { parent: -1, level: -1, name: -1 };
  const units: string[] = [];
  const text: Record<"parent" | "level" | "name", (string | undefined)[]> = {
    parent: [],
    level: [],
    name: [],
  };
  let numeric: { at: number; name: string; column: NumberColumn }[] = [];
  const onRecord = (record: string[], info: { lines: number }): null => {
    if (header === undefined) {
      header = record;
      const seen = new Set<string>();
      for (const [j, h] of record.entries()) {
        if (h === "" || seen.has(h))
          throw new IndicatrixError(
            "invalid_csv",
            `${path}, line ${info.lines}: ${h === "" ? `column ${j + 1} has no name` : `column "${h}" appears twice`}`,
            { path: ["line", info.lines], where: `${path}, line ${info.lines}` },
          );
        seen.add(h);
      }
      const first = (names: readonly string[]) => {
        for (const n of names) if (record.includes(n)) return record.indexOf(n);
        return -1;
      };
      unitAt = first(TEXT_KEYS.unit);
      textAt.parent = first(TEXT_KEYS.parent);
      textAt.level = first(TEXT_KEYS.level);
      textAt.name = first(TEXT_KEYS.name);
      const taken = new Set([unitAt, textAt.parent, textAt.level, textAt.name]);
      numeric = record.flatMap((name, at) =>
        taken.has(at) ? [] : [{ at, name, column: new NumberColumn() }],
      );
      return null;
    }
    const row = units.length;
    units.push(unitAt >= 0 ? (record[unitAt] as string) : "");
    for (const key of ["parent", "level", "name"] as const) {
      const at = textAt[key];
      const v = at >= 0 ? record[at] : undefined;
      text[key].push(v === undefined || v === "" ? undefined : v);
    }
    for (const { at, column } of numeric) {
      const cell = record[at] as string;
      const v = toNumber(cell);
      if (v === undefined) {
        column.bad ??= { row, text: cell };
        column.push(Number.NaN);
      } else column.push(v);
    }
    return null;
  };
  try {
    parseCsv(buffer, { bom: true, trim: true, skip_empty_lines: true, on_record: onRecord });
  } catch (e) {
    if (e instanceof IndicatrixError) throw e;
    const err = e as Error & { lines?: number };
    const where = err.lines !== undefined ? `${path}, line ${err.lines}` : path;
    throw new IndicatrixError("invalid_csv", `${where}: ${err.message}`, {
      path: err.lines !== undefined ? ["line", err.lines] : [],
      where,
    });
  }
  if (header === undefined)
    throw new IndicatrixError("invalid_csv", `${path}: the file has no header row`, {
      path: [],
      where: path,
    });
  const values: Record<string, ArrayLike<number | null>> = {};
  for (const { name, column } of numeric)
    Object.defineProperty(values, name, {
      value: column.values(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return { units, values, parents: text.parent, levels: text.level, names: text.name };
}
