import type { GradeBoundary, GradeSpec } from "../indicators/schema.js";
import { fail } from "../internal/errors.js";
import { jenks } from "./jenks.js";

/** The cut points a grade spec gives on a sample, with the conventions that apply. */
export interface CutPoints {
  /** The method that made them. */
  method: GradeSpec["method"];
  /** Cut points, ascending (one fewer than the grades). */
  cuts: number[];
  /** Which grade a score on a cut point gets. */
  closed: GradeBoundary;
  /** Decimals scores and cuts are rounded to before comparing, or null (exact). */
  precision: number | null;
  /** What the statistical cuts came from: the sample's mean and SD, the quantile probabilities and type, or Jenks' fit. */
  basis?: { mean: number; sd: number } | { probs: number[]; type: 6 | 7 } | { gvf: number; sdcm: number };
}

/**
 * The cut points of a grade spec on a sample of scores (NaN = no score, left out): the fixed cuts as
 * given; `mean-sd`: mean + k_j SD (sample SD, ddof 1); `quantile`: the quantiles of type 7 (R's
 * default: h = (n - 1) p, linear interpolation) or type 6 (SPSS: h = (n + 1) p, clamped to the
 * sample); `jenks`: the upper bounds of the first k - 1 Fisher-Jenks classes, graded upper-closed.
 * Statistical cuts are relative: the same score changes grade when the sample changes, so the
 * result reports them (and what they came from). Defaults (DOMAIN C4.1): lower-closed and 2
 * decimals for every method but Jenks (upper-closed, exact, as its classes are defined).
 *
 * @param values - The scores (NaN = no score).
 * @param spec - The grade spec.
 * @throws IndicatrixError `invalid_option` (cuts not strictly ascending, neither or both of `probs`
 *   and `classes`), `too_few_values` (fewer than 2 scores for a statistical method), and the errors
 *   of {@link jenks}.
 * @example
 * ```ts
 * const y = [52.3, 55.1, 58.7, 61.2, 63.5, 70.4, 72.8, 74.1, 81.9, 84.6, 88.2, 93.0];
 * cutPoints(y, { method: "quantile", classes: 4 }).cuts; // => [60.575, 71.6, 82.575]
 * cutPoints(y, { method: "jenks", classes: 3 }).cuts; // => [63.5, 74.1]
 * ```
 */
export function cutPoints(values: ArrayLike<number>, spec: GradeSpec): CutPoints {
  const closed = spec.closed ?? (spec.method === "jenks" ? "upper" : "lower");
  const precision = spec.precision === undefined ? (spec.method === "jenks" ? null : 2) : spec.precision;
  const present: number[] = [];
  for (let i = 0; i < values.length; i++)
    if (!Number.isNaN(values[i] as number)) present.push(values[i] as number);
  const out = (cuts: number[], basis?: CutPoints["basis"]): CutPoints => {
    for (let j = 1; j < cuts.length; j++)
      if (!(cuts[j]! > cuts[j - 1]!))
        fail("invalid_option", ["cuts"], `cut points must be strictly ascending, got ${cuts.join(", ")}`);
    return basis === undefined
      ? { method: spec.method, cuts, closed, precision }
      : { method: spec.method, cuts, closed, precision, basis };
  };
  switch (spec.method) {
    case "fixed":
      return out([...spec.cuts]);
    case "mean-sd": {
      const n = needValues(present, 2, "mean-sd");
      const mean = present.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const ks = typeof spec.k === "number" ? [-spec.k, spec.k] : spec.k;
      return out(
        ks.map((k) => mean + k * sd),
        { mean, sd },
      );
    }
    case "quantile": {
      if ((spec.probs === undefined) === (spec.classes === undefined))
        fail("invalid_option", ["probs"], "give either probs or classes for quantile grades");
      const probs =
        spec.probs ?? Array.from({ length: spec.classes! - 1 }, (_, j) => (j + 1) / spec.classes!);
      const type = spec.type ?? 7;
      needValues(present, 2, "quantile");
      const sorted = present.sort((a, b) => a - b);
      return out(
        probs.map((p) => quantileOfType(sorted, p, type)),
        { probs, type },
      );
    }
    case "jenks": {
      const j = jenks(present, spec.classes);
      return out(j.bins.slice(0, -1), { gvf: j.gvf, sdcm: j.sdcm });
    }
  }
}

function needValues(present: readonly number[], min: number, method: string): number {
  if (present.length < min)
    fail("too_few_values", ["values"], `${method} grades need at least ${min} scores, got ${present.length}`);
  return present.length;
}

/** Hyndman & Fan (1996) quantile of sorted values: type 7 h = (n - 1) p (0-based), type 6 h = (n + 1) p (1-based). */
function quantileOfType(sorted: readonly number[], p: number, type: 6 | 7): number {
  const n = sorted.length;
  const h = type === 7 ? (n - 1) * p : Math.min(Math.max((n + 1) * p - 1, 0), n - 1);
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 >= n ? a : a + (h - lo) * (sorted[lo + 1]! - a);
}
