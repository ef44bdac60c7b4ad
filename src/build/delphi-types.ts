/**
 * Input and result types of {@link delphi}.
 * @module
 */
import type { KendallW } from "./kendall-w.js";

/** A level of a judgment basis (判断依据): high 大, medium 中, low 小. */
export type BasisLevel = "high" | "medium" | "low";

/** Familiarity (熟悉程度), 6 levels from very familiar (很熟悉) to unfamiliar (很不熟悉). */
export type FamiliarityLevel =
  | "very-familiar"
  | "familiar"
  | "fairly-familiar"
  | "moderate"
  | "less-familiar"
  | "unfamiliar";

/** The four judgment bases of the authority coefficient. */
export type BasisKind = "theory" | "practice" | "literature" | "intuition";

/** One expert's self-rating for the authority coefficient: the judgment basis and familiarity, or Ca and Cs directly. */
export interface DelphiAuthority {
  /** Judgment basis per kind; Ca = the sum of the table values. */
  basis?: Partial<Record<BasisKind, BasisLevel>> | undefined;
  /** Familiarity with the subject; Cs from the table. */
  familiarity?: FamiliarityLevel | undefined;
  /** Judgment coefficient Ca given directly (overrides `basis`). */
  ca?: number | undefined;
  /** Familiarity coefficient Cs given directly (overrides `familiarity`). */
  cs?: number | undefined;
}

/** One Delphi round: experts (rows) x indicators (columns). */
export interface DelphiRound {
  /** Indicator ids, one per column of `ratings`. */
  indicators: readonly string[];
  /** Expert names, one per row (default E1, E2, ...). */
  experts?: readonly string[] | undefined;
  /** Importance ratings, rows = experts, columns = indicators; null or NaN = not rated. */
  ratings: readonly (readonly (number | null)[])[];
  /** Questionnaires sent (distributed); the positive coefficient is returned / sent. */
  sent?: number | undefined;
  /** Per expert (aligned with the rows) self-rating for the authority coefficient; null = not given. */
  authority?: readonly (DelphiAuthority | null)[] | undefined;
}

/** Thresholds of the fixed screening rule; a missing key is not checked. */
export interface DelphiFixedThresholds {
  /** Keep M_j ≥ mean (default 0.7 × scaleMax: 3.5 on a 5-point scale). */
  mean?: number | undefined;
  /** Keep CV_j ≤ cv (default 0.25). */
  cv?: number | undefined;
  /** Keep K_j ≥ fullScore (default: not checked). */
  fullScore?: number | undefined;
}

/** Options of {@link delphi}. */
export interface DelphiOptions {
  /** Highest point of the rating scale (5 on a 1-5 scale); required. */
  scaleMax: number;
  /** Lowest point of the rating scale (default 1); ratings outside [scaleMin, scaleMax] are errors. */
  scaleMin?: number | undefined;
  /** Full score for K_j: the scale maximum (default) or the highest rating found in the round (SPSSAU). */
  fullScore?: "scale" | "observed" | undefined;
  /** Degrees of freedom of SD_j (default 1, as SPSS and Excel STDEV). */
  ddof?: 0 | 1 | undefined;
  /** Screening rule: the cut-off-value method (界值法, default), fixed thresholds, or both (keep only what passes both). */
  rule?: "cutoff" | "fixed" | "both" | undefined;
  /** Degrees of freedom of the SD over indicators in the cut-offs (default 1). */
  cutoffDdof?: 0 | 1 | undefined;
  /**
   * Cut-off method: drop an indicator that fails `any` criterion (default; the rest are kept) or only one that
   * fails `all` three (one or two failures are then `review`).
   */
  cutoffDrop?: "any" | "all" | undefined;
  /** Thresholds of the fixed rule. */
  fixed?: DelphiFixedThresholds | undefined;
  /** Dimension name -> its indicator ids, for Kendall's W per dimension. */
  dimensions?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Judgment-basis table (default: theory 0.3/0.2/0.1, practice 0.5/0.4/0.3, literature and intuition 0.1/0.1/0.1). */
  basisTable?: Readonly<Record<BasisKind, Readonly<Record<BasisLevel, number>>>> | undefined;
  /** Familiarity table (default 1, 0.8, 0.6, 0.4, 0.2, 0). */
  familiarityTable?: Readonly<Record<FamiliarityLevel, number>> | undefined;
  /** Weights from the mean ratings (default) or from the authority-weighted means. */
  weightsFrom?: "mean" | "authority-mean" | undefined;
}

/** Statistics of one indicator in one round. */
export interface DelphiIndicatorStats {
  /** Indicator id. */
  id: string;
  /** Experts who rated it, m_j. */
  rated: number;
  /** Share of the responding experts who rated it. */
  responseRate: number;
  /** Arithmetic mean M_j. */
  mean: number;
  /** Standard deviation SD_j. */
  sd: number;
  /** Coefficient of variation CV_j = SD_j / M_j. */
  cv: number;
  /** Full-score frequency K_j (满分频率). */
  fullScore: number;
  /** Median and quartiles (R type 7). */
  median: number;
  /** First quartile. */
  q1: number;
  /** Third quartile. */
  q3: number;
  /** Interquartile range q3 - q1. */
  iqr: number;
  /** Σ_e Cr_e a_ej / Σ_e Cr_e over the experts with a Cr (NaN without authority). */
  authorityMean: number;
  /** Rank sum R_j in Kendall's W (experts with a full row only). */
  rankSum: number;
}

/** One failed screening criterion. */
export interface DelphiFailure {
  /** The rule that failed: `cutoff` or `fixed`. */
  rule: "cutoff" | "fixed";
  /** The statistic: mean, fullScore or cv. */
  criterion: "mean" | "fullScore" | "cv";
  /** The indicator's value. */
  value: number;
  /** The threshold it missed. */
  threshold: number;
  /** `>=` (value must be at least the threshold) or `<=`. */
  relation: ">=" | "<=";
}

/** The screening verdict of one indicator. */
export interface DelphiVerdict {
  /** Indicator id. */
  id: string;
  /** keep, review (cut-off method with `cutoffDrop: "all"`: one or two failures) or drop. */
  verdict: "keep" | "review" | "drop";
  /** Every criterion it failed. */
  failures: DelphiFailure[];
  /** The failures in words, e.g. `cutoff: mean 2.1667 < 2.6032; cv 0.3474 > 0.2921`, or `passes`. */
  reason: string;
}

/** Authority of one expert. */
export interface DelphiExpertAuthority {
  /** Expert name. */
  expert: string;
  /** Judgment coefficient Ca (NaN if not given). */
  ca: number;
  /** Familiarity coefficient Cs (NaN if not given). */
  cs: number;
  /** Cr = (Ca + Cs) / 2. */
  cr: number;
}

/** Change of an indicator from the previous round. */
export interface DelphiChange {
  /** Indicator id. */
  id: string;
  /** M_j now - M_j before. */
  mean: number;
  /** SD_j now - SD_j before. */
  sd: number;
  /** CV_j now - CV_j before (negative = more agreement). */
  cv: number;
  /** K_j now - K_j before. */
  fullScore: number;
}

/** The result of one round. */
export interface DelphiRoundResult {
  /** 1-based round number. */
  round: number;
  /** Expert names. */
  experts: string[];
  /** Indicator ids. */
  indicators: string[];
  /** Questionnaires sent (NaN if not given). */
  sent: number;
  /** Questionnaires returned: experts with at least one rating. */
  returned: number;
  /** Positive coefficient returned / sent (NaN without `sent`). */
  positiveCoefficient: number;
  /** Authority per expert and for the panel (means over the experts that gave them); null without self-ratings. */
  authority: { experts: DelphiExpertAuthority[]; ca: number; cs: number; cr: number } | null;
  /** Per indicator statistics, in the order of `indicators`. */
  stats: DelphiIndicatorStats[];
  /** Kendall's W over all indicators. */
  kendall: KendallW;
  /** Kendall's W per dimension (`dimensions` option). */
  dimensions: Record<string, KendallW>;
  /** The cut-off values (界值) of this round. */
  cutoffs: { mean: number; fullScore: number; cv: number };
  /** The fixed thresholds used. */
  fixed: { mean?: number; cv?: number; fullScore?: number };
  /** The screening verdict per indicator. */
  verdicts: DelphiVerdict[];
  /** Change from the previous round, for the indicators in both (empty in round 1). */
  change: DelphiChange[];
  /** Kendall's W now - W before (NaN in round 1). */
  wChange: number;
  /** Indicator id -> weight M_j / Σ M_k over the kept indicators (review counts as kept). */
  weights: Record<string, number>;
  /** What is worth a look: dropped experts in W, indicators nobody rated, an undefined W. */
  warnings: string[];
}

/** Result of {@link delphi}. */
export interface DelphiResult {
  /** The rule used. */
  rule: "cutoff" | "fixed" | "both";
  /** Scale of the ratings. */
  scale: [number, number];
  /** Per round, in order. */
  rounds: DelphiRoundResult[];
}
