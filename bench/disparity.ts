// Benchmark of the disparity and spatial measures: Gini and its Dagum decomposition over 1e6 values in
// 50 groups, Theil T with groups, a 512-point kernel density of 1e5 values, k-nearest-neighbour weights
// (k = 6) over 2,000 points, and global plus local Moran's I with 999 permutations over them.
// Run alone with `npx tsx bench/disparity.ts`; `run()` is exported for the combined runner (bench/run.ts).
import { pathToFileURL } from "node:url";
import { dagumGini } from "../src/analysis/disparity/dagum-gini.js";
import { gini } from "../src/analysis/disparity/gini.js";
import { kernelDensity } from "../src/analysis/disparity/kernel-density.js";
import { theil } from "../src/analysis/disparity/theil.js";
import { knnWeights } from "../src/analysis/spatial/knn-weights.js";
import { localMoran } from "../src/analysis/spatial/local-moran.js";
import { moranI } from "../src/analysis/spatial/moran-i.js";
import { mulberry32 } from "../src/internal/random.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall-clock and CPU milliseconds of `repeats` runs after one warm-up run. */
function time(f: () => void, repeats: number): { wall: number; cpu: number } {
  f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function row(name: string, t: { wall: number; cpu: number }): { name: string; ms: number; note: string } {
  return { name, ms: t.wall, note: `cpu ${t.cpu.toFixed(0)} ms` };
}

/** Runs the benchmark cases and returns one row per case (median of 3 timed runs after a warm-up). */
export async function run(): Promise<{ name: string; ms: number; note?: string }[]> {
  const rand = mulberry32(16);
  const n = 1_000_000;
  const values = Float64Array.from({ length: n }, () => 0.2 + 0.8 * rand());
  const groups = Array.from({ length: n }, (_, i) => `g${i % 50}`);
  const m = 2000;
  const coords = {
    units: Array.from({ length: m }, (_, i) => `u${i}`),
    x: Array.from({ length: m }, () => 100 * rand()),
    y: Array.from({ length: m }, () => 100 * rand()),
  };
  const y = Float64Array.from(coords.x, (x, i) => x / 100 + (coords.y[i] as number) / 200 + 0.2 * rand());
  const w = knnWeights(coords, { k: 6 });
  return [
    row(
      "gini of 1e6 values",
      time(() => gini(values), 3),
    ),
    row(
      "dagumGini of 1e6 values in 50 groups",
      time(() => dagumGini(values, groups), 3),
    ),
    row(
      "theil T of 1e6 values in 50 groups",
      time(() => theil(values, { groups }), 3),
    ),
    row(
      "kernelDensity of 1e5 values, 512 points",
      time(() => kernelDensity(values.subarray(0, 100_000)), 3),
    ),
    row(
      "knnWeights k = 6 over 2,000 points",
      time(() => knnWeights(coords, { k: 6 }), 3),
    ),
    row(
      "moranI, 999 permutations, 2,000 units",
      time(() => moranI(y, w), 3),
    ),
    row(
      "localMoran, 999 permutations, 2,000 units",
      time(() => localMoran(y, w), 3),
    ),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await run();
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${"case".padEnd(width)}  ${"ms".padStart(8)}  note`);
  for (const r of results)
    console.log(`${r.name.padEnd(width)}  ${r.ms.toFixed(1).padStart(8)}  ${r.note ?? ""}`);
}
