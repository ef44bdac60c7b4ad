/**
 * Benchmark of scoring in DuckDB (indicatrix/duckdb): 10,000,000 units x 50 indicators (5 dimensions
 * x 10 indicators, min-max with cost directions, arithmetic means, equal weights) read from a Parquet
 * file that DuckDB itself generates from random() (seeded with setseed), scored by the query of
 * toSQL (no ranks, and the root ranked: each rank is one more sort) and written to Parquet with
 * COPY by scoreSQLToFile, each in a child process (so that each peak RSS is its own); next to
 * in-memory score() on 1,000,000 units, also in a child process. Skips when @duckdb/node-api is not
 * installed.
 *
 * Run: npx tsx bench/sql.ts [units]   (default 10,000,000; the Parquet file lives in the OS temp dir)
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Model } from "../src/indicators/schema.js";

export interface BenchRow {
  name: string;
  ms: number;
  note?: string;
}

const DIMS = 5;
const PER = 10;
/** The most units for which the every-node-ranked query runs (see planRatios). */
const ALL_RANKS_MAX = 1_000_000;

function makeModel(): Model {
  return {
    id: "bench-sql",
    tree: {
      id: "root",
      children: Array.from({ length: DIMS }, (_, d) => ({
        id: `d${d}`,
        children: Array.from({ length: PER }, (_, k) => ({
          id: `x${d}_${k}`,
          ...(k % 3 === 2 ? { direction: "cost" as const } : {}),
        })),
      })),
    },
    defaults: { normalize: "minmax", aggregate: "arithmetic", missing: "skip" },
  } as Model;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * In a child process: scoreSQLToFile of the benchmark model from the Parquet file `data` to a Parquet
 * file beside it, with `ranks`; prints { ms, rows, maxRssKiB } (the peak of this process alone:
 * DuckDB's memory is the process's).
 */
async function toFileChild(data: string, ranks: "root" | "none"): Promise<void> {
  const duck = await import("../src/duckdb.js");
  const out = join(dirname(data), `scores-${ranks}.parquet`);
  const t0 = performance.now();
  const w = await duck.scoreSQLToFile(makeModel(), data, out, { noParent: true, ranks });
  const ms = performance.now() - t0;
  rmSync(out, { force: true });
  process.stdout.write(JSON.stringify({ ms, rows: w.rows, maxRssKiB: process.resourceUsage().maxRSS }));
}

/** Runs this file in a child process with `args` and returns what it printed, parsed. */
function child<T>(args: string[], env: NodeJS.ProcessEnv = {}): T | undefined {
  const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
  if (!existsSync(tsx)) return undefined;
  const json = execFileSync(tsx, [fileURLToPath(import.meta.url), ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    env: { ...process.env, ...env },
  });
  return JSON.parse(json) as T;
}

/** In a child process: score() on `units` random units; prints { ms, maxRssKiB }. */
async function inMemoryChild(units: number): Promise<void> {
  const { score } = await import("../src/score/score.js");
  const { mulberry32 } = await import("../src/internal/random.js");
  const rnd = mulberry32(1);
  const values: Record<string, Float64Array> = {};
  for (let d = 0; d < DIMS; d++)
    for (let k = 0; k < PER; k++) values[`x${d}_${k}`] = Float64Array.from({ length: units }, () => rnd());
  const ids = Array.from({ length: units }, (_, i) => `u${i}`);
  const t0 = performance.now();
  const r = score(makeModel(), { units: ids, values });
  void r.ranks.root?.[0];
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS }));
}

/**
 * The query a person would write by hand for the benchmark model in DuckDB: one aggregate of every
 * column's min and max, then min-max ((x - min) / (max - min), cost reflected), the dimension
 * means, the root mean and the root's rank; the same output columns as toSQL's (every score, the
 * root rank). No missing-value, constant-column or rounding care: the arithmetic only.
 */
export function handQuery(data: string): string {
  const ids = Array.from({ length: DIMS * PER }, (_, j) => [Math.floor(j / PER), j % PER] as const);
  const col = ([d, k]: readonly [number, number]) => `x${d}_${k}`;
  const stats = ids.map((i) => `MIN(${col(i)}) AS lo_${col(i)}, MAX(${col(i)}) AS hi_${col(i)}`).join(", ");
  const norm = ids
    .map((i) => {
      const c = col(i);
      const num = i[1] % 3 === 2 ? `hi_${c} - ${c}` : `${c} - lo_${c}`;
      return `(${num}) / (hi_${c} - lo_${c}) AS ${c}`;
    })
    .join(", ");
  const dims = Array.from(
    { length: DIMS },
    (_, d) => `(${Array.from({ length: PER }, (_, k) => `x${d}_${k}`).join(" + ")}) / ${PER}.0 AS d${d}`,
  ).join(", ");
  const root = `(${Array.from({ length: DIMS }, (_, d) => `d${d}`).join(" + ")}) / ${DIMS}.0`;
  return (
    `WITH s AS (SELECT ${stats} FROM read_parquet('${data}')), ` +
    `n AS (SELECT unit, ${norm} FROM read_parquet('${data}') CROSS JOIN s), ` +
    `g AS (SELECT *, ${dims} FROM n), r AS (SELECT *, ${root} AS root FROM g) ` +
    `SELECT *, RANK() OVER (ORDER BY root DESC) AS root_rank FROM r`
  );
}

/**
 * The ratios of issue 19 in one run, each query written to Parquet with COPY: the compiled query
 * (root ranked) against the hand-written one (goal: within 1.5x), and every node ranked against
 * no ranks (goal: within 3x).
 */
async function planRatios(
  duck: typeof import("../src/duckdb.js"),
  c: { runAndReadAll(sql: string): Promise<unknown> },
  data: string,
  dir: string,
  units: number,
): Promise<BenchRow[]> {
  const { toSQL } = await import("../src/sql/to-sql.js");
  void duck;
  const copy = async (sql: string): Promise<number> => {
    const out = join(dir, "ratio.parquet");
    const t0 = performance.now();
    await c.runAndReadAll(`COPY (${sql}) TO '${out}' (FORMAT parquet)`);
    const ms = performance.now() - t0;
    rmSync(out, { force: true });
    return ms;
  };
  const compiled = (ranks: "root" | "all" | "none") =>
    toSQL(makeModel(), { source: data, ranks, unitColumn: "unit" }).sql;
  const ups = (ms: number) => `${((units / ms) * 1000).toExponential(2)} units/s`;
  // Warm the file cache once, then each query in turn (progress on stderr: the last can take minutes).
  const progress = (what: string, ms: number) =>
    process.stderr.write(`sql bench: ${what} ${ms.toFixed(0)} ms\n`);
  await copy(handQuery(data));
  const hand = await copy(handQuery(data));
  progress("hand-written, root ranked", hand);
  const root = await copy(compiled("root"));
  progress("toSQL, root ranked", root);
  const none = await copy(compiled("none"));
  progress("toSQL, no ranks", none);
  // Every node ranked is 56 window sorts of every unit: at 10,000,000 units DuckDB spilled until a disk
  // with 70 GB free was full (21 GB peak RSS), so it runs only up to ALL_RANKS_MAX units.
  const all = units <= ALL_RANKS_MAX ? await copy(compiled("all")) : Number.NaN;
  if (!Number.isNaN(all)) progress("toSQL, every node ranked", all);
  const n = units.toLocaleString("en");
  return [
    { name: `sql: hand-written DuckDB query, ${n} x 50, root ranked`, ms: hand, note: ups(hand) },
    {
      name: `sql: toSQL query, ${n} x 50, root ranked`,
      ms: root,
      note: `${ups(root)}; ${(root / hand).toFixed(2)}x the hand-written query (goal 1.5x)`,
    },
    { name: `sql: toSQL query, ${n} x 50, no ranks`, ms: none, note: ups(none) },
    Number.isNaN(all)
      ? {
          name: `sql: toSQL query, ${n} x 50, every node ranked`,
          ms: 0,
          note: `skipped above ${ALL_RANKS_MAX.toLocaleString("en")} units (DuckDB spills tens of GB): npx tsx bench/sql.ts 1000000`,
        }
      : {
          name: `sql: toSQL query, ${n} x 50, every node ranked`,
          ms: all,
          note: `${ups(all)}; ${(all / none).toFixed(2)}x no ranks (goal 3x)`,
        },
  ];
}

export async function run(units = 10_000_000, inMemoryUnits = 1_000_000): Promise<BenchRow[]> {
  let duck: typeof import("../src/duckdb.js");
  try {
    duck = await import("../src/duckdb.js");
    await duck.loadDuckDB();
  } catch {
    return [{ name: "sql: DuckDB", ms: 0, note: "skipped: @duckdb/node-api is not installed" }];
  }
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), "indicatrix-bench-sql-"));
  try {
    const { DuckDBInstance } = await duck.loadDuckDB();
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    const data = join(dir, "units.parquet");
    const cols = Array.from(
      { length: DIMS * PER },
      (_, j) => `random() AS x${Math.floor(j / PER)}_${j % PER}`,
    );
    const t0 = performance.now();
    await c.runAndReadAll("SELECT setseed(0.42)");
    await c.runAndReadAll(
      `COPY (SELECT 'u' || CAST(i AS VARCHAR) AS unit, ${cols.join(", ")} FROM range(${units}) t(i)) TO '${data}' (FORMAT parquet)`,
    );
    rows.push({
      name: `sql: generate ${units.toLocaleString("en")} x 50 Parquet in DuckDB`,
      ms: performance.now() - t0,
      note: mib(statSync(data).size),
    });
    rows.push(...(await planRatios(duck, c, data, dir, units)));
    c.disconnectSync?.();
    instance.closeSync?.();
    // Each in its own process, for its own peak RSS (the window sorts above take many GiB).
    for (const ranks of ["none", "root"] as const) {
      const r = child<{ ms: number; rows: number; maxRssKiB: number }>(["--to-file", data, ranks]);
      if (!r) continue;
      const n = units.toLocaleString("en");
      const goal = ranks === "none" ? "; goal 30 s and 4 GiB" : "";
      rows.push({
        name: `sql: scoreSQLToFile ${n} units x 50, ${ranks === "none" ? "no ranks" : "root ranked"} (DuckDB, Parquet -> Parquet)`,
        ms: r.ms,
        note: `${r.rows} rows; ${((units / r.ms) * 1000).toExponential(2)} units/s; peak RSS ${mib(r.maxRssKiB * 1024)}${goal}`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // In-memory score() in its own process for its own peak RSS.
  const r = child<{ ms: number; maxRssKiB: number }>(["--in-memory", String(inMemoryUnits)], {
    NODE_OPTIONS: "--max-old-space-size=16384",
  });
  if (r)
    rows.push({
      name: `sql: in-memory score() ${inMemoryUnits.toLocaleString("en")} units x 50 (reference)`,
      ms: r.ms,
      note: `${((inMemoryUnits / r.ms) * 1000).toExponential(2)} units/s; peak RSS ${mib(r.maxRssKiB * 1024)} (whole process, data included)`,
    });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--in-memory");
  const f = process.argv.indexOf("--to-file");
  if (i >= 0) await inMemoryChild(Number(process.argv[i + 1]));
  else if (f >= 0) await toFileChild(process.argv[f + 1] as string, process.argv[f + 2] as "root" | "none");
  else {
    const units = process.argv[2] ? Number(process.argv[2]) : undefined;
    const inMem = process.argv[3] ? Number(process.argv[3]) : undefined;
    for (const r of await run(units, inMem))
      console.log(`${r.name}: ${r.ms.toFixed(0)} ms${r.note ? ` (${r.note})` : ""}`);
  }
}
