/**
 * Example: a researcher's script, step by step, on a small pilot data set: five communities x four
 * indicators, the worked example the tests use (test/fixtures/five-communities/data.json; made-up data).
 *
 *   1. subjective weights: AHP from three experts' pairwise judgments, aggregated by AIJ
 *      (each expert's CR, the group CR, repair advice for an inconsistent expert);
 *   2. objective weights: entropy on the direction-aligned data;
 *   3. combination weighting: linear (alpha 0.5), and game theory for comparison;
 *   4. scoring: the weighted sum of min-max normalized values, with `score()` on a model whose
 *      root carries the same combination as a weight spec;
 *   5. TOPSIS with the combined weights, and the rank correlation of the two rankings;
 *   6. sensitivity: Monte Carlo uncertainty analysis of the ranking (weight noise, normalization
 *      alternatives) and the one-at-a-time weight intervals within which the winner stays first;
 *   7. results written to CSV under examples/out/research/.
 *
 * Run it from the repository root:
 *
 *     npx tsx examples/research/main.ts
 *
 * In your own project the imports read:
 *
 *     import { aggregateJudgments, combineWeightsDetailed, entropyWeightsDetailed, parseModel, score,
 *       spearman, topsis, uncertaintyAnalysis, weightSensitivity } from "indicatrix";
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  aggregateJudgments,
  ahpRepairAdvice,
  combineWeightsDetailed,
  type Direction,
  entropyWeightsDetailed,
  type Judgment,
  judgmentsToMatrix,
  parseModel,
  score,
  spearman,
  topsis,
  uncertaintyAnalysis,
  weightSensitivity,
} from "../../src/index.js";
import pilot from "../../test/fixtures/five-communities/data.json" with { type: "json" };
import { isMain } from "../is-main.js";

/** The indicators of the pilot study, in the columns of `X`. */
export const INDICATORS = [
  { id: "volunteers", name: "volunteer registration rate (%)", direction: "benefit" },
  { id: "satisfaction", name: "resident satisfaction (0-100)", direction: "benefit" },
  { id: "response_hours", name: "average response time to requests (h)", direction: "cost" },
  { id: "households_per_worker", name: "households per grid worker", direction: { target: 300 } },
] as const satisfies readonly { id: string; name: string; direction: Direction }[];

const IDS = INDICATORS.map((i) => i.id);
const DIRECTIONS: Direction[] = INDICATORS.map((i) => i.direction);

/** Five communities x four indicators (the pilot data, matrix X: one row per community). */
export const UNITS: string[] = pilot.units;
export const X: number[][] = pilot.x;

/** Three experts' judgments [a, b, v]: "a is v times as important as b" on Saaty's 1-9 scale. */
export const EXPERTS: { name: string; judgments: Judgment[] }[] = [
  {
    name: "expert A",
    judgments: [
      ["volunteers", "satisfaction", 1 / 2],
      ["volunteers", "response_hours", 2],
      ["volunteers", "households_per_worker", 2],
      ["satisfaction", "response_hours", 2],
      ["satisfaction", "households_per_worker", 3],
      ["response_hours", "households_per_worker", 1],
    ],
  },
  {
    name: "expert B",
    judgments: [
      ["volunteers", "satisfaction", 1],
      ["volunteers", "response_hours", 1],
      ["volunteers", "households_per_worker", 3],
      ["satisfaction", "response_hours", 2],
      ["satisfaction", "households_per_worker", 2],
      ["response_hours", "households_per_worker", 2],
    ],
  },
  {
    name: "expert C",
    judgments: [
      ["volunteers", "satisfaction", 1 / 3],
      ["volunteers", "response_hours", 3],
      ["volunteers", "households_per_worker", 1 / 2],
      ["satisfaction", "response_hours", 3],
      ["satisfaction", "households_per_worker", 4],
      ["response_hours", "households_per_worker", 1 / 3],
    ],
  },
];

/** Everything the script computed, for the test and for further use. */
export interface ResearchOutput {
  expertCr: number[];
  groupCr: number;
  ahpWeights: number[];
  entropyWeights: number[];
  /** Linear combination (alpha 0.5) of the AHP and entropy weights: the weights used. */
  combined: number[];
  gameTheory: number[];
  gameTheoryAlpha: number[];
  scores: number[];
  ranks: number[];
  topsis: number[];
  topsisRanks: number[];
  spearman: number;
  uncertainty: {
    unit: string;
    nominal: number | null;
    median: number | null;
    p05: number | null;
    p95: number | null;
  }[];
  sensitivity: { node: string; weight: number; lo: number; hi: number }[];
  files: string[];
}

const fmt = (xs: readonly number[], digits = 4) => xs.map((x) => x.toFixed(digits)).join("  ");

function csv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) =>
    v === null ? "" : typeof v === "number" ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  return `${[header, ...rows].map((r) => r.map(cell).join(",")).join("\n")}\n`;
}

/** Runs the study, prints each step with `log`, writes the CSV files into `outDir`. */
export function main(
  log: (line: string) => void = console.log,
  outDir = join(process.cwd(), "examples", "out", "research"),
): ResearchOutput {
  // 1. AHP: three experts, aggregation of individual judgments (AIJ, element-wise geometric mean).
  const matrices = EXPERTS.map((e) => judgmentsToMatrix(IDS, e.judgments) as number[][]);
  const group = aggregateJudgments(matrices, { method: "aij" });
  log("1. AHP, three experts (eigenvector, Saaty RI, CR < 0.10)");
  group.experts.forEach((r, k) => {
    const e = EXPERTS[k] as (typeof EXPERTS)[number];
    log(
      `   ${e.name}: weights ${fmt(r?.weights ?? [])}  CR ${r?.cr.toFixed(4)}${r?.consistent ? "" : "  INCONSISTENT"}`,
    );
    if (r && !r.consistent) {
      const [advice] = ahpRepairAdvice(matrices[k] as number[][]);
      if (advice)
        log(
          `     revisit ${IDS[advice.i]} over ${IDS[advice.j]}: ${advice.current} -> ${advice.suggested} gives CR ${advice.crAfter.toFixed(4)}`,
        );
    }
  });
  const u = group.weights;
  log(`   group (AIJ): weights ${fmt(u)}  CR ${group.group?.cr.toFixed(4)}`);

  // 2. Entropy weights on the min-max normalized, direction-aligned data (0 ln 0 = 0).
  const entropy = entropyWeightsDetailed(X, { directions: DIRECTIONS });
  const v = entropy.weights;
  log("2. entropy weights (min-max by direction, 0 ln 0 = 0)");
  log(`   e ${fmt(entropy.entropy)}\n   w ${fmt(v)}`);

  // 3. Combination: linear with alpha 0.5 (used below), and game theory for comparison.
  const linear = combineWeightsDetailed([u, v], { method: "linear", alpha: 0.5 });
  const game = combineWeightsDetailed([u, v], { method: "game-theory" });
  const w = linear.weights;
  log("3. combination weighting");
  log(`   linear (alpha 0.5): w ${fmt(w)}`);
  log(`   game theory: raw alpha ${fmt(game.coefficients)} -> w ${fmt(game.weights)}`);
  for (const note of game.warnings) log(`   note: ${note}`);

  // 4. Scoring: a model whose root combines the experts' AHP and entropy (linear, alpha 0.5).
  const model = parseModel({
    id: "pilot",
    name: "Community governance pilot (five communities)",
    tree: {
      id: "index",
      children: INDICATORS.map((i) => ({ id: i.id, name: i.name, direction: i.direction })),
    },
    defaults: { normalize: "minmax", aggregate: "arithmetic", missing: "skip" },
    profiles: {
      combined: {
        weights: {
          index: {
            method: "combine",
            rule: "linear",
            alpha: 0.5,
            of: [
              { method: "ahp", experts: EXPERTS.map((e) => ({ name: e.name, judgments: [...e.judgments] })) },
              { method: "entropy" },
            ],
          },
        },
      },
    },
  });
  const rows = UNITS.map((unit, i) =>
    Object.fromEntries([["unit", unit], ...IDS.map((id, j) => [id, X[i]?.[j] as number])]),
  );
  const result = score(model, rows, { profile: "combined" });
  const scores = Array.from(result.scores.index as Float64Array);
  const ranks = Array.from(result.ranks.index as Uint32Array);
  log("4. weighted sum of min-max values (score(), weights from the model's combine spec)");
  log(`   weights in the model: ${fmt(IDS.map((id) => result.weights.local[id] as number))}`);
  UNITS.forEach((unit, i) => {
    log(`   ${unit}: score ${scores[i]?.toFixed(4)}  rank ${ranks[i]}`);
  });

  // 5. TOPSIS on the raw matrix with the same weights (vector normalization, sample ideal points).
  const t = topsis(X, w, { directions: DIRECTIONS });
  const rho = spearman(scores, t.scores);
  log("5. TOPSIS (vector normalization, weights in the matrix, sample ideal points)");
  UNITS.forEach((unit, i) => {
    log(`   ${unit}: closeness ${t.scores[i]?.toFixed(4)}  rank ${t.ranks[i]}`);
  });
  log(`   Spearman rank correlation, weighted sum vs TOPSIS: ${rho.toFixed(4)}`);
  // On five units the two methods disagree: TOPSIS rewards distance from the worst unit on every
  // column, the weighted sum rewards the average. Reporting both is part of the robustness check.

  // 6. Sensitivity of the ranking.
  const ua = uncertaintyAnalysis(model, rows, {
    profile: "combined",
    runs: 400,
    seed: 42,
    weights: { noise: 0.25 },
    normalization: ["minmax", "rank"],
  });
  log(
    `6. uncertainty (${ua.runs} runs, seed 42, weights +-25% and normalization in {minmax, rank}): mean |rank shift| ${ua.meanAbsShift.toFixed(3)}`,
  );
  for (const r of ua.ranks)
    log(
      `   ${r.unit}: nominal ${r.nominal}, median ${r.median}, 5-95% [${r.p05?.toFixed(1)}, ${r.p95?.toFixed(1)}]`,
    );
  for (const s of ua.sensitivity ?? [])
    log(
      `   sensitivity of the rank shift to ${s.factor}: first ${s.first.toFixed(3)}, total ${s.total.toFixed(3)}`,
    );
  const ws = weightSensitivity(model, rows, { profile: "combined" });
  log(`   ${ws.top} stays first while each weight stays within:`);
  for (const i of ws.intervals)
    log(`   ${i.node}: ${i.weight.toFixed(4)} in [${i.lo.toFixed(4)}, ${i.hi.toFixed(4)}]`);

  // 7. CSV files.
  mkdirSync(outDir, { recursive: true });
  const files = [join(outDir, "weights.csv"), join(outDir, "results.csv")];
  writeFileSync(
    files[0] as string,
    csv(
      ["indicator", "ahp_group", "entropy", "linear", "game_theory"],
      IDS.map((id, j) => [id, u[j] ?? null, v[j] ?? null, w[j] ?? null, game.weights[j] ?? null]),
    ),
  );
  const byUnit = new Map(ua.ranks.map((r) => [r.unit, r]));
  writeFileSync(
    files[1] as string,
    csv(
      ["unit", "score", "rank", "topsis", "topsis_rank", "median_rank", "rank_p05", "rank_p95"],
      UNITS.map((unit, i) => {
        const r = byUnit.get(unit);
        return [
          unit,
          scores[i] ?? null,
          ranks[i] ?? null,
          t.scores[i] ?? null,
          t.ranks[i] ?? null,
          r?.median ?? null,
          r?.p05 ?? null,
          r?.p95 ?? null,
        ];
      }),
    ),
  );
  log(`7. wrote ${files.join(" and ")}`);

  return {
    expertCr: group.experts.map((r) => r?.cr ?? Number.NaN),
    groupCr: group.group?.cr ?? Number.NaN,
    ahpWeights: u,
    entropyWeights: v,
    combined: w,
    gameTheory: game.weights,
    gameTheoryAlpha: game.coefficients,
    scores,
    ranks,
    topsis: t.scores,
    topsisRanks: t.ranks,
    spearman: rho,
    uncertainty: ua.ranks.map(({ unit, nominal, median, p05, p95 }) => ({ unit, nominal, median, p05, p95 })),
    sensitivity: ws.intervals.map(({ node, weight, lo, hi }) => ({ node, weight, lo, hi })),
    files,
  };
}

if (isMain(import.meta.url)) main();
