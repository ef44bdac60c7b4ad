/** Runs a resolved normalization over a column: one scan, then the formula's kernel. */
import { type AffineForm, applyAffineForm } from "./affine.js";
import { type Kernel, NORMALIZE_KERNELS } from "./methods/index.js";
import type { NormalizeFormula, ResolvedNormalize } from "./resolve-normalize.js";
import { scanColumn } from "./scan.js";
import type { NormalizeParams, NormalizeResult, NormalizeWarning } from "./types.js";

/**
 * A column's normalization before its values are written: the values, or the affine form that gives
 * them (see `affineForm`), with what ran and the warnings. @internal
 */
export type NormalizePlan = {
  /** The input as a Float64Array (the input itself when it is one): what the affine form applies to. */
  column: Float64Array;
  /** What ran (method, options, statistics). */
  params: NormalizeParams;
  /** Conditions that did not stop the run. */
  warnings: NormalizeWarning[];
} & ({ values: Float64Array } | { affine: AffineForm });

/**
 * Scans the column once (every entry a finite number or NaN), takes it as a Float64Array (a copy
 * when it is not one, so that every kernel loop reads one array type), and runs the kernel of the
 * resolved formula; an all-missing column gives all NaN and an `all_missing` warning without running it. The
 * min-max and goalposts kernels return their affine form instead of values: the scoring engine fuses
 * it into aggregation, {@link normalizeResolved} writes it out.
 * @throws IndicatrixError the data errors of `normalizeDetailed` (`invalid_value`, `non_finite_value`,
 *   `value_out_of_range`, and the kernels' `nonpositive_value`, `negative_value`).
 * @internal
 */
export function planNormalization(values: ArrayLike<number>, spec: ResolvedNormalize): NormalizePlan {
  // Only the sum kernel reads the scan's sum: the other formulas skip its chain of additions.
  const scan = scanColumn(values, "values", spec.formula === "sum");
  const len = values.length;
  const present = scan.n > 0;
  const params: NormalizeParams = {
    // An all-missing column ran no formula: it reports the method the spec named.
    method: present ? spec.formula : spec.method,
    direction: spec.direction,
    n: scan.n,
    missing: len - scan.n,
    min: present ? scan.min : Number.NaN,
    max: present ? scan.max : Number.NaN,
  };
  if ("range" in spec) params.range = [spec.range[0], spec.range[1]];
  const column = values instanceof Float64Array ? values : Float64Array.from(values);
  if (!present)
    return {
      column,
      values: new Float64Array(len).fill(Number.NaN),
      params,
      warnings: [{ code: "all_missing", message: `all ${len} values are missing: every result is NaN` }],
    };
  // The table gives each formula its own kernel; TypeScript cannot tie the entry to the union member.
  const kernel = NORMALIZE_KERNELS[spec.formula] as Kernel<NormalizeFormula>;
  const out = kernel(column, spec, scan);
  return { ...out, column, params: { ...params, ...out.params } };
}

/**
 * Normalizes a column by a resolved spec (`resolveNormalize`): {@link planNormalization} with
 * the values written out. What `normalizeDetailed` runs after resolving, and what the analyses call
 * with a spec resolved once per indicator.
 * @internal
 */
export function normalizeResolved(values: ArrayLike<number>, spec: ResolvedNormalize): NormalizeResult {
  const plan = planNormalization(values, spec);
  return {
    values: "affine" in plan ? applyAffineForm(plan.column, plan.affine) : plan.values,
    params: plan.params,
    warnings: plan.warnings,
  };
}
