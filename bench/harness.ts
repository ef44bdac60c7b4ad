// What the benchmark files share: seeded columnar data, median timing with CPU time, the row format
// that bench/run.ts prints, and the table a file prints when it is run alone.
import { pathToFileURL } from "node:url";
import { parseModel } from "../src/indicators/parse-model.js";
import type { Model } from "../src/indicators/schema.js";
import { mulberry32 } from "../src/internal/random.js";

/** One benchmark case: wall-clock milliseconds and a note (CPU time, goals, sizes). */
export interface BenchRow {
  name: string;
  ms: number;
  note?: string;
}

/**
 * n seeded columns of m positive values, column j on the scale 1 + 10 j (as raw indicators are):
 * value = scale * (offset + uniform[0, 1)).
 */
export function makeColumns(m: number, n: number, seed: number, offset = 0.01): Float64Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, j) => {
    const col = new Float64Array(m);
    const scale = 1 + j * 10;
    for (let i = 0; i < m; i++) col[i] = scale * (offset + rand());
    return col;
  });
}

/** The median (upper median for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Median wall-clock and CPU milliseconds of `repeats` runs after one warm-up run (the JIT compiles the loops). */
export function time(f: () => void, repeats: number): { wall: number; cpu: number } {
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

/** A result row: wall-clock ms, with CPU ms in the note (the two differ on a busy machine). */
export function row(name: string, t: { wall: number; cpu: number }, note = ""): BenchRow {
  return { name, ms: t.wall, note: `cpu ${t.cpu.toFixed(0)} ms${note ? `; ${note}` : ""}` };
}

/** Whether the module at `url` (pass `import.meta.url`) is the script node was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;
}

/** Prints rows as an aligned table (what a bench file prints when run alone). */
export function printRows(rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows)
    process.stdout.write(
      `${r.name.padEnd(width)}  ${r.ms.toFixed(r.ms < 1 ? 4 : 1).padStart(9)} ms  ${r.note ?? ""}\n`,
    );
}

/**
 * The benchmark model: `dims` dimensions of `per` indicators (every third one a cost), min-max,
 * arithmetic, skipped missing values, seeded fixed weights in profile `p`.
 */
export function benchModel(dims: number, per: number, id = "bench"): Model {
  const rnd = mulberry32(7);
  const children = Array.from({ length: dims }, (_, d) => ({
    id: `d${d}`,
    children: Array.from({ length: per }, (_, k) => ({
      id: `x${d}_${k}`,
      direction: k % 3 === 2 ? "cost" : "benefit",
    })),
  }));
  const weights: Record<string, unknown> = {
    root: { method: "fixed", weights: Object.fromEntries(children.map((c) => [c.id, 1 + rnd()])) },
  };
  for (const c of children)
    weights[c.id] = {
      method: "fixed",
      weights: Object.fromEntries(c.children.map((x) => [x.id, 1 + rnd()])),
    };
  return parseModel({
    id,
    tree: { id: "root", children },
    defaults: { normalize: "minmax", aggregate: "arithmetic", missing: "skip" },
    profiles: { p: { weights } },
  });
}
