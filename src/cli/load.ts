import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import { readCsvColumns } from "../node/read-csv-columns.js";
import { readModelFile } from "../node/read-model-file.js";
import type { DatasetColumns } from "../score/dataset.js";

/** Reads and parses a model file (JSON, YAML or CSV table). */
export function loadModel(path: string): Model {
  return parseModel(readModelFile(path));
}

/** Reads a CSV data file straight into columns (a record per cell would take five times the memory). */
export function loadData(path: string): DatasetColumns {
  return readCsvColumns(path);
}
