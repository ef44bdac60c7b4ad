// Benchmark of the evaluation methods: TOPSIS on 1,000,000 units x 50 indicators (columnar input).
// Run alone with `npx tsx bench/evaluate.ts`; `run()` is exported for a combined bench runner.
import { pathToFileURL } from "node:url";
import { topsis } from "../src/evaluate/topsis.js";
import { mulberry32 } from "../src/internal/random.js";

function makeColumns(m: number, n: number, seed: number): Float64Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, j) => {
    const col = new Float64Array(m);
    const scale = 1 + j * 10; // columns on different scales, as raw indicators are
    for (let i = 0; i < m; i++) col[i] = scale * (0.01 + rand());
    return col;
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall-clock and CPU milliseconds of `repeats` runs after one warm-up run. */
function time(f: () => void, repeats: number): { wall: number; cpu: number } {
  f(); // warm-up: lets the JIT compile the loops
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

/** A result row: wall-clock ms, with CPU ms in the note (the two differ on a busy machine). */
function row(
  name: string,
  t: { wall: number; cpu: number },
  note = "",
): { name: string; ms: number; note: string } {
  return { name, ms: t.wall, note: `cpu ${t.cpu.toFixed(0)} ms${note ? `; ${note}` : ""}` };
}

/** Runs the benchmark cases and returns one row per case (median of 5 timed runs after a warm-up). */
export async function run(): Promise<{ name: string; ms: number; note?: string }[]> {
  const m = 1_000_000;
  const n = 50;
  const cols = makeColumns(m, n, 42);
  const rand = mulberry32(7);
  const w = Array.from({ length: n }, () => 0.1 + rand());
  const directions = Array.from({ length: n }, (_, j) =>
    j % 5 === 4 ? ("cost" as const) : ("benefit" as const),
  );
  const rows: { name: string; ms: number; note?: string }[] = [];
  rows.push(
    row(
      "topsis 1e6 x 50 (vector, matrix weights, sample ideal)",
      time(() => topsis(cols, w, { directions }), 5),
      "Float64Array columns; input checks, ranks and result arrays included",
    ),
  );
  rows.push(
    row(
      "topsis 1e6 x 50 (minmax, distance weights)",
      time(() => topsis(cols, w, { directions, normalization: "minmax", weighting: "distance" }), 5),
    ),
  );
  const small = cols.map((c) => c.subarray(0, 100_000));
  const asRows = Array.from({ length: 100_000 }, (_, i) => small.map((c) => c[i] as number));
  rows.push(
    row(
      "topsis 1e5 x 50 from number[][] rows",
      time(() => topsis(asRows, w, { directions }), 5),
      "row-to-column conversion included",
    ),
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await run();
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${"case".padEnd(width)}  ${"ms".padStart(8)}  note`);
  for (const r of results)
    console.log(`${r.name.padEnd(width)}  ${r.ms.toFixed(1).padStart(8)}  ${r.note ?? ""}`);
}
