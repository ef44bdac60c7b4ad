import { type Comparison, compareResults } from "../analysis/compare-profiles.js";
import type { Model } from "../indicators/schema.js";
import { IndicatrixError } from "../internal/errors.js";
import type { Result } from "../score/result.js";
import type { PanelInput } from "./panel-data.js";
import { type PanelResult, type ScorePanelOptions, scorePanel } from "./score-panel.js";

/** Options of {@link compareProfilesByPeriod}: `scorePanel`'s options but the profile. */
export type ComparePanelOptions = Omit<ScorePanelOptions, "profile">;

/** {@link compareProfilesByPeriod}'s result: one comparison per period. */
export interface PanelComparison {
  /** The periods, in order. */
  periods: string[];
  /** The comparison of each period: its units scored under each profile, ranks within the period. */
  byPeriod: Record<string, Comparison>;
  /** The panel scored under each profile, by profile. */
  panels: Record<string, PanelResult>;
}

/**
 * `compareProfiles` over a panel, period by period: each profile scores the whole panel (`scorePanel`
 * with the basis of `opts`, pooled by default: the same normalization bounds under every profile and in
 * every period), and each period gets its own comparison (scores, ranks within the period, rank shifts,
 * rank correlations, weights): the comparison of that period's rows scored with the panel's bounds.
 *
 * @throws IndicatrixError `invalid_option` for fewer than two profiles, and the errors of `scorePanel`.
 * @example
 * ```ts
 * const c = compareProfilesByPeriod(model, rows, ["normal", "emergency"], { period: "year" });
 * c.byPeriod["2022"].rankShift; // => Float64Array [1, -1, 0]
 * c.byPeriod["2022"].correlations[0].spearman; // => 0.5
 * ```
 */
export function compareProfilesByPeriod(
  model: Model,
  data: PanelInput,
  profiles: readonly string[],
  opts: ComparePanelOptions = {},
): PanelComparison {
  if (!Array.isArray(profiles) || profiles.length < 2)
    throw new IndicatrixError("invalid_option", "profiles: expected at least two profile names to compare");
  if (opts === null || typeof opts !== "object")
    throw new IndicatrixError("invalid_option", "opts: expected an options object", { path: ["opts"] });
  const panels: Record<string, PanelResult> = {};
  for (const p of profiles) panels[p] = scorePanel(model, data, { ...opts, profile: p });
  const periods = (panels[profiles[0] as string] as PanelResult).periods;
  const byPeriod: Record<string, Comparison> = {};
  for (const period of periods) {
    const results: Record<string, Result> = {};
    for (const p of profiles) results[p] = (panels[p] as PanelResult).at(period);
    byPeriod[period] = compareResults(profiles, results);
  }
  return { periods, byPeriod, panels };
}
