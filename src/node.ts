/**
 * Node.js helpers of indicatrix: reading model files and CSV data from disk, writing output files
 * atomically. The core library (`indicatrix`) does no I/O and runs in browsers; import these from
 * `indicatrix/node`. The size limits they apply are in `LIMITS` (`maxModelFileBytes`, `maxDataFileBytes`).
 * @module
 */

export { ahpQuestionnaireXlsx, readFilledQuestionnaire } from "./node/ahp-questionnaire-xlsx.js";
export { type ReadDataOptions, readCsvColumns } from "./node/read-csv-columns.js";
export { readCsvFile } from "./node/read-csv-file.js";
export { readCsvText } from "./node/read-csv-text.js";
export { readModelFile } from "./node/read-model-file.js";
export {
  type ReadXlsxOptions,
  readXlsxColumns,
  readXlsxRows,
  readXlsxSheetNames,
  type WorkbookCell,
} from "./node/read-xlsx.js";
export { guardSignals, writeChunksAtomic, writeFileAtomic } from "./node/write-file-atomic.js";
export { type XlsxSheet, type XlsxValidation, xlsxBytes } from "./node/xlsx-bytes.js";
