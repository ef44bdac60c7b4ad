import type { ResolvedOf } from "../resolve-normalize.js";
import type { ColumnScan } from "../scan.js";
import { fillPresent, type KernelOutput } from "./shared.js";

/**
 * Vector normalization (Hwang & Yoon 1981, as in TOPSIS): x / sqrt(sum x^2); a cost indicator:
 * 1 - x / sqrt(sum x^2) (Jahan & Edwards 2015). An all-zero column gives every present unit the
 * share of equal values, 1/sqrt(n) (cost: 1 - 1/sqrt(n)), and a `constant_column` warning.
 * @internal
 */
export function vector(values: Float64Array, spec: ResolvedOf<"vector">, scan: ColumnScan): KernelOutput {
  const len = values.length;
  const cost = spec.aim === "cost";
  let ss = 0;
  for (let i = 0; i < len; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) ss += v * v;
  }
  if (ss === 0) {
    const eq = 1 / Math.sqrt(scan.n);
    return {
      values: fillPresent(values, cost ? 1 - eq : eq),
      params: {},
      warnings: [
        {
          code: "constant_column",
          message: "all present values are 0: every present unit gets the share of equal values",
        },
      ],
    };
  }
  const norm = Math.sqrt(ss);
  const out = new Float64Array(len);
  if (cost) for (let i = 0; i < len; i++) out[i] = 1 - values[i]! / norm;
  else for (let i = 0; i < len; i++) out[i] = values[i]! / norm;
  return { values: out, params: {}, warnings: [] };
}
