/** Random perturbations of weights and AHP judgments for the uncertainty analysis. @internal */

import type { JudgmentValue } from "../indicators/model-types.js";
import type { WeightSpec } from "../indicators/schema.js";
import type { Random } from "../internal/random.js";
import { judgmentNumber } from "../weighting/judgment-value.js";

/** Saaty's 1-9 scale as 17 positions: 1/9, 1/8, ..., 1/2, 1, 2, ..., 9. */
const SCALE: readonly number[] = [...[9, 8, 7, 6, 5, 4, 3, 2].map((v) => 1 / v), 1, 2, 3, 4, 5, 6, 7, 8, 9];
const LOG_SCALE = SCALE.map(Math.log);

/**
 * Moves a judgment one step up or down Saaty's scale at random (probability 1/2 each), from the
 * scale position nearest to it on a log scale; at an end of the scale (9 or 1/9) the step goes
 * inwards. @internal
 */
export function stepJudgment(v: number, rng: Random): number {
  const lv = Math.log(v);
  let p = 0;
  for (let k = 1; k < SCALE.length; k++)
    if (Math.abs(LOG_SCALE[k]! - lv) < Math.abs(LOG_SCALE[p]! - lv)) p = k;
  const dir = rng.uniform() < 0.5 ? -1 : 1;
  let q = p + dir;
  if (q < 0 || q >= SCALE.length) q = p - dir;
  return SCALE[q]!;
}

function stepMatrix(matrix: (JudgmentValue | null)[][], rng: Random): (number | null)[][] {
  const out = matrix.map((row) => row.map((v) => (v === null ? null : judgmentNumber(v))));
  for (let i = 0; i < out.length; i++)
    for (let j = i + 1; j < (out[i] as (number | null)[]).length; j++) {
      const v = out[i]?.[j];
      if (v === null || v === undefined) continue;
      const s = stepJudgment(v, rng);
      (out[i] as (number | null)[])[j] = s;
      const row = out[j];
      if (row && i < row.length) row[i] = 1 / s;
    }
  return out;
}

function stepJudgments(
  judgments: [string, string, JudgmentValue][] | undefined,
  rng: Random,
): [string, string, number][] | undefined {
  return judgments?.map(([a, b, v]) => [a, b, stepJudgment(judgmentNumber(v), rng)]);
}

/** True when a weight spec uses AHP (directly or inside a combination). @internal */
export function usesAhp(spec: WeightSpec): boolean {
  if (spec === "equal") return false;
  if (spec.method === "ahp") return true;
  return spec.method === "combine" && spec.of.some((s) => s.method === "ahp");
}

/**
 * A copy of a weight spec with every AHP judgment moved one step on Saaty's scale (judgment lists,
 * the upper triangle of full matrices with reciprocals kept, and every expert's judgments).
 * @internal
 */
export function perturbAhpSpec(spec: WeightSpec, rng: Random): WeightSpec {
  if (spec === "equal") return spec;
  if (spec.method === "combine")
    return { ...spec, of: spec.of.map((s) => perturbAhpSpec(s, rng) as typeof s) };
  if (spec.method !== "ahp") return spec;
  const out = { ...spec };
  if (spec.judgments) out.judgments = stepJudgments(spec.judgments, rng);
  if (spec.matrix) out.matrix = stepMatrix(spec.matrix, rng);
  if (spec.experts)
    out.experts = spec.experts.map((e) => {
      const x = { ...e };
      if (e.judgments) x.judgments = stepJudgments(e.judgments, rng);
      if (e.matrix) x.matrix = stepMatrix(e.matrix, rng);
      return x;
    });
  return out;
}

/**
 * COINr's weight noise (`get_noisy_weights`): each weight times 1 + U(-noise, noise), then the
 * group re-normalized to sum 1. `factors` holds one uniform draw per child. @internal
 */
export function uniformNoise(weights: readonly number[], noise: number, draws: readonly number[]): number[] {
  const out = weights.map((w, i) => w * (1 + noise * (2 * draws[i]! - 1)));
  const total = out.reduce((s, x) => s + x, 0);
  return total > 0 ? out.map((x) => x / total) : [...weights];
}
