import { IndicatrixError } from "../internal/errors.js";
import { goalpostsForm } from "../normalize/affine.js";
import { aligned, fillPresent } from "../normalize/methods/shared.js";
import { type NormalizePlan, normalizeResolved, planNormalization } from "../normalize/normalize-resolved.js";
import type { ResolvedNormalize } from "../normalize/resolve-normalize.js";
import type { NormalizeParams } from "../normalize/types.js";
import type { PeriodBlock } from "./panel-data.js";

/** Which rows a panel normalization takes its statistics from. */
export type PanelBasis = "pooled" | "period" | { reference: string | number; clip?: boolean };

/** A basis checked against the panel's periods. @internal */
export type ResolvedBasis =
  | { kind: "pooled" }
  | { kind: "period" }
  | { kind: "reference"; period: string; clip: boolean };

/**
 * Checks `opts.basis`: `"pooled"` (the default), `"period"`, or `{ reference, clip? }` naming a period of
 * the panel. @internal
 */
export function resolveBasis(
  basis: PanelBasis | undefined,
  periods: readonly string[],
  name = "basis",
): ResolvedBasis {
  if (basis === undefined || basis === "pooled") return { kind: "pooled" };
  if (basis === "period") return { kind: "period" };
  if (basis !== null && typeof basis === "object" && "reference" in basis) {
    const period = String(basis.reference).trim();
    if (!periods.includes(period))
      throw new IndicatrixError(
        "unknown_period",
        `opts.${name}.reference: period "${period}" is not a period of the panel (${periods.join(", ")})`,
        { path: ["opts", name, "reference"] },
      );
    if (basis.clip !== undefined && typeof basis.clip !== "boolean")
      throw new IndicatrixError("invalid_option", `opts.${name}.clip: expected true or false`, {
        path: ["opts", name, "clip"],
      });
    return { kind: "reference", period, clip: basis.clip === true };
  }
  throw new IndicatrixError(
    "invalid_option",
    `opts.${name}: expected "pooled", "period" or { reference: period }, got ${JSON.stringify(basis)}`,
    { path: ["opts", name] },
  );
}

/** Count of present values and range of a column, for the params of a plan over it. */
function counts(values: Float64Array): Pick<NormalizeParams, "n" | "missing" | "min" | "max"> {
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { n, missing: values.length - n, min: n > 0 ? min : Number.NaN, max: n > 0 ? max : Number.NaN };
}

/**
 * The normalization of one indicator over a run's rows by a panel basis (`values` = the run's treated
 * values, `blocks` = each period's rows in them):
 * - `period`: each period's rows planned alone (`planNormalization`), written out; `perPeriod` receives
 *   each period's params;
 * - `reference`: the plan fitted on the reference rows (`refValues`) and applied to every row: the
 *   affine form of min-max (unclipped unless `clip`), or the reference mean and sd of a z-score;
 *   goalposts and `none` need no statistic; any other method is `unsupported_basis`;
 * - `pooled` over rows beyond the run: the pooled column normalized once (`pooled`), its rows taken.
 * Returns undefined where the run's own plan is the answer (pooled over the run's rows, goalposts).
 * @internal
 */
export function basisPlan(
  id: string,
  values: Float64Array,
  spec: ResolvedNormalize,
  basis: ResolvedBasis,
  ctx: {
    blocks: readonly PeriodBlock[];
    refValues?: () => Float64Array;
    pooled?: () => { values: Float64Array; params: NormalizeParams; warnings: NormalizePlan["warnings"] };
    perPeriod?: (period: string, params: NormalizeParams) => void;
  },
): NormalizePlan | undefined {
  if (spec.formula === "goalposts" || spec.formula === "none") return undefined;
  if (basis.kind === "pooled" && !ctx.pooled) return undefined;
  const own = counts(values);
  if (basis.kind === "pooled") {
    const p = (ctx.pooled as NonNullable<typeof ctx.pooled>)();
    return { column: values, values: p.values, params: { ...p.params, ...own }, warnings: p.warnings };
  }
  if (basis.kind === "period") {
    const out = new Float64Array(values.length);
    const warnings: NormalizePlan["warnings"] = [];
    let first: NormalizeParams | undefined;
    for (const b of ctx.blocks) {
      const r = normalizeResolved(values.subarray(b.start, b.end), spec);
      out.set(r.values, b.start);
      first ??= r.params;
      ctx.perPeriod?.(b.period, r.params);
      for (const w of r.warnings) warnings.push({ ...w, message: `period ${b.period}: ${w.message}` });
    }
    return { column: values, values: out, params: { ...(first as NormalizeParams), ...own }, warnings };
  }
  const ref = (ctx.refValues as () => Float64Array)();
  const fit = planNormalization(ref, spec);
  const params: NormalizeParams = { ...fit.params, ...own };
  if ("affine" in fit) {
    // Unclipped, the reference bounds act as goalposts without clipping (the plain linear map: the
    // min-max form's ulp widening, which only the clamp makes exact, would overshoot at the ends).
    const unclipped =
      spec.formula === "minmax" && fit.params.max > fit.params.min
        ? goalpostsForm({
            direction: spec.direction,
            formula: "goalposts",
            method: "goalposts",
            aim: spec.aim,
            goalposts: [fit.params.min, fit.params.max],
            clip: false,
            range: spec.range,
          })
        : undefined;
    const affine = basis.clip ? fit.affine : (unclipped ?? fit.affine);
    return { column: values, affine, params: { ...params, clip: basis.clip }, warnings: fit.warnings };
  }
  if (spec.formula === "zscore" && fit.params.sd !== undefined && fit.params.mean !== undefined) {
    const { mean, sd } = fit.params;
    if (!(sd > 0)) return { column: values, values: fillPresent(values, 0), params, warnings: fit.warnings };
    const y = aligned(values, spec.aim);
    const out = new Float64Array(values.length);
    for (let i = 0; i < y.length; i++) out[i] = (spec.sign * (y[i]! - mean)) / sd;
    return { column: values, values: out, params, warnings: fit.warnings };
  }
  throw new IndicatrixError(
    "unsupported_basis",
    `indicator "${id}": a reference-period basis needs min-max (reflect or negate for cost), goalposts, a z-score or none; ${spec.formula} has no parameters to carry to other periods (use basis "pooled" or "period")`,
    { path: ["opts", "basis"] },
  );
}
