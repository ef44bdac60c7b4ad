/**
 * Where score()'s time goes on 1,000,000 units x 50 indicators (issue 19 item 4's breakdown): the V8 CPU
 * profiler (node:inspector) samples three score() calls, and each sample is charged to the innermost
 * stage of score() on its stack (parse and resolve the model, prepare the columns = the dataset checks,
 * treat, normalize, aggregate = weights and the tree, grades, the result), beside the hand loop of
 * bench/score.ts (min-max and the weighted sum only) timed in the same run, both also unprofiled with
 * their CPU time (the ratio to read on a loaded machine).
 *
 * Run: npx tsx bench/score-breakdown.ts   (or npm run bench -- score-breakdown)
 */
import { Session } from "node:inspector/promises";
import { score } from "../src/score/score.js";
import { type BenchRow, benchModel, isMain, printRows, time } from "./harness.js";
import { handLoop, makeData } from "./score.js";

/** Stage functions of scoreWith, in the order they run, with the label they are reported under. */
const STAGES: Record<string, string> = {
  parseModel: "parse and resolve the model",
  resolveProfile: "parse and resolve the model",
  prepareColumns: "dataset checks (prepareColumns)",
  treatIndicators: "treatment",
  normalizeIndicators: "normalization",
  aggregateTree: "weights and aggregation",
  gradeNodes: "grades",
  buildResult: "result",
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
  children?: number[];
}

export async function run(): Promise<BenchRow[]> {
  const m = Number(process.env.BENCH_SCORE_UNITS ?? 1_000_000);
  const model = benchModel(5, 10);
  const ids = (model.tree.children ?? []).flatMap((d) => (d.children ?? []).map((x) => x.id));
  const data = makeData(m, ids);
  score(model, data, { profile: "p" }); // warm-up
  // Unprofiled, CPU time beside wall (a loaded machine stretches wall time, CPU time much less).
  const hand = time(() => void handLoop(model, data, m), 3);
  const plain = time(() => void score(model, data, { profile: "p" }), 3);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  const t0 = performance.now();
  for (let k = 0; k < 3; k++) score(model, data, { profile: "p" });
  const wall = (performance.now() - t0) / 3;
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n as ProfileNode]));
  const parent = new Map<number, number>();
  for (const n of nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map<number, string>();
  const find = (id: number): string => {
    const known = stageOf.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id)!;
    const own = STAGES[n.callFrame.functionName];
    const p = parent.get(id);
    const s = own ?? (p === undefined ? "outside score()" : find(p));
    stageOf.set(id, s);
    return s;
  };
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let sum = 0;
  for (let k = 0; k < samples.length; k++) {
    const n = nodes.get(samples[k]!)!;
    if (n.callFrame.functionName === "(idle)") continue;
    const s = find(samples[k]!);
    const d = deltas[k]! / 1000;
    total.set(s, (total.get(s) ?? 0) + d);
    sum += d;
  }
  const rows: BenchRow[] = [
    {
      name: `hand loop ${m} x 50 (min-max, weighted sum)`,
      ms: hand.wall,
      note: `cpu ${hand.cpu.toFixed(0)} ms`,
    },
    {
      name: `score() ${m} x 50`,
      ms: plain.wall,
      note: `cpu ${plain.cpu.toFixed(0)} ms; ${(plain.cpu / hand.cpu).toFixed(2)}x the hand loop's cpu, ${(plain.wall / hand.wall).toFixed(2)}x wall (goal 1.3x)`,
    },
    {
      name: `score() ${m} x 50, mean of 3 (profiled)`,
      ms: wall,
      note: `${(wall / hand.wall).toFixed(2)}x the hand loop (goal 1.3x)`,
    },
  ];
  for (const [s, ms] of [...total.entries()].sort((a, b) => b[1] - a[1]))
    rows.push({ name: `  ${s}`, ms: ms / 3, note: `${((100 * ms) / sum).toFixed(0)}% of the samples` });
  return rows;
}

if (isMain(import.meta.url)) printRows(await run());
