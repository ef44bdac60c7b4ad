// Benchmark of the weighting primitives: AHP of order 15 (mean of many runs), entropy and CRITIC weights on
// 1,000,000 units x 50 indicators (columnar input, seeded data).
// Run alone with `npx tsx bench/weighting.ts`; `run()` is exported for a combined bench runner.
import { mulberry32 } from "../src/internal/random.js";
import type { Direction } from "../src/internal/types.js";
import { ahp } from "../src/weighting/ahp.js";
import { criticWeights } from "../src/weighting/critic.js";
import { entropyWeights } from "../src/weighting/entropy.js";
import { isMain, makeColumns, printRows, time } from "./harness.js";

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
  const columns = makeColumns(m, n, 42, 0);
  const data = { columns };
  const dirs: Direction[] = Array.from({ length: n }, (_, j) =>
    j % 5 === 4 ? { target: 0.5 * (1 + j * 10) } : j % 2 === 0 ? "benefit" : "cost",
  );
  rows.push({
    name: "entropy 1e6 x 50 (raw proportions)",
    ms: time(() => entropyWeights(data), 3).wall,
    note: "median of 3 (brief: numpy ~160 ms on an idle machine)",
  });
  rows.push({
    name: "entropy 1e6 x 50 (min-max by direction)",
    ms: time(() => entropyWeights(data, { directions: dirs }), 3).wall,
    note: "median of 3",
  });
  rows.push({
    name: "CRITIC 1e6 x 50 (min-max by direction)",
    ms: time(() => criticWeights(data, { directions: dirs }), 3).wall,
    note: "median of 3; target < 1500 ms",
  });
  return rows;
}

if (isMain(import.meta.url)) printRows(await run());
