/** What the normalization kernels share: their signature and the column helpers they use. */
import type { AffineForm } from "../affine.js";
import type { Aim, NormalizeFormula, ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import type { NormalizeParams, NormalizeWarning } from "../types.js";

/**
 * What a kernel returns: the normalized values, or the affine form that gives them (min-max and
 * goalposts, so that the scoring engine can fuse them), with the formula's own parameters and warnings.
 * @internal
 */
export type KernelOutput = {
  /** The formula's parameters, added to the column's counts and range (`n`, `missing`, `min`, `max`, `range`). */
  params: Partial<NormalizeParams>;
  /** Conditions that did not stop the run (`constant_column`). */
  warnings: NormalizeWarning[];
} & ({ values: Float64Array } | { affine: AffineForm });

/**
 * A normalization kernel: the formula `F` over a column with at least one present value, given its
 * resolved spec and its scan (count, sum, min, max of the present values). NaN stays NaN.
 * @internal
 */
export type Kernel<F extends NormalizeFormula> = (
  values: Float64Array,
  spec: ResolvedOf<F>,
  scan: ColumnScan,
) => KernelOutput;

/** Direction-aligned values: x itself (benefit, the input), -x (cost), or minus the distance to the target interval. @internal */
export function aligned(values: Float64Array, aim: Aim): Float64Array {
  if (aim === "benefit") return values;
  const out = new Float64Array(values.length);
  if (aim === "cost") {
    for (let i = 0; i < values.length; i++) out[i] = -values[i]!;
    return out;
  }
  const [a, b] = aim.target;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    out[i] = x < a ? x - a : x > b ? b - x : Number.isNaN(x) ? Number.NaN : 0;
  }
  return out;
}

/** Smallest and largest value, NaN skipped. @internal */
export function minMaxOf(x: Float64Array): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** A column giving every present entry `value` and every missing one NaN. @internal */
export function fillPresent(values: Float64Array, value: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isNaN(values[i]!) ? Number.NaN : value;
  return out;
}

/** The `constant_column` warning: what every present unit gets, and why. @internal */
export function constantWarning(value: number, what = "all present values are equal"): NormalizeWarning {
  return {
    code: "constant_column",
    message: `${what}: every present unit gets ${value} (the midpoint of the output range)`,
  };
}
