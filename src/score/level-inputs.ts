import { compileFormula } from "../indicators/formula.js";
import type { Model } from "../indicators/model-types.js";
import { isIndicator, walkTree } from "../indicators/tree.js";
import { fail } from "../internal/errors.js";
import { affineForm } from "../normalize/affine.js";
import { normalizeResolved } from "../normalize/normalize-resolved.js";
import { resolveNormalize } from "../normalize/resolve-normalize.js";
import type { NormalizeParams } from "../normalize/types.js";
import type { ResolvedNode } from "./resolve-profile.js";

/**
 * The formula indicators a level recomputes from summed inputs (DOMAIN C7, rates that do not average):
 * the indicators of the lowest level with a `formula` whose variables, followed through the formulas
 * they read, are all inputs declared with `rollup: "sum"`. Every other indicator is rolled up. Returns
 * each recomputed indicator with its compiled formula, in tree order. @internal
 *
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   inputs: [{ id: "cases", rollup: "sum" as const }, { id: "pop", rollup: "sum" as const }],
 *   tree: { id: "root", children: [{ id: "rate", formula: "cases / pop * 1e4" }, { id: "b" }] },
 * };
 * [...recomputedIndicators(model, { rate: "community", b: "community" }, "community").keys()]; // => ["rate"]
 * ```
 */
export function recomputedIndicators(
  model: Model,
  indicatorLevels: Readonly<Record<string, string>>,
  lowest: string,
): Map<string, ReturnType<typeof compileFormula>> {
  const summed = new Set((model.inputs ?? []).filter((i) => i.rollup === "sum").map((i) => i.id));
  const out = new Map<string, ReturnType<typeof compileFormula>>();
  if (summed.size === 0) return out;
  const formulas = new Map<string, ReturnType<typeof compileFormula>>();
  for (const { node } of walkTree(model.tree))
    if (isIndicator(node) && node.formula !== undefined) formulas.set(node.id, compileFormula(node.formula));
  // A formula is recomputable when every name it reads is a summed input or a recomputable formula;
  // `checkModel` refused cycles, and a name met again on the path counts as not recomputable.
  const memo = new Map<string, boolean>();
  const recomputable = (id: string, path: Set<string>): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const f = formulas.get(id);
    if (!f || path.has(id)) return false;
    path.add(id);
    const ok = f.variables.every((v) => summed.has(v) || (formulas.has(v) && recomputable(v, path)));
    path.delete(id);
    memo.set(id, ok);
    return ok;
  };
  for (const [id, f] of formulas)
    if (indicatorLevels[id] === lowest && recomputable(id, new Set())) out.set(id, f);
  return out;
}

/**
 * Evaluates a recomputed indicator's formula at one unit from its summed inputs, following the formulas
 * it reads; a result that is not finite (a zero population) is missing. @internal
 */
export function evaluateAtLevel(
  formula: ReturnType<typeof compileFormula>,
  sums: ReadonlyMap<string, number>,
  formulas: ReadonlyMap<string, ReturnType<typeof compileFormula>>,
): number {
  const get = (name: string): number => {
    const s = sums.get(name);
    if (s !== undefined) return s;
    const f = formulas.get(name);
    return f ? f.evaluate(get) : Number.NaN;
  };
  const v = formula.evaluate(get);
  return Number.isFinite(v) ? v : Number.NaN;
}

/**
 * Normalizes a level's recomputed values of an indicator with the lowest level's normalization (its
 * sample minimum and maximum, its goalposts), so that a street with the rate of a community scores as
 * that community: min-max and goalposts apply their affine map, `none` its direction. Other methods
 * (z-score, ranks, target...) have no meaning for one value outside their sample and are refused.
 * @throws IndicatrixError `invalid_levels` naming the indicator and its method.
 * @internal
 */
export function normalizeAtLevel(
  values: Float64Array,
  node: ResolvedNode,
  params: NormalizeParams,
  level: string,
): Float64Array {
  const spec = resolveNormalize(
    node.normalize,
    node.goalposts ? { direction: node.direction, goalposts: node.goalposts } : { direction: node.direction },
  );
  const form = affineForm(spec, { min: params.min, max: params.max });
  if (form) {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const z = values[i]! * form.scale + form.offset;
      out[i] = Number.isNaN(z) ? z : Math.min(form.clipHi, Math.max(form.clipLo, z));
    }
    return out;
  }
  if (spec.formula === "none") return normalizeResolved(values, spec).values;
  return fail(
    "invalid_levels",
    node.path,
    `indicator "${node.id}" is recomputed at level "${level}" from summed inputs, but its normalization (${spec.formula}) cannot score a value outside the lowest level's sample; use minmax, goalposts or none, or drop rollup: "sum" from its inputs`,
  );
}
