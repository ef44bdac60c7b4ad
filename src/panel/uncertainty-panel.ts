import {
  analyse,
  type RunBasis,
  type RunOptions,
  runOptions,
  runsTask,
  type SensitivityIndex,
  summarizeRanks,
  type UncertaintyFactor,
  type UncertaintyOptions,
  type UnitUncertainty,
} from "../analysis/uncertainty.js";
import type { Model } from "../indicators/schema.js";
import { IndicatrixError } from "../internal/errors.js";
import type { Result } from "../score/result.js";
import type { PanelInput } from "./panel-data.js";
import { type ScorePanelOptions, scorePanel } from "./score-panel.js";

/** Options of {@link uncertaintyPanel}: those of `uncertaintyAnalysis` and how the panel is read. */
export interface PanelUncertaintyOptions
  extends UncertaintyOptions,
    Pick<ScorePanelOptions, "period" | "periods" | "unitKey" | "impute"> {}

/** The rank intervals of one period. */
export interface PeriodUncertainty {
  /** The period. */
  period: string;
  /** Scored unit ids of the period. */
  units: string[];
  /** Per unit: nominal rank within the period, median, 5-95% interval, mean, mean shift over the runs. */
  ranks: UnitUncertainty[];
  /** Nominal root ranks within the period (1 = best, 0 = no score). */
  nominal: Uint32Array;
  /** Mean absolute rank shift of the period's units versus their nominal ranks, averaged over the runs. */
  meanAbsShift: number;
}

/** Result of {@link uncertaintyPanel}. */
export interface PanelUncertaintyResult {
  /** The profile analysed. */
  profile: string;
  /** The periods, in order. */
  periods: string[];
  /** The rank intervals of each period. */
  byPeriod: Record<string, PeriodUncertainty>;
  /** Mean absolute rank shift over every unit-period (ranks within the periods), averaged over the runs. */
  meanAbsShift: number;
  /** The output of each run: its mean absolute rank shift over every unit-period. */
  outputs: Float64Array;
  /** Number of runs done. */
  runs: number;
  /** The uncertain factors, in the order used. */
  factors: UncertaintyFactor[];
  /** `saltelli` or `monte-carlo`, as `uncertaintyAnalysis`. */
  design: "saltelli" | "monte-carlo";
  /** Sensitivity indices of the panel-wide output, as `uncertaintyAnalysis`. */
  sensitivity: SensitivityIndex[] | null;
  /** Every option that ran, with `basis: "pooled"` and the panel's period column. */
  provenance: Record<string, unknown>;
}

/** What the runs over a panel read: the options of the runs and how the panel is read. */
type PanelRunOptions = RunOptions & Pick<ScorePanelOptions, "period" | "periods" | "unitKey" | "impute">;

/** The pooled panel as the runs' basis, with its periods and each period's result. */
interface PooledBasis extends RunBasis {
  blocks: { start: number; end: number }[];
  periods: string[];
  results: Result[];
  periodColumn: string;
}

/**
 * Scores the panel on the pooled basis and stacks its periods into one result (what the analysis
 * engine takes apart): pooled normalized columns, the pooled weights (the same in every period), the
 * raw values for the normalization alternatives; every period is ranked apart (its block of rows).
 * On the calling thread and, the same way, once in each worker.
 */
function pooledBasis(model: Model, data: PanelInput, opts: PanelRunOptions): PooledBasis {
  const panel = scorePanel(model, data, {
    ...(opts.period !== undefined ? { period: opts.period } : {}),
    ...(opts.periods !== undefined ? { periods: opts.periods } : {}),
    ...(opts.unitKey !== undefined ? { unitKey: opts.unitKey } : {}),
    ...(opts.impute !== undefined ? { impute: opts.impute } : {}),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    basis: "pooled",
    weights: "pooled",
  });
  const { periods } = panel;
  const results = periods.map((p) => panel.at(p));
  const first = results[0] as Result;
  const root = first.resolved.root;
  const blocks: { start: number; end: number }[] = [];
  let m = 0;
  for (const r of results) {
    blocks.push({ start: m, end: m + r.units.length });
    m += r.units.length;
  }
  const stack = (get: (r: Result) => Float64Array | undefined): Float64Array => {
    const out = new Float64Array(m).fill(Number.NaN);
    results.forEach((r, k) => {
      const col = get(r);
      if (col) out.set(col, (blocks[k] as { start: number }).start);
    });
    return out;
  };
  const scores: Record<string, Float64Array> = {};
  for (const id of first.resolved.nodes.keys()) scores[id] = stack((r) => r.scores[id]);
  const raw: Record<string, Float64Array> = {};
  for (const id of first.resolved.indicators) raw[id] = stack((r) => r.raw[id]);
  const nominal = new Uint32Array(m);
  results.forEach((r, k) => {
    nominal.set(r.ranks[root] as Uint32Array, (blocks[k] as { start: number }).start);
  });
  const result: Result = { ...first, units: results.flatMap((r) => r.units), scores, raw };
  return { result, nominal, blocks, periods, results, periodColumn: panel.provenance.periodColumn };
}

/** The runs of {@link uncertaintyPanel} in a worker: it scores the panel as the calling thread did. @internal */
export const uncertaintyPanelTask = runsTask<PanelRunOptions>((model, data, opts) =>
  pooledBasis(model, data as PanelInput, opts),
);

/**
 * The uncertainty analysis of `uncertaintyAnalysis` over a panel, with rank intervals per period. The
 * panel is scored on the pooled basis (`scorePanel` with `basis` and `weights` `"pooled"`: one set of
 * normalization bounds and one weight vector over every unit-period), and every run draws its
 * assumptions once for the whole panel (the same weight noise, normalization, aggregation or indicator
 * left out in every period, a normalization alternative applied with pooled statistics, data-driven
 * weights re-estimated over every unit-period), then ranks the units within each period. So a run is one
 * coherent alternative scoring of all the years, and a unit's interval in a period says how far its rank
 * in that year depends on the assumptions. One profile for every period (`opts.profile`). Deterministic
 * with `seed`; a one-period panel gives exactly `uncertaintyAnalysis` on its rows. In Node the runs are
 * split over `threads` worker threads as in `uncertaintyAnalysis` (each worker scores the pooled panel
 * once from its copy of the rows), with the same result as on one thread.
 *
 * @throws IndicatrixError the errors of `uncertaintyAnalysis` (`invalid_option`...) and of `scorePanel`.
 * @example
 * ```ts
 * const ua = uncertaintyPanel(model, rows, { period: "year", runs: 500, seed: 7, leaveOneOut: true });
 * ua.byPeriod["2023"].ranks[0]; // => { unit: "A", nominal: 3, median: 3, p05: 2, p95: 3, ... }
 * ```
 */
export function uncertaintyPanel(
  model: Model,
  data: PanelInput,
  opts: PanelUncertaintyOptions = {},
): PanelUncertaintyResult {
  if (opts === null || typeof opts !== "object")
    throw new IndicatrixError("invalid_option", "opts: expected an options object", { path: ["opts"] });
  if (opts.profile !== undefined && typeof opts.profile !== "string")
    throw new IndicatrixError(
      "invalid_option",
      "opts.profile: expected one profile name (the analysis runs one profile over every period)",
      { path: ["opts", "profile"] },
    );
  const read: PanelRunOptions = {
    ...runOptions(opts),
    ...(opts.period !== undefined ? { period: opts.period } : {}),
    ...(opts.periods !== undefined ? { periods: opts.periods } : {}),
    ...(opts.unitKey !== undefined ? { unitKey: opts.unitKey } : {}),
    ...(opts.impute !== undefined ? { impute: opts.impute } : {}),
  };
  const basis = pooledBasis(model, data, read);
  const { periods, results, blocks, nominal } = basis;
  const m = nominal.length;
  const out = analyse(basis, opts, { task: "uncertaintyPanel", model, data, opts: read });

  const byPeriod: Record<string, PeriodUncertainty> = {};
  periods.forEach((period, k) => {
    const { start, end } = blocks[k] as { start: number; end: number };
    const n = end - start;
    const sub = new Uint32Array(out.runs * n);
    let shift = 0;
    for (let r = 0; r < out.runs; r++) {
      const row = out.rankMatrix.subarray(r * m + start, r * m + end);
      sub.set(row, r * n);
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const a = row[i]!;
        const b = nominal[start + i]!;
        if (a === 0 || b === 0) continue;
        sum += Math.abs(a - b);
        count++;
      }
      shift += count > 0 ? sum / count : 0;
    }
    const units = (results[k] as Result).units;
    const own = nominal.subarray(start, end);
    byPeriod[period] = {
      period,
      units,
      ranks: summarizeRanks(units, own, sub, out.runs),
      nominal: own,
      meanAbsShift: out.runs > 0 ? shift / out.runs : 0,
    };
  });
  return {
    profile: out.profile,
    periods,
    byPeriod,
    meanAbsShift: out.meanAbsShift,
    outputs: out.outputs,
    runs: out.runs,
    factors: out.factors,
    design: out.design,
    sensitivity: out.sensitivity,
    provenance: {
      ...out.provenance,
      basis: "pooled",
      weights: out.provenance.weights,
      dataWeights: "pooled",
      periodColumn: basis.periodColumn,
      periods,
      ranks: "within each period",
      output: "mean absolute rank shift versus the nominal ranking, over every unit-period",
    },
  };
}
