/**
 * The ceiling of two threads on this machine, beside issue 19's threads goal (bench/analysis.ts:
 * uncertaintyAnalysis on 2 threads >= 1.7x faster than on 1). The same plain loop runs whole on one
 * worker thread and as two halves on two worker threads, in the same run (workers both times, so
 * the code and its start-up are the same): a loop over a 512 KiB
 * array (stays in each core's cache) and one over a 64 MiB array (streams from memory, as an
 * analysis run over 10,000 units x 50 indicators does). The speed-up of the second is what shared
 * memory bandwidth leaves for any work that streams its data; worker start-up is included (about
 * 20 ms, under 2% of each timing).
 *
 * Run: npx tsx bench/parallel.ts   (or npm run bench -- parallel)
 */
import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { type BenchRow, isMain, printRows } from "./harness.js";

/** The loop, as source text so that the workers need no TypeScript loader: `passes` passes over `2^log2` doubles. */
const LOOP = `function loop(log2, passes) {
  const a = new Float64Array(1 << log2);
  let s = 0;
  for (let r = 0; r < passes; r++)
    for (let i = 0; i < a.length; i++) {
      a[i] = a[i] * 0.999 + i;
      s += a[i];
    }
  return s;
}`;

function inWorker(log2: number, passes: number): Promise<number> {
  const code = `const { parentPort, workerData } = require("node:worker_threads");
${LOOP}
parentPort.postMessage(loop(workerData.log2, workerData.passes));`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { log2, passes } });
    w.once("message", (v: number) => {
      resolve(v);
      void w.terminate();
    });
    w.once("error", reject);
  });
}

async function speedUp(log2: number, passes: number): Promise<{ one: number; two: number }> {
  const t0 = performance.now();
  await inWorker(log2, passes);
  const one = performance.now() - t0;
  const t1 = performance.now();
  await Promise.all([inWorker(log2, passes / 2), inWorker(log2, passes / 2)]);
  return { one, two: performance.now() - t1 };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const load = loadavg()[0] as number;
  for (const [name, log2, passes] of [
    ["512 KiB array (in cache)", 16, 30_000],
    ["64 MiB array (streams from memory)", 23, 240],
  ] as const) {
    const runs = [await speedUp(log2, passes), await speedUp(log2, passes), await speedUp(log2, passes)];
    const best = runs.map((r) => r.one / r.two).sort((a, b) => a - b)[1] as number;
    const mid = runs[1] as { one: number; two: number };
    rows.push({
      name: `plain loop, 1 worker vs 2 workers, ${name}`,
      ms: mid.two,
      note: `1 worker ${mid.one.toFixed(0)} ms; median speed-up of 3: ${best.toFixed(2)}x; ${availableParallelism()} cores, load average ${load.toFixed(2)}`,
    });
  }
  return rows;
}

if (isMain(import.meta.url)) printRows(await run());
