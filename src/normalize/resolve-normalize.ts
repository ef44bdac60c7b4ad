import { fail } from "../internal/errors.js";
import type { RankTies } from "../internal/rank.js";
import {
  type CostTransform,
  NORMALIZE_METHODS,
  type NormalizeMethod,
  type NormalizeSpec,
} from "../internal/specs.js";
import type { Direction } from "../internal/types.js";
import { checkInterval } from "./scan.js";
import type { NormalizeOptions } from "./types.js";

/** Which way is better for a formula that cannot aim at a target: higher (`benefit`) or lower (`cost`). */
export type Sense = "benefit" | "cost";

/**
 * Which way is better for a formula that works on direction-aligned values: x (`benefit`), -x
 * (`cost`), or minus the distance to a target interval [a, b] (a = b for a point target).
 */
export type Aim = Sense | { target: [number, number] };

/**
 * A normalization spec checked against the indicator's context, every default filled: which formula
 * runs for this indicator's direction, and everything it needs. The array kernels, the scoring fast
 * path, the analysis engine and the SQL compiler all read it and decide nothing again.
 * Built by {@link resolveNormalize}.
 */
export type ResolvedNormalize = {
  /** The indicator's direction as given (default `"benefit"`), reported as `params.direction`. */
  direction: Direction;
} & (
  | {
      /** Min-max: (x - min)/(max - min) mapped onto `range`; reversed for a cost indicator by `cost`. */
      formula: "minmax";
      /** The method the spec named. */
      method: "minmax";
      /** Benefit, or cost (turned around by `cost`). */
      aim: Sense;
      /** How a cost indicator is turned around (read only when `aim` is `"cost"`); default `"reflect"`. */
      cost: CostTransform;
      /** Output range [low, high]; default [0, 1]. */
      range: [number, number];
    }
  | {
      /** Goalposts: (x - L)/(U - L) (cost: (U - x)/(U - L)) mapped onto `range`. */
      formula: "goalposts";
      /** The method the spec named. */
      method: "goalposts";
      /** Benefit, or cost (reversed). */
      aim: Sense;
      /** The bounds [L, U]: the spec's, else the indicator's. */
      goalposts: [number, number];
      /** Whether values beyond the goalposts are clipped to the ends of `range`; default true. */
      clip: boolean;
      /** Output range [low, high]; default [0, 1]. */
      range: [number, number];
    }
  | {
      /** The moderate formula: 1 inside `target`, falling linearly to 0 at the farther bound, mapped onto `range`. */
      formula: "target";
      /** The method the spec named: `target`, or `minmax` / `goalposts` turned into it by a target or range direction. */
      method: "minmax" | "goalposts" | "target";
      /** The target interval [a, b] (a = b for a point): the spec's target, else the direction's. */
      target: [number, number];
      /**
       * Fixed bounds in place of the sample min/max: the goalposts of a `goalposts` spec, or the
       * indicator's goalposts for a `target` spec; absent for `minmax` (the sample min/max are used).
       */
      bounds?: [number, number];
      /** Whether scores below 0 (beyond `bounds`) are clipped at 0: a `goalposts` spec's `clip`, otherwise true. */
      clip: boolean;
      /** Output range [low, high]; default [0, 1]. */
      range: [number, number];
    }
  | {
      /** Z-score: sign * (y - mean)/sd of the values `aim` selects. */
      formula: "zscore";
      /** The method the spec named. */
      method: "zscore";
      /**
       * What is standardized: the raw values (`"benefit"`, also for a cost indicator, which flips the
       * sign instead, so that `mean` and `sd` describe the raw values) or minus the distance to a target.
       */
      aim: "benefit" | { target: [number, number] };
      /** -1 for a cost indicator, otherwise 1. */
      sign: 1 | -1;
      /** Delta degrees of freedom of the sd: 1 (sample, default) or 0 (population). */
      ddof: 0 | 1;
    }
  | {
      /** Ascending ranks (1 = the worst) of the direction-aligned values. */
      formula: "rank";
      /** The method the spec named. */
      method: "rank";
      /** The direction-aligned value that is ranked. */
      aim: Aim;
      /** How tied values are ranked: `"min"` (default) or `"average"`. */
      ties: RankTies;
    }
  | {
      /** Percentile, borda, distance-to-max or none, on the direction-aligned values. */
      formula: "percentile" | "borda" | "distance-to-max" | "none";
      /** The method the spec named. */
      method: "percentile" | "borda" | "distance-to-max" | "none";
      /** The direction-aligned value the formula reads. */
      aim: Aim;
    }
  | {
      /** A ratio-scale formula (fraction-of-max, vector, sum), each with its own cost form. */
      formula: "fraction-of-max" | "vector" | "sum";
      /** The method the spec named. */
      method: "fraction-of-max" | "vector" | "sum";
      /** Benefit, or cost (the method's cost form). */
      aim: Sense;
    }
);

/** The name of a formula that can run: a {@link ResolvedNormalize}'s `formula`. @internal */
export type NormalizeFormula = ResolvedNormalize["formula"];

/** The member of {@link ResolvedNormalize} whose formula is `F`. @internal */
export type ResolvedOf<F extends NormalizeFormula> = ResolvedNormalize & { formula: F };

/** The spec as a method name and an options record (the spec object itself). */
function specParts(spec: NormalizeSpec): { method: NormalizeMethod; so: Record<string, unknown> } {
  if (typeof spec === "string") {
    if (!(NORMALIZE_METHODS as readonly string[]).includes(spec))
      fail(
        "invalid_spec",
        "spec",
        `unknown normalization method "${spec}"; expected one of ${NORMALIZE_METHODS.join(", ")}`,
      );
    return { method: spec, so: {} };
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
  return { method: spec.method, so: spec as unknown as Record<string, unknown> };
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

/** The direction as an {@link Aim}: benefit, cost, or the target interval. */
function checkDirection(d: unknown): Aim {
  if (d === "benefit" || d === "cost") return d;
  if (d !== null && typeof d === "object") {
    const o = d as { target?: unknown; range?: unknown };
    if ("target" in o) {
      const [a, b] = checkTarget(o.target, "opts.direction.target");
      if (a !== b)
        fail("invalid_direction", "opts.direction.target", "a target direction takes a single number");
      return { target: [a, b] };
    }
    if ("range" in o) return { target: checkTarget(o.range, "opts.direction.range") };
  }
  fail(
    "invalid_direction",
    "opts.direction",
    `expected "benefit", "cost", { target: number } or { range: [a, b] }, got ${JSON.stringify(d)}`,
  );
}

/** `so[key]` when it is one of `allowed`, the default when absent; otherwise `invalid_option`. */
function choice<T extends string | number>(
  so: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
  fallback: T,
  expected: string,
): T {
  const v = so[key];
  if (v === undefined) return fallback;
  if (!(allowed as readonly unknown[]).includes(v))
    fail("invalid_option", `spec.${key}`, `${key} must be ${expected}, got ${JSON.stringify(v)}`);
  return v as T;
}

/**
 * The options `cost`, `ddof` and `ties` with their defaults. Each is checked whichever method the
 * spec names (a bad one fails on every method), after the method's own options.
 */
function sharedOptions(so: Record<string, unknown>): { cost: CostTransform; ddof: 0 | 1; ties: RankTies } {
  return {
    cost: choice<CostTransform>(
      so,
      "cost",
      ["reflect", "reciprocal", "negate"],
      "reflect",
      '"reflect", "reciprocal" or "negate"',
    ),
    ddof: choice<0 | 1>(so, "ddof", [0, 1], 1, "0 or 1"),
    ties: choice<RankTies>(so, "ties", ["min", "average"], "min", '"min" or "average"'),
  };
}

/** The goalposts of a `goalposts` spec (the spec's, else the indicator's) and its `clip`. */
function goalpostsOptions(
  so: Record<string, unknown>,
  indicator: [number, number] | undefined,
): { goalposts: [number, number]; clip: boolean } {
  const goalposts =
    so.goalposts !== undefined ? checkInterval(so.goalposts, "spec.goalposts", "goalposts") : indicator;
  if (goalposts === undefined)
    fail(
      "missing_goalposts",
      "spec.goalposts",
      "the goalposts method needs [low, high] bounds in the spec or opts.goalposts",
    );
  if (so.clip !== undefined && typeof so.clip !== "boolean")
    fail("invalid_option", "spec.clip", `clip must be true or false, got ${JSON.stringify(so.clip)}`);
  return { goalposts, clip: so.clip !== false };
}

/**
 * Checks a normalization spec against the indicator's context (direction, goalposts, default output
 * range), fills every default, and says which formula runs. Every option error is thrown here,
 * before any data is read, so a bad spec fails even on an empty column. `normalizeDetailed` is this,
 * then one scan of the column, then the formula's kernel; `score()`, the analyses and `toSQL` read
 * the same resolved spec.
 *
 * Defaults: output range [0, 1] (the spec's `range`, else `context.range`), ddof 1 (sample sd, as R
 * and COINr), rank ties `"min"` (COINr `n_rank`), cost transform `"reflect"`, goalposts clipped.
 *
 * Directions: `benefit` as is; `cost` is turned so that higher is better by every formula; a
 * `{ target }` or `{ range }` direction turns `minmax` and `goalposts` into the moderate `target`
 * formula (a `goalposts` spec keeps its goalposts as bounds and its `clip`), and makes `zscore`,
 * `none` and the rank-type methods work on minus the distance to the target or interval. The
 * ratio-scale methods (`fraction-of-max`, `vector`, `sum`) reject target directions. A `target`
 * spec takes its target from `spec.target`, else from the direction, and the indicator's goalposts
 * as bounds.
 *
 * @param spec - the method, as a name or an object with options.
 * @param context - the indicator's direction, goalposts and default output range.
 * @throws IndicatrixError `invalid_spec` (unknown method), `invalid_option` (a bad range, goalposts,
 *   target, clip, cost, ddof or ties), `invalid_direction`, `missing_goalposts`, `missing_target`,
 *   `unsupported_direction` (a target direction on a ratio-scale method).
 * @example
 * ```ts
 * resolveNormalize("minmax", { direction: "cost" });
 * // => { direction: "cost", formula: "minmax", method: "minmax", aim: "cost", cost: "reflect", range: [0, 1] }
 * resolveNormalize("goalposts", { direction: { target: 300 }, goalposts: [200, 500] });
 * // => { direction: { target: 300 }, formula: "target", method: "goalposts", target: [300, 300],
 * //      bounds: [200, 500], clip: true, range: [0, 1] }
 * resolveNormalize({ method: "zscore", ddof: 0 }, { direction: "cost" });
 * // => { direction: "cost", formula: "zscore", method: "zscore", aim: "benefit", sign: -1, ddof: 0 }
 * ```
 */
export function resolveNormalize(spec: NormalizeSpec, context: NormalizeOptions = {}): ResolvedNormalize {
  const { method, so } = specParts(spec);
  if (context === null || typeof context !== "object")
    fail("invalid_option", "opts", "expected an options object");
  const direction: Direction = context.direction ?? "benefit";
  const aim = checkDirection(direction);
  const indicatorGoalposts =
    context.goalposts === undefined
      ? undefined
      : checkInterval(context.goalposts, "opts.goalposts", "goalposts");
  const range: [number, number] =
    so.range !== undefined
      ? checkInterval(so.range, "spec.range", "range")
      : context.range !== undefined
        ? checkInterval(context.range, "opts.range", "range")
        : [0, 1];

  switch (method) {
    case "minmax": {
      const { cost } = sharedOptions(so);
      if (typeof aim === "object")
        return { direction, formula: "target", method, target: aim.target, clip: true, range };
      return { direction, formula: "minmax", method, aim, cost, range };
    }
    case "goalposts": {
      const { goalposts, clip } = goalpostsOptions(so, indicatorGoalposts);
      sharedOptions(so);
      if (typeof aim === "object")
        return { direction, formula: "target", method, target: aim.target, bounds: goalposts, clip, range };
      return { direction, formula: "goalposts", method, aim, goalposts, clip, range };
    }
    case "target": {
      let target: [number, number];
      if (so.target !== undefined) target = checkTarget(so.target, "spec.target");
      else if (typeof aim === "object") target = aim.target;
      else
        fail(
          "missing_target",
          "spec.target",
          "the target method needs spec.target or a { target } / { range } direction",
        );
      sharedOptions(so);
      return {
        direction,
        formula: "target",
        method,
        target,
        ...(indicatorGoalposts !== undefined ? { bounds: indicatorGoalposts } : {}),
        clip: true,
        range,
      };
    }
    case "zscore": {
      const { ddof } = sharedOptions(so);
      // A cost indicator standardizes x and flips the sign (= standardizing -x), so mean and sd stay those of x.
      const cost = aim === "cost";
      return { direction, formula: "zscore", method, aim: cost ? "benefit" : aim, sign: cost ? -1 : 1, ddof };
    }
    case "rank": {
      const { ties } = sharedOptions(so);
      return { direction, formula: "rank", method, aim, ties };
    }
    case "percentile":
    case "borda":
    case "distance-to-max":
    case "none":
      sharedOptions(so);
      return { direction, formula: method, method, aim };
    case "fraction-of-max":
    case "vector":
    case "sum":
      sharedOptions(so);
      if (typeof aim === "object")
        fail(
          "unsupported_direction",
          "opts.direction",
          `${method} is a ratio-scale method for benefit or cost indicators; use target, minmax, goalposts, zscore or a rank method for a target direction`,
        );
      return { direction, formula: method, method, aim };
  }
}
