import { IndicatrixError, parsePath } from "../../internal/errors.js";
import { type TreatReport, treat } from "../../normalize/treat.js";
import type { ResolvedProfile } from "../resolve-profile.js";
import { locateError } from "./locate-error.js";

/** The indicators' raw values after outlier treatment. @internal */
export interface TreatedIndicators {
  /** Each active indicator's values after treatment (the prepared column itself when untreated). */
  raw: Record<string, Float64Array>;
  /** What the treatment did, per treated indicator. */
  treatment: Record<string, TreatReport>;
}

/**
 * The treatment stage of `score()`: winsorizes or log-transforms the indicators whose resolved
 * `treat` asks for it (`treat` of src/normalize); the others pass unchanged.
 * @internal
 */
export function treatIndicators(
  profile: ResolvedProfile,
  columns: ReadonlyMap<string, Float64Array>,
  units: readonly string[] = [],
): TreatedIndicators {
  const raw: Record<string, Float64Array> = {};
  const treatment: Record<string, TreatReport> = {};
  for (const id of profile.indicators) {
    const values = columns.get(id) as Float64Array;
    const spec = profile.nodes.get(id)?.treat;
    if (spec && (spec.winsorize || spec.log)) {
      let t: ReturnType<typeof treat>;
      try {
        t = treat(values, spec);
      } catch (e) {
        throw treatError(e, id, units, profile.nodes.get(id)?.path ?? "");
      }
      raw[id] = t.values;
      treatment[id] = t.report;
    } else raw[id] = values;
  }
  return { raw, treatment };
}

/**
 * A treatment's error naming the indicator: `values` (the whole column: too few values for the
 * skew-kurtosis rule, a constant column for log-ct) becomes `indicator "id"` at the indicator's
 * `treat`; `values[i]` names the unit and column (`locateError`).
 */
function treatError(e: unknown, id: string, units: readonly string[], path: string): unknown {
  if (!(e instanceof IndicatrixError) || e.where !== "values") return locateError(e, id, units, path);
  const where = `indicator "${id}"`;
  return new IndicatrixError(e.code, `${where}: ${e.message.replace(/^values: /, "")}`, {
    path: [...parsePath(path), "treat"],
    where,
  });
}
