import type { RankTies } from "../internal/rank.js";
import type { CostTransform, NormalizeMethod } from "../internal/specs.js";
import type { Direction } from "../internal/types.js";

/** Context of one indicator that the spec itself does not carry: its direction, goalposts, output range. */
export interface NormalizeOptions {
  /** How the indicator relates to "better"; default `"benefit"`. Cost and target directions are turned so that higher is better. */
  direction?: Direction;
  /** The indicator's fixed bounds [low, high]: used by `goalposts` when the spec has none, and by `target` in place of the sample min/max. */
  goalposts?: [number, number];
  /** Output range of `minmax`, `goalposts` and `target` when the spec does not set one; default [0, 1]. */
  range?: [number, number];
}

/** A condition worth reporting that did not stop normalization. */
export interface NormalizeWarning {
  /** Stable snake_case code: `constant_column` or `all_missing`. */
  code: "constant_column" | "all_missing";
  /** What happened and what the values were set to. */
  message: string;
}

/** What ran: the method, its options and the statistics it used (the provenance of a normalized column). */
export interface NormalizeParams {
  /** The formula that ran: `target` when a target or range direction turned `minmax` or `goalposts` into the moderate formula. */
  method: NormalizeMethod;
  /** The direction applied. */
  direction: Direction;
  /** Number of present (non-NaN) values. */
  n: number;
  /** Number of missing (NaN) values; they stay NaN. */
  missing: number;
  /** Smallest present raw value (NaN when every value is missing). */
  min: number;
  /** Largest present raw value (NaN when every value is missing). */
  max: number;
  /** `zscore`: mean of the direction-aligned values (raw values for benefit and cost, distances for targets). */
  mean?: number;
  /** `zscore`: standard deviation of the direction-aligned values, with `ddof`. */
  sd?: number;
  /** `zscore`: delta degrees of freedom of `sd` (1 = sample, 0 = population). */
  ddof?: 0 | 1;
  /** Fixed bounds used in place of the sample min/max (`goalposts`, or `target` given goalposts). */
  goalposts?: [number, number];
  /** Whether values beyond the goalposts were clipped. */
  clip?: boolean;
  /** How many present values lay beyond the goalposts (and were clipped when `clip`). */
  outside?: number;
  /** Output range of the bounded methods (`minmax`, `goalposts`, `target`). */
  range?: [number, number];
  /** `target`: the target point or the optimal interval. */
  target?: number | [number, number];
  /** `target`: the scale M of the moderate formula, max(a - low, high - b). */
  scale?: number;
  /** `minmax` on a cost indicator: which cost transform ran. */
  cost?: CostTransform;
  /** `rank`: the ties method. */
  ties?: RankTies;
}

/** The normalized column with the parameters that produced it and any warnings. */
export interface NormalizeResult {
  /** Normalized values, aligned with the input; NaN where the input was missing. */
  values: Float64Array;
  /** What ran (method, options, statistics). */
  params: NormalizeParams;
  /** Conditions that did not stop the run (`constant_column`, `all_missing`). */
  warnings: NormalizeWarning[];
}
