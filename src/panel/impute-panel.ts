import { IndicatrixError } from "../internal/errors.js";
import type { Dataset } from "../score/dataset.js";
import type { PanelData } from "./panel-data.js";

/**
 * How a unit's missing indicator values are filled from its own other periods (COINr `impute_panel`):
 * - `"latest"` (COINr's default): the most recent earlier period that has a value, looking back at most
 *   `maxGap` periods (positions in the panel, not years; default all); leading gaps stay missing;
 * - `"constant"`: the previous observed value; before the first observation the first one (R `approx`,
 *   `method = "constant", f = 0, rule = 2`);
 * - `"linear"`: linear in the time values between the observations around the gap, the nearest
 *   observation before the first or after the last (R `approx`, `rule = 2`); a series with a single
 *   observation is left as it is.
 * COINr reads `max_time` for `"latest"` only; indicatrix refuses `maxGap` with the other methods rather
 * than ignore it.
 */
export interface PanelImputeSpec {
  /** The rule. */
  method: "latest" | "linear" | "constant";
  /** `"latest"`: how many earlier periods to look back at most (default: all). */
  maxGap?: number;
}

/** One value filled by the panel imputation. */
export interface ImputedValue {
  /** Unit id. */
  unit: string;
  /** The period filled. */
  period: string;
  /** The data column (indicator) filled. */
  indicator: string;
  /** The value written. */
  value: number;
  /** The rule that wrote it. */
  method: PanelImputeSpec["method"];
  /** The periods the value was taken or interpolated from. */
  from: string[];
}

/** Checks the spec: a method and, for `"latest"`, a positive integer `maxGap`. @internal */
export function checkImputeSpec(spec: PanelImputeSpec): PanelImputeSpec {
  if (spec === null || typeof spec !== "object" || !["latest", "linear", "constant"].includes(spec.method))
    throw new IndicatrixError(
      "invalid_option",
      `opts.impute: expected { method: "latest" | "linear" | "constant", maxGap? }, got ${JSON.stringify(spec)}`,
      { path: ["opts", "impute"] },
    );
  if (spec.maxGap !== undefined) {
    if (spec.method !== "latest")
      throw new IndicatrixError(
        "invalid_option",
        `opts.impute.maxGap: only the "latest" rule looks back a limited number of periods (COINr ignores max_time for "${spec.method}")`,
        { path: ["opts", "impute", "maxGap"] },
      );
    if (!Number.isInteger(spec.maxGap) || spec.maxGap < 1)
      throw new IndicatrixError(
        "invalid_option",
        `opts.impute.maxGap: expected a positive integer, got ${JSON.stringify(spec.maxGap)}`,
        { path: ["opts", "impute", "maxGap"] },
      );
  }
  return spec;
}

/**
 * Fills each unit's missing values of `columns` from its own other periods by `spec`, and reports every
 * value filled. Only cells of rows present in the panel are filled (a unit absent from a period stays
 * absent). Returns a dataset with the filled columns copied (the panel's columns are never modified).
 * Time values are the periods as numbers, or their positions when they are not numbers.
 *
 * @param panel - the panel (`toPanel`).
 * @param spec - the rule and its look-back.
 * @param columns - the data columns to fill (default: every column of the dataset).
 * @throws IndicatrixError `invalid_option` (a bad spec).
 * @example
 * ```ts
 * const panel = toPanel([2019, 2020, 2021, 2022, 2023].map((year, k) => ({ unit: "a", year, y: [null, 4, null, null, 10][k] })));
 * imputePanel(panel, { method: "linear" }).dataset.columns.get("y"); // => Float64Array [4, 4, 6, 8, 10]
 * ```
 */
export function imputePanel(
  panel: PanelData,
  spec: PanelImputeSpec,
  columns?: readonly string[],
): { dataset: Dataset; imputed: ImputedValue[] } {
  checkImputeSpec(spec);
  const ds = panel.dataset;
  const r = panel.blocks.length;
  const times = panel.times.every((t) => !Number.isNaN(t)) ? panel.times : panel.blocks.map((_, k) => k);
  // Row of each unit in each period (-1 when absent).
  const unitIndex = new Map(panel.units.map((u, i) => [u, i]));
  const rowOf = new Int32Array(panel.units.length * r).fill(-1);
  for (const [k, b] of panel.blocks.entries())
    for (let s = b.start; s < b.end; s++) rowOf[unitIndex.get(ds.units[s]!)! * r + k] = s;
  const imputed: ImputedValue[] = [];
  const out = new Map(ds.columns);
  const y = new Float64Array(r);
  for (const c of columns ?? [...ds.columns.keys()]) {
    const col = ds.columns.get(c);
    if (!col) continue;
    let copy: Float64Array | undefined;
    for (const [u, ui] of unitIndex) {
      let observed = 0;
      let gaps = 0;
      for (let k = 0; k < r; k++) {
        const s = rowOf[ui * r + k]!;
        y[k] = s < 0 ? Number.NaN : col[s]!;
        if (!Number.isNaN(y[k]!)) observed++;
        else if (s >= 0) gaps++;
      }
      if (gaps === 0 || observed === 0) continue;
      for (let k = 0; k < r; k++) {
        const s = rowOf[ui * r + k]!;
        if (s < 0 || !Number.isNaN(y[k]!)) continue;
        const fill = fillAt(y, times, k, spec);
        if (fill === undefined) continue;
        copy ??= Float64Array.from(col);
        copy[s] = fill.value;
        imputed.push({
          unit: u,
          period: panel.periods[k] as string,
          indicator: c,
          value: fill.value,
          method: spec.method,
          from: fill.from.map((j) => panel.periods[j] as string),
        });
      }
    }
    if (copy) out.set(c, copy);
  }
  return { dataset: { ...ds, columns: out }, imputed };
}

/** The value at position k of a series by the rule, from the observed (original) values only. */
function fillAt(
  y: Float64Array,
  t: readonly number[],
  k: number,
  spec: PanelImputeSpec,
): { value: number; from: number[] } | undefined {
  let prev = -1;
  for (let j = k - 1; j >= 0; j--)
    if (!Number.isNaN(y[j]!)) {
      prev = j;
      break;
    }
  if (spec.method === "latest") {
    if (prev < 0 || (spec.maxGap !== undefined && k - prev > spec.maxGap)) return undefined;
    return { value: y[prev]!, from: [prev] };
  }
  let next = -1;
  for (let j = k + 1; j < y.length; j++)
    if (!Number.isNaN(y[j]!)) {
      next = j;
      break;
    }
  if (spec.method === "constant") {
    const j = prev >= 0 ? prev : next;
    return { value: y[j]!, from: [j] };
  }
  // linear: R approx(rule = 2) needs two observations.
  let count = 0;
  for (let j = 0; j < y.length; j++) if (!Number.isNaN(y[j]!)) count++;
  if (count < 2) return undefined;
  if (prev < 0) return { value: y[next]!, from: [next] };
  if (next < 0) return { value: y[prev]!, from: [prev] };
  const f = (t[k]! - t[prev]!) / (t[next]! - t[prev]!);
  return { value: y[prev]! + f * (y[next]! - y[prev]!), from: [prev, next] };
}
