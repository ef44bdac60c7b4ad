import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { modelFromTable } from "../indicators/from-table.js";
import { readModelText } from "../indicators/parse-model.js";
import { IndicatrixError } from "../internal/errors.js";

/** Largest model file read (bytes): 16 MiB. */
export const MAX_MODEL_FILE_BYTES = 16 * 1024 * 1024;
/** Largest data file read (bytes): 512 MiB. */
export const MAX_DATA_FILE_BYTES = 512 * 1024 * 1024;

function readText(path: string, limit: number): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new IndicatrixError("unreadable_file", `${path}: not a regular file`, { path });
    size = st.size;
  } catch (e) {
    if (e instanceof IndicatrixError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new IndicatrixError("unreadable_file", `${path}: ${why}`, { path });
  }
  if (size > limit)
    throw new IndicatrixError(
      "file_too_large",
      `${path}: ${size} bytes is more than the limit of ${limit} bytes`,
      { path },
    );
  try {
    return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw new IndicatrixError("unreadable_file", `${path}: ${(e as Error).message}`, { path });
  }
}

/**
 * Parses CSV text with a header row into records (csv-parse). Empty cells stay empty strings;
 * rows with a different number of cells than the header are an error naming the line.
 *
 * @throws IndicatrixError `invalid_csv` naming the line.
 * @example
 * ```ts
 * readCsvText("unit,a\nc1,3\n"); // => [{ unit: "c1", a: "3" }]
 * ```
 */
export function readCsvText(text: string, name = "(csv)"): Record<string, string>[] {
  try {
    return parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
      string,
      string
    >[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    const where = err.lines !== undefined ? `${name}, line ${err.lines}` : name;
    throw new IndicatrixError("invalid_csv", `${where}: ${err.message}`, { path: where });
  }
}

/**
 * Reads a CSV file (header row, comma separated) into records.
 *
 * @throws IndicatrixError `unreadable_file`, `file_too_large` or `invalid_csv`.
 * @example
 * ```ts
 * const rows = readCsvFile("examples/governance/sample-city.csv");
 * ```
 */
export function readCsvFile(path: string, limit = MAX_DATA_FILE_BYTES): Record<string, string>[] {
  return readCsvText(readText(path, limit), path);
}

/**
 * Reads a model file: JSON or YAML (`.json`, `.yaml`, `.yml`), or an indicator table (`.csv`)
 * converted with `modelFromTable`. Returns the raw value: pass it to `parseModel` or `validateModel`.
 *
 * @throws IndicatrixError `unreadable_file`, `file_too_large`, `invalid_syntax`, `invalid_table`.
 * @example
 * ```ts
 * const model = parseModel(readModelFile("model.json"));
 * ```
 */
export function readModelFile(path: string): unknown {
  const text = readText(path, MAX_MODEL_FILE_BYTES);
  if (extname(path).toLowerCase() === ".csv") return modelFromTable(readCsvText(text, path));
  try {
    return readModelText(text);
  } catch (e) {
    if (e instanceof IndicatrixError)
      throw new IndicatrixError(e.code, `${path}: ${e.message}`, { path: e.path });
    throw e;
  }
}
