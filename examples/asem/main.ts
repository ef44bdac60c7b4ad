/**
 * Example: the ASEM composite index rebuilt from COINr's indicator table.
 *
 * COINr (the reference R package for composite indicators) ships the ASEM Sustainable
 * Connectivity index as two tables: `ASEM_iMeta.csv` (the tree: 49 indicators > 8 pillars >
 * 2 sub-indices > Index, with directions and relative weights) and `ASEM_iData.csv` (51 countries).
 * `modelFromTable` reads COINr's column names as they are, so the whole index is three calls:
 * read the tables, build the model, score. Settings as in COINr's worked example: min-max to
 * [0, 100] by direction, weighted arithmetic mean, missing values skipped with their weights
 * re-normalized. The result matches COINr's own table (coinr_results.csv). The tables are read from
 * test/fixtures/asem/, the repository's one copy of COINr's files (its README gives their origin).
 *
 * Run it from the repository root:
 *
 *     npx tsx examples/asem/main.ts
 *
 * It prints the top 10 countries and writes every country's scores and ranks to
 * examples/out/asem/scores.csv. In your own project the imports read:
 *
 *     import { modelFromTable, score } from "indicatrix";
 *     import { readCsvFile } from "indicatrix/node";
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Model, modelFromTable, type Result, score } from "../../src/index.js";
import { readCsvFile } from "../../src/node.js";
import { isMain } from "../is-main.js";

/** COINr's ASEM tables, committed once in the repository (test/fixtures/asem/README.md). */
const DATA = fileURLToPath(new URL("../../test/fixtures/asem/", import.meta.url));

/** The ASEM model, built from COINr's indicator table. */
export function asemModel(): Model {
  return modelFromTable(readCsvFile(join(DATA, "ASEM_iMeta.csv")), {
    id: "asem",
    name: "ASEM Sustainable Connectivity index (COINr example)",
    defaults: {
      normalize: { method: "minmax", range: [0, 100] },
      aggregate: "arithmetic",
      missing: "skip",
    },
  });
}

/** Scores the 51 countries, prints the top 10 with `log`, writes the full table to `outDir`. */
export function main(
  log: (line: string) => void = console.log,
  outDir = join(process.cwd(), "examples", "out", "asem"),
): { result: Result; top: { rank: number; unit: string; name: string; index: number }[]; file: string } {
  const model = asemModel();
  const result = score(model, readCsvFile(join(DATA, "ASEM_iData.csv")));
  const index = result.scores.Index as Float64Array;
  const ranks = result.ranks.Index as Uint32Array;
  const names = new Map(result.hierarchy.units.map((u, k) => [u, result.hierarchy.names[k] ?? u]));
  const order = [...result.units.keys()].sort((a, b) => (ranks[a] as number) - (ranks[b] as number));
  const top = order.slice(0, 10).map((i) => ({
    rank: ranks[i] as number,
    unit: result.units[i] as string,
    name: names.get(result.units[i] as string) as string,
    index: index[i] as number,
  }));

  log(
    `ASEM index: ${result.units.length} countries, ${result.resolved.indicators.length} indicators, min-max [0, 100], arithmetic mean`,
  );
  log("rank  code  country          Index   Conn    Sust");
  for (const t of top) {
    const i = result.units.indexOf(t.unit);
    const col = (id: string) => ((result.scores[id] as Float64Array)[i] as number).toFixed(2).padStart(6);
    log(
      `${String(t.rank).padStart(4)}  ${t.unit}   ${t.name.padEnd(15)} ${col("Index")} ${col("Conn")} ${col("Sust")}`,
    );
  }

  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, "scores.csv");
  const rows = result.toRows();
  const columns = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  writeFileSync(
    file,
    `${[columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n")}\n`,
  );
  log(`wrote ${file}`);
  return { result, top, file };
}

if (isMain(import.meta.url)) main();
