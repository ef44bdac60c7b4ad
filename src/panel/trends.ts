import { IndicatrixError, type Issue } from "../internal/errors.js";
import type { Result } from "../score/result.js";

/**
 * The trend metrics that `PanelResult.trends` computes, by the names its `method` option takes.
 * @example
 * ```ts
 * TREND_METHODS; // => ["cagr", "change", "percent", "slope", "prc-change"]
 * ```
 */
export const TREND_METHODS = ["cagr", "change", "percent", "slope", "prc-change"] as const;

/** A trend metric: compound annual growth rate, absolute change, percent change, OLS slope, COINr `prc_change`. */
export type TrendMethod = (typeof TREND_METHODS)[number];

/** Options of `PanelResult.trends`. */
export interface TrendOptions {
  /** Node ids (default: every active node of the first period's profile). */
  nodes?: readonly string[];
  /** The metric reported as `value` (default `"cagr"`); every metric is reported anyway. */
  method?: TrendMethod;
}

/** The trend of one unit's series of one node. */
export interface TrendRow {
  /** Unit id. */
  unit: string;
  /** Node id. */
  node: string;
  /** The metric of `method`. */
  value: number;
  /** y_L - y_F (NaN with fewer than 2 observations). */
  change: number;
  /** (y_L - y_F)/(t_L - t_F). */
  perPeriod: number;
  /** 100 (y_L - y_F)/y_F (NaN when y_F = 0). */
  percent: number;
  /** (y_L/y_F)^(1/(t_L - t_F)) - 1, 0 when y_L = y_F (COINr `CAGR`); NaN when y_F = 0 or the signs differ. */
  cagr: number;
  /** OLS slope of y on t over the observations. */
  slope: number;
  /** COINr `prc_change(y, t)`: 2 points 100 change/(y_F (t_L - t_F)); 3 or more: 100 b/(a + b t_F) of the OLS fit. */
  prcChange: number;
  /** Number of observed periods. */
  n: number;
  /** Share of the panel's periods observed (COINr `Avail`). */
  available: number;
  /** First period used (undefined with fewer than 2 observations, as COINr `t_first`). */
  first: string | undefined;
  /** Last period used (COINr `t_latest`). */
  last: string | undefined;
}

/** The trends of a panel, with the warnings met (`zero_base`, `sign_change`). */
export interface TrendResult {
  /** One row per unit and node, units in panel order, nodes in the order asked. */
  rows: TrendRow[];
  /** Warnings: a growth rate undefined because the first value is 0 or the signs differ. */
  diagnostics: Issue[];
  /** The conventions that ran. */
  provenance: {
    method: TrendMethod;
    times: "period values" | "positions";
    missing: "dropped";
    directions: "as scored";
  };
}

/** The metrics of one series (t, y), missing y dropped. @internal */
export function trendOf(
  t: readonly number[],
  y: ArrayLike<number>,
): Omit<TrendRow, "unit" | "node" | "value" | "first" | "last" | "available"> & {
  firstIndex: number;
  lastIndex: number;
} {
  const ts: number[] = [];
  const ys: number[] = [];
  let firstIndex = -1;
  let lastIndex = -1;
  for (let k = 0; k < y.length; k++) {
    const v = y[k]!;
    if (Number.isNaN(v)) continue;
    if (firstIndex < 0) firstIndex = k;
    lastIndex = k;
    ts.push(t[k]!);
    ys.push(v);
  }
  const n = ys.length;
  const nan = Number.NaN;
  if (n < 2)
    return {
      change: nan,
      perPeriod: nan,
      percent: nan,
      cagr: nan,
      slope: nan,
      prcChange: nan,
      n,
      firstIndex,
      lastIndex,
    };
  const yF = ys[0]!;
  const yL = ys[n - 1]!;
  const tF = ts[0]!;
  const tL = ts[n - 1]!;
  const change = yL - yF;
  const cagr = yL === yF ? 0 : yF === 0 || yF * yL < 0 ? nan : (yL / yF) ** (1 / (tL - tF)) - 1;
  let tm = 0;
  let ym = 0;
  for (let k = 0; k < n; k++) {
    tm += ts[k]!;
    ym += ys[k]!;
  }
  tm /= n;
  ym /= n;
  let sty = 0;
  let stt = 0;
  for (let k = 0; k < n; k++) {
    sty += (ts[k]! - tm) * (ys[k]! - ym);
    stt += (ts[k]! - tm) * (ts[k]! - tm);
  }
  const slope = sty / stt;
  const allEqual = ys.every((v) => v === yF);
  let prcChange: number;
  if (allEqual) prcChange = 0;
  else if (n === 2) prcChange = ((100 * change) / yF) * (1 / (tL - tF));
  else {
    const a = ym - slope * tm;
    prcChange = (100 * slope) / (a + slope * tF);
  }
  return {
    change,
    perPeriod: change / (tL - tF),
    percent: yF === 0 ? nan : (100 * change) / yF,
    cagr,
    slope,
    prcChange,
    n,
    firstIndex,
    lastIndex,
  };
}

/** The part of a panel result that {@link trends} reads. @internal */
export interface PeriodResults {
  /** Periods in order. */
  periods: string[];
  /** Units in order. */
  units: string[];
  /** One period's result. */
  at(period: string): Result;
}

/**
 * Per scored unit and node, the trend of its scores over the periods (COINr `get_trends` on the scored data set):
 * missing periods (and periods where the unit is absent) are dropped; the first and last observed points
 * give the change, percent change and CAGR (COINr `CAGR`: 0 when they are equal; NaN with fewer than two
 * observations); every observation gives the OLS slope and COINr's `prc_change`. Time is the period as a
 * number, or its position when periods are not numbers. A CAGR or percent change with a first value of 0
 * (COINr: Inf) or a sign change is NaN with a `zero_base` or `sign_change` warning. Scores are already
 * direction-aligned (higher is better), so a positive trend is an improvement.
 * @internal
 */
export function trends(panel: PeriodResults, times: readonly number[], opts: TrendOptions = {}): TrendResult {
  const method = opts.method ?? "cagr";
  if (!(TREND_METHODS as readonly string[]).includes(method))
    throw new IndicatrixError(
      "invalid_option",
      `opts.method: expected one of ${TREND_METHODS.join(", ")}, got ${JSON.stringify(method)}`,
      { path: ["opts", "method"] },
    );
  const numeric = times.every((t) => !Number.isNaN(t));
  const t = numeric ? times : panel.periods.map((_, k) => k);
  const results = panel.periods.map((p) => panel.at(p));
  const known = new Set(results.flatMap((r) => Object.keys(r.scores)));
  const nodes = opts.nodes ?? [...(results[0] as Result).resolved.nodes.keys()];
  for (const [i, id] of nodes.entries())
    if (!known.has(id))
      throw new IndicatrixError(
        "unknown_node",
        `opts.nodes[${i}]: "${id}" is not a scored node of the panel`,
        {
          path: ["opts", "nodes", i],
        },
      );
  const index = results.map((r) => new Map(r.units.map((u, i) => [u, i])));
  // Scored units only: units with child units (streets, districts) have roll-ups, not scores.
  const scored = panel.units.filter((u) => index.some((m) => m.has(u)));
  const rows: TrendRow[] = [];
  const diagnostics: Issue[] = [];
  const y = new Float64Array(t.length);
  for (const node of nodes) {
    const cols = results.map((r) => r.scores[node]);
    for (const unit of scored) {
      for (let k = 0; k < t.length; k++) {
        const i = index[k]!.get(unit);
        const c = cols[k];
        y[k] = i === undefined || c === undefined ? Number.NaN : c[i]!;
      }
      const m = trendOf(t, y);
      const two = m.n >= 2;
      const row: TrendRow = {
        unit,
        node,
        value: Number.NaN,
        change: m.change,
        perPeriod: m.perPeriod,
        percent: m.percent,
        cagr: m.cagr,
        slope: m.slope,
        prcChange: m.prcChange,
        n: m.n,
        available: m.n / t.length,
        first: two ? panel.periods[m.firstIndex] : undefined,
        last: two ? panel.periods[m.lastIndex] : undefined,
      };
      row.value =
        method === "cagr"
          ? row.cagr
          : method === "change"
            ? row.change
            : method === "percent"
              ? row.percent
              : method === "slope"
                ? row.slope
                : row.prcChange;
      if (two && Number.isNaN(m.cagr)) {
        const zero = y[m.firstIndex] === 0;
        diagnostics.push({
          code: zero ? "zero_base" : "sign_change",
          severity: "warning",
          path: ["trends", unit, node],
          where: `unit "${unit}", node "${node}"`,
          message: zero
            ? `the first value (period ${row.first}) is 0, so the growth rate is undefined (NaN; COINr gives Inf)`
            : `the first and last values have opposite signs, so the growth rate is undefined (NaN)`,
        });
      }
      rows.push(row);
    }
  }
  return {
    rows,
    diagnostics,
    provenance: {
      method,
      times: numeric ? "period values" : "positions",
      missing: "dropped",
      directions: "as scored",
    },
  };
}
