import type { ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import type { KernelOutput } from "./shared.js";

/**
 * The moderate formula, for indicators that are best at a target value: for a target point t,
 * 1 - |x - t| / M; for an interval [a, b], 1 inside, 1 - (a - x)/M below and 1 - (x - b)/M above,
 * with M = max(a - low, high - b), where [low, high] are the bounds (goalposts) or else the sample
 * min and max. Scores below 0 (values beyond the bounds) are clipped at 0 when `clip`; the result is
 * mapped onto the range. M <= 0 (every admissible value inside the interval) scores everyone 1.
 * @internal
 */
export function target(values: Float64Array, spec: ResolvedOf<"target">, scan: ColumnScan): KernelOutput {
  const [a, b] = spec.target;
  const bounds = spec.bounds;
  const [bl, bu] = bounds ?? [scan.min, scan.max];
  const scale = Math.max(a - bl, bu - b);
  const [lo, hi] = spec.range;
  const width = hi - lo;
  const clip = spec.clip;
  const counting = bounds !== undefined;
  const out = new Float64Array(values.length);
  let outside = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) {
      out[i] = Number.NaN;
      continue;
    }
    let z = 1;
    if (x < a) z = scale > 0 ? 1 - (a - x) / scale : 1;
    else if (x > b) z = scale > 0 ? 1 - (x - b) / scale : 1;
    if (counting && (x < bl || x > bu)) outside++;
    if (z < 0 && clip) z = 0;
    out[i] = lo + width * z;
  }
  const params: KernelOutput["params"] = { target: a === b ? a : [a, b] };
  if (bounds) {
    params.goalposts = [bl, bu];
    params.clip = clip;
  }
  params.scale = scale;
  if (bounds) params.outside = outside;
  return { values: out, params, warnings: [] };
}
