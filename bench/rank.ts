/**
 * Issue 19 item 4's ranking goal: "ranking every node in at most half the time a Float64Array sort of
 * the same columns takes". A score() result of m units x 50 indicators (bench/score.ts's model and data:
 * 56 nodes = root, 5 dimensions, 50 indicators) is ranked at every node as `result.ranks` does on first
 * access (rankDescendingUint32 per node: radix sort of the IEEE-754 bits, ties "min", NaN 0), against
 * Float64Array.prototype.sort of a copy of each of the same 56 columns (the copy is included: a ranking
 * must not reorder the scores), in the same run; the ratio is the goal's figure (<= 0.5). Units:
 * BENCH_RANK_UNITS (default 1,000,000).
 *
 * Run: npx tsx bench/rank.ts   (or npm run bench -- rank)
 */
import { rankDescendingUint32 } from "../src/internal/rank.js";
import { score } from "../src/score/score.js";
import { type BenchRow, benchModel, isMain, printRows, row, time } from "./harness.js";
import { makeData } from "./score.js";

export async function run(): Promise<BenchRow[]> {
  const m = Number(process.env.BENCH_RANK_UNITS ?? 1_000_000);
  const model = benchModel(5, 10);
  const ids = (model.tree.children ?? []).flatMap((d) => (d.children ?? []).map((x) => x.id));
  const result = score(model, makeData(m, ids), { profile: "p" });
  const columns = Object.values(result.scores);
  let keep = 0;
  const ranked = time(() => {
    for (const col of columns) keep += rankDescendingUint32(col)[0]!;
  }, 3);
  const sorted = time(() => {
    for (const col of columns) keep += col.slice().sort()[0]!;
  }, 3);
  const ratio = ranked.wall / sorted.wall;
  const cpuRatio = ranked.cpu / sorted.cpu;
  const n = columns.length;
  return [
    row(
      `rank every node: ${m} units x ${n} nodes`,
      ranked,
      `ratio to the sort ${ratio.toFixed(2)} (goal <= 0.5)`,
    ),
    row(
      `Float64Array sort of the same ${n} columns (copies)`,
      sorted,
      `cpu ratio ${cpuRatio.toFixed(2)}; checksum ${Number.isFinite(keep) ? "ok" : "?"}`,
    ),
  ];
}

if (isMain(import.meta.url)) printRows(await run());
