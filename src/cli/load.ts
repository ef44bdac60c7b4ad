import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import type { DatasetColumns } from "../score/dataset.js";
import { readCsvColumns, readModelFile } from "./io.js";

/** Reads and parses a model file (JSON, YAML or CSV table). */
export function loadModel(path: string): Model {
  return parseModel(readModelFile(path));
}

/** Reads a CSV data file straight into columns (a record per cell would take five times the memory). */
export function loadData(path: string): DatasetColumns {
  return readCsvColumns(path);
}
