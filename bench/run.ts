/**
 * Runs the benchmarks (npm run bench) and prints one table with the machine's core count.
 * Each bench/<name>.ts exports `run(): Promise<{ name, ms, note? }[]>`; pass names to run some:
 * npm run bench -- score weighting. The DuckDB benchmark (10,000,000 units from Parquet: minutes and
 * tens of GiB) runs only when named: npm run bench -- sql
 */
import { existsSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";

const ALL = [
  "weighting",
  "weights-more",
  "score",
  "score-breakdown",
  "rank",
  "panel",
  "evaluate",
  "mcdm",
  "mcdm-b",
  "analysis",
  "parallel",
  "disparity",
  "export",
  "numpy",
  "sql",
];
const DEFAULT = [
  "weighting",
  "weights-more",
  "score",
  "score-breakdown",
  "rank",
  "panel",
  "evaluate",
  "mcdm",
  "mcdm-b",
  "analysis",
  "parallel",
  "disparity",
  "export",
  "numpy",
];
const chosen = process.argv.slice(2).filter((a) => ALL.includes(a));
const names = chosen.length > 0 ? chosen : DEFAULT;

console.log(
  `indicatrix benchmarks: Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"})\n`,
);
for (const name of names) {
  const file = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(file)) continue;
  const mod = (await import(file.href)) as {
    run?: () => Promise<{ name: string; ms: number; note?: string }[]>;
  };
  if (!mod.run) continue;
  console.log(`## ${name}`);
  for (const r of await mod.run())
    console.log(`${r.name.padEnd(48)} ${r.ms.toFixed(r.ms < 1 ? 3 : 1).padStart(10)} ms  ${r.note ?? ""}`);
  console.log("");
}
