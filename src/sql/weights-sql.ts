import { IndicatrixError } from "../internal/errors.js";
import type { ResolvedNode, ResolvedProfile } from "../score/resolve-profile.js";
import { combineWeightsDetailed } from "../weighting/combine.js";
import { type ResolvedBaseWeightSpec, resolveWeightSpec } from "../weighting/resolve-weight-spec.js";
import { specWeights } from "../weighting/spec-weights.js";
import { unsupported } from "./unsupported.js";
import type { SqlWriter } from "./writer.js";

/** The way round for weights that SQL cannot compute: resolve them on the data first. */
const RESOLVE_FIRST = "pass weights from resolveWeights(model, { profile, data })";

/**
 * The computation of one node's data-driven weights: the aggregates over the units with every child
 * present, then scalar steps over them, every column named `<name>_...` so that the columns of
 * several nodes can live side by side (in one-row CTEs, or as constant columns of the rows). @internal
 */
export interface WeightSteps {
  /** `[aggregate, column]`: each a single aggregate call over the child values given (`MIN(x)`...). */
  aggs: [string, string][];
  /** The column of the number of complete units (the caller computes it: `<name>_m`). */
  m: string;
  /** Scalar steps, in order: each a list of `expr AS column` over the columns of the earlier steps. */
  steps: string[][];
  /** One column per child (`<name>_w0`...): the local weights, summing to 1. */
  weights: string[];
}

/**
 * The computation of the local weights of group `node` from its children's values `x` (normalized
 * values of leaf children, scores of group children; NULL = missing; the caller restricts the
 * aggregates to the units with every child present), with the semantics of `specWeights` +
 * `weighNode` (src/weighting/spec-weights.ts, src/score/node-weights.ts): listwise over the complete
 * units, entropy (shift; k = 1 / ln m, 0 ln 0 = 0, on the values as given), CRITIC (sample sd,
 * Pearson CORR, 1 - r or 1 - |r|, on the values as given), standard deviation and coefficient of
 * variation, `combine` (linear, multiplicative, min-discrimination) of data-driven and static parts,
 * then the children's multipliers, re-normalized. The aggregates are returned as single aggregate
 * calls (so that the caller can write them over a WHERE or as windows `OVER ()`), then the steps:
 * each part's raw score per child and live flags, part totals, each part's weights, the combination,
 * totals, the weights. Where `specWeights` throws on data (fewer than 2 complete units, a negative
 * value under entropy, every child constant...) the query stops with an `indicatrix: ...` message.
 *
 * @throws IndicatrixError `unsupported_in_sql` for a `combine` rule other than linear,
 *   multiplicative and min-discrimination.
 * @internal
 */
export function weightSteps(
  w: SqlWriter,
  profile: ResolvedProfile,
  node: ResolvedNode,
  x: readonly string[],
  name: string,
): WeightSteps {
  const c = (col: string) => `${name}_${col}`;
  const m = c("m");
  const d = w.d;
  const n = (x: number) => w.num(x);
  const spec = node.weights;
  const resolved = resolveWeightSpec(spec);
  if (!resolved.needsData)
    throw new IndicatrixError("invalid_option", `node "${node.id}": weights need no data`);
  const parts: readonly ResolvedBaseWeightSpec[] = resolved.method === "combine" ? resolved.of : [resolved];
  const rule = resolved.method === "combine" ? resolved.rule : undefined;
  if (rule !== undefined && rule !== "linear" && rule !== "multiplicative" && rule !== "min-discrimination")
    unsupported(`combine rule "${rule}" with data-driven parts`, node.id, RESOLVE_FIRST);
  const k = node.children.length;
  const path = node.weightsFrom ? `profiles.${node.weightsFrom}.weights.${node.id}` : node.path;
  const J = [...Array(k).keys()];
  const at = (p: number) => `node "${node.id}"${parts.length > 1 ? ` part ${p}` : ""}`;

  // Aggregates over the complete units, shared between parts.
  const aggs = new Map<string, string>();
  const agg = (e: string): string => {
    let a = aggs.get(e);
    if (a === undefined) {
      a = c(`s${aggs.size}`);
      aggs.set(e, a);
    }
    return a;
  };
  const live = (j: number) => `${agg(`MAX(${x[j]})`)} > ${agg(`MIN(${x[j]})`)}`;
  const sd = (j: number, ddof: 0 | 1) => agg(`${ddof === 1 ? "STDDEV_SAMP" : "STDDEV_POP"}(${x[j]})`);

  // Per part: raw scores a{p}_{j} (with the per-column checks), live flags l{p}_{j}, then weights u{p}_{j}.
  const aCols: string[] = [];
  const bCols: string[] = [];
  const uCols: string[] = [];
  const fewUnits = (p: number, method: string) =>
    `WHEN ${m} < 2 THEN ${w.raise(`${at(p)}: "${method}" weights need at least 2 units with all children present; complete units: `, m)}`;
  parts.forEach((part, p) => {
    const a = (j: number) => c(`a${p}_${j}`);
    const l = (j: number) => c(`l${p}_${j}`);
    const t = c(`t${p}`);
    const q = c(`q${p}`);
    const uj = (j: number) => c(`u${p}_${j}`);
    if (!part.needsData) {
      const original = spec !== "equal" && spec.method === "combine" ? spec.of[p] : undefined;
      if (original === undefined) unsupported(`weights "${part.method}"`, node.id, RESOLVE_FIRST);
      const lit = specWeights(original, node.children, { nodeId: node.id, path: `${path}.of[${p}]` }).weights;
      for (const j of J) uCols.push(`${n(lit[j]!)} AS ${c(`u${p}_${j}`)}`);
      return;
    }
    const method = part.method;
    for (const j of J) aCols.push(`CASE WHEN ${live(j)} THEN 1 ELSE 0 END AS ${l(j)}`);
    const sum = (f: (j: number) => string) => `(${J.map(f).join(" + ")})`;
    bCols.push(`${sum(a)} AS ${t}`, `${sum(l)} AS ${q}`);
    const u = (j: number) => w.div(a(j), t);
    const allConstant = `WHEN ${q} = 0 THEN ${w.raise(`${at(p)}: every child is constant over the complete units: "${method}" cannot tell them apart`)}`;
    const degenerate = `WHEN NOT (${t} > 0) THEN ${w.raise(`${at(p)}: every "${method}" score of the children is 0 (degenerate weights)`)}`;
    switch (part.method) {
      case "entropy": {
        const shift = part.shift;
        const z = (j: number) => (shift === 0 ? (x[j] as string) : `(${x[j]} + ${n(shift)})`);
        for (const j of J) {
          const mn = agg(`MIN(${x[j]})`);
          const S = agg(`SUM(${z(j)})`);
          const T = agg(`SUM(CASE WHEN ${z(j)} > 0 THEN ${z(j)} * LN(${z(j)}) ELSE ${n(0)} END)`);
          const e = `(-${w.div(`${w.div(T, S)} - LN(${S})`, `LN(${m})`)})`;
          aCols.push(
            `CASE ${fewUnits(p, method)} WHEN ${mn}${shift === 0 ? "" : ` + ${n(shift)}`} < 0 THEN ${w.raise(`${at(p)}, child "${node.children[j]}": entropy weights need values >= 0 (plus the shift); the smallest is `, mn)} WHEN NOT (${live(j)}) THEN ${n(0)} ELSE ${n(1)} - GREATEST(${n(0)}, LEAST(${n(1)}, ${e})) END AS ${a(j)}`,
          );
        }
        for (const j of J) uCols.push(`CASE ${allConstant} ${degenerate} ELSE ${u(j)} END AS ${uj(j)}`);
        break;
      }
      case "critic": {
        const mode = part.correlation;
        const r = (i: number, j: number) => {
          const corr = agg(`CORR(${x[Math.min(i, j)]}, ${x[Math.max(i, j)]})`);
          const clamped = `GREATEST(${n(-1)}, LEAST(${n(1)}, ${corr}))`;
          return mode === "1-r" ? `${n(1)} - ${clamped}` : `${n(1)} - ABS(${clamped})`;
        };
        for (const j of J) {
          const conflict = J.filter((i) => i !== j)
            .map((i) => `CASE WHEN ${live(i)} THEN ${r(i, j)} ELSE ${n(0)} END`)
            .join(" + ");
          aCols.push(
            `CASE ${fewUnits(p, method)} WHEN NOT (${live(j)}) THEN ${n(0)} ELSE ${sd(j, 1)} * (${conflict || n(0)}) END AS ${a(j)}`,
          );
        }
        // One varying child takes all the weight (its conflict sum is empty).
        for (const j of J)
          uCols.push(
            `CASE ${allConstant} WHEN ${q} = 1 THEN CAST(${l(j)} AS ${d.double}) ${degenerate} ELSE ${u(j)} END AS ${uj(j)}`,
          );
        break;
      }
      case "stddev":
      case "cv": {
        const ddof = part.ddof;
        for (const j of J) {
          let value = sd(j, ddof);
          if (method === "cv") {
            const mean = agg(`AVG(${x[j]})`);
            value = `CASE WHEN ${mean} = 0 THEN ${w.raise(`${at(p)}, child "${node.children[j]}": the mean is 0, so the coefficient of variation is undefined`)} ELSE ${w.div(value, `ABS(${mean})`)} END`;
          }
          aCols.push(
            `CASE ${fewUnits(p, method)} WHEN NOT (${live(j)}) THEN ${n(0)} ELSE ${value} END AS ${a(j)}`,
          );
        }
        const none = `WHEN NOT (${t} > 0) THEN ${w.raise(`${at(p)}: every child is constant over the complete units: no spread to derive "${method}" weights from`)}`;
        for (const j of J) uCols.push(`CASE ${none} ELSE ${u(j)} END AS ${uj(j)}`);
        break;
      }
      default:
        unsupported(`weights "${method}"`, node.id, RESOLVE_FIRST);
    }
  });

  // The combination (one part: itself), then the multipliers.
  const L = parts.length;
  let combined: (j: number) => string;
  const u = (p: number, j: number) => c(`u${p}_${j}`);
  if (rule === undefined) combined = (j) => u(0, j);
  else if (rule === "linear") {
    const coef = combineWeightsDetailed(
      parts.map(() => J.map(() => 1 / k)),
      {
        method: "linear",
        ...(resolved.method === "combine" && resolved.alpha !== undefined ? { alpha: resolved.alpha } : {}),
      },
    ).coefficients;
    combined = (j) => `(${parts.map((_, p) => `${n(coef[p]!)} * ${u(p, j)}`).join(" + ")})`;
  } else {
    const product = (j: number) => `(${parts.map((_, p) => u(p, j)).join(" * ")})`;
    combined = rule === "multiplicative" ? product : (j) => `POWER(${product(j)}, ${n(1 / L)})`;
  }
  const mult = node.children.map((id) => (profile.nodes.get(id) as ResolvedNode).multiplier);
  const cj = (j: number) => c(`c${j}`);
  const [ct, cm] = [c("ct"), c("cm")];
  const weighted = (j: number) => (mult[j] === 1 ? cj(j) : `${cj(j)} * ${n(mult[j]!)}`);
  const final = J.map(
    (j) =>
      `CASE WHEN NOT (${ct} > 0) THEN ${w.raise(`node "${node.id}": the product of the combined weights is 0 for every child`)} WHEN NOT (${cm} > 0) THEN ${w.raise(`node "${node.id}": multipliers leave every child with weight 0`)} ELSE ${w.div(weighted(j), cm)} END AS ${c(`w${j}`)}`,
  );
  return {
    aggs: [...aggs],
    m,
    steps: [
      aCols,
      bCols,
      uCols,
      J.map((j) => `${combined(j)} AS ${cj(j)}`),
      [`${J.map(cj).join(" + ")} AS ${ct}`, `${J.map(weighted).join(" + ")} AS ${cm}`],
      final,
    ],
    weights: J.map((j) => c(`w${j}`)),
  };
}
