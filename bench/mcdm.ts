// Benchmark of the MCDM methods of issue 17 item 1 on 100,000 units x 50 criteria (columnar input):
// VIKOR, PROMETHEE II (usual, U-shape, V-shape, level and linear: exact, by sorting), EDAS, WASPAS,
// COPRAS, MABAC; and the quadratic Gaussian PROMETHEE at its limit (LIMITS.maxPrometheePairwiseUnits
// units, one criterion).
// Run alone with `npx tsx bench/mcdm.ts`; `run()` is exported for bench/run.ts.
import { copras } from "../src/evaluate/copras.js";
import { edas } from "../src/evaluate/edas.js";
import { mabac } from "../src/evaluate/mabac.js";
import { promethee } from "../src/evaluate/promethee.js";
import { vikor } from "../src/evaluate/vikor.js";
import { waspas } from "../src/evaluate/waspas.js";
import { MAX_PROMETHEE_PAIRWISE_UNITS } from "../src/internal/limits.js";
import { mulberry32 } from "../src/internal/random.js";
import { isMain, makeColumns, printRows, row, time } from "./harness.js";

/** Runs the benchmark cases and returns one row per case (median of 3 timed runs after a warm-up). */
export async function run(): Promise<{ name: string; ms: number; note?: string }[]> {
  const m = 100_000;
  const n = 50;
  const columns = makeColumns(m, n, 42);
  const x = { columns };
  const rand = mulberry32(7);
  const w = Array.from({ length: n }, () => 0.1 + rand());
  const directions = Array.from({ length: n }, (_, j) =>
    j % 5 === 4 ? ("cost" as const) : ("benefit" as const),
  );
  const q = Array.from({ length: n }, (_, j) => 0.05 * (1 + j * 10));
  const p = Array.from({ length: n }, (_, j) => 0.3 * (1 + j * 10));
  const rows: { name: string; ms: number; note?: string }[] = [];
  const note = "Float64Array columns; checks, ranks and result arrays included";
  rows.push(
    row(
      "vikor 1e5 x 50 (v 0.5, compromise set)",
      time(() => vikor(x, w, { directions }), 3),
      note,
    ),
  );
  rows.push(
    row(
      "promethee 1e5 x 50 (usual)",
      time(() => promethee(x, w, { directions }), 3),
      "exact, O(m log m) per criterion",
    ),
  );
  rows.push(
    row(
      "promethee 1e5 x 50 (linear, q and p per column)",
      time(() => promethee(x, w, { directions, preference: "linear", q, p }), 3),
      "exact, sorted prefix sums",
    ),
  );
  for (const preference of ["u-shape", "v-shape", "level"] as const)
    rows.push(
      row(
        `promethee 1e5 x 50 (${preference})`,
        time(() => promethee(x, w, { directions, preference, q, p }), 3),
        "exact, sorted prefix sums",
      ),
    );
  rows.push(
    row(
      "edas 1e5 x 50",
      time(() => edas(x, w, { directions }), 3),
    ),
  );
  rows.push(
    row(
      "waspas 1e5 x 50 (lambda 0.5)",
      time(() => waspas(x, w, { directions }), 3),
    ),
  );
  rows.push(
    row(
      "copras 1e5 x 50",
      time(() => copras(x, w, { directions }), 3),
    ),
  );
  rows.push(
    row(
      "mabac 1e5 x 50",
      time(() => mabac(x, w, { directions }), 3),
    ),
  );
  const g = MAX_PROMETHEE_PAIRWISE_UNITS;
  const gx = { columns: [columns[0]!.subarray(0, g)] };
  rows.push(
    row(
      `promethee ${g} x 1 (gaussian, at the limit)`,
      time(() => promethee(gx, [1], { preference: "gaussian", s: 0.3 }), 3),
      "quadratic: m(m-1)/2 pairs per Gaussian criterion",
    ),
  );
  return rows;
}

if (isMain(import.meta.url)) printRows(await run());
