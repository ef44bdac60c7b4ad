import { goalpostsForm } from "../affine.js";
import type { ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import type { KernelOutput } from "./shared.js";

/**
 * Goalposts (OECD/JRC Handbook 2008; COINr `n_goalposts`): fixed bounds [L, U] in place of the sample
 * min and max, (x - L)/(U - L) (cost: (U - x)/(U - L)) mapped onto the range, clipped to it unless
 * `clip` is false. Needs no sample statistic, so a single unit gets a defined score. Returns the
 * affine form of `goalpostsForm`, and counts the values beyond the goalposts (`outside`).
 * @internal
 */
export function goalposts(
  values: Float64Array,
  spec: ResolvedOf<"goalposts">,
  scan: ColumnScan,
): KernelOutput {
  const [gl, gu] = spec.goalposts;
  let outside = 0;
  // A pass only when the column's min or max lies beyond the goalposts.
  if (scan.min < gl || scan.max > gu)
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (x < gl || x > gu) outside++;
    }
  const params: KernelOutput["params"] = { goalposts: [gl, gu], clip: spec.clip, outside };
  const affine = goalpostsForm(spec);
  if (affine) return { affine, params, warnings: [] };
  // Goalposts so close (a denormal span) that width / span overflows: divide first instead.
  const [lo, hi] = spec.range;
  const cost = spec.aim === "cost";
  const span = gu - gl;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (spec.clip && (x < gl || x > gu)) out[i] = x < gl !== cost ? lo : hi;
    else out[i] = lo + (hi - lo) * (cost ? (gu - x) / span : (x - gl) / span);
  }
  return { values: out, params, warnings: [] };
}
