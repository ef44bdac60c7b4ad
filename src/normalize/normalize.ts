import { fail } from "../internal/errors.js";
import { type RankTies, rankAscending } from "../internal/rank.js";
import {
  type CostTransform,
  NORMALIZE_METHODS,
  type NormalizeMethod,
  type NormalizeSpec,
} from "../internal/specs.js";
import type { Direction } from "../internal/types.js";
import { checkInterval, scanColumn } from "./scan.js";

export type { NormalizeMethod } from "../internal/specs.js";

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
  code: string;
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

interface Resolved {
  method: NormalizeMethod;
  opts: Record<string, unknown>;
}

function resolveSpec(spec: NormalizeSpec): Resolved {
  if (typeof spec === "string") {
    if (!(NORMALIZE_METHODS as readonly string[]).includes(spec))
      fail(
        "invalid_spec",
        "spec",
        `unknown normalization method "${spec}"; expected one of ${NORMALIZE_METHODS.join(", ")}`,
      );
    return { method: spec, opts: {} };
  }
  if (
    spec === null ||
    typeof spec !== "object" ||
    !(NORMALIZE_METHODS as readonly string[]).includes(spec.method)
  )
    fail(
      "invalid_spec",
      "spec",
      `expected a method name or { method, ... } with method one of ${NORMALIZE_METHODS.join(", ")}, got ${JSON.stringify(spec)}`,
    );
  return { method: spec.method, opts: spec as unknown as Record<string, unknown> };
}

/** Target point or interval as [a, b] (a = b for a point). */
function checkTarget(t: unknown, path: string): [number, number] {
  if (typeof t === "number") {
    if (!Number.isFinite(t)) fail("invalid_option", path, `target must be a finite number, got ${t}`);
    return [t, t];
  }
  if (
    Array.isArray(t) &&
    t.length === 2 &&
    typeof t[0] === "number" &&
    typeof t[1] === "number" &&
    Number.isFinite(t[0]) &&
    Number.isFinite(t[1]) &&
    t[0] <= t[1]
  )
    return [t[0], t[1]];
  fail(
    "invalid_option",
    path,
    `target must be a finite number or an interval [a, b] with a <= b, got ${JSON.stringify(t)}`,
  );
}

type Dir = { kind: "benefit" } | { kind: "cost" } | { kind: "target"; a: number; b: number };

function checkDirection(d: unknown): Dir {
  if (d === "benefit") return { kind: "benefit" };
  if (d === "cost") return { kind: "cost" };
  if (d !== null && typeof d === "object") {
    const o = d as { target?: unknown; range?: unknown };
    if ("target" in o) {
      const [a, b] = checkTarget(o.target, "opts.direction.target");
      if (a !== b)
        fail("invalid_direction", "opts.direction.target", "a target direction takes a single number");
      return { kind: "target", a, b };
    }
    if ("range" in o) {
      const [a, b] = checkTarget(o.range, "opts.direction.range");
      return { kind: "target", a, b };
    }
  }
  fail(
    "invalid_direction",
    "opts.direction",
    `expected "benefit", "cost", { target: number } or { range: [a, b] }, got ${JSON.stringify(d)}`,
  );
}

/** Direction-aligned value for the rank-type and distance methods: x, -x, or minus the distance to the target. */
function aligned(values: ArrayLike<number>, dir: Dir): ArrayLike<number> {
  if (dir.kind === "benefit") return values;
  const out = new Float64Array(values.length);
  if (dir.kind === "cost") {
    for (let i = 0; i < values.length; i++) out[i] = -(values[i] as number);
    return out;
  }
  const { a, b } = dir;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    out[i] = x < a ? x - a : x > b ? b - x : Number.isNaN(x) ? Number.NaN : 0;
  }
  return out;
}

function minMaxOf(x: ArrayLike<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** Sets every present entry of `out` to `value` (missing entries to NaN). */
function fillPresent(values: ArrayLike<number>, out: Float64Array, value: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    out[i] = Number.isNaN(v) ? Number.NaN : value;
  }
}

/** z = x * scale + offset maps the goalposts [gl, gu] onto [lo, hi] (reversed for a cost indicator). */
function goalpostsAffine(
  gl: number,
  gu: number,
  lo: number,
  hi: number,
  cost: boolean,
): { scale: number; offset: number } {
  const width = hi - lo;
  const span = gu - gl;
  return cost
    ? { scale: -width / span, offset: lo + gu * (width / span) }
    : { scale: width / span, offset: lo - gl * (width / span) };
}

/**
 * The normalization of a column as an affine map z = x * scale + offset, clipped to [clipLo, clipHi]:
 * min-max (benefit, or cost by reflection) and goalposts (benefit or cost). `undefined` for every other
 * method and direction, and for a column with no present value. The scoring engine uses it to fuse
 * normalization into aggregation without materializing the normalized column; `normalizeDetailed`
 * computes the same numbers.
 * @internal
 */
export function affineNormalization(
  values: Float64Array,
  spec: NormalizeSpec,
  opts: NormalizeOptions = {},
):
  | {
      scale: number;
      offset: number;
      clipLo: number;
      clipHi: number;
      params: NormalizeParams;
      warnings: NormalizeWarning[];
    }
  | undefined {
  const { method, opts: so } = resolveSpec(spec);
  const direction: Direction = opts.direction ?? "benefit";
  if (direction !== "benefit" && direction !== "cost") return undefined;
  if (method !== "minmax" && method !== "goalposts") return undefined;
  if (method === "minmax" && so.cost !== undefined && so.cost !== "reflect") return undefined;
  const gp = method === "goalposts" ? (so.goalposts ?? opts.goalposts) : undefined;
  if (method === "goalposts" && (gp === undefined || so.clip === false)) return undefined;
  const range = (so.range ?? opts.range ?? [0, 1]) as [number, number];
  const scan = scanColumn(values, "values");
  if (scan.n === 0) return undefined;
  const [lo, hi] = checkInterval(range, so.range !== undefined ? "spec.range" : "opts.range", "range");
  const params: NormalizeParams = {
    method,
    direction,
    n: scan.n,
    missing: values.length - scan.n,
    min: scan.min,
    max: scan.max,
    range: [lo, hi],
  };
  const warnings: NormalizeWarning[] = [];
  const cost = direction === "cost";
  if (method === "goalposts") {
    const [gl, gu] = checkInterval(
      gp,
      so.goalposts !== undefined ? "spec.goalposts" : "opts.goalposts",
      "goalposts",
    );
    params.goalposts = [gl, gu];
    params.clip = true;
    const { scale, offset } = goalpostsAffine(gl, gu, lo, hi, cost);
    if (!Number.isFinite(scale) || !Number.isFinite(offset)) return undefined;
    return { scale, offset, clipLo: lo, clipHi: hi, params, warnings };
  }
  if (cost) params.cost = "reflect";
  const { min, max } = scan;
  if (max === min) {
    const mid = (lo + hi) / 2;
    warnings.push(constantWarning(mid));
    return {
      scale: 0,
      offset: mid,
      clipLo: Number.NEGATIVE_INFINITY,
      clipHi: Number.POSITIVE_INFINITY,
      params,
      warnings,
    };
  }
  const width = hi - lo;
  const span = max - min;
  const scale = cost ? -width / span : width / span;
  const offset = cost ? lo + max * (width / span) : lo - min * scale;
  if (!Number.isFinite(scale) || !Number.isFinite(offset)) return undefined;
  return { scale, offset, clipLo: lo, clipHi: hi, params, warnings };
}

function constantWarning(value: number, what = "all present values are equal"): NormalizeWarning {
  return {
    code: "constant_column",
    message: `${what}: every present unit gets ${value} (the midpoint of the output range)`,
  };
}

/**
 * Normalizes one indicator column and reports what ran: the method, its options, the statistics
 * used and any warnings. {@link normalize} returns the values only. See there for the methods and
 * direction rules.
 *
 * @throws IndicatrixError `invalid_spec`, `invalid_option`, `invalid_direction`, `invalid_value`,
 *   `non_finite_value`, `missing_goalposts`, `missing_target`, `nonpositive_value`, `negative_value`,
 *   `unsupported_direction`.
 * @example
 * ```ts
 * const r = normalizeDetailed([5, 5, NaN], "minmax");
 * r.values;                 // => Float64Array [0.5, 0.5, NaN]
 * r.warnings[0].code;       // => "constant_column"
 * r.params.n;               // => 2
 * ```
 */
export function normalizeDetailed(
  values: ArrayLike<number>,
  spec: NormalizeSpec,
  opts: NormalizeOptions = {},
): NormalizeResult {
  const { method: requested, opts: so } = resolveSpec(spec);
  if (opts === null || typeof opts !== "object") fail("invalid_option", "opts", "expected an options object");
  const direction: Direction = opts.direction ?? "benefit";
  const dir = checkDirection(direction);
  const scan = scanColumn(values, "values");
  const len = values.length;
  const out = new Float64Array(len);
  const warnings: NormalizeWarning[] = [];
  const params: NormalizeParams = {
    method: requested,
    direction,
    n: scan.n,
    missing: len - scan.n,
    min: scan.n > 0 ? scan.min : Number.NaN,
    max: scan.n > 0 ? scan.max : Number.NaN,
  };
  const optGoalposts =
    opts.goalposts === undefined ? undefined : checkInterval(opts.goalposts, "opts.goalposts", "goalposts");
  const bounded = requested === "minmax" || requested === "goalposts" || requested === "target";
  const range: [number, number] =
    so.range !== undefined
      ? checkInterval(so.range, "spec.range", "range")
      : opts.range !== undefined
        ? checkInterval(opts.range, "opts.range", "range")
        : [0, 1];
  if (bounded) params.range = range;
  const [lo, hi] = range;
  const mid = (lo + hi) / 2;

  // Option checks that do not depend on the data, so that bad specs fail even on empty columns.
  let goalposts: [number, number] | undefined;
  let clip = true;
  if (requested === "goalposts") {
    goalposts =
      so.goalposts !== undefined ? checkInterval(so.goalposts, "spec.goalposts", "goalposts") : optGoalposts;
    if (goalposts === undefined)
      fail(
        "missing_goalposts",
        "spec.goalposts",
        "the goalposts method needs [low, high] bounds in the spec or opts.goalposts",
      );
    if (so.clip !== undefined && typeof so.clip !== "boolean")
      fail("invalid_option", "spec.clip", `clip must be true or false, got ${JSON.stringify(so.clip)}`);
    clip = so.clip !== false;
  }
  let target: [number, number] | undefined;
  if (requested === "target") {
    if (so.target !== undefined) target = checkTarget(so.target, "spec.target");
    else if (dir.kind === "target") target = [dir.a, dir.b];
    else
      fail(
        "missing_target",
        "spec.target",
        "the target method needs spec.target or a { target } / { range } direction",
      );
  }
  let cost: CostTransform = "reflect";
  if (so.cost !== undefined) {
    if (so.cost !== "reflect" && so.cost !== "reciprocal" && so.cost !== "negate")
      fail(
        "invalid_option",
        "spec.cost",
        `cost must be "reflect", "reciprocal" or "negate", got ${JSON.stringify(so.cost)}`,
      );
    cost = so.cost;
  }
  let ddof: 0 | 1 = 1;
  if (so.ddof !== undefined) {
    if (so.ddof !== 0 && so.ddof !== 1)
      fail("invalid_option", "spec.ddof", `ddof must be 0 or 1, got ${JSON.stringify(so.ddof)}`);
    ddof = so.ddof;
  }
  let ties: RankTies = "min";
  if (so.ties !== undefined) {
    if (so.ties !== "min" && so.ties !== "average")
      fail("invalid_option", "spec.ties", `ties must be "min" or "average", got ${JSON.stringify(so.ties)}`);
    ties = so.ties;
  }
  const ratio = requested === "fraction-of-max" || requested === "vector" || requested === "sum";
  if (ratio && dir.kind === "target")
    fail(
      "unsupported_direction",
      "opts.direction",
      `${requested} is a ratio-scale method for benefit or cost indicators; use target, minmax, goalposts, zscore or a rank method for a target direction`,
    );

  if (scan.n === 0) {
    out.fill(Number.NaN);
    warnings.push({ code: "all_missing", message: `all ${len} values are missing: every result is NaN` });
    return { values: out, params, warnings };
  }

  // A target or range direction turns min-max and goalposts into the moderate formula.
  let method: NormalizeMethod = requested;
  if ((requested === "minmax" || requested === "goalposts") && dir.kind === "target") {
    method = "target";
    target = [dir.a, dir.b];
  }
  params.method = method;

  switch (method) {
    case "minmax": {
      if (dir.kind === "cost") params.cost = cost;
      let min = scan.min;
      let max = scan.max;
      if (dir.kind === "cost" && cost === "reciprocal") {
        if (min <= 0)
          fail(
            "nonpositive_value",
            "values",
            `the reciprocal cost transform 1/x needs positive values; the smallest is ${min}`,
          );
        [min, max] = [1 / max, 1 / min];
        if (!Number.isFinite(max))
          fail(
            "value_out_of_range",
            "values",
            `the reciprocal cost transform 1/x overflows for the smallest value ${scan.min}; rescale the values`,
          );
      }
      if (max === min) {
        fillPresent(values, out, mid);
        warnings.push(constantWarning(mid));
        break;
      }
      const width = hi - lo;
      const span = max - min;
      // Affine form z = x * scale + offset, shared with affineNormalization (the scoring fast path).
      const scale = dir.kind === "benefit" ? width / span : -width / span;
      const offset = dir.kind === "benefit" ? lo - min * scale : lo + max * (width / span);
      if (!Number.isFinite(scale) || !Number.isFinite(offset)) {
        // A span so small (denormal) that width / span overflows: divide first instead.
        for (let i = 0; i < len; i++) {
          const x = values[i] as number;
          out[i] = ((dir.kind === "benefit" ? x - min : max - x) / span) * width + lo;
        }
      } else if (dir.kind === "benefit" || cost !== "reciprocal") {
        // Clamped to [lo, hi]: mathematically inside already; the clamp only removes rounding overshoot.
        for (let i = 0; i < len; i++) {
          const z = (values[i] as number) * scale + offset;
          out[i] = z < lo ? lo : z > hi ? hi : z;
        }
      } else for (let i = 0; i < len; i++) out[i] = ((1 / (values[i] as number) - min) / span) * width + lo;
      break;
    }
    case "goalposts": {
      const [gl, gu] = goalposts as [number, number];
      params.goalposts = [gl, gu];
      params.clip = clip;
      const affine = goalpostsAffine(gl, gu, lo, hi, dir.kind === "cost");
      const finite = Number.isFinite(affine.scale) && Number.isFinite(affine.offset);
      const { scale, offset } = affine;
      let outside = 0;
      for (let i = 0; i < len; i++) {
        const x = values[i] as number;
        if (x < gl || x > gu) {
          outside++;
          if (clip) {
            out[i] = x < gl !== (dir.kind === "cost") ? lo : hi;
            continue;
          }
        }
        out[i] = finite
          ? x * scale + offset
          : lo + (hi - lo) * (dir.kind === "cost" ? (gu - x) / (gu - gl) : (x - gl) / (gu - gl));
      }
      params.outside = outside;
      break;
    }
    case "target": {
      const [a, b] = target as [number, number];
      params.target = a === b ? a : [a, b];
      const bounds =
        requested === "goalposts" ? goalposts : requested === "target" ? optGoalposts : undefined;
      const useBounds = bounds !== undefined;
      const [bl, bu] = bounds ?? [scan.min, scan.max];
      if (useBounds) {
        params.goalposts = [bl, bu];
        params.clip = clip;
      }
      const scale = Math.max(a - bl, bu - b);
      params.scale = scale;
      const width = hi - lo;
      let outside = 0;
      for (let i = 0; i < len; i++) {
        const x = values[i] as number;
        if (Number.isNaN(x)) {
          out[i] = Number.NaN;
          continue;
        }
        let z = 1;
        // scale <= 0 means every admissible value lies inside the interval: all score 1.
        if (x < a) z = scale > 0 ? 1 - (a - x) / scale : 1;
        else if (x > b) z = scale > 0 ? 1 - (x - b) / scale : 1;
        if (useBounds && (x < bl || x > bu)) outside++;
        if (z < 0 && clip) z = 0;
        out[i] = lo + width * z;
      }
      if (useBounds) params.outside = outside;
      break;
    }
    case "zscore": {
      params.ddof = ddof;
      const y = aligned(values, dir.kind === "cost" ? { kind: "benefit" } : dir);
      let n = 0;
      let sum = 0;
      for (let i = 0; i < len; i++) {
        const v = y[i] as number;
        if (!Number.isNaN(v)) {
          n++;
          sum += v;
        }
      }
      const mean = sum / n;
      let ss = 0;
      for (let i = 0; i < len; i++) {
        const v = y[i] as number;
        if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
      }
      const sd = n - ddof > 0 ? Math.sqrt(ss / (n - ddof)) : Number.NaN;
      params.mean = mean;
      params.sd = sd;
      if (!(sd > 0)) {
        fillPresent(values, out, 0);
        warnings.push(
          constantWarning(
            0,
            n === 1 ? "only one value is present, so its standard deviation is undefined" : undefined,
          ),
        );
        break;
      }
      const sign = dir.kind === "cost" ? -1 : 1;
      for (let i = 0; i < len; i++) out[i] = (sign * ((y[i] as number) - mean)) / sd;
      break;
    }
    case "rank":
    case "borda":
    case "percentile": {
      const r = rankAscending(aligned(values, dir), method === "rank" ? ties : "min");
      if (method === "rank") {
        params.ties = ties;
        return { values: r, params, warnings };
      }
      if (method === "borda") {
        for (let i = 0; i < len; i++) out[i] = (r[i] as number) - 1;
        break;
      }
      const [amin, amax] = minMaxOf(aligned(values, dir));
      if (amin === amax) {
        fillPresent(values, out, 0.5);
        warnings.push(constantWarning(0.5));
        break;
      }
      for (let i = 0; i < len; i++) out[i] = ((r[i] as number) - 1) / (scan.n - 1);
      break;
    }
    case "distance-to-max": {
      // COINr n_dist2max on the direction-aligned value y: 1 - (max y - y) / (max y - min y).
      const y = aligned(values, dir);
      const [ymin, ymax] = dir.kind === "benefit" ? [scan.min, scan.max] : minMaxOf(y);
      if (ymin === ymax) {
        fillPresent(values, out, 0.5);
        warnings.push(constantWarning(0.5));
        break;
      }
      const span = ymax - ymin;
      for (let i = 0; i < len; i++) out[i] = 1 - (ymax - (y[i] as number)) / span;
      break;
    }
    case "fraction-of-max": {
      if (dir.kind === "cost") {
        // Ratio to the best (smallest) value: min / x.
        if (scan.min <= 0)
          fail(
            "nonpositive_value",
            "values",
            `fraction-of-max on a cost indicator (min / x) needs positive values; the smallest is ${scan.min}`,
          );
        for (let i = 0; i < len; i++) out[i] = scan.min / (values[i] as number);
        break;
      }
      if (scan.min < 0)
        fail(
          "negative_value",
          "values",
          `fraction-of-max (x / max) needs non-negative values; the smallest is ${scan.min}`,
        );
      if (scan.max === 0) {
        fillPresent(values, out, 1);
        warnings.push({
          code: "constant_column",
          message: "all present values are 0: every present unit gets 1 (as equal positive values would)",
        });
        break;
      }
      for (let i = 0; i < len; i++) out[i] = (values[i] as number) / scan.max;
      break;
    }
    case "vector": {
      let ss = 0;
      for (let i = 0; i < len; i++) {
        const v = values[i] as number;
        if (!Number.isNaN(v)) ss += v * v;
      }
      if (ss === 0) {
        const eq = 1 / Math.sqrt(scan.n);
        fillPresent(values, out, dir.kind === "cost" ? 1 - eq : eq);
        warnings.push({
          code: "constant_column",
          message: `all present values are 0: every present unit gets the share of equal values`,
        });
        break;
      }
      const norm = Math.sqrt(ss);
      // Cost: 1 - x / ||x|| (Jahan & Edwards 2015, vector normalization of a cost criterion).
      if (dir.kind === "cost") for (let i = 0; i < len; i++) out[i] = 1 - (values[i] as number) / norm;
      else for (let i = 0; i < len; i++) out[i] = (values[i] as number) / norm;
      break;
    }
    case "sum": {
      if (dir.kind === "cost") {
        // Cost: (1 / x) / sum(1 / x) (Jahan & Edwards 2015).
        if (scan.min <= 0)
          fail(
            "nonpositive_value",
            "values",
            `sum normalization of a cost indicator ((1/x) / sum(1/x)) needs positive values; the smallest is ${scan.min}`,
          );
        let inv = 0;
        for (let i = 0; i < len; i++) {
          const v = values[i] as number;
          if (!Number.isNaN(v)) inv += 1 / v;
        }
        if (!Number.isFinite(inv))
          fail(
            "value_out_of_range",
            "values",
            `sum normalization of a cost indicator: 1/x overflows for the smallest value ${scan.min}; rescale the values`,
          );
        for (let i = 0; i < len; i++) out[i] = 1 / (values[i] as number) / inv;
        break;
      }
      if (scan.min < 0)
        fail(
          "negative_value",
          "values",
          `sum normalization (x / sum x) needs non-negative values; the smallest is ${scan.min}`,
        );
      if (scan.sum === 0) {
        fillPresent(values, out, 1 / scan.n);
        warnings.push({
          code: "constant_column",
          message: `all present values are 0: every present unit gets 1/${scan.n}`,
        });
        break;
      }
      for (let i = 0; i < len; i++) out[i] = (values[i] as number) / scan.sum;
      break;
    }
    case "none": {
      const y = aligned(values, dir);
      for (let i = 0; i < len; i++) out[i] = y[i] as number;
      break;
    }
  }
  return { values: out, params, warnings };
}

/**
 * Normalizes one indicator column onto a common scale on which higher is better, by the method of
 * `spec`; NaN (missing) stays NaN and is skipped in every statistic. Use {@link normalizeDetailed}
 * to also get the parameters used and the warnings.
 *
 * Methods (DOMAIN.md §1.2; COINr `n_*` functions; OECD/JRC Handbook 2008, step 5):
 * - `minmax` (default range [0, 1]): (x - min)/(max - min); cost: (max - x)/(max - min) (`cost:
 *   "reflect"`, equal to COINr's `-x` then min-max, `"negate"`), or `"reciprocal"`: 1/x then min-max
 *   (positive values only).
 * - `goalposts` [L, U] (from the spec or `opts.goalposts`; required): (x - L)/(U - L), cost
 *   (U - x)/(U - L), clipped into [0, 1] unless `clip: false`, then mapped onto `range`.
 * - `zscore`: (x - mean)/sd with ddof 1 (sample sd, as R and COINr) or 0; cost flips the sign.
 * - `target` (moderate indicators): point t: 1 - |x - t| / max|x - t|; interval [a, b]: 1 inside,
 *   1 - (a - x)/M below, 1 - (x - b)/M above, with M = max(a - min, max - b). The target is
 *   `spec.target` or the `{ target }` / `{ range }` direction; with `opts.goalposts` they replace
 *   the sample min/max (and results are clipped at 0).
 * - `rank` (1 = lowest, n = best; ties "min" as COINr `n_rank`, or "average"), `borda` (rank - 1),
 *   `percentile` ((rank - 1)/(n - 1), COINr `n_prank`).
 * - `distance-to-max` (COINr `n_dist2max`): 1 - (max - x)/(max - min).
 * - `fraction-of-max`: x / max (non-negative data); cost: min / x (positive data).
 * - `vector`: x / sqrt(sum x^2); cost: 1 - x / sqrt(sum x^2). `sum`: x / sum x; cost:
 *   (1/x) / sum(1/x) (cost forms as in Jahan & Edwards 2015).
 * - `none`: x as is (cost: -x).
 *
 * Directions: `benefit` as is; `cost` is turned so that higher is better for every method; a
 * `{ target }` or `{ range }` direction makes `minmax` and `goalposts` use the moderate formula, and
 * makes `zscore`, `none` and the rank-type methods work on minus the distance to the target or
 * interval. The ratio-scale methods (`fraction-of-max`, `vector`, `sum`) reject target directions.
 *
 * A constant column (max = min, no goalposts) gives every present unit the midpoint of the output
 * range (0 for `zscore`, 0.5 for `percentile` and `distance-to-max`) and a `constant_column`
 * warning, never NaN. An all-missing column gives all NaN and an `all_missing` warning.
 *
 * O(n) per column (O(n log n) for the rank-type methods), one or two passes over a Float64Array.
 *
 * @param values - one indicator over all units; NaN marks a missing value.
 * @param spec - the method, as a name or an object with options.
 * @param opts - the indicator's direction, goalposts and default output range.
 * @throws IndicatrixError as {@link normalizeDetailed}; in particular `non_finite_value` for ±Infinity.
 * @example
 * ```ts
 * normalize([12, 18, 9, 25, 15], "minmax");
 * // => Float64Array [0.1875, 0.5625, 0, 1, 0.375]
 * normalize([36, 20, 48, 12, 30], "minmax", { direction: "cost" });
 * // => Float64Array [0.3333, 0.7778, 0, 1, 0.5]
 * normalize([280, 420, 310, 500, 250], "minmax", { direction: { target: 300 } });
 * // => Float64Array [0.9, 0.4, 0.95, 0, 0.75]
 * ```
 */
export function normalize(
  values: ArrayLike<number>,
  spec: NormalizeSpec,
  opts: NormalizeOptions = {},
): Float64Array {
  return normalizeDetailed(values, spec, opts).values;
}
