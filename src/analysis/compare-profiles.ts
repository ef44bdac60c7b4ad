import type { Model } from "../indicators/schema.js";
import { IndicatrixError } from "../internal/errors.js";
import type { PanelInput } from "../panel/panel-data.js";
import { type PanelResult, type ScorePanelOptions, scorePanel } from "../panel/score-panel.js";
import type { DatasetInput } from "../score/dataset.js";
import { type Result, score } from "../score/score.js";
import { kendall, spearman } from "./rank-correlation.js";

/** Scores of the same units under several profiles, side by side. */
export interface Comparison {
  /** The profiles compared, in the order given. */
  profiles: string[];
  /** Scored unit ids. */
  units: string[];
  /** Overall score per profile, aligned with `units`. */
  scores: Record<string, Float64Array>;
  /** Overall rank per profile (1 = best, 0 = no score). */
  ranks: Record<string, Uint32Array>;
  /**
   * Rank under the last profile minus rank under the first: positive = the unit falls behind; `NaN` when the
   * unit has no rank under the first or the last profile (no shift to report, not a shift of 0).
   */
  rankShift: Float64Array;
  /** Global weight of every node under each profile (0 when inactive), and the difference last - first. */
  weights: { node: string; weights: Record<string, number>; difference: number }[];
  /** Rank correlations between the overall scores of each pair of profiles. */
  correlations: { a: string; b: string; spearman: number; kendall: number }[];
  /** The full results, by profile. */
  results: Record<string, Result>;
}

/** Options of {@link compareProfiles} for a panel: the period column and `scorePanel`'s options but the profile. */
export interface ComparePanelOptions extends Omit<ScorePanelOptions, "profile"> {
  /** The period column of the rows (e.g. `"year"`): compare period by period. */
  period: string;
}

/** {@link compareProfiles} over a panel: one comparison per period. */
export interface PanelComparison {
  /** The periods, in order. */
  periods: string[];
  /** The comparison of each period: its units scored under each profile (ranks within the period). */
  byPeriod: Record<string, Comparison>;
  /** The panel scored under each profile, by profile. */
  panels: Record<string, PanelResult>;
}

/**
 * Scores the same data under several profiles (e.g. `normal` and `emergency`) and compares them:
 * per unit the scores, ranks and rank shift; per node the global weights and their difference; and
 * Spearman's and Kendall's (tau-b) correlations between the rankings.
 *
 * With `opts.period` the data are a panel: each profile scores the whole panel (`scorePanel`, with the
 * basis of `opts`, pooled by default: the same normalization bounds under every profile and in every
 * period), and each period is compared on its own: the comparison of a period is that of its rows
 * scored with the panel's bounds, ranks within the period.
 *
 * @throws IndicatrixError `invalid_option` for fewer than two profiles, and the errors of `score`
 *   (`scorePanel` for a panel).
 * @example
 * ```ts
 * const c = compareProfiles(model, data, ["normal", "emergency"]);
 * c.correlations[0].spearman; // => 0.71
 * const byYear = compareProfiles(model, panelRows, ["normal", "emergency"], { period: "year" });
 * byYear.byPeriod["2023"].rankShift; // => Float64Array [...] (2023's rank shifts)
 * ```
 */
export function compareProfiles(model: Model, data: DatasetInput, profiles: readonly string[]): Comparison;
export function compareProfiles(
  model: Model,
  data: PanelInput,
  profiles: readonly string[],
  opts: ComparePanelOptions,
): PanelComparison;
export function compareProfiles(
  model: Model,
  data: DatasetInput | PanelInput,
  profiles: readonly string[],
  opts?: ComparePanelOptions,
): Comparison | PanelComparison {
  if (!Array.isArray(profiles) || profiles.length < 2)
    throw new IndicatrixError("invalid_option", "profiles: expected at least two profile names to compare");
  if (opts !== undefined) {
    if (opts === null || typeof opts !== "object" || typeof opts.period !== "string")
      throw new IndicatrixError("invalid_option", "opts.period: expected the period column of the panel", {
        path: ["opts", "period"],
      });
    const panels: Record<string, PanelResult> = {};
    for (const p of profiles) panels[p] = scorePanel(model, data as PanelInput, { ...opts, profile: p });
    const periods = (panels[profiles[0] as string] as PanelResult).periods;
    const byPeriod: Record<string, Comparison> = {};
    for (const period of periods) {
      const results: Record<string, Result> = {};
      for (const p of profiles) results[p] = (panels[p] as PanelResult).at(period);
      byPeriod[period] = compareResults(profiles, results);
    }
    return { periods, byPeriod, panels };
  }
  const results: Record<string, Result> = {};
  for (const p of profiles) results[p] = score(model, data as DatasetInput, { profile: p });
  return compareResults(profiles, results);
}

/** The comparison of results of the same units under each profile. */
function compareResults(profiles: readonly string[], results: Record<string, Result>): Comparison {
  const first = results[profiles[0] as string] as Result;
  const last = results[profiles[profiles.length - 1] as string] as Result;
  const root = first.resolved.root;
  const scores: Record<string, Float64Array> = {};
  const ranks: Record<string, Uint32Array> = {};
  for (const p of profiles) {
    scores[p] = (results[p] as Result).scores[root] as Float64Array;
    ranks[p] = (results[p] as Result).ranks[root] as Uint32Array;
  }
  const rankShift = new Float64Array(first.units.length);
  const r0 = ranks[profiles[0] as string] as Uint32Array;
  const r1 = ranks[profiles[profiles.length - 1] as string] as Uint32Array;
  for (let i = 0; i < rankShift.length; i++) {
    const a = r0[i]!;
    const b = r1[i]!;
    rankShift[i] = a && b ? b - a : Number.NaN;
  }
  const nodes = new Set<string>();
  for (const p of profiles)
    for (const id of Object.keys((results[p] as Result).weights.global)) nodes.add(id);
  const weights = [...nodes].map((node) => {
    const w: Record<string, number> = {};
    for (const p of profiles) w[p] = (results[p] as Result).weights.global[node] ?? 0;
    return {
      node,
      weights: w,
      difference: (last.weights.global[node] ?? 0) - (first.weights.global[node] ?? 0),
    };
  });
  const correlations: Comparison["correlations"] = [];
  for (let i = 0; i < profiles.length; i++)
    for (let j = i + 1; j < profiles.length; j++) {
      const a = profiles[i] as string;
      const b = profiles[j] as string;
      correlations.push({
        a,
        b,
        spearman: spearman(scores[a] as Float64Array, scores[b] as Float64Array),
        kendall: kendall(scores[a] as Float64Array, scores[b] as Float64Array),
      });
    }
  return {
    profiles: [...profiles],
    units: first.units,
    scores,
    ranks,
    rankShift,
    weights,
    correlations,
    results,
  };
}
