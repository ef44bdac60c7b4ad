/**
 * Benchmark of scorePanel(): 10 periods x 100,000 units x 50 indicators (5 dimensions x 10
 * indicators, min-max pooled over every unit-period, arithmetic mean, fixed weights) against score()
 * on the same 1,000,000 rows as one cross-section, in the same process (goal: within 1.3x), with the
 * memory each holds (heap and array buffers after the run) and the scores compared.
 *
 * Run: npx tsx bench/panel.ts   (or npm run bench for every default benchmark)
 */
import { mulberry32 } from "../src/internal/random.js";
import { scorePanel } from "../src/panel/score-panel.js";
import { score } from "../src/score/score.js";
import { benchModel } from "./harness.js";

export interface BenchRow {
  name: string;
  ms: number;
  note?: string;
}

const PERIODS = 10;
const UNITS = 100_000;
const DIMS = 5;
const PER = 10;

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function held(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export async function run(): Promise<BenchRow[]> {
  const model = benchModel(DIMS, PER, "bench-panel");
  const ids = [...model.tree.children!.flatMap((d) => d.children!.map((x) => x.id))];
  const n = PERIODS * UNITS;
  const rnd = mulberry32(42);
  const values: Record<string, Float64Array> = {};
  for (const id of ids) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = rnd() * 100;
    values[id] = col;
  }
  const periods = Array.from({ length: n }, (_, k) => String(2011 + Math.floor(k / UNITS)));
  const panelUnits = Array.from({ length: n }, (_, k) => `u${k % UNITS}`);
  const flatUnits = Array.from({ length: n }, (_, k) => `u${k % UNITS}_${Math.floor(k / UNITS)}`);
  const panelInput = { units: panelUnits, periods, values };
  const flatInput = { units: flatUnits, values };

  // Warm-up on a tenth of the rows, then the median of 3 runs each, alternating.
  const small = n / 10;
  const cut = (v: Record<string, Float64Array>) =>
    Object.fromEntries(Object.entries(v).map(([k, c]) => [k, c.subarray(0, small)]));
  scorePanel(model, {
    units: panelUnits.slice(0, small),
    periods: periods.slice(0, small),
    values: cut(values),
  });
  score(model, { units: flatUnits.slice(0, small), values: cut(values) });

  const panelMs: number[] = [];
  const scoreMs: number[] = [];
  let panelHeld = 0;
  let scoreHeld = 0;
  let maxDiff = 0;
  for (let rep = 0; rep < 3; rep++) {
    globalThis.gc?.();
    const h0 = held();
    const p = time(() => {
      const r = scorePanel(model, panelInput);
      // Materialize what a caller reads: the root score of every period.
      for (const t of r.periods) r.at(t).scores.root;
      return r;
    });
    panelMs.push(p.ms);
    panelHeld = Math.max(panelHeld, held() - h0);
    globalThis.gc?.();
    const h1 = held();
    const s = time(() => {
      const r = score(model, flatInput);
      r.scores.root;
      return r;
    });
    scoreMs.push(s.ms);
    scoreHeld = Math.max(scoreHeld, held() - h1);
    if (rep === 0) {
      const flat = s.value.scores.root as Float64Array;
      for (const [k, t] of p.value.periods.entries()) {
        const col = p.value.at(t).scores.root as Float64Array;
        for (let i = 0; i < UNITS; i++) maxDiff = Math.max(maxDiff, Math.abs(col[i]! - flat[k * UNITS + i]!));
      }
    }
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[1] as number;
  const pm = median(panelMs);
  const sm = median(scoreMs);
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
  return [
    {
      name: `scorePanel ${PERIODS} periods x ${UNITS} units x ${ids.length}`,
      ms: pm,
      note: `${(pm / sm).toFixed(2)}x score() on the same rows (goal 1.3x); held after the run ${mib(panelHeld)}${globalThis.gc ? "" : " (run with --expose-gc for exact figures)"}`,
    },
    {
      name: `score ${n} units x ${ids.length} (same rows)`,
      ms: sm,
      note: `held after the run ${mib(scoreHeld)}; max |panel - score| ${maxDiff.toExponential(1)}; input ${mib(n * ids.length * 8)}`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const r of await run())
    console.log(`${r.name.padEnd(48)} ${r.ms.toFixed(1).padStart(10)} ms  ${r.note ?? ""}`);
