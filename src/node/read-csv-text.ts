import { parse as parseCsv } from "csv-parse/sync";
import { IndicatrixError } from "../internal/errors.js";
import { firstLineEnd } from "./read-csv-columns.js";

/**
 * Parses CSV text with a header row into records (csv-parse). Empty cells stay empty strings;
 * rows with a different number of cells than the header are an error naming the line.
 *
 * @param name - how messages name the text (a file name; default `(csv)`).
 * @throws IndicatrixError `invalid_csv` naming the line.
 * @example
 * ```ts
 * readCsvText("unit,a\nc1,3\n"); // => [{ unit: "c1", a: "3" }]
 * ```
 */
export function readCsvText(text: string, name = "(csv)"): Record<string, string>[] {
  try {
    // The line ending given up front: csv-parse's own discovery takes seconds on a long header.
    const recordDelimiter = firstLineEnd(text);
    return parseCsv(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      ...(recordDelimiter !== undefined ? { record_delimiter: recordDelimiter } : {}),
    }) as Record<string, string>[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    const where = err.lines !== undefined ? `${name}, line ${err.lines}` : name;
    throw new IndicatrixError("invalid_csv", `${where}: ${err.message}`, {
      path: err.lines !== undefined ? ["line", err.lines] : [],
      where,
    });
  }
}
