// Benchmark of the analyses: 1,000 Monte Carlo runs over 1,000 units x 50 indicators (a synthetic
// model of 5 dimensions x 10 indicators, seeded data), and the `threads` option: 1,000 runs over
// 10,000 units x 50 indicators on 1 and on 2 threads in the same run (goal of issue 19: >= 1.7x).
// Run alone with `npx tsx bench/analysis.ts`; `run()` is exported for a combined bench runner.
import { availableParallelism, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { removeElements } from "../src/analysis/remove-elements.js";
import { structureChecks } from "../src/analysis/structure-checks.js";
import { uncertaintyAnalysis } from "../src/analysis/uncertainty.js";
import { weightSensitivity } from "../src/analysis/weight-sensitivity.js";
import type { Model } from "../src/indicators/schema.js";
import { createRandom } from "../src/internal/random.js";
import type { DatasetColumns } from "../src/score/dataset.js";

const DIMS = 5;
const PER_DIM = 10;
const UNITS = 1000;

/** A 5 x 10 model: fixed dimension weights, equal indicator weights, one cost indicator per dimension. */
export function syntheticModel(): Model {
  const children = Array.from({ length: DIMS }, (_, d) => ({
    id: `d${d}`,
    children: Array.from({ length: PER_DIM }, (_, k) => ({
      id: `d${d}_i${k}`,
      direction: k === 0 ? ("cost" as const) : ("benefit" as const),
    })),
  }));
  const weights = Object.fromEntries(children.map((c, d) => [c.id, d + 1]));
  return {
    id: "synthetic",
    tree: { id: "index", children },
    profiles: { base: { weights: { index: { method: "fixed", weights } } } },
  } as Model;
}

/** Seeded data: each unit has a latent level; indicators are noisy views of it on different scales. */
export function syntheticData(m = UNITS, seed = 42): DatasetColumns {
  const rng = createRandom(seed);
  const latent = Float64Array.from({ length: m }, () => rng.normal());
  const values: Record<string, Float64Array> = {};
  for (let d = 0; d < DIMS; d++)
    for (let k = 0; k < PER_DIM; k++) {
      const col = new Float64Array(m);
      const scale = 1 + 10 * k;
      for (let i = 0; i < m; i++) {
        const x = (latent[i] as number) + 1.5 * rng.normal();
        col[i] = scale * (k === 0 ? -x : x) + 100;
      }
      values[`d${d}_i${k}`] = col;
    }
  return { units: Array.from({ length: m }, (_, i) => `u${i}`), values };
}

function time(f: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Runs the benchmark cases (one timed run each after a warm-up) and returns one row per case. */
export async function run(): Promise<{ name: string; ms: number; note?: string }[]> {
  const model = syntheticModel();
  const data = syntheticData();
  const rows: { name: string; ms: number; note?: string }[] = [];
  const add = (name: string, f: () => unknown, note = "") => {
    f();
    const t = time(() => f());
    rows.push({ name, ms: t.wall, note: `cpu ${t.cpu.toFixed(0)} ms${note ? `; ${note}` : ""}` });
  };
  add("uncertaintyAnalysis 1000 runs, weight noise (1000 x 50)", () =>
    uncertaintyAnalysis(model, data, { runs: 1000, seed: 1 }),
  );
  add(
    "uncertaintyAnalysis 1000 runs, 4 factors, Saltelli (1000 x 50)",
    () =>
      uncertaintyAnalysis(model, data, {
        runs: 1000,
        seed: 1,
        normalization: ["minmax", "zscore", "rank"],
        aggregation: ["arithmetic", "minimum"],
        leaveOneOut: true,
      }),
    "weights, normalization (3), aggregation (arithmetic, minimum), leave-one-out (51)",
  );
  add("weightSensitivity, 55 weights (1000 x 50)", () => weightSensitivity(model, data));
  rows.push(...threadRows(model));
  add("structureChecks (1000 x 50)", () => structureChecks(model, data));
  add("removeElements, 50 indicators (1000 x 50)", () => removeElements(model, data));
  return rows;
}

/**
 * 1,000 runs of weight noise over 10,000 units x 50 indicators on 1 and on 2 threads, alternately
 * (1, 2, 1, 2, ...: `pairs` pairs after a warm-up of 20 runs on each), medians of each. The workers
 * start anew in every call, so a 2-thread time includes starting a worker and scoring the model in
 * it. The note has the speed-up, the core count and the load average (the goal needs 2 idle cores).
 */
export function threadRows(model: Model, pairs = 3): { name: string; ms: number; note?: string }[] {
  const big = syntheticData(10_000, 43);
  const analysis = (threads: number, runs: number) => () =>
    uncertaintyAnalysis(model, big, { runs, seed: 1, threads });
  analysis(1, 20)();
  analysis(2, 20)();
  const load = loadavg()[0] as number;
  const t1: { wall: number; cpu: number }[] = [];
  const t2: { wall: number; cpu: number }[] = [];
  for (let k = 0; k < pairs; k++) {
    t1.push(time(analysis(1, 1000)));
    t2.push(time(analysis(2, 1000)));
  }
  const mid = (ts: { wall: number; cpu: number }[]) => {
    const byWall = [...ts].sort((a, b) => a.wall - b.wall);
    return byWall[Math.floor(byWall.length / 2)] as { wall: number; cpu: number };
  };
  const one = mid(t1);
  const two = mid(t2);
  const ratio = one.wall / two.wall;
  const cores = `${availableParallelism()} cores, load average ${load.toFixed(2)} before, ${(loadavg()[0] as number).toFixed(2)} after`;
  return [
    {
      name: "uncertaintyAnalysis 1000 runs, 1 thread (10000 x 50)",
      ms: one.wall,
      note: `cpu ${one.cpu.toFixed(0)} ms; median of ${pairs}`,
    },
    {
      name: "uncertaintyAnalysis 1000 runs, 2 threads (10000 x 50)",
      ms: two.wall,
      note: `cpu ${two.cpu.toFixed(0)} ms (all threads); ${ratio.toFixed(2)}x faster than 1 thread (goal >= 1.7x); ${cores}`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const r of await run()) console.log(`${r.name}: ${r.ms.toFixed(0)} ms (${r.note})`);
}
