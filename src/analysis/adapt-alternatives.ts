/**
 * Checks the normalization and aggregation alternatives of an uncertainty analysis before its runs,
 * and adapts or skips the combinations that cannot run: geometric aggregation of a zero (min-max puts
 * the worst unit at 0) floors the zeros; values a method cannot take (negative z-scores under a
 * geometric mean or entropy weights) are shifted up by a constant; a combination that still fails
 * drops one of its alternatives. @internal
 */

import { resolveAggregate } from "../aggregate/resolve-aggregate.js";
import { IndicatrixError } from "../internal/errors.js";
import type { AggregateSpec, NormalizeSpec } from "../internal/specs.js";
import type { Engine } from "./engine.js";

/** What the check did to one alternative. */
export interface AlternativeAdaptation {
  /** `floor`: zeros raised to the geometric floor; `shift`: every value moved up by `shift`; `skip`: left out. */
  action: "floor" | "shift" | "skip";
  /** The factor of the alternative. */
  factor: "normalization" | "aggregation";
  /** The alternative as given (for the nominal columns without normalization alternatives: `"nominal"`). */
  alternative: NormalizeSpec | AggregateSpec | "nominal";
  /** The constant added to every value (`shift` only). */
  shift?: number;
  /** What was found and what was done, in words. */
  message: string;
}

/** The alternatives that run, after {@link adaptAlternatives}. */
export interface AdaptedAlternatives {
  /** Normalized columns per normalization alternative (shifted where needed); one entry, the nominal columns, without alternatives. */
  columns: ReadonlyMap<string, Float64Array>[];
  /** The normalization specs kept, aligned with `columns` (empty without alternatives). */
  normalization: NormalizeSpec[];
  /** The aggregation alternatives kept (floored where needed; empty without alternatives). */
  aggregation: AggregateSpec[];
  /** What was changed, in order. */
  adaptations: AlternativeAdaptation[];
}

/** The shift of values whose minimum is 0 (the default geometric floor). */
const ZERO_SHIFT = 0.001;

const label = (spec: unknown) => (typeof spec === "string" ? spec : JSON.stringify(spec));

/** Where an error of a run happened and why, from its message: `node "x": the geometric mean needs ...`. */
function cause(e: IndicatrixError): string {
  const node = /node "([^"]+)"/.exec(e.message)?.[1];
  const at = /unit \d+, child \d+: |row \d+, column \d+: /.exec(e.message);
  const tail = at ? e.message.slice(at.index) : e.message.slice(e.message.lastIndexOf(": ") + 2);
  // Without the advice that follows (API options the caller may not have: the adaptation is the answer).
  const why = tail.replace(/;\s*use .*$/s, "").replace(/\s*\(give .*$/s, "");
  return node === undefined ? why : `node "${node}": ${why}`;
}

/** The smallest finite value over every column. */
function minimum(columns: ReadonlyMap<string, Float64Array>): number {
  let lo = Number.POSITIVE_INFINITY;
  for (const col of columns.values()) for (const x of col) if (x < lo) lo = x;
  return lo;
}

/** Every value plus `a` (NaN stays NaN). */
function shifted(columns: ReadonlyMap<string, Float64Array>, a: number): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [id, col] of columns)
    out.set(
      id,
      col.map((x) => x + a),
    );
  return out;
}

/**
 * The constant that makes every value positive: for negative values the smallest integer above |min|
 * (y = z + A with A > |min z|, the "shift" convention of entropy on z-scores, docs/methods.md), for a
 * zero minimum the geometric floor (0.001).
 * @example
 * ```ts
 * shiftFor(-2.71); // => 3
 * shiftFor(0); // => 0.001
 * ```
 */
export function shiftFor(min: number): number {
  return min < 0 ? Math.floor(-min) + 1 : ZERO_SHIFT;
}

/**
 * Runs every combination of a normalization and an aggregation alternative once with the nominal
 * weights and adapts what fails: `zero_value` of a plain geometric mean gives `{ method: "geometric",
 * zero: "floor" }`; `negative_value` / `nonpositive_value` (a geometric, harmonic or power mean, or
 * entropy weights, on z-scores) shifts that normalization's values by {@link shiftFor}; any other
 * failure, or one that persists, skips the aggregation alternative (or, with one aggregation, the
 * normalization alternative). Throws the error when nothing would be left to run.
 * @throws IndicatrixError the error of a combination that cannot run when it is the only one.
 */
export function adaptAlternatives(
  engine: Engine,
  normalization: readonly NormalizeSpec[],
  columns: readonly ReadonlyMap<string, Float64Array>[],
  aggregation: readonly AggregateSpec[],
): AdaptedAlternatives {
  const cols = normalization.length > 0 ? [...columns] : [engine.nominalColumns];
  const norms: (NormalizeSpec | "nominal")[] = normalization.length > 0 ? [...normalization] : ["nominal"];
  const aggs: (AggregateSpec | undefined)[] = aggregation.length > 0 ? [...aggregation] : [undefined];
  const given = [...aggregation];
  const adaptations: AlternativeAdaptation[] = [];
  const keptCols = cols.map(() => true);
  const keptAggs = aggs.map(() => true);
  for (let c = 0; c < cols.length; c++) {
    for (let a = 0; a < aggs.length && keptCols[c]; a++) {
      if (!keptAggs[a]) continue;
      for (let attempt = 0; ; attempt++) {
        try {
          engine.run({ columns: cols[c]!, structure: engine.full, aggregate: aggs[a] });
          break;
        } catch (e) {
          if (!(e instanceof IndicatrixError)) throw e;
          const spec = aggs[a];
          const resolved = spec === undefined ? undefined : resolveAggregate(spec);
          if (e.code === "zero_value" && resolved?.method === "geometric" && resolved.zero === "error") {
            aggs[a] = { method: "geometric", zero: "floor", floor: resolved.floor };
            adaptations.push({
              action: "floor",
              factor: "aggregation",
              alternative: spec as AggregateSpec,
              message: `aggregation ${label(spec)}: normalization ${label(norms[c])} gives zeros (${cause(e)}); zeros are raised to the floor ${resolved.floor} ({ method: "geometric", zero: "floor" })`,
            });
            continue;
          }
          const min = minimum(cols[c]!);
          if ((e.code === "negative_value" || e.code === "nonpositive_value") && min <= 0 && attempt < 2) {
            const shift = shiftFor(min);
            cols[c] = shifted(cols[c]!, shift);
            adaptations.push({
              action: "shift",
              factor: "normalization",
              alternative: norms[c]!,
              shift,
              message: `normalization ${label(norms[c])} gives values down to ${Number(min.toPrecision(4))}, which the run cannot take with ${a < given.length ? `aggregation ${label(given[a])}` : "the model's aggregation"} (${cause(e)}); every value is shifted by +${shift} (y = z + ${shift})`,
            });
            continue;
          }
          const aggsLeft = keptAggs.filter(Boolean).length;
          const colsLeft = keptCols.filter(Boolean).length;
          if (aggregation.length > 0 && aggsLeft > 1) {
            keptAggs[a] = false;
            adaptations.push({
              action: "skip",
              factor: "aggregation",
              alternative: spec as AggregateSpec,
              message: `aggregation ${label(spec)} is left out: with normalization ${label(norms[c])} it cannot run (${cause(e)})`,
            });
          } else if (normalization.length > 0 && colsLeft > 1) {
            keptCols[c] = false;
            adaptations.push({
              action: "skip",
              factor: "normalization",
              alternative: norms[c]!,
              message: `normalization ${label(norms[c])} is left out: with ${a < given.length ? `aggregation ${label(given[a])}` : "the model's aggregation"} it cannot run (${cause(e)})`,
            });
          } else throw e;
          break;
        }
      }
    }
  }
  return {
    columns: normalization.length > 0 ? cols.filter((_, k) => keptCols[k]) : cols,
    normalization: normalization.filter((_, k) => keptCols[k]),
    aggregation: aggs.filter((s, k): s is AggregateSpec => keptAggs[k]! && s !== undefined),
    adaptations,
  };
}
