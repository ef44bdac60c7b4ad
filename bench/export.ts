/**
 * Benchmark of results leaving memory (issue 19 item 5): `result.toRows()` against `result.toArrow()` on
 * the same result (m units x 50 indicators, 56 nodes), and end to end `indicatrix score data.csv --out
 * scores.csv` against parsing the same CSV with csv-parse alone, each in a process of its own with its
 * peak memory (maxRSS). Sizes: BENCH_EXPORT_UNITS (default 200,000 units; the goal is stated at
 * 1,000,000: BENCH_EXPORT_UNITS=1000000 npm run bench -- export).
 *
 * Run: npx tsx bench/export.ts   (or npm run bench -- export)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { score } from "../src/score/score.js";
import { type BenchRow, benchModel, isMain, makeColumns, median, printRows, row, time } from "./harness.js";

const UNITS = Number(process.env.BENCH_EXPORT_UNITS ?? 200_000);

function child(step: string, args: string[]): { ms: number; cpuMs: number; maxRssMiB: number } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/export-child.ts", step, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`${step}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string);
}

export async function run(): Promise<BenchRow[]> {
  const m = UNITS;
  const model = benchModel(5, 10);
  const ids = model.tree.children!.flatMap((d) => d.children!.map((x) => x.id));
  const cols = makeColumns(m, ids.length, 42);
  const values = Object.fromEntries(ids.map((id, j) => [id, cols[j]!]));
  const units = Array.from({ length: m }, (_, i) => `u${i}`);
  const result = score(model, { units, values }, { profile: "p" });
  const rows: BenchRow[] = [];
  const tRows = time(() => void result.toRows(), 1);
  rows.push(row(`toRows() ${m} units x 56 nodes`, tRows));
  // Warm-up (loads the optional package), then the median of three awaited runs.
  await result.toArrow();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await result.toArrow();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const tArrow = { wall: median(walls), cpu: median(cpus) };
  rows.push(
    row(
      `toArrow() ${m} units x 56 nodes`,
      tArrow,
      `toRows / toArrow = ${(tRows.wall / tArrow.wall).toFixed(0)}x (wall), ${(tRows.cpu / Math.max(tArrow.cpu, 0.001)).toFixed(0)}x (cpu)`,
    ),
  );

  const dir = join(".tmp", "bench-export");
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `data-${m}.csv`);
  const header = `unit,${ids.join(",")}\n`;
  const lines: string[] = [header];
  for (let i = 0; i < m; i++) {
    let line = units[i]!;
    for (const c of cols) line += `,${c[i]!.toPrecision(8)}`;
    lines.push(`${line}\n`);
  }
  writeFileSync(csv, lines.join(""));
  lines.length = 0;
  const modelFile = join(dir, "model.json");
  writeFileSync(modelFile, JSON.stringify(model));
  const mib = statSync(csv).size / 2 ** 20;
  const parse = child("csv-parse", [csv]);
  const out = join(dir, "scores.csv");
  const cli = child("score", [modelFile, csv, out]);
  rows.push({
    name: `csv-parse alone, ${m} x 50 CSV (${mib.toFixed(0)} MiB)`,
    ms: parse.ms,
    note: `cpu ${parse.cpuMs.toFixed(0)} ms; peak ${parse.maxRssMiB.toFixed(0)} MiB`,
  });
  rows.push({
    name: `indicatrix score --out scores.csv, same file`,
    ms: cli.ms,
    note: `cpu ${cli.cpuMs.toFixed(0)} ms; peak ${cli.maxRssMiB.toFixed(0)} MiB; score / csv-parse = ${(cli.ms / parse.ms).toFixed(2)}x wall, ${(cli.cpuMs / parse.cpuMs).toFixed(2)}x cpu (goal <= 2x at 1M)`,
  });
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

if (isMain(import.meta.url)) printRows(await run());
