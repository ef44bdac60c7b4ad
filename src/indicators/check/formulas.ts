import { IndicatrixError } from "../../internal/errors.js";
import { compileFormula } from "../formula.js";
import type { Model } from "../schema.js";
import { isIndicator, type VisitedNode } from "../tree.js";
import { type Diagnostic, error } from "./diagnostic.js";
import { ID_PATTERN, isReserved } from "./ids.js";

/**
 * The rules of derived indicators: declared `inputs` have identifier ids (`invalid_id`, `reserved_id`) that no
 * tree node has (`duplicate_id`); each `formula` compiles (`invalid_formula`), names only indicators and inputs
 * (`unknown_variable`), and formulas do not depend on each other in a cycle (`formula_cycle`, one per cycle).
 * @internal
 */
export function checkFormulas(model: Model, byId: ReadonlyMap<string, VisitedNode>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inputs = new Set((model.inputs ?? []).map((i) => i.id));
  for (const [i, input] of (model.inputs ?? []).entries()) {
    const path = `inputs[${i}].id`;
    if (isReserved(input.id))
      out.push(error("reserved_id", path, `"${input.id}" is reserved; choose another id`));
    else if (!ID_PATTERN.test(input.id))
      out.push(error("invalid_id", path, `"${input.id}" is not an identifier`));
    if (byId.has(input.id))
      out.push(error("duplicate_id", path, `input "${input.id}" has the id of a tree node`));
  }

  /** Formula indicator -> the indicators its formula reads. */
  const deps = new Map<string, string[]>();
  for (const [id, v] of byId) {
    const formula = v.node.formula;
    if (formula === undefined) continue;
    const path = `${v.path}.formula`;
    try {
      const indicatorDeps: string[] = [];
      for (const name of compileFormula(formula).variables) {
        const target = byId.get(name);
        if (target && isIndicator(target.node)) indicatorDeps.push(name);
        else if (!inputs.has(name))
          out.push(
            error(
              "unknown_variable",
              path,
              `"${name}" is neither an indicator id nor a declared input; declare raw columns in "inputs"`,
            ),
          );
      }
      deps.set(id, indicatorDeps);
    } catch (e) {
      if (!(e instanceof IndicatrixError)) throw e;
      out.push(error("invalid_formula", path, e.message));
    }
  }
  for (const cycle of formulaCycles(deps)) {
    const start = byId.get(cycle[0] ?? "");
    if (start)
      out.push(
        error(
          "formula_cycle",
          `${start.path}.formula`,
          `formulas depend on each other in a cycle: ${cycle.join(" -> ")}`,
        ),
      );
  }
  return out;
}

/**
 * Each cycle of the dependency graph once, as the path that closes it (`["a", "b", "a"]`), found by a
 * depth-first search with colours (1 on the path, 2 done). The search keeps its own stack, so a chain or
 * a cycle of any length walks without recursion, and each node's place on the path is kept in a map.
 */
function formulaCycles(deps: ReadonlyMap<string, readonly string[]>): string[][] {
  const colour = new Map<string, 1 | 2>();
  const seen = new Set<string>();
  const cycles: string[][] = [];
  for (const root of deps.keys()) {
    if (colour.has(root)) continue;
    // The current path, each entry with the index of its next dependency to follow.
    const stack = [{ id: root, next: 0 }];
    const place = new Map([[root, 0]]);
    colour.set(root, 1);
    for (let top = stack.at(-1); top; top = stack.at(-1)) {
      const d = deps.get(top.id)?.[top.next++];
      if (d === undefined) {
        colour.set(top.id, 2);
        place.delete(top.id);
        stack.pop();
        continue;
      }
      const start = place.get(d);
      if (start !== undefined) {
        const cycle = [...stack.slice(start).map((f) => f.id), d];
        const key = [...cycle].sort().join(",");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!colour.has(d)) {
        colour.set(d, 1);
        place.set(d, stack.length);
        stack.push({ id: d, next: 0 });
      }
    }
  }
  return cycles;
}
