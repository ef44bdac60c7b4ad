/** Helpers shared by the evaluation methods: argument checks, direction alignment, ranks. @internal */
import { fail } from "../internal/errors.js";
import type { Direction } from "../internal/types.js";

/** Throws `too_few_units` when a method that compares units gets fewer than two. @internal */
export function requireUnits(m: number, min: number, name: string, method: string): void {
  if (m < min)
    fail(
      "too_few_units",
      name,
      `${method} compares units and needs at least ${min}, got ${m} (rows = units)`,
    );
}

/**
 * Checks a weight vector against `n` columns (finite, non-negative, positive sum) and returns it
 * scaled to sum 1 as a Float64Array. Errors name the argument (`invalid_weights`).
 * @internal
 */
export function normalizedWeights(weights: unknown, n: number, name = "weights"): Float64Array {
  if (!Array.isArray(weights) && !(weights instanceof Float64Array))
    fail("invalid_weights", name, `expected an array of ${n} non-negative numbers`);
  const w = weights as ArrayLike<unknown>;
  if (w.length !== n) fail("invalid_weights", name, `has ${w.length} entries but there are ${n} columns`);
  const out = new Float64Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const v = w[j];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      fail("invalid_weights", `${name}[${j}]`, `expected a finite non-negative number, got ${String(v)}`);
    out[j] = v;
    sum += v;
  }
  if (!(sum > 0)) fail("invalid_weights", name, "must sum to a positive number (all weights are zero)");
  for (let j = 0; j < n; j++) out[j] = out[j]! / sum;
  return out;
}

/** Checks `directions` (length `n`, each a valid {@link Direction}); absent means all `benefit`. @internal */
export function checkDirections(
  directions: readonly Direction[] | undefined,
  n: number,
  name: string,
): Direction[] {
  if (directions === undefined) return Array.from({ length: n }, () => "benefit" as const);
  if (!Array.isArray(directions) || directions.length !== n)
    fail(
      "invalid_direction",
      name,
      `expected ${n} directions (one per column), got ${String(directions?.length)}`,
    );
  return directions.map((d, j): Direction => {
    if (d === "benefit" || d === "cost") return d;
    if (d && typeof d === "object") {
      if ("target" in d && Number.isFinite(d.target)) return { target: d.target };
      if ("range" in d && Array.isArray(d.range) && d.range.length === 2) {
        const [a, b] = d.range;
        if (Number.isFinite(a) && Number.isFinite(b) && a <= b) return { range: [a, b] };
        return fail(
          "invalid_direction",
          `${name}[${j}]`,
          `range must be [a, b] with finite a <= b, got [${a}, ${b}]`,
        );
      }
    }
    return fail(
      "invalid_direction",
      `${name}[${j}]`,
      `expected "benefit", "cost", { target } or { range: [a, b] }, got ${JSON.stringify(d)}`,
    );
  });
}

/**
 * The moderate (target) and interval transforms (docs/methods.md), which turn a target or range column into
 * a benefit column in [0, 1]: target t gives `1 - |x - t| / max|x - t|`; range [a, b] gives 1 inside
 * and `1 - distance / M` outside, M = max(a - min, max - b). A column already at its target (or inside
 * its range) everywhere gives all ones; NaN stays NaN (callers check). Returns the transform fitted on
 * `col` (so other values, such as a reference point, can be mapped the same way), or `null` for
 * benefit and cost columns.
 * @internal
 */
export function moderateTransform(col: Float64Array, dir: Direction): ((x: number) => number) | null {
  if (typeof dir === "string") return null;
  const m = col.length;
  if ("target" in dir) {
    const t = dir.target;
    let far = 0;
    for (let i = 0; i < m; i++) far = Math.max(far, Math.abs(col[i]! - t));
    // far is NaN when the column holds a NaN: the NaN then propagates instead of turning into 1.
    return (x) => (far === 0 ? 1 : 1 - Math.abs(x - t) / far);
  }
  const [a, b] = dir.range;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    lo = Math.min(lo, col[i]!);
    hi = Math.max(hi, col[i]!);
  }
  const span = Math.max(a - lo, hi - b);
  return (x) => (Number.isNaN(x) ? x : x < a ? 1 - (a - x) / span : x > b ? 1 - (x - b) / span : 1);
}

/** `col` aligned by {@link moderateTransform} (a new array), or `col` itself for benefit/cost. @internal */
export function alignModerate(col: Float64Array, dir: Direction): Float64Array {
  const f = moderateTransform(col, dir);
  if (f === null) return col;
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = f(col[i]!);
  return out;
}

/** Column minimum and maximum (+Infinity, -Infinity for an empty column). @internal */
export function minMax(col: Float64Array): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < col.length; i++) {
    const x = col[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** Converts a typed array to a plain array (result fields are plain arrays). @internal */
export function toArray(x: Float64Array): number[] {
  const out = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]!;
  return out;
}
