import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import { readCsvFile, readModelFile } from "./io.js";

/** Reads and parses a model file (JSON, YAML or CSV table). */
export function loadModel(path: string): Model {
  return parseModel(readModelFile(path));
}

/** Reads a CSV data file into rows. */
export function loadData(path: string): Record<string, string>[] {
  return readCsvFile(path);
}
