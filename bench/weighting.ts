// Benchmark of the weighting primitives: AHP of order 15 (mean of many runs), entropy and CRITIC weights on
// 1,000,000 units x 50 indicators (columnar input, seeded data).
// Run alone with `npx tsx bench/weighting.ts`; `run()` is exported for a combined bench runner.
import { pathToFileURL } from "node:url";
import { mulberry32 } from "../src/internal/random.js";
import type { Direction } from "../src/internal/types.js";
import { ahp } from "../src/weighting/ahp.js";
import { criticWeights } from "../src/weighting/critic.js";
import { entropyWeights } from "../src/weighting/entropy.js";

function makeColumns(m: number, n: number, seed: number): Float64Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, j) => {
    const col = new Float64Array(m);
    const scale = 1 + j * 10; // columns on different scales, as raw indicators are
    for (let i = 0; i < m; i++) col[i] = scale * rand();
    return col;
  });
}

/** A random reciprocal matrix of order n with judgments drawn from Saaty's scale. */
function reciprocalMatrix(n: number, seed: number): number[][] {
  const rand = mulberry32(seed);
  const scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9];
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = scale[Math.floor(rand() * scale.length)] as number;
      (a[i] as number[])[j] = v;
      (a[j] as number[])[i] = 1 / v;
    }
  return a;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(f: () => void, repeats: number): number {
  f(); // warm-up: lets the JIT compile the loops
  const ms: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** Runs the benchmark cases and returns one row per case. */
export async function run(): Promise<{ name: string; ms: number; note?: string }[]> {
  const rows: { name: string; ms: number; note?: string }[] = [];

  const a15 = reciprocalMatrix(15, 1);
  const runs = 2000;
  for (const method of ["eigenvector", "geometric-mean", "sum-product"] as const) {
    for (let k = 0; k < 200; k++) ahp(a15, { method }); // warm-up
    const t0 = performance.now();
    for (let k = 0; k < runs; k++) ahp(a15, { method });
    rows.push({
      name: `ahp order 15 (${method})`,
      ms: (performance.now() - t0) / runs,
      note: `mean of ${runs} runs, validation included`,
    });
  }

  const m = 1_000_000;
  const n = 50;
  const columns = makeColumns(m, n, 42);
  const data = { columns };
  const dirs: Direction[] = Array.from({ length: n }, (_, j) =>
    j % 5 === 4 ? { target: 0.5 * (1 + j * 10) } : j % 2 === 0 ? "benefit" : "cost",
  );
  rows.push({
    name: "entropy 1e6 x 50 (raw proportions)",
    ms: time(() => entropyWeights(data), 3),
    note: "median of 3 (brief: numpy ~160 ms on an idle machine)",
  });
  rows.push({
    name: "entropy 1e6 x 50 (min-max by direction)",
    ms: time(() => entropyWeights(data, { directions: dirs }), 3),
    note: "median of 3",
  });
  rows.push({
    name: "CRITIC 1e6 x 50 (min-max by direction)",
    ms: time(() => criticWeights(data, { directions: dirs }), 3),
    note: "median of 3; target < 1500 ms",
  });
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await run();
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows)
    process.stdout.write(
      `${r.name.padEnd(w)}  ${r.ms.toFixed(r.ms < 1 ? 4 : 1).padStart(9)} ms  ${r.note ?? ""}\n`,
    );
}
