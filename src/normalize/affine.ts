import type { ResolvedNormalize, ResolvedOf } from "./resolve-normalize.js";

/**
 * A normalization written as an affine map of the raw value, z = clamp(x * scale + offset, clipLo,
 * clipHi): min-max (benefit, or cost by reflection) and goalposts. NaN (missing) maps to NaN.
 * @internal
 */
export interface AffineForm {
  /** Slope of the map. */
  scale: number;
  /** Intercept of the map. */
  offset: number;
  /** Lower clamp (-Infinity for none). */
  clipLo: number;
  /** Upper clamp (+Infinity for none). */
  clipHi: number;
}

/** The smallest and largest present value of a column (+Infinity and -Infinity when none is present). @internal */
export interface ColumnRange {
  /** Smallest present value. */
  min: number;
  /** Largest present value. */
  max: number;
}

/**
 * The affine form of a resolved normalization on a column with the given min and max, or
 * `undefined` when the formula is not affine in x (every formula but `minmax` with the reflect or
 * negate cost transform, and `goalposts`), or when the map overflows (a span so small that
 * width / span is infinite; the kernels then divide first). The min-max and goalposts kernels
 * return this form, so the scoring engine, which fuses it into the arithmetic mean without writing
 * the normalized column, computes the same numbers by construction.
 *
 * - min-max: scale = (hi - lo)/(max - min), offset = lo - min * scale, clamped to [lo, hi] (the
 *   values lie inside already: the clamp removes rounding overshoot only). Where rounding would
 *   leave the min or max one ulp inside the range, the slope is widened by ulps so that the clamp
 *   maps them exactly to lo and hi. Cost: scale = -(hi - lo)/(max - min),
 *   offset = lo + max * (hi - lo)/(max - min). A constant column: scale 0, offset the midpoint of the range.
 * - goalposts [L, U]: the same with L and U for min and max, clamped to [lo, hi] when `clip`.
 * @internal
 */
export function affineForm(spec: ResolvedNormalize, column: ColumnRange): AffineForm | undefined {
  if (spec.formula === "goalposts") return goalpostsForm(spec);
  if (spec.formula === "minmax" && !(spec.aim === "cost" && spec.cost === "reciprocal"))
    return minmaxForm(spec, column);
  return undefined;
}

/** The midpoint of an output range: what every present unit of a constant column gets. @internal */
export function midpoint(range: [number, number]): number {
  return (range[0] + range[1]) / 2;
}

/** Min-max as an affine map (see {@link affineForm}). */
function minmaxForm(spec: ResolvedOf<"minmax">, { min, max }: ColumnRange): AffineForm | undefined {
  if (max === min)
    return {
      scale: 0,
      offset: midpoint(spec.range),
      clipLo: Number.NEGATIVE_INFINITY,
      clipHi: Number.POSITIVE_INFINITY,
    };
  const cost = spec.aim === "cost";
  const form = checked(linear(min, max, spec.range, cost), spec.range, true);
  return form && exactEnds(form, cost ? max : min, cost ? min : max, spec.range);
}

/** The double next to `v` toward +Infinity (`up`) or -Infinity. */
function nextDouble(v: number, up: boolean): number {
  if (v === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const f = new Float64Array([v]);
  const b = new BigInt64Array(f.buffer);
  b[0] = b[0]! + (v > 0 === up ? 1n : -1n);
  return f[0]!;
}

/**
 * The min-max form with its anchors exact: `toLo` (the column min, or max for a cost indicator)
 * must map to lo and `toHi` to hi. The rounded x * scale + offset can fall one ulp inside the range
 * (0.9999999999999999 for the maximum), which splits ties between units of equal documented scores;
 * the slope is widened by ulps until both anchors reach or pass their ends, and the clamp to [lo, hi]
 * then makes them exact. Values strictly inside move by a few ulps at most, in order.
 */
function exactEnds(form: AffineForm, toLo: number, toHi: number, [lo, hi]: [number, number]): AffineForm {
  let { scale, offset } = form;
  for (let k = 0; k < 64; k++) {
    if (toLo * scale + offset > lo) offset = nextDouble(offset, false);
    else if (toHi * scale + offset < hi) {
      scale = nextDouble(scale, scale > 0);
      offset = lo - toLo * scale;
    } else return scale === form.scale && offset === form.offset ? form : { ...form, scale, offset };
  }
  return form;
}

/**
 * Goalposts as an affine map (see {@link affineForm}); it needs no statistic of the column, so the
 * SQL compiler inlines its numbers.
 * @internal
 */
export function goalpostsForm(spec: ResolvedOf<"goalposts">): AffineForm | undefined {
  const [gl, gu] = spec.goalposts;
  return checked(linear(gl, gu, spec.range, spec.aim === "cost"), spec.range, spec.clip);
}

/** The map sending [low, high] onto [lo, hi] (reversed when `cost`). */
function linear(
  low: number,
  high: number,
  [lo, hi]: [number, number],
  cost: boolean,
): { scale: number; offset: number } {
  const width = hi - lo;
  const span = high - low;
  return cost
    ? { scale: -width / span, offset: lo + high * (width / span) }
    : { scale: width / span, offset: lo - low * (width / span) };
}

/** The form with its clamps, or undefined when it overflows. */
function checked(
  { scale, offset }: { scale: number; offset: number },
  [lo, hi]: [number, number],
  clip: boolean,
): AffineForm | undefined {
  if (!Number.isFinite(scale) || !Number.isFinite(offset)) return undefined;
  return clip
    ? { scale, offset, clipLo: lo, clipHi: hi }
    : { scale, offset, clipLo: Number.NEGATIVE_INFINITY, clipHi: Number.POSITIVE_INFINITY };
}

/** Writes the normalized column of an affine form: clamp(x * scale + offset) per entry, NaN kept. @internal */
export function applyAffineForm(values: Float64Array, form: AffineForm): Float64Array {
  const { scale, offset, clipLo, clipHi } = form;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const z = values[i]! * scale + offset;
    out[i] = z < clipLo ? clipLo : z > clipHi ? clipHi : z;
  }
  return out;
}
