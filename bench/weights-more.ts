// Benchmark of the weighting methods of issue 17: MEREC, Gini, CILOS and IDOCRIW on 100,000 units x 50
// indicators (columnar input, seeded positive data), and the judged methods at their usual sizes (BWM with
// 9 and 20 criteria, fuzzy AHP of order 15, DEMATEL of order 30, G1 with 50 criteria).
// Run alone with `npx tsx bench/weights-more.ts`; `run()` is exported for bench/run.ts.
import { mulberry32 } from "../src/internal/random.js";
import type { Direction } from "../src/internal/types.js";
import { bwm } from "../src/weighting/bwm.js";
import { cilosWeights } from "../src/weighting/cilos.js";
import { dematel } from "../src/weighting/dematel.js";
import { fuzzyAhp } from "../src/weighting/fuzzy-ahp.js";
import { g1Weights } from "../src/weighting/g1.js";
import { giniWeights } from "../src/weighting/gini.js";
import { idocriwWeights } from "../src/weighting/idocriw.js";
import { merecWeights } from "../src/weighting/merec.js";
import { isMain, makeColumns, printRows, time } from "./harness.js";

/** Seeded best-worst judgments for n criteria (best 0, worst n - 1). */
function bwmInput(n: number, seed: number) {
  const rand = mulberry32(seed);
  const aB = Array.from({ length: n }, () => 2 + Math.floor(rand() * 8));
  const aW = Array.from({ length: n }, () => 2 + Math.floor(rand() * 8));
  aB[0] = 1;
  aW[n - 1] = 1;
  aW[0] = aB[n - 1]!;
  return { best: 0, worst: n - 1, bestToOthers: aB, othersToWorst: aW };
}

/** Runs the benchmark cases and returns one row per case. */
export async function run(): Promise<{ name: string; ms: number; note?: string }[]> {
  const rows: { name: string; ms: number; note?: string }[] = [];
  const m = 100_000;
  const n = 50;
  const data = { columns: makeColumns(m, n, 7, 0.05) };
  const directions: Direction[] = Array.from({ length: n }, (_, j) => (j % 3 === 2 ? "cost" : "benefit"));
  const cases: [string, () => unknown][] = [
    ["MEREC 1e5 x 50", () => merecWeights(data, { directions })],
    ["Gini 1e5 x 50", () => giniWeights(data)],
    ["CILOS 1e5 x 50", () => cilosWeights(data, { directions })],
    ["IDOCRIW 1e5 x 50", () => idocriwWeights(data, { directions })],
  ];
  for (const [name, f] of cases) rows.push({ name, ms: time(f, 3).wall, note: "median of 3" });
  const rand = mulberry32(3);
  const scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9];
  const a15 = Array.from({ length: 15 }, () => new Array<number>(15).fill(1));
  for (let i = 0; i < 15; i++)
    for (let j = i + 1; j < 15; j++) {
      const v = scale[Math.floor(rand() * scale.length)]!;
      a15[i]![j] = v;
      a15[j]![i] = 1 / v;
    }
  const d30 = Array.from({ length: 30 }, (_, i) =>
    Array.from({ length: 30 }, (_, j) => (i === j ? 0 : Math.floor(rand() * 5))),
  );
  const small: [string, () => unknown, number][] = [
    ["BWM linear, 9 criteria", () => bwm(bwmInput(9, 1)), 200],
    ["BWM linear, 20 criteria", () => bwm(bwmInput(20, 2)), 20],
    ["BWM non-linear, 9 criteria", () => bwm(bwmInput(9, 1), { model: "nonlinear" }), 20],
    ["fuzzy AHP order 15 (Buckley)", () => fuzzyAhp(a15), 200],
    ["fuzzy AHP order 15 (Chang)", () => fuzzyAhp(a15, { method: "chang" }), 200],
    ["DEMATEL order 30", () => dematel(d30), 50],
    ["G1, 50 criteria", () => g1Weights(new Array<number>(49).fill(1.2)), 2000],
  ];
  for (const [name, f, runs] of small) {
    f();
    const t0 = performance.now();
    for (let k = 0; k < runs; k++) f();
    rows.push({ name, ms: (performance.now() - t0) / runs, note: `mean of ${runs} runs` });
  }
  return rows;
}

if (isMain(import.meta.url)) printRows(await run());
