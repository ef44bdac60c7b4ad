import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import { readCsvColumns } from "../node/read-csv-columns.js";
import { readModelFile } from "../node/read-model-file.js";
import { isWorkbookFile, readXlsxColumns } from "../node/read-xlsx.js";
import type { DatasetColumns } from "../score/dataset.js";
import { percentPointColumns } from "../score/stages/prepare-columns.js";
import type { Io } from "./context.js";
import { type DataOptionValues, dataOptions } from "./data-options.js";
import { printable } from "./format.js";

/** Reads and parses a model file (JSON, YAML or CSV table). */
export function loadModel(path: string): Model {
  return parseModel(readModelFile(path));
}

/**
 * Reads a data file for a command, the one loader of every command that reads data: the data options
 * (`--encoding`, `--percent`, `--missing`, `--unit-column`, ...; see `DATA_OPTIONS`) applied, percent
 * cells of the model's `%` indicators read as points, and what the reader converted or guessed
 * (`guessed_encoding`, `converted_cells`) written to stderr as warnings. A CSV file is read straight
 * into columns (a record per cell would take five times the memory); a workbook (`.xlsx`, `.xls`,
 * `.ods`...: its first sheet, or `--sheet`) the same way.
 */
export function loadData(
  path: string,
  model?: Model,
  values: DataOptionValues = {},
  io?: Io,
): DatasetColumns {
  const opts = dataOptions(values);
  const points = model ? percentPointColumns(model) : [];
  const read = isWorkbookFile(path) ? readXlsxColumns : readCsvColumns;
  const data = read(path, { ...opts, numbers: { ...opts.numbers, pointsColumns: points } });
  if (io)
    for (const n of data.notes ?? [])
      io.err(`warning: ${n.code} at ${printable(n.where)}: ${printable(n.message)}\n`);
  return data;
}
