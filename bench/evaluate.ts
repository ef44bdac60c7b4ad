// Benchmark of the evaluation methods: TOPSIS on 1,000,000 units x 50 indicators (columnar input).
// Run alone with `npx tsx bench/evaluate.ts`; `run()` is exported for a combined bench runner.
import { topsis } from "../src/evaluate/topsis.js";
import { mulberry32 } from "../src/internal/random.js";
import { isMain, makeColumns, printRows, row, time } from "./harness.js";

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

if (isMain(import.meta.url)) printRows(await run());
