import { extname } from "node:path";
import { modelFromTable } from "../indicators/from-table.js";
import { readModelText } from "../indicators/parse-model.js";
import { IndicatrixError } from "../internal/errors.js";
import { MAX_MODEL_FILE_BYTES } from "../internal/limits.js";
import { readCsvText } from "./read-csv-text.js";
import { readTextFile } from "./read-file.js";
import { isWorkbookFile, readXlsxRecords } from "./read-xlsx.js";

/**
 * Reads a model file: JSON (`.json`, read as strict JSON: a trailing comma is an error) or YAML (`.yaml`,
 * `.yml` and any other name), or an indicator table (`.csv`, or the first sheet of a workbook: `.xlsx`, `.xls`, `.ods`...)
 * converted with `modelFromTable`. Returns the raw value: pass it to `parseModel` or `validateModel`.
 * Files over `LIMITS.maxModelFileBytes` (16 MiB) are refused before reading.
 *
 * @throws IndicatrixError `unreadable_file`, `file_too_large`, `invalid_syntax`, `invalid_table`,
 *   `invalid_workbook`.
 * @example
 * ```ts
 * const model = parseModel(readModelFile("model.json"));
 * ```
 */
export function readModelFile(path: string): unknown {
  if (isWorkbookFile(path)) return modelFromTable(readXlsxRecords(path, MAX_MODEL_FILE_BYTES));
  const text = readTextFile(path, MAX_MODEL_FILE_BYTES);
  if (extname(path).toLowerCase() === ".csv") return modelFromTable(readCsvText(text, path));
  try {
    return readModelText(text, { format: extname(path).toLowerCase() === ".json" ? "json" : "yaml" });
  } catch (e) {
    if (e instanceof IndicatrixError)
      throw new IndicatrixError(e.code, `${path}: ${e.message}`, {
        path: e.path,
        where: e.where,
        issues: e.issues,
      });
    throw e;
  }
}
