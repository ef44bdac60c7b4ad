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
  const compute = (id: string): Float64Array => {
    const done = columns.get(id);
    if (done) return done;
    // Not a data column: `toDataset` checked that every input a formula needs is one, so it is a formula.
    const { formula, path } = formulas.get(id) as FormulaColumn;
    const inputs = formula.variables.map(compute);
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
    return out;
  };
  for (const id of ids) if (formulas.has(id)) compute(id);
  return columns;
}
