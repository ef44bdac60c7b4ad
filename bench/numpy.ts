/**
 * TOPSIS and entropy weights on 1,000,000 units x 50 indicators against numpy's vectorized equivalent
 * (bench/numpy_reference.py, run by Debian's python3 with python3-numpy) on the same seeded columns, in
 * the same run: each side times its own call (median of 3 after a warm-up, data already in memory), and
 * the numpy results check the JS ones (closeness of the first 1,000 units and the 50 entropy weights).
 * Skipped with a note when python3 or numpy is missing. BENCH_NUMPY_UNITS sets the size.
 *
 * Run: npx tsx bench/numpy.ts   (or npm run bench -- numpy)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { topsis } from "../src/evaluate/topsis.js";
import { entropyWeights } from "../src/weighting/entropy.js";
import { type BenchRow, isMain, makeColumns, printRows, row, time } from "./harness.js";

const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";

export async function run(): Promise<BenchRow[]> {
  const m = Number(process.env.BENCH_NUMPY_UNITS ?? 1_000_000);
  const n = 50;
  const cols = makeColumns(m, n, 42);
  const weights = Array.from({ length: n }, (_, j) => 1 + (j % 7));
  const dirs = Array.from({ length: n }, (_, j) => (j % 3 === 2 ? "c" : "b")).join("");
  const directions = [...dirs].map((c) => (c === "b" ? "benefit" : "cost") as "benefit" | "cost");
  const dir = join(".tmp", "bench-numpy");
  mkdirSync(dir, { recursive: true });
  const all = new Float64Array(m * n);
  cols.forEach((c, j) => {
    all.set(c, j * m);
  });
  writeFileSync(join(dir, "x.f64"), all);
  writeFileSync(join(dir, "w.f64"), Float64Array.from(weights));
  const py = spawnSync(
    PYTHON,
    ["bench/numpy_reference.py", join(dir, "x.f64"), String(m), String(n), join(dir, "w.f64"), dirs],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  );
  rmSync(dir, { recursive: true, force: true });
  const js = time(() => topsis({ columns: cols }, weights, { directions }), 3);
  const jsTopsis = topsis({ columns: cols }, weights, { directions }).scores;
  const je = time(() => entropyWeights({ columns: cols }), 3);
  const jsEntropy = entropyWeights({ columns: cols });
  if (py.status !== 0)
    return [
      row(`topsis ${m} x ${n}`, js, `numpy not run: ${py.stderr.trim().split("\n").pop()}`),
      row(`entropy ${m} x ${n}`, je),
    ];
  const ref = JSON.parse(py.stdout) as {
    topsis_ms: number;
    entropy_ms: number;
    numpy: string;
    topsis_head: number[];
    entropy: number[];
  };
  const dt = Math.max(...ref.topsis_head.map((v, i) => Math.abs(v - jsTopsis[i]!)));
  const de = Math.max(...ref.entropy.map((v, j) => Math.abs(v - jsEntropy[j]!)));
  return [
    row(
      `topsis ${m} x ${n} (vector, sample ideal)`,
      js,
      `numpy ${ref.numpy}: ${ref.topsis_ms.toFixed(0)} ms; JS / numpy = ${(js.wall / ref.topsis_ms).toFixed(2)}; max |diff| ${dt.toExponential(1)}`,
    ),
    row(
      `entropy ${m} x ${n} (raw proportions)`,
      je,
      `numpy: ${ref.entropy_ms.toFixed(0)} ms; JS / numpy = ${(je.wall / ref.entropy_ms).toFixed(2)}; max |diff| ${de.toExponential(1)}`,
    ),
  ];
}

if (isMain(import.meta.url)) printRows(await run());
