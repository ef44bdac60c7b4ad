import { IndicatrixError, type Issue, parsePath } from "../../internal/errors.js";
import type { NormalizeParams } from "../../normalize/normalize.js";
import { type NormalizePlan, planNormalization } from "../../normalize/normalize-resolved.js";
import { type ResolvedNormalize, resolveNormalize } from "../../normalize/resolve-normalize.js";
import type { AffineColumn } from "../fused.js";
import type { ResolvedNode, ResolvedProfile } from "../resolve-profile.js";
import { locateError } from "./locate-error.js";

/** The indicators normalized: their values, or their affine form for the fused arithmetic mean. @internal */
export interface NormalizedIndicators {
  /** Normalized values of the indicators whose method is not affine (rank, z-score, ...). */
  scores: Record<string, Float64Array>;
  /** The indicators normalized by an affine map (min-max, goalposts), not written out yet. */
  affine: Map<string, AffineColumn>;
  /** What normalization ran per indicator. */
  normalization: Record<string, NormalizeParams>;
  /** Share of the active indicators present, per unit. */
  coverage: Float64Array;
}

/**
 * A replacement for the sample normalization of one indicator (the panel bases: pooled over periods,
 * per period, a reference period): given the indicator id, its treated values and its resolved spec,
 * the plan to use, or undefined for the default (`planNormalization` over `values`). @internal
 */
export type PlanHook = (
  id: string,
  values: Float64Array,
  spec: ResolvedNormalize,
) => NormalizePlan | undefined;

/**
 * The normalization stage of `score()`: resolves each indicator's spec for its direction and
 * goalposts (`resolveNormalize`) and plans it over the treated values (`planNormalization`):
 * min-max and goalposts stay an affine form, fused into the arithmetic mean by the aggregation
 * stage. Applies the profile's rules on the way: a constant indicator is a warning (or an error when
 * `defaults.constant` is `"error"`), a missing value is an error under the missing policy `"error"`;
 * then counts each unit's coverage. `planHook` (the panel bases) may replace an indicator's plan.
 * @throws IndicatrixError the errors of the normalization, naming unit and column (`invalid_data`
 *   for a non-finite value, `value_out_of_range`), `constant_column`, `missing_value`.
 * @internal
 */
export function normalizeIndicators(
  profile: ResolvedProfile,
  raw: Readonly<Record<string, Float64Array>>,
  units: readonly string[],
  diagnostics: Issue[],
  planHook?: PlanHook,
): NormalizedIndicators {
  const m = units.length;
  const scores: Record<string, Float64Array> = {};
  const affine = new Map<string, AffineColumn>();
  const normalization: Record<string, NormalizeParams> = {};
  // Missing indicators per unit, counted only when some indicator misses a value.
  let missingCount: Float64Array | undefined;
  for (const id of profile.indicators) {
    const node = profile.nodes.get(id) as ResolvedNode;
    const values = raw[id] as Float64Array;
    const options = node.goalposts
      ? { direction: node.direction, goalposts: node.goalposts }
      : { direction: node.direction };
    let plan: NormalizePlan;
    try {
      const spec = resolveNormalize(node.normalize, options);
      plan = planHook?.(id, values, spec) ?? planNormalization(values, spec);
    } catch (e) {
      throw locateError(e, id, units, node.path);
    }
    const { params, warnings } = plan;
    if ("affine" in plan) affine.set(id, { values, ...plan.affine, params, warnings });
    else scores[id] = plan.values;
    normalization[id] = params;
    for (const w of warnings) {
      if (w.code === "constant_column" && profile.constant === "error")
        throw new IndicatrixError(
          "constant_column",
          `indicator "${id}": ${w.message.split(":")[0]}, and the model's defaults.constant is "error"`,
          { path: node.path },
        );
      diagnostics.push({
        code: w.code,
        severity: "warning",
        path: parsePath(node.path),
        where: node.path,
        message: `indicator "${id}": ${w.message}`,
      });
    }
    if (params.missing === 0) continue;
    if (profile.missing === "error") {
      const i = values.findIndex((v) => Number.isNaN(v));
      throw new IndicatrixError(
        "missing_value",
        `unit "${units[i]}", indicator "${id}": the value is missing and the model's missing policy is "error"`,
        { path: `unit "${units[i]}", column "${id}"` },
      );
    }
    missingCount ??= new Float64Array(m);
    for (let i = 0; i < m; i++) if (Number.isNaN(values[i]!)) missingCount[i]!++;
  }
  const n = profile.indicators.length;
  const coverage = new Float64Array(m);
  // With nothing missing every unit's coverage is (n - 0) / n: one fill.
  if (missingCount === undefined) coverage.fill(n / n);
  else for (let i = 0; i < m; i++) coverage[i] = (n - missingCount[i]!) / n;
  return { scores, affine, normalization, coverage };
}
