/**
 * The weight specs of issue 17 that need no data (G1, best-worst method, fuzzy AHP, DEMATEL) as
 * `specWeights` computes them for a node's active children.
 * @internal
 * @module
 */
import { fail } from "../internal/errors.js";
import { shares } from "../internal/shares.js";
import { bwm } from "./bwm.js";
import { dematel } from "./dematel.js";
import { fuzzyAhp, type Tfn, toTfn } from "./fuzzy-ahp.js";
import { g1Weights } from "./g1.js";
import { judgmentsToMatrix } from "./judgments.js";
import type { ResolvedOfMethod } from "./resolve-weight-spec.js";
import type { SpecWeights } from "./spec-weights.js";

/** The weights of `children` taken from weights over `ids`, re-normalized; every child must be among `ids`. */
function restrict(
  ids: readonly string[],
  weights: readonly number[],
  children: readonly string[],
  nodeId: string,
  path: string,
  what: string,
): number[] {
  const raw = children.map((c) => {
    const k = ids.indexOf(c);
    if (k < 0) fail("missing_child", path, `child "${c}" of "${nodeId}" is not in the ${what}`);
    return weights[k]!;
  });
  const w = shares(raw);
  if (w === null) fail("zero_weights", path, `the weights of the active children of "${nodeId}" sum to 0`);
  return w;
}

/** G1: each expert's weights over their order, restricted to the active children, then averaged. @internal */
export function g1SpecWeights(
  spec: ResolvedOfMethod<"g1">,
  children: string[],
  nodeId: string,
  path: string,
): SpecWeights {
  if (spec.experts.length === 0) fail("missing_judgments", path, `G1 weights for "${nodeId}" need experts`);
  const per = spec.experts.map((e, k) => {
    const at = spec.experts.length > 1 ? `${path}.experts[${k}]` : path;
    if (e.ratios.length !== e.order.length - 1)
      fail(
        "invalid_judgment",
        `${at}.ratios`,
        `G1 needs one ratio per neighbouring pair of "order": ${Math.max(0, e.order.length - 1)}, got ${e.ratios.length}`,
      );
    return restrict(
      e.order,
      g1Weights(e.ratios, { scale: spec.scale }),
      children,
      nodeId,
      `${at}.order`,
      "G1 order",
    );
  });
  const weights = children.map((_, j) => per.reduce((s, w) => s + w[j]!, 0) / per.length);
  return {
    weights,
    provenance: { method: "g1", scale: spec.scale, experts: spec.experts.length, aggregation: "mean" },
    warnings: [],
  };
}

/** BWM over the criteria named in `bestToOthers`, restricted to the active children. @internal */
export function bwmSpecWeights(
  spec: ResolvedOfMethod<"bwm">,
  children: string[],
  nodeId: string,
  path: string,
): SpecWeights {
  const ids = Object.keys(spec.bestToOthers);
  for (const id of ids)
    if (!Object.hasOwn(spec.othersToWorst, id))
      fail(
        "missing_child",
        `${path}.othersToWorst`,
        `no judgment of "${id}" against the worst "${spec.worst}"`,
      );
  for (const id of Object.keys(spec.othersToWorst))
    if (!Object.hasOwn(spec.bestToOthers, id))
      fail("missing_child", `${path}.bestToOthers`, `no judgment of the best "${spec.best}" against "${id}"`);
  for (const [key, id] of [
    ["best", spec.best],
    ["worst", spec.worst],
  ] as const)
    if (!ids.includes(id))
      fail("unknown_child", `${path}.${key}`, `"${id}" is not among the judged children (${ids.join(", ")})`);
  const r = bwm(
    {
      best: ids.indexOf(spec.best),
      worst: ids.indexOf(spec.worst),
      bestToOthers: ids.map((id) => spec.bestToOthers[id]!),
      othersToWorst: ids.map((id) => spec.othersToWorst[id]!),
      labels: ids,
    },
    { model: spec.model },
  );
  const warnings =
    spec.model === "linear" && !r.unique
      ? [`${path}: the best-worst weights of "${nodeId}" are not unique`]
      : [];
  return {
    weights: restrict(ids, r.weights, children, nodeId, `${path}.bestToOthers`, "best-worst judgments"),
    provenance: {
      method: "bwm",
      model: spec.model,
      xi: r.xi,
      consistency: r.consistency,
      inputConsistency: r.inputConsistency,
    },
    warnings,
  };
}

/** Fuzzy AHP on the judgments among the active children. @internal */
export function fuzzyAhpSpecWeights(
  spec: ResolvedOfMethod<"fuzzy-ahp">,
  children: string[],
  nodeId: string,
  path: string,
): SpecWeights {
  const provenance = { method: "fuzzy-ahp", variant: spec.variant, defuzzify: spec.defuzzify };
  if (children.length === 1) return { weights: [1], provenance, warnings: [] };
  const judged = spec.judgments.filter(([a, b]) => children.includes(a) && children.includes(b));
  // Crisp judgments only: the matrix as AHP reads it (the scale turns it into TFNs); with triangular
  // judgments, a TFN matrix with the reciprocal (1/u, 1/m, 1/l) below each judgment.
  const crisp = judged.every(([, , v]) => typeof v === "number");
  const matrix = crisp
    ? judgmentsToMatrix(
        children,
        judged.map(([a, b, v]): [string, string, number] => [a, b, v as number]),
      )
    : tfnMatrix(children, judged);
  matrix.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null)
        fail(
          "missing_judgments",
          `${path}.judgments`,
          `fuzzy AHP for "${nodeId}" needs every pair judged; "${children[i]}" vs "${children[j]}" is missing`,
        );
    });
  });
  const r = fuzzyAhp(matrix as (number | Tfn)[][], {
    method: spec.variant,
    defuzzify: spec.defuzzify,
    ahp: { ri: spec.ri, threshold: spec.threshold, labels: children },
  });
  const c = r.consistency;
  const warnings = r.warnings.map((w) => `${path}: ${w}`);
  if (!c.consistent)
    warnings.push(`${path}: the modal judgments of "${nodeId}" are inconsistent (CR = ${c.cr.toFixed(3)})`);
  return {
    weights: r.weights,
    provenance,
    consistency: {
      cr: c.cr,
      ci: c.ci,
      ri: c.ri,
      lambdaMax: c.lambdaMax,
      consistent: c.consistent,
      threshold: c.threshold,
    },
    warnings,
  };
}

/** DEMATEL on the experts' mean matrix, among the active children. @internal */
export function dematelSpecWeights(
  spec: ResolvedOfMethod<"dematel">,
  children: string[],
  nodeId: string,
  path: string,
): SpecWeights {
  const provenance = { method: "dematel", normalization: spec.normalization, experts: spec.matrices.length };
  if (spec.matrices.length === 0)
    fail("missing_judgments", path, `DEMATEL weights for "${nodeId}" need "matrix" or "experts"`);
  const order = spec.order ?? children;
  const n = order.length;
  spec.matrices.forEach((m, e) => {
    if (m.length !== n || m.some((r) => r.length !== n))
      fail(
        "matrix_wrong_size",
        spec.matrices.length > 1 ? `${path}.experts[${e}]` : `${path}.matrix`,
        `expected a ${n} x ${n} matrix (one row and column per id of ${spec.order ? '"order"' : "the children"})`,
      );
  });
  const mean = order.map((_, i) =>
    order.map((_, j) => spec.matrices.reduce((s, m) => s + m[i]![j]!, 0) / spec.matrices.length),
  );
  if (children.length === 1) return { weights: [1], provenance, warnings: [] };
  const idx = children.map((c) => {
    const k = order.indexOf(c);
    if (k < 0)
      fail("missing_child", `${path}.order`, `child "${c}" of "${nodeId}" is not in the DEMATEL order`);
    return k;
  });
  const sub = idx.map((i) => idx.map((j) => mean[i]![j]!));
  const r = dematel(sub, { normalization: spec.normalization, labels: children });
  return { weights: r.weights, provenance: { ...provenance, relation: r.relation }, warnings: [] };
}

/**
 * The TFN matrix of fuzzy judgments among `children`: (1, 1, 1) on the diagonal, each judgment [a, b, t] at
 * (a, b) and its reciprocal (1/u, 1/m, 1/l) at (b, a); a crisp v is the scale's TFN (`toTfn`); null where a
 * pair is not judged. (`fuzzyAhp` checks that each TFN is ordered.) @internal
 */
function tfnMatrix(
  children: readonly string[],
  judgments: readonly (readonly [string, string, number | readonly [number, number, number]])[],
): (Tfn | null)[][] {
  const at = new Map(children.map((c, i) => [c, i]));
  const m: (Tfn | null)[][] = children.map((_, i) =>
    children.map((_, j): Tfn | null => (i === j ? [1, 1, 1] : null)),
  );
  for (const [a, b, v] of judgments) {
    const t: Tfn = typeof v === "number" ? toTfn(v) : [v[0], v[1], v[2]];
    m[at.get(a)!]![at.get(b)!] = t;
    m[at.get(b)!]![at.get(a)!] = [1 / t[2], 1 / t[1], 1 / t[0]];
  }
  return m;
}
