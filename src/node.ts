/**
 * Node.js helpers of indicatrix: reading model files and CSV data from disk. The core library
 * (`indicatrix`) does no I/O and runs in browsers; import these from `indicatrix/node`.
 * @module
 */

export { writeChunksAtomic, writeFileAtomic } from "./cli/format.js";
export {
  MAX_DATA_FILE_BYTES,
  MAX_MODEL_FILE_BYTES,
  readCsvColumns,
  readCsvFile,
  readCsvText,
  readModelFile,
} from "./cli/io.js";
