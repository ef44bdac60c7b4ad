import { fail } from "../../internal/errors.js";
import type { Result } from "../../score/result.js";
import { type DisparityOptions, type DisparityResult, disparity } from "./disparity.js";
import { type BandwidthRule, kdeBandwidth } from "./kde-bandwidth.js";
import { kernelDensity } from "./kernel-density.js";

/** Options of {@link disparityPanel}: those of {@link disparity}, and the density grid. */
export interface DisparityPanelOptions extends DisparityOptions {
  /** Bandwidth rule applied to the pooled scores of every period (default `"silverman"`), or a number. */
  bandwidth?: BandwidthRule;
  /** Grid points of the density curves (default 512). */
  points?: number;
}

/**
 * A scored panel as {@link disparityPanel} reads it: its periods and each period's result. `scorePanel`'s
 * `PanelResult` is one (a structural type, so that analysis does not import the panel layer).
 */
export interface PeriodResults {
  /** The periods, in order. */
  periods: readonly string[];
  /** The full result of one period. */
  at(period: string): Result;
}

/** Result of {@link disparityPanel}. */
export interface DisparityPanelResult {
  /** Each period's disparity, in the order given. */
  periods: { period: string; disparity: DisparityResult }[];
  /** The density of each period's scores on one grid with one bandwidth (from the pooled scores), so that the curves compare. */
  density: { x: Float64Array; bandwidth: number; curves: { period: string; y: Float64Array }[] };
}

/**
 * Disparity over several periods (a panel: one scored result per year): {@link disparity} per period,
 * and the kernel density of each period's scores on a common grid with a common bandwidth taken from
 * the pooled scores of all periods, so that the curves can be compared (the "dynamic evolution" figure
 * of regional studies: a curve that moves right and narrows shows rising, converging scores). Sigma
 * convergence reads off `periods[k].disparity.cv`.
 *
 * @param input a scored panel ({@link scorePanel}'s result: every period of it, in its order, each
 *   `input.at(period)`), or one `{ period, result }` per period, periods distinct.
 * @param opts the options of {@link disparity} and the density grid.
 * @throws IndicatrixError `invalid_option` (an empty panel, a period named twice, an input that is
 *   neither), and the errors of {@link disparity} and {@link kernelDensity}.
 * @example
 * ```ts
 * // r2024, r2025: score(model, rows2024), score(model, rows2025)
 * const p = disparityPanel([{ period: "2024", result: r2024 }, { period: "2025", result: r2025 }], { by: "district" });
 * p.periods.map((q) => q.period); // => ["2024", "2025"]
 * p.density.curves.length; // => 2   (on the grid p.density.x, bandwidth p.density.bandwidth)
 * // or straight from a panel (one row per unit and year):
 * const q = disparityPanel(scorePanel(model, rows, { period: "year" }), { by: "district" });
 * q.periods.map((x) => x.period); // => ["2021", "2022", "2023", "2024", "2025"] for the sample city panel
 * ```
 */
export function disparityPanel(
  input: PeriodResults | readonly { period: string; result: Result }[],
  opts: DisparityPanelOptions = {},
): DisparityPanelResult {
  const panel = periodResults(input);
  if (panel.length === 0) fail("invalid_option", ["panel"], "a panel needs at least one { period, result }");
  const seen = new Set<string>();
  panel.forEach((p, k) => {
    if (typeof p?.period !== "string" || p.period === "")
      fail("invalid_option", ["panel", k, "period"], "each period needs a name");
    if (seen.has(p.period))
      fail("invalid_option", ["panel", k, "period"], `period "${p.period}" is given twice`);
    seen.add(p.period);
  });
  const { bandwidth, points, ...each } = opts;
  const periods = panel.map((p) => ({ period: p.period, disparity: disparity(p.result, each) }));
  // The scores disparity() kept (units with a score and a group), per period.
  const values = periods.map((p, k) => {
    const r: Result = panel[k]!.result;
    const col = r.scores[p.disparity.node] as Float64Array;
    const row = new Map<string, number>(r.units.map((u: string, i: number) => [u, i]));
    return Float64Array.from(p.disparity.units, (u) => col[row.get(u)!]!);
  });
  let n = 0;
  for (const v of values) n += v.length;
  const pooled = new Float64Array(n);
  let at = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    pooled.set(v, at);
    at += v.length;
    for (const x of v) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  const h = kdeBandwidth(pooled, bandwidth ?? "silverman");
  const grid = {
    bandwidth: h,
    from: lo - 3 * h,
    to: hi + 3 * h,
    ...(points !== undefined ? { points } : {}),
  };
  const curves = values.map((v, k) => ({ period: periods[k]!.period, fit: kernelDensity(v, grid) }));
  return {
    periods,
    density: {
      x: curves[0]!.fit.x,
      bandwidth: h,
      curves: curves.map((c) => ({ period: c.period, y: c.fit.y })),
    },
  };
}

/** The `{ period, result }` list of a scored panel (each of its periods), or the list given. */
function periodResults(
  input: PeriodResults | readonly { period: string; result: Result }[],
): readonly { period: string; result: Result }[] {
  if (Array.isArray(input)) return input;
  const p = input as Partial<PeriodResults> | null | undefined;
  if (p !== null && typeof p === "object" && Array.isArray(p.periods) && typeof p.at === "function")
    return p.periods.map((period) => ({ period, result: (p as PeriodResults).at(period) }));
  return fail(
    "invalid_option",
    ["panel"],
    "disparityPanel needs a scored panel (scorePanel's result) or a list of { period, result }",
  );
}
