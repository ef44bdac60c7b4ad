import { type TreatReport, treat } from "../../normalize/treat.js";
import type { ResolvedProfile } from "../resolve-profile.js";

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
): TreatedIndicators {
  const raw: Record<string, Float64Array> = {};
  const treatment: Record<string, TreatReport> = {};
  for (const id of profile.indicators) {
    const values = columns.get(id) as Float64Array;
    const spec = profile.nodes.get(id)?.treat;
    if (spec && (spec.winsorize || spec.log)) {
      const t = treat(values, spec);
      raw[id] = t.values;
      treatment[id] = t.report;
    } else raw[id] = values;
  }
  return { raw, treatment };
}
