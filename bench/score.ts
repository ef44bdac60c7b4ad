/**
 * Benchmark of score(): 1,000,000 units x 50 indicators (5 dimensions x 10 indicators, min-max,
 * arithmetic mean, fixed weights) against a hand-written loop that does only min-max and the
 * weighted sum over the same columnar Float64Arrays; peak memory against the input size; how time
 * grows from 10,000 to 1,000,000 units; and 500 indicators.
 *
 * Run: npx tsx bench/score.ts   (or npm run bench for every benchmark)
 */
import type { Model } from "../src/indicators/schema.js";
import { mulberry32 } from "../src/internal/random.js";
import { score } from "../src/score/score.js";
import { benchModel } from "./harness.js";

export interface BenchRow {
  name: string;
  ms: number;
  note?: string;
}

export function makeData(m: number, n: string[]): { units: string[]; values: Record<string, Float64Array> } {
  const rnd = mulberry32(42);
  const values: Record<string, Float64Array> = {};
  for (const id of n) {
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) col[i] = rnd() * 100;
    values[id] = col;
  }
  return { units: Array.from({ length: m }, (_, i) => `u${i}`), values };
}

/** The baseline: min-max by direction and the weighted sum, by hand over the columns. */
export function handLoop(
  model: Model,
  data: { values: Record<string, Float64Array> },
  m: number,
): Float64Array {
  const root = model.tree;
  const fixed = (id: string): Record<string, number> =>
    (model.profiles?.p?.weights?.[id] as { weights: Record<string, number> } | undefined)?.weights ?? {};
  const rootW = fixed("root");
  const rootTotal = Object.values(rootW).reduce((a, b) => a + b, 0);
  const out = new Float64Array(m);
  for (const dim of root.children ?? []) {
    const w = fixed(dim.id);
    const total = Object.values(w).reduce((a, b) => a + b, 0);
    for (const ind of dim.children ?? []) {
      const col = data.values[ind.id] as Float64Array;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        const v = col[i] as number;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const g = ((rootW[dim.id] as number) / rootTotal) * ((w[ind.id] as number) / total);
      const cost = ind.direction === "cost";
      const scale = g / (max - min);
      for (let i = 0; i < m; i++)
        out[i] = (out[i] as number) + (cost ? max - (col[i] as number) : (col[i] as number) - min) * scale;
    }
  }
  return out;
}

function best(times: number, f: () => void): number {
  let bestMs = Number.POSITIVE_INFINITY;
  for (let k = 0; k < times; k++) {
    const t0 = performance.now();
    f();
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  return bestMs;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const model = benchModel(5, 10);
  const ids = (model.tree.children ?? []).flatMap((d) => (d.children ?? []).map((x) => x.id));
  for (const m of [10_000, 100_000, 1_000_000]) {
    const data = makeData(m, ids);
    const rssBefore = process.resourceUsage().maxRSS * 1024;
    const scoreMs = best(m === 1_000_000 ? 3 : 5, () => {
      score(model, data, { profile: "p" });
    });
    const rssAfter = process.resourceUsage().maxRSS * 1024;
    const loopMs = best(m === 1_000_000 ? 3 : 5, () => {
      handLoop(model, data, m);
    });
    const r = score(model, data, { profile: "p" });
    const ref = handLoop(model, data, m);
    let maxDiff = 0;
    const s = r.scores.root as Float64Array;
    for (let i = 0; i < m; i++) maxDiff = Math.max(maxDiff, Math.abs((s[i] as number) - (ref[i] as number)));
    const inputBytes = m * ids.length * 8;
    rows.push({ name: `hand loop, ${m} x 50`, ms: loopMs });
    rows.push({
      name: `score(), ${m} x 50`,
      ms: scoreMs,
      note: `${(scoreMs / loopMs).toFixed(2)}x the hand loop; max |diff| ${maxDiff.toExponential(1)}; peak RSS growth ${((rssAfter - rssBefore) / 2 ** 20).toFixed(0)} MiB for ${(inputBytes / 2 ** 20).toFixed(0)} MiB of input`,
    });
  }
  const wide = benchModel(50, 10);
  const wideIds = (wide.tree.children ?? []).flatMap((d) => (d.children ?? []).map((x) => x.id));
  const wideData = makeData(100_000, wideIds);
  rows.push({
    name: "score(), 100000 x 500 (50 dims x 10)",
    ms: best(3, () => score(wide, wideData, { profile: "p" })),
  });
  rows.push({ name: "hand loop, 100000 x 500", ms: best(3, () => handLoop(wide, wideData, 100_000)) });
  return rows;
}

const isMain = process.argv[1]?.endsWith("score.ts");
if (isMain) {
  const rows = await run();
  for (const r of rows)
    console.log(`${r.name.padEnd(42)} ${r.ms.toFixed(1).padStart(9)} ms  ${r.note ?? ""}`);
}
