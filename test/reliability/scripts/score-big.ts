// Child process of limits.test.ts: reads a large CSV by columns, scores it, rolls it up and writes
// the scores streamed and atomically; prints the unit count and the peak memory as JSON.
import { readFileSync } from "node:fs";
import { csvChunks } from "../../../src/cli/format.js";
import { parseModel } from "../../../src/indicators/parse-model.js";
import { readCsvColumns, writeChunksAtomic } from "../../../src/node.js";
import { rollup } from "../../../src/score/rollup.js";
import { score } from "../../../src/score/score.js";

const [modelPath, dataPath, outPath] = process.argv.slice(2) as [string, string, string];
const model = parseModel(JSON.parse(readFileSync(modelPath, "utf8")));
const result = score(model, readCsvColumns(dataPath));
rollup(result);
const nodes = [...result.resolved.nodes.keys()];
writeChunksAtomic(
  outPath,
  csvChunks(["unit", ...nodes], result.units.length, (i) => {
    const row: Record<string, string | number> = { unit: result.units[i] as string };
    for (const id of nodes) row[id] = (result.scores[id] as Float64Array)[i] as number;
    return row;
  }),
);
const mem = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ units: result.units.length, heapMB: mem.heapUsed / 1e6, rssMB: mem.rss / 1e6 })}\n`,
);
