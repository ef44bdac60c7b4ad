/**
 * Internal input handling of the objective weighting methods: direction checks and the direction-aware min-max
 * (docs/methods.md, normalization) over Float64Array columns (the matrix itself is read by `readMatrix`).
 * @internal
 * @module
 */
import { fail } from "../internal/errors.js";
import { checkFiniteColumn } from "../internal/matrix.js";
import type { MatrixInput } from "../internal/matrix-input.js";
import type { Direction } from "../internal/types.js";

/**
 * A units x indicators data set for the objective weighting methods: rows (`number[][]`) or columns
 * (`{ columns: Float64Array[] }`, read without copying).
 * @deprecated The same type as {@link MatrixInput}, which every matrix method of the library takes; use that name.
 */
export type WeightingData = MatrixInput;

/** Throws `too_few_units` unless there are at least two rows. @internal */
export function requireUnits(m: number, name = "matrix"): void {
  if (m < 2)
    fail("too_few_units", name, `need at least 2 units (rows) to derive weights from data, got ${m}`);
}

/** Checks `directions` (one per column) if given. @internal */
export function readDirections(
  directions: readonly Direction[] | undefined,
  n: number,
): Direction[] | undefined {
  if (directions === undefined) return undefined;
  if (!Array.isArray(directions) || directions.length !== n)
    fail("invalid_option", "opts.directions", `expected ${n} directions (one per column)`);
  directions.forEach((d, j) => {
    const path = `opts.directions[${j}]`;
    if (d === "benefit" || d === "cost") return;
    if (d && typeof d === "object" && "target" in d) {
      if (typeof d.target !== "number" || !Number.isFinite(d.target))
        fail("invalid_direction", path, `target must be a finite number, got ${String(d.target)}`);
      return;
    }
    if (d && typeof d === "object" && "range" in d) {
      const r: unknown = d.range;
      if (!Array.isArray(r) || r.length !== 2 || !isInterval(r[0], r[1]))
        fail("invalid_direction", path, `range must be [a, b] with finite a <= b, got ${JSON.stringify(r)}`);
      return;
    }
    fail(
      "invalid_direction",
      path,
      `expected "benefit", "cost", { target } or { range: [a, b] }, got ${JSON.stringify(d)}`,
    );
  });
  return directions as Direction[];
}

/** True for finite numbers a <= b. */
function isInterval(a: unknown, b: unknown): boolean {
  return typeof a === "number" && typeof b === "number" && Number.isFinite(a) && Number.isFinite(b) && a <= b;
}

/** Min, max and sum of a column; throws `invalid_matrix` naming the row of a non-finite value. @internal */
export function columnRange(
  col: Float64Array,
  j: number,
  name: string,
): { min: number; max: number; sum: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let bad = 0;
  const m = col.length;
  for (let i = 0; i < m; i++) {
    const v = col[i]!;
    bad += v - v; // NaN for NaN or ±Infinity, 0 otherwise
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (bad !== 0) checkFiniteColumn(col, j, name);
  return { min, max, sum };
}

/** Parameters of the direction-aware min-max map of one column. @internal */
export interface AlignParams {
  /** 0 benefit, 1 cost, 2 target, 3 range. */
  kind: 0 | 1 | 2 | 3;
  min: number;
  max: number;
  /** Target point (kind 2) or lower bound a (kind 3). */
  a: number;
  /** Upper bound b (kind 3). */
  b: number;
  /** 1 / divisor: 1/(max-min), 1/max|x-t| or 1/M. */
  inv: number;
  /** True when the map gives the same value to every unit (weight 0). */
  constant: boolean;
}

/** The direction-aware min-max map for one column, given its sample min and max. @internal */
export function alignParams(dir: Direction, min: number, max: number): AlignParams {
  const constant = !(max > min);
  if (dir === "benefit" || dir === "cost")
    return {
      kind: dir === "benefit" ? 0 : 1,
      min,
      max,
      a: 0,
      b: 0,
      inv: constant ? 0 : 1 / (max - min),
      constant,
    };
  if ("target" in dir) {
    const t = dir.target;
    const d = Math.max(Math.abs(min - t), Math.abs(max - t));
    return { kind: 2, min, max, a: t, b: t, inv: d > 0 ? 1 / d : 0, constant: constant || !(d > 0) };
  }
  const [a, b] = dir.range;
  const M = Math.max(a - min, max - b);
  return { kind: 3, min, max, a, b, inv: M > 0 ? 1 / M : 0, constant: constant || !(M > 0) };
}

/**
 * out[outOffset + i] = z(src[start + i]) + add for i < len, where z is the aligned min-max value in [0, 1]
 * (a constant column maps to 0.5). @internal
 */
export function alignInto(
  src: Float64Array,
  start: number,
  len: number,
  p: AlignParams,
  out: Float64Array,
  outOffset: number,
  add: number,
): void {
  if (p.constant) {
    out.fill(0.5 + add, outOffset, outOffset + len);
    return;
  }
  const { min, max, a, b, inv } = p;
  switch (p.kind) {
    case 0:
      for (let i = 0; i < len; i++) out[outOffset + i] = (src[start + i]! - min) * inv + add;
      return;
    case 1:
      for (let i = 0; i < len; i++) out[outOffset + i] = (max - src[start + i]!) * inv + add;
      return;
    case 2:
      for (let i = 0; i < len; i++) out[outOffset + i] = 1 - Math.abs(src[start + i]! - a) * inv + add;
      return;
    default:
      for (let i = 0; i < len; i++) {
        const x = src[start + i]!;
        out[outOffset + i] = (x < a ? 1 - (a - x) * inv : x > b ? 1 - (x - b) * inv : 1) + add;
      }
  }
}
