import type { WeightSpec } from "../indicators/schema.js";
import { fail, IndicatrixError, parsePath } from "../internal/errors.js";
import { shares } from "../internal/shares.js";
import { aggregateJudgments } from "./aggregate-judgments.js";
import { ahp } from "./ahp.js";
import { cilosWeights } from "./cilos.js";
import { combineWeightsDetailed } from "./combine.js";
import { criticWeights } from "./critic.js";
import { entropyWeights } from "./entropy.js";
import { giniWeights } from "./gini.js";
import { idocriwWeights } from "./idocriw.js";
import { judgmentsToMatrix } from "./judgments.js";
import { merecWeights } from "./merec.js";
import type { AhpMethod } from "./pairwise.js";
import { pcaWeights } from "./pca-weights.js";
import { repairHint, repairText } from "./repair-hint.js";
import {
  type ResolvedBaseWeightSpec,
  type ResolvedOfMethod,
  resolveWeightSpec,
} from "./resolve-weight-spec.js";
import type { RiTable } from "./ri-tables.js";
import {
  bwmSpecWeights,
  dematelSpecWeights,
  fuzzyAhpSpecWeights,
  g1SpecWeights,
} from "./spec-weights-more.js";
import { cvWeights, stdDevWeights } from "./variation.js";

/** Consistency of an AHP-weighted node. */
export interface NodeConsistency {
  /** Consistency ratio (of the group matrix for several experts with AIJ). */
  cr: number;
  /** Consistency index. */
  ci: number;
  /** Random index used. */
  ri: number;
  /** Principal eigenvalue (or its estimate). */
  lambdaMax: number;
  /** True iff CR < threshold. */
  consistent: boolean;
  /** The CR threshold. */
  threshold: number;
  /** Consistency ratio of each expert, when several experts judged. */
  experts?: number[];
  /** Each expert by name, with their own weights, CR and advice, when several experts judged. */
  panel?: ExpertConsistency[];
  /** For an inconsistent matrix: the judgment to revisit and the value that would repair it. */
  advice?: string;
}

/** One expert of a group AHP node: who, how much they count, and their own result. */
export interface ExpertConsistency {
  /** The expert's `name`, or `expert k` (1-based) when the model gives none. */
  name: string;
  /** The expert's weight in the aggregation, normalized to sum 1 over the experts. */
  weight: number;
  /** The expert's own priorities, by child id (empty when their judgments alone do not link the children). */
  weights: Record<string, number>;
  /** The expert's own consistency ratio (NaN when their judgments alone do not link the children). */
  cr: number;
  /** True iff the expert's CR is under the threshold. */
  consistent: boolean;
  /** For an inconsistent expert: the judgment to revisit (see {@link NodeConsistency.advice}). */
  advice?: string;
}

/** Local weights of one node's children, with how they were obtained. */
export interface SpecWeights {
  /** One weight per child (aligned with the `children` argument), summing to 1. */
  weights: number[];
  /** The method and options that ran. */
  provenance: Record<string, unknown>;
  /** AHP consistency, for AHP nodes. */
  consistency?: NodeConsistency;
  /** Warnings, e.g. a negative game-theory coefficient. */
  warnings: string[];
}

/** Which weight specs need data (they weight by the spread of the children's values). */
export function specNeedsData(spec: WeightSpec): boolean {
  return resolveWeightSpec(spec).needsData;
}

function subMatrix(
  matrix: readonly (readonly (number | null)[])[],
  order: readonly string[],
  children: string[],
): (number | null)[][] {
  const idx = children.map((c) => order.indexOf(c));
  return idx.map((i) => idx.map((j) => matrix[i]?.[j] ?? null));
}

function ahpWeights(
  spec: ResolvedOfMethod<"ahp">,
  children: string[],
  nodeId: string,
  path: string,
): SpecWeights {
  const opts = { method: spec.priority, ri: spec.ri, threshold: spec.threshold, labels: children };
  const matrixOf = (src: {
    judgments?: readonly (readonly [string, string, number])[] | undefined;
    matrix?: readonly (readonly (number | null)[])[] | undefined;
    order?: readonly string[] | undefined;
  }) => {
    if (src.matrix) return subMatrix(src.matrix, src.order ?? children, children);
    const judgments = (src.judgments ?? [])
      .filter(([a, b]) => children.includes(a) && children.includes(b))
      .map(([a, b, v]): [string, string, number] => [a, b, v]);
    return judgmentsToMatrix(children, judgments);
  };
  const provenance: Record<string, unknown> = {
    method: "ahp",
    priority: opts.method,
    ri: opts.ri,
    threshold: opts.threshold,
  };
  if (children.length === 1) return { weights: [1], provenance, warnings: [] };
  const source = spec.source;
  if (source.kind === "experts") {
    const matrices = source.experts.map((e) => matrixOf({ ...e, order: source.order }));
    const expertWeights = [...source.weights];
    const aggregation = source.aggregation;
    const group = aggregateJudgments(matrices, { method: aggregation, expertWeights, ahp: opts });
    provenance.experts = source.experts.length;
    provenance.aggregation = aggregation;
    const ref = group.group ?? group.experts.find((e) => e !== null) ?? null;
    const panel = source.experts.map((e, k): ExpertConsistency => {
      const r = group.experts[k] ?? null;
      const entry: ExpertConsistency = {
        name: e.name ?? `expert ${k + 1}`,
        weight: group.expertWeights[k] ?? Number.NaN,
        weights: r ? Object.fromEntries(children.map((c, i) => [c, r.weights[i] ?? Number.NaN])) : {},
        cr: r?.cr ?? Number.NaN,
        consistent: r?.consistent ?? false,
      };
      const advice = r && !r.consistent ? adviceText(matrices[k] as (number | null)[][], children, opts) : "";
      if (advice) entry.advice = advice;
      return entry;
    });
    const consistency: NodeConsistency | undefined = ref
      ? {
          cr: ref.cr,
          ci: ref.ci,
          ri: ref.ri,
          lambdaMax: ref.lambdaMax,
          consistent: ref.consistent,
          threshold: opts.threshold,
          experts: group.experts.map((e) => e?.cr ?? Number.NaN),
          panel,
        }
      : undefined;
    if (consistency && !consistency.consistent && group.matrix) {
      const advice = adviceText(group.matrix, children, opts);
      if (advice) consistency.advice = `in the group matrix, ${advice}`;
    }
    return { weights: group.weights, provenance, ...(consistency ? { consistency } : {}), warnings: [] };
  }
  const matrix = matrixOf(source.kind === "matrix" ? source : { judgments: source.judgments });
  const r = ahp(matrix, opts);
  const consistency: NodeConsistency = {
    cr: r.cr,
    ci: r.ci,
    ri: r.ri,
    lambdaMax: r.lambdaMax,
    consistent: r.consistent,
    threshold: opts.threshold,
  };
  if (r.missing > 0) provenance.completedBy = "harker";
  const warnings: string[] = [];
  if (!r.consistent) {
    const advice = adviceText(matrix, children, opts);
    if (advice) consistency.advice = advice;
    warnings.push(`${path}: AHP judgments for "${nodeId}" are inconsistent (CR = ${r.cr.toFixed(3)})`);
  }
  return { weights: r.weights, provenance, consistency, warnings };
}

/** The repair advice of an inconsistent matrix in words ("" when no change lowers CR). */
function adviceText(
  matrix: readonly (readonly (number | null)[])[],
  children: readonly string[],
  opts: { method: AhpMethod; ri: RiTable; threshold: number },
): string {
  const hint = repairHint(matrix, children, opts);
  return hint ? repairText(hint, opts.threshold) : "";
}

/** Drops units with a missing value in any column (listwise deletion) for the data-driven methods. */
function completeRows(columns: readonly Float64Array[]): Float64Array[] {
  const m = columns[0]?.length ?? 0;
  const keep: number[] = [];
  for (let i = 0; i < m; i++) if (columns.every((c) => !Number.isNaN(c[i]!))) keep.push(i);
  if (keep.length === m) return [...columns];
  return columns.map((c) => Float64Array.from(keep, (i) => c[i]!));
}

function baseWeights(
  spec: ResolvedBaseWeightSpec,
  children: string[],
  columns: readonly Float64Array[] | undefined,
  nodeId: string,
  path: string,
): SpecWeights {
  switch (spec.method) {
    case "equal":
      return {
        weights: children.map(() => 1 / children.length),
        provenance: { method: "equal" },
        warnings: [],
      };
    case "fixed": {
      const raw = children.map((c) => (Object.hasOwn(spec.weights, c) ? spec.weights[c]! : 0));
      const weights = shares(raw);
      if (weights === null)
        fail("zero_weights", path, `the weights of the active children of "${nodeId}" sum to 0`);
      return { weights, provenance: { method: "fixed" }, warnings: [] };
    }
    case "ahp":
      return ahpWeights(spec, children, nodeId, path);
    case "g1":
      return g1SpecWeights(spec, children, nodeId, path);
    case "bwm":
      return bwmSpecWeights(spec, children, nodeId, path);
    case "fuzzy-ahp":
      return fuzzyAhpSpecWeights(spec, children, nodeId, path);
    case "dematel":
      return dematelSpecWeights(spec, children, nodeId, path);
    default: {
      if (!columns)
        fail(
          "data_required",
          path,
          `"${spec.method}" weights for "${nodeId}" are computed from data; pass a dataset`,
        );
      const data = { columns: completeRows(columns) };
      if ((data.columns[0]?.length ?? 0) < 2)
        fail(
          "too_few_units",
          path,
          `"${spec.method}" weights for "${nodeId}" need at least 2 units with all children present`,
        );
      const provenance: Record<string, unknown> = {
        method: spec.method,
        units: data.columns[0]?.length,
        on: "normalized values",
      };
      const weights = inGroup(nodeId, children, path, `${spec.method} weights`, () =>
        dataWeights(spec, data, provenance),
      );
      return { weights, provenance, warnings: [] };
    }
  }
}

/** A weight spec computed from the data (entropy, CRITIC, ...). */
type DataWeightSpec = Exclude<
  ResolvedBaseWeightSpec,
  { method: "equal" | "fixed" | "ahp" | "g1" | "bwm" | "fuzzy-ahp" | "dematel" }
>;

/** The weights of a data-driven method on the complete rows; its options recorded in `provenance`. */
function dataWeights(
  spec: DataWeightSpec,
  data: { columns: Float64Array[] },
  provenance: Record<string, unknown>,
): number[] {
  switch (spec.method) {
    case "entropy":
      provenance.shift = spec.shift;
      return entropyWeights(data, { shift: spec.shift });
    case "critic":
      provenance.correlation = spec.correlation;
      return criticWeights(data, { correlation: spec.correlation, normalize: false });
    case "stddev":
      return stdDevWeights(data, { ddof: spec.ddof });
    case "cv":
      return cvWeights(data, { ddof: spec.ddof });
    case "merec":
      provenance.shift = spec.shift;
      return merecWeights(data, { shift: spec.shift });
    case "gini":
      return giniWeights(data);
    case "cilos":
      return cilosWeights(data);
    case "pca":
      provenance.variant = spec.variant;
      return pcaWeights(data, { variant: spec.variant });
    default:
      return idocriwWeights(data);
  }
}

/**
 * Runs a weighting method for group `nodeId` and re-throws its error naming the group, and the child
 * where the method names a column (`matrix[2][1]`, `row 2, column 1: ...`), in place of the method's
 * indices: `profiles.p.weights.g: group "g", entropy weights: every column is constant: ...`. @internal
 */
function inGroup<T>(nodeId: string, children: readonly string[], path: string, what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof IndicatrixError)) throw e;
    const cell = /^matrix\[\d+\]\[(\d+)\]$/.exec(e.where);
    const child = cell ? children[Number(cell[1])] : undefined;
    const message = e.message.replace(/^[\w.]+(\[\d+\])*: /, "").replace(/^row \d+, column \d+: /, "");
    const where = `group "${nodeId}"${child !== undefined ? `, child "${child}"` : ""}`;
    throw new IndicatrixError(e.code, `${path}: ${where}, ${what}: ${message}`, {
      path: parsePath(path),
      where: path,
    });
  }
}

/**
 * The local weights of a node's children from its weight spec: equal, fixed (re-normalized over the
 * active children), AHP (judgments among the active children, incomplete sets by Harker's method,
 * several experts by AIJ or AIP), G1, the best-worst method, fuzzy AHP and DEMATEL (their
 * criteria restricted to the active children), the data-driven methods (entropy, CRITIC, standard
 * deviation, coefficient of variation, MEREC, Gini, CILOS, IDOCRIW, PCA; on the children's normalized
 * values, units with a missing child dropped), or a combination of them.
 *
 * @throws IndicatrixError `data_required` when a data-driven spec has no data, and the errors of the methods.
 * @example
 * ```ts
 * specWeights({ method: "fixed", weights: { a: 3, b: 1 } }, ["a", "b"]).weights; // => [0.75, 0.25]
 * ```
 */
export function specWeights(
  spec: WeightSpec,
  children: string[],
  opts: { columns?: readonly Float64Array[]; nodeId?: string; path?: string } = {},
): SpecWeights {
  const nodeId = opts.nodeId ?? "node";
  const path = opts.path ?? nodeId;
  const resolved = resolveWeightSpec(spec);
  if (resolved.method !== "combine") return baseWeights(resolved, children, opts.columns, nodeId, path);
  const parts = resolved.of.map((s, i) => baseWeights(s, children, opts.columns, nodeId, `${path}.of[${i}]`));
  const combined = inGroup(nodeId, children, path, `combine (${resolved.rule})`, () =>
    combineWeightsDetailed(
      parts.map((p) => p.weights),
      {
        method: resolved.rule,
        ...(resolved.alpha !== undefined ? { alpha: resolved.alpha } : {}),
        ...(resolved.subjective !== undefined ? { subjective: resolved.subjective } : {}),
        ...(resolved.normalize !== undefined ? { normalize: resolved.normalize } : {}),
      },
    ),
  );
  const consistency = parts.find((p) => p.consistency)?.consistency;
  return {
    weights: combined.weights,
    provenance: {
      method: "combine",
      rule: resolved.rule,
      alpha: resolved.alpha,
      of: parts.map((p) => p.provenance),
      coefficients: combined.coefficients,
    },
    ...(consistency ? { consistency } : {}),
    warnings: [...parts.flatMap((p) => p.warnings), ...combined.warnings.map((w) => `${path}: ${w}`)],
  };
}
