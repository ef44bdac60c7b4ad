import type { CompiledFormula } from "../../indicators/formula.js";
import { type Issue, parsePath } from "../../internal/errors.js";
import type { Dataset } from "../dataset.js";

/** A formula indicator of the model, compiled, with the JSON path of its formula. @internal */
export interface FormulaColumn {
  /** The compiled formula. */
  formula: CompiledFormula;
  /** JSON path of the `formula` field, e.g. `tree.children[0].formula`. */
  path: string;
}

/**
 * Evaluates the formula indicators among `ids` over the dataset's columns, each after the formulas it
 * reads. A result that is not finite becomes a missing value; the units where that happened with
 * every input present are reported once per formula (`formula_not_finite`, a warning). Returns the
 * dataset's columns with the derived ones added (the dataset is not modified).
 * @internal
 */
export function deriveFormulas(
  ids: readonly string[],
  formulas: ReadonlyMap<string, FormulaColumn>,
  ds: Dataset,
  diagnostics: Issue[],
): Map<string, Float64Array> {
  const columns = new Map(ds.columns);
  const m = ds.units.length;
  const compute = (id: string): void => {
    // Not a data column: `toDataset` checked that every input a formula needs is one, so it is a formula,
    // and `evaluationOrder` computed the formulas it reads first.
    const { formula, path } = formulas.get(id) as FormulaColumn;
    const inputs = formula.variables.map((v) => columns.get(v) as Float64Array);
    const byName = new Map(formula.variables.map((v, k) => [v, inputs[k]!]));
    const out = new Float64Array(m);
    let bad = 0;
    const badUnits: string[] = [];
    for (let i = 0; i < m; i++) {
      const v = formula.evaluate((name) => byName.get(name)![i]!);
      if (Number.isFinite(v)) out[i] = v;
      else {
        out[i] = Number.NaN;
        if (!inputs.some((col) => Number.isNaN(col[i]!))) {
          bad++;
          if (badUnits.length < 5) badUnits.push(ds.units[i]!);
        }
      }
    }
    if (bad > 0)
      diagnostics.push({
        code: "formula_not_finite",
        severity: "warning",
        path: parsePath(path),
        where: path,
        message: `formula of "${id}" gave no finite value for ${bad} unit(s) (${badUnits.join(", ")}${bad > badUnits.length ? ", ..." : ""}); they count as missing`,
      });
    columns.set(id, out);
  };
  for (const id of evaluationOrder(ids, formulas, columns)) compute(id);
  return columns;
}

/**
 * The formula indicators among `ids` and the formulas they read, each after the formulas it reads (a
 * depth-first post-order kept on an explicit stack, so a chain of any length walks without recursion).
 * Names in `ready` are data columns and need no evaluation; `checkModel` refused cycles, and a name met
 * again while on the path is skipped rather than followed.
 */
function evaluationOrder(
  ids: readonly string[],
  formulas: ReadonlyMap<string, FormulaColumn>,
  ready: ReadonlyMap<string, Float64Array>,
): string[] {
  const order: string[] = [];
  const met = new Set<string>();
  for (const root of ids) {
    if (met.has(root) || ready.has(root) || !formulas.has(root)) continue;
    met.add(root);
    const stack = [{ id: root, next: 0 }];
    for (let top = stack.at(-1); top; top = stack.at(-1)) {
      const v = formulas.get(top.id)?.formula.variables[top.next++];
      if (v === undefined) {
        order.push(top.id);
        stack.pop();
      } else if (!met.has(v) && !ready.has(v) && formulas.has(v)) {
        met.add(v);
        stack.push({ id: v, next: 0 });
      }
    }
  }
  return order;
}
