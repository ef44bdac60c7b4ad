/**
 * The fast inner path of the analyses: a scored Result is taken apart once (normalized indicator
 * columns, the active tree, the local weights), and each variant (other normalization, weights,
 * aggregation, a node left out) re-runs only the weighting and aggregation over typed arrays.
 * With nominal settings it reproduces `score()` exactly (a test checks it). @internal
 */

import { aggregate } from "../aggregate/aggregate.js";
import { finiteMean } from "../aggregate/methods/arithmetic.js";
import { resolveAggregate } from "../aggregate/resolve-aggregate.js";
import type { WeightSpec } from "../indicators/schema.js";
import { IndicatrixError } from "../internal/errors.js";
import type { AggregateSpec, NormalizeSpec } from "../internal/specs.js";
import { normalizeResolved } from "../normalize/normalize-resolved.js";
import { resolveNormalize } from "../normalize/resolve-normalize.js";
import { weighNode } from "../score/node-weights.js";
import type { ResolvedNode, ResolvedProfile } from "../score/resolve-profile.js";
import type { Result } from "../score/score.js";
import { specNeedsData } from "../weighting/spec-weights.js";

/** The active tree of one variant: children per group, groups bottom-up. @internal */
export interface Structure {
  /** Active children of every group. */
  children: Map<string, string[]>;
  /** Groups in bottom-up order (children before parents), the root last. */
  order: string[];
  /** The node left out (undefined for the full tree). */
  removed: string | undefined;
}

/** The settings of one variant. @internal */
export interface Variant {
  /** Indicator columns (normalized) by id. */
  columns: ReadonlyMap<string, Float64Array>;
  /** The active tree. */
  structure: Structure;
  /** One aggregation for every group, replacing the model's (undefined = the model's). */
  aggregate?: AggregateSpec | undefined;
  /** Weight spec overrides by group id (e.g. perturbed AHP judgments). */
  specs?: ReadonlyMap<string, WeightSpec> | undefined;
  /** Turns a group's base local weights (aligned with `children`) into this variant's weights. */
  perturb?: ((node: string, children: readonly string[], weights: number[]) => number[]) | undefined;
}

/** A scored result taken apart for fast re-aggregation. @internal */
export interface Engine {
  /** The nominal result. */
  result: Result;
  /** The resolved profile. */
  profile: ResolvedProfile;
  /** Number of scored units. */
  m: number;
  /** The nominal normalized indicator columns. */
  nominalColumns: ReadonlyMap<string, Float64Array>;
  /** The full active tree. */
  full: Structure;
  /** Normalizes every indicator's raw values with another spec (direction and goalposts kept). */
  normalizeWith(spec: NormalizeSpec, path: string): Map<string, Float64Array>;
  /** The active tree without a node (and without the groups this leaves empty). */
  without(id: string): Structure;
  /** The local weights of a group in a variant, before any perturbation. */
  baseWeights(node: string, v: Variant, columns: readonly Float64Array[]): number[];
  /** Scores every group of a variant bottom-up; returns the node values (indicators and groups). */
  run(v: Variant): Map<string, Float64Array>;
}

function structureOf(profile: ResolvedProfile, removed: string | undefined): Structure {
  const children = new Map<string, string[]>();
  const order: string[] = [];
  const nodes = [...profile.nodes.values()];
  const alive = new Set<string>();
  for (let k = nodes.length - 1; k >= 0; k--) {
    const node = nodes[k] as ResolvedNode;
    if (node.id === removed) continue;
    if (node.indicator) {
      alive.add(node.id);
      continue;
    }
    const kept = node.children.filter((c) => alive.has(c));
    if (kept.length === 0) continue;
    alive.add(node.id);
    children.set(node.id, kept);
    order.push(node.id);
  }
  if (!alive.has(profile.root))
    throw new IndicatrixError("empty_tree", `leaving out "${removed}" leaves no indicator in the tree`);
  return { children, order, removed };
}

/** Takes a scored result apart for the analyses. @internal */
export function createEngine(result: Result): Engine {
  // Whether each aggregation spec is arithmetic, resolved once per spec (a run visits every group).
  const arithmetic = new Map<AggregateSpec, boolean>();
  const isArithmetic = (spec: AggregateSpec): boolean => {
    let a = arithmetic.get(spec);
    if (a === undefined) {
      a = resolveAggregate(spec).method === "arithmetic";
      arithmetic.set(spec, a);
    }
    return a;
  };
  const profile = result.resolved;
  const m = result.units.length;
  const nominalColumns = new Map<string, Float64Array>();
  for (const id of profile.indicators) nominalColumns.set(id, result.scores[id] as Float64Array);
  const full = structureOf(profile, undefined);
  const structures = new Map<string, Structure>();
  const staticWeights = new Map<string, number[]>();
  const nodeOf = (id: string) => profile.nodes.get(id) as ResolvedNode;
  // Whether a column is free of NaN and infinities (then the arithmetic fast path applies).
  const completeness = new WeakMap<Float64Array, boolean>();
  const isComplete = (col: Float64Array): boolean => {
    let known = completeness.get(col);
    if (known === undefined) {
      known = true;
      for (let i = 0; i < col.length; i++) {
        const x = col[i]!;
        if (x - x !== 0) {
          known = false;
          break;
        }
      }
      completeness.set(col, known);
    }
    return known;
  };

  const baseWeights = (id: string, v: Variant, columns: readonly Float64Array[]): number[] => {
    const node = nodeOf(id);
    const children = v.structure.children.get(id) as string[];
    const override = v.specs?.get(id);
    const spec = override ?? node.weights;
    const same = children.length === node.children.length;
    if (same && override === undefined && !specNeedsData(spec)) {
      // Nominal weights of a node whose spec does not read data: the ones score() used.
      return children.map((c) => result.weights.local[c]!);
    }
    const dataFree = !specNeedsData(spec);
    const key = `${id}\u0000${children.join(",")}`;
    if (dataFree && override === undefined) {
      const cached = staticWeights.get(key);
      if (cached) return cached;
    }
    let w: number[];
    try {
      w = weighNode(profile, { ...node, children, weights: spec }, columns).weights;
    } catch (e) {
      if (e instanceof IndicatrixError)
        throw new IndicatrixError(
          e.code,
          `node "${id}"${v.structure.removed ? ` without "${v.structure.removed}"` : ""}: ${e.message}`,
          { path: e.path, where: e.where },
        );
      throw e;
    }
    if (dataFree && override === undefined) staticWeights.set(key, w);
    return w;
  };

  return {
    result,
    profile,
    m,
    nominalColumns,
    full,
    normalizeWith(spec, path) {
      const out = new Map<string, Float64Array>();
      for (const id of profile.indicators) {
        const node = nodeOf(id);
        const opts = node.goalposts
          ? { direction: node.direction, goalposts: node.goalposts }
          : { direction: node.direction };
        try {
          out.set(id, normalizeResolved(result.raw[id] as Float64Array, resolveNormalize(spec, opts)).values);
        } catch (e) {
          if (e instanceof IndicatrixError)
            throw new IndicatrixError(e.code, `${path}, indicator "${id}": ${e.message}`, { path });
          throw e;
        }
      }
      return out;
    },
    without(id) {
      let s = structures.get(id);
      if (!s) {
        s = structureOf(profile, id);
        structures.set(id, s);
      }
      return s;
    },
    baseWeights,
    run(v) {
      const values = new Map<string, Float64Array>(v.columns);
      for (const id of v.structure.order) {
        const node = nodeOf(id);
        const children = v.structure.children.get(id) as string[];
        const cols = children.map((c) => values.get(c) as Float64Array);
        let w = baseWeights(id, v, cols);
        if (v.perturb) w = v.perturb(id, children, w);
        const spec = v.aggregate ?? node.aggregate;
        try {
          if (cols.every(isComplete) && isArithmetic(spec)) {
            // Complete children: their mean is complete, and its parent may take this path too.
            const mean = finiteMean(cols, w);
            completeness.set(mean, true);
            values.set(id, mean);
            continue;
          }
          values.set(
            id,
            aggregate(cols, w, spec, { missing: profile.missing, minCoverage: profile.minCoverage }).values,
          );
        } catch (e) {
          if (e instanceof IndicatrixError)
            throw new IndicatrixError(
              e.code,
              `node "${id}" with aggregation ${JSON.stringify(spec)}: ${e.message}`,
              { path: e.path, where: e.where },
            );
          throw e;
        }
      }
      return values;
    },
  };
}
