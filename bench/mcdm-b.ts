// Benchmark of MARCOS, MOORA, MULTIMOORA, ARAS, CoCoSo, CODAS (100,000 units x 50 criteria, columnar
// input), ELECTRE I at its limit (LIMITS.maxOutrankingUnits = 2,000 units x 50), Borda over five
// rankings of 100,000 units and Copeland at its limit (LIMITS.maxDominanceUnits = 10,000).
// Run alone with `npx tsx bench/mcdm-b.ts`; `run()` is exported for the combined runner (bench/run.ts).
import { aras } from "../src/evaluate/aras.js";
import { borda } from "../src/evaluate/borda.js";
import { cocoso } from "../src/evaluate/cocoso.js";
import { codas } from "../src/evaluate/codas.js";
import { copeland } from "../src/evaluate/copeland.js";
import { electre1 } from "../src/evaluate/electre1.js";
import { marcos } from "../src/evaluate/marcos.js";
import { moora } from "../src/evaluate/moora.js";
import { multimoora } from "../src/evaluate/multimoora.js";
import { mulberry32 } from "../src/internal/random.js";
import { isMain, makeColumns, printRows, row, time } from "./harness.js";

/** Runs the benchmark cases and returns one row per case (median of 3 timed runs after a warm-up). */
export async function run(): Promise<{ name: string; ms: number; note?: string }[]> {
  const m = 100_000;
  const n = 50;
  const cols = { columns: makeColumns(m, n, 42) };
  const rand = mulberry32(7);
  const w = Array.from({ length: n }, () => 0.1 + rand());
  const directions = Array.from({ length: n }, (_, j) =>
    j % 5 === 4 ? ("cost" as const) : ("benefit" as const),
  );
  const opts = { directions };
  const rows: { name: string; ms: number; note?: string }[] = [];
  rows.push(
    row(
      "marcos 1e5 x 50",
      time(() => marcos(cols, w, opts), 3),
    ),
  );
  rows.push(
    row(
      "moora 1e5 x 50 (ratio and reference point)",
      time(() => moora(cols, w, opts), 3),
    ),
  );
  rows.push(
    row(
      "multimoora 1e5 x 50 (combination borda)",
      time(() => multimoora(cols, w, { ...opts, combination: "borda" }), 3),
      "dominance is pairwise: at most 10,000 units",
    ),
  );
  const sub = { columns: cols.columns.map((c) => c.subarray(0, 10_000)) };
  rows.push(
    row(
      "multimoora 1e4 x 50 (dominance, at its limit)",
      time(() => multimoora(sub, w, opts), 3),
    ),
  );
  rows.push(
    row(
      "aras 1e5 x 50",
      time(() => aras(cols, w, opts), 3),
    ),
  );
  rows.push(
    row(
      "cocoso 1e5 x 50",
      time(() => cocoso(cols, w, opts), 3),
    ),
  );
  rows.push(
    row(
      "codas 1e5 x 50 (tau 0.02)",
      time(() => codas(cols, w, opts), 3),
      "O(m log m) window sums",
    ),
  );
  const e = { columns: cols.columns.map((c) => c.subarray(0, 2_000)) };
  rows.push(
    row(
      "electre1 2e3 x 50 (at its limit)",
      time(() => electre1(e, w, opts), 3),
      "quadratic: at most 2,000 units",
    ),
  );
  const rankings = ["marcos", "moora", "aras", "cocoso", "codas"].map((_, k) => {
    const r = mulberry32(100 + k);
    const s = Float64Array.from({ length: m }, () => r());
    const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => s[b]! - s[a]!);
    const ranks = new Array<number>(m);
    order.forEach((i, p) => {
      ranks[i] = p + 1;
    });
    return ranks;
  });
  rows.push(
    row(
      "borda of 5 rankings of 1e5 units",
      time(() => borda(rankings), 3),
    ),
  );
  const r20 = rankings.map((r) => r.slice(0, 10_000));
  rows.push(
    row(
      "copeland of 5 rankings of 1e4 units (at its limit)",
      time(() => copeland(r20), 3),
    ),
  );
  return rows;
}

if (isMain(import.meta.url)) printRows(await run());
