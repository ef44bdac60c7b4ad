import { IndicatrixError } from "../internal/errors.js";
import type { PanelBasis } from "../panel/basis-plan.js";
import type { PanelWeights } from "../panel/score-panel.js";
import type { ResolvedProfile } from "../score/resolve-profile.js";
import { specNeedsData } from "../weighting/spec-weights.js";
import { unsupported } from "./unsupported.js";

/**
 * Which rows an aggregate of the query runs over: every row (`all`), each period's rows apart
 * (`period`: GROUP BY / PARTITION BY the period), or the rows of one period (`only`). @internal
 */
export type RowSet = { kind: "all" } | { kind: "period" } | { kind: "only"; period: string };

/** The panel options of `toSQL` checked: the period column and the row sets of each statistic. @internal */
export interface SqlPanel {
  /** The source column of the periods (read as trimmed text, the CTE column `per`). */
  column: string;
  /** The normalization basis: pooled (`all`), per period, or a reference period (`clip`: clamp to the range). */
  basis: RowSet & { clip?: boolean };
  /** The rows of data-driven weights, as `scorePanel`'s `weights`. */
  weights: RowSet;
  /** The rows of the imputation values (mean, median): each period's own when the weights are. */
  impute: RowSet;
}

/** A basis or weights option as a row set: pooled is `all`, `{ reference }` is `only` that period. */
function rowSet(value: PanelBasis | PanelWeights | undefined, name: string): RowSet & { clip?: boolean } {
  if (value === undefined || value === "pooled") return { kind: "all" };
  if (value === "period") return { kind: "period" };
  if (value !== null && typeof value === "object" && "reference" in value) {
    const ref = (value as { reference: unknown }).reference;
    const period = typeof ref === "string" || typeof ref === "number" ? String(ref).trim() : "";
    if (period === "")
      throw new IndicatrixError("invalid_option", `${name}.reference: expected a period (text or number)`, {
        path: [name, "reference"],
      });
    const clip = (value as { clip?: unknown }).clip;
    if (clip !== undefined && typeof clip !== "boolean")
      throw new IndicatrixError("invalid_option", `${name}.clip: expected true or false`, {
        path: [name, "clip"],
      });
    return { kind: "only", period, ...(clip === true ? { clip: true } : {}) };
  }
  throw new IndicatrixError(
    "invalid_option",
    `${name}: expected "pooled", "period" or { reference: period }, got ${JSON.stringify(value)}`,
    { path: [name] },
  );
}

/**
 * Checks the panel options of `toSQL` (`period`, `basis`, `weightsBasis`) against the profile, with
 * the semantics of `scorePanel` (src/panel/score-panel.ts): normalization statistics over every
 * unit-period (`pooled`, the default), per period, or of a reference period; data-driven weights over
 * every unit-period (`pooled`: the panel entropy with k = 1/ln(r m)), per period, or of the reference
 * period; imputation values (missing policy mean / median) per period when the weights are per period
 * (`scorePanel` then scores each period alone), else over every unit-period. Undefined without `period`.
 *
 * @throws IndicatrixError `invalid_option` for a basis without a period column or a malformed one,
 *   `unsupported_in_sql` for reference-period weights under a mean / median missing policy (the
 *   reference run imputes from the reference period only, which the query does not repeat).
 * @example
 * ```ts
 * panelOptions({ period: "year", basis: "period" }, profile);
 * // => { column: "year", basis: { kind: "period" }, weights: { kind: "all" }, impute: { kind: "all" } }
 * ```
 * @internal
 */
export function panelOptions(
  opts: { period?: string; basis?: PanelBasis; weightsBasis?: PanelWeights; weights?: unknown },
  profile: ResolvedProfile,
): SqlPanel | undefined {
  if (opts.period === undefined) {
    for (const name of ["basis", "weightsBasis"] as const)
      if (opts[name] !== undefined)
        throw new IndicatrixError(
          "invalid_option",
          `${name}: a panel basis needs the period column (option period)`,
          {
            path: [name],
          },
        );
    return undefined;
  }
  if (typeof opts.period !== "string" || opts.period.trim() === "")
    throw new IndicatrixError("invalid_option", "period: expected the name of the period column", {
      path: ["period"],
    });
  const basis = rowSet(opts.basis, "basis");
  const weights = rowSet(opts.weightsBasis, "weightsBasis");
  const { clip: _clip, ...weightRows } = weights;
  const dataDriven =
    opts.weights === undefined &&
    [...profile.nodes.values()].some((n) => !n.indicator && specNeedsData(n.weights));
  const imputing = profile.missing === "mean" || profile.missing === "median";
  if (dataDriven && imputing && weights.kind === "only") {
    const node = [...profile.nodes.values()].find((n) => !n.indicator && specNeedsData(n.weights));
    unsupported(
      `reference-period weights (weightsBasis { reference: "${weights.period}" }) with the missing policy "${profile.missing}"`,
      node?.id ?? profile.root,
      'use weightsBasis "pooled" or "period", or pass weights resolved on the reference period',
    );
  }
  return {
    column: opts.period,
    basis,
    weights: weightRows,
    impute: dataDriven && weights.kind === "period" ? { kind: "period" } : { kind: "all" },
  };
}
