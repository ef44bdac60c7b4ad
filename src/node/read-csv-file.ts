import { MAX_DATA_FILE_BYTES } from "../internal/limits.js";
import { readCsvText } from "./read-csv-text.js";
import { readTextFile } from "./read-file.js";

/**
 * Reads a CSV file (header row, comma separated) into records of text cells, as
 * {@link readCsvText} parses them; pass them to `toDataset` or `score`. For large data files
 * {@link readCsvColumns} reads straight into numeric columns in far less memory.
 *
 * @param limit - largest file read, in bytes (default `LIMITS.maxDataFileBytes`, 512 MiB).
 * @throws IndicatrixError `unreadable_file`, `file_too_large` or `invalid_csv`.
 * @example
 * ```ts
 * const rows = readCsvFile("examples/governance/sample-city.csv");
 * rows[0].unit; // => "city"
 * ```
 */
export function readCsvFile(path: string, limit = MAX_DATA_FILE_BYTES): Record<string, string>[] {
  return readCsvText(readTextFile(path, limit), path);
}
