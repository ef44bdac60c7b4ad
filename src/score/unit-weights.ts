import { median } from "simple-statistics";
import { fail } from "../internal/errors.js";
import type { MissingPolicy } from "../internal/specs.js";
import { type ResolvedVariableWeights, stateFactor } from "../weighting/variable-weights.js";

/** Where a group's weights vary by unit: a per-unit blend, state variable weights, or both. @internal */
export interface UnitWeighting {
  /** Constant base weights (children order), used when there is no per-unit blend. */
  weights: readonly number[];
  /** Per-unit blend: base weight of child j for unit i is (1 - lambda_i) from_j + lambda_i to_j. */
  blend?: { from: readonly number[]; to: readonly number[]; lambda: Float64Array } | undefined;
  /** State variable weights on top of the base weights. */
  variable?: ResolvedVariableWeights | undefined;
  /** Local children (个性): per child, which units it applies to (undefined: every unit). */
  applies?: readonly (Uint8Array | undefined)[] | undefined;
  /** The most weight the local children (those with a mask in `applies`) take together, per unit. */
  cap?: number | undefined;
}

/** What {@link unitWeightedMean} returns. @internal */
export interface UnitWeightedMean {
  /** The group's score per unit (NaN: no child present, or coverage below the minimum). */
  values: Float64Array;
  /** Effective local weight of each child per unit (children order), summing to 1 over the children used. */
  local: Float64Array[];
  /** Units (indexes) with a child score below the variable-weight floor. */
  floored: number[];
}

/**
 * The arithmetic mean of a group's children with weights that vary by unit (DOMAIN C7.1, C7.2): for unit
 * i, w_ij = b_ij S(x_ij) / sum_k b_ik S(x_ik) over the children used, b_ij the base weight (constant, or the
 * unit's blend of two profiles' weights) and S the state variable weight factor (1 without variable
 * weights); the score is sum_j w_ij x_ij. Missing values: `skip` leaves the child out (its weight goes to
 * the others), `zero` counts it as 0, `mean` / `median` impute the child's mean / median over the units,
 * `error` throws; `minCoverage` is the share of children present before imputation. A local child that
 * does not apply to a unit (`applies`) is absent by design: it takes no part and does not count in the
 * coverage; with `cap`, when the local children's weights sum to L > cap for a unit, they are scaled by
 * cap / L and the common ones by (1 - cap) / (1 - L).
 * @throws IndicatrixError `missing_value` (policy `error`), `negative_value` (a negative score under
 *   variable weights), `cannot_impute`; each names the node, the unit and the child.
 * @internal
 */
export function unitWeightedMean(
  cols: readonly Float64Array[],
  w: UnitWeighting,
  opts: {
    missing: MissingPolicy;
    minCoverage: number;
    node: string;
    units: readonly string[];
    children: readonly string[];
  },
): UnitWeightedMean {
  const k = cols.length;
  const m = opts.units.length;
  const filled = cols.map((c, j) => fill(c, opts.missing, opts, j));
  const values = new Float64Array(m);
  const local = cols.map(() => new Float64Array(m));
  const floored: number[] = [];
  const raw = new Float64Array(k);
  const applies = w.applies ?? [];
  const here = (j: number, i: number): boolean => {
    const a = applies[j];
    return a === undefined || a[i] === 1;
  };
  for (let i = 0; i < m; i++) {
    let present = 0;
    let applicable = 0;
    for (let j = 0; j < k; j++)
      if (here(j, i)) {
        applicable++;
        if (!Number.isNaN(cols[j]![i]!)) present++;
      }
    if (present === 0 || present / applicable < opts.minCoverage) {
      values[i] = Number.NaN;
      continue;
    }
    const lambda = w.blend ? w.blend.lambda[i]! : 0;
    let total = 0;
    let low = false;
    for (let j = 0; j < k; j++) {
      const x = here(j, i) ? filled[j]![i]! : Number.NaN;
      if (Number.isNaN(x)) {
        raw[j] = 0;
        continue;
      }
      let b = w.blend ? (1 - lambda) * w.blend.from[j]! + lambda * w.blend.to[j]! : w.weights[j]!;
      if (w.variable && b > 0) {
        if (x < 0)
          fail(
            "negative_value",
            ["data", i, opts.children[j]!],
            `node "${opts.node}", unit "${opts.units[i]}", child "${opts.children[j]}": state variable weights need non-negative scores, got ${x}`,
          );
        if (x < w.variable.floor) low = true;
        b *= stateFactor(w.variable, x);
      }
      raw[j] = b;
      total += b;
    }
    if (low) floored.push(i);
    if (!(total > 0)) {
      values[i] = Number.NaN;
      continue;
    }
    if (w.cap !== undefined) capLocal(raw, total, applies, w.cap);
    let v = 0;
    for (let j = 0; j < k; j++) {
      const share = raw[j]! / total;
      local[j]![i] = share;
      if (share > 0) v += share * filled[j]![i]!;
    }
    values[i] = v;
  }
  return { values, local, floored };
}

/** A child's column under a missing-value policy: as is (skip), 0 / mean / median filled, or an error. */
function fill(
  col: Float64Array,
  policy: MissingPolicy,
  at: { node: string; units: readonly string[]; children: readonly string[] },
  j: number,
): Float64Array {
  if (policy === "skip") return col;
  const present: number[] = [];
  let first = -1;
  for (let i = 0; i < col.length; i++)
    if (Number.isNaN(col[i]!)) first = first < 0 ? i : first;
    else present.push(col[i]!);
  if (first < 0) return col;
  const child = at.children[j]!;
  if (policy === "error")
    fail(
      "missing_value",
      ["data", first, child],
      `node "${at.node}", unit "${at.units[first]}", child "${child}": value is missing and the missing policy is "error"`,
    );
  if (policy !== "zero" && present.length === 0)
    fail(
      "cannot_impute",
      ["data", first, child],
      `node "${at.node}", child "${child}": no present value to impute from`,
    );
  const value =
    policy === "zero"
      ? 0
      : policy === "mean"
        ? present.reduce((a, b) => a + b, 0) / present.length
        : median(present);
  return col.map((x) => (Number.isNaN(x) ? value : x));
}

/**
 * Scales the local children's raw weights (those with a mask) so that they take at most `cap` of `total`,
 * and the common ones up to keep the total; nothing changes when there is no common child with weight.
 */
function capLocal(
  raw: Float64Array,
  total: number,
  applies: readonly (Uint8Array | undefined)[],
  cap: number,
): void {
  let local = 0;
  for (let j = 0; j < raw.length; j++) if (applies[j] !== undefined) local += raw[j]!;
  const share = local / total;
  if (!(share > cap) || share >= 1) return;
  const up = (1 - cap) / (1 - share);
  const down = cap / share;
  for (let j = 0; j < raw.length; j++) raw[j] = raw[j]! * (applies[j] !== undefined ? down : up);
}
