import { compileFormula } from "../../indicators/formula.js";
import type { Model } from "../../indicators/schema.js";
import { walkTree } from "../../indicators/tree.js";
import { IndicatrixError, type Issue } from "../../internal/errors.js";
import { type Dataset, type DatasetInput, type DatasetOptions, hasParents, toDataset } from "../dataset.js";
import type { ResolvedProfile } from "../resolve-profile.js";
import { deriveFormulas, type FormulaColumn } from "./derive-formulas.js";

/** The columns a profile scores, over the units it scores. @internal */
export interface PreparedColumns {
  /** The data as read (every unit, the scored ones and the units above them). */
  dataset: Dataset;
  /** Ids of the scored units: the units that are no other unit's parent, in data order. */
  units: string[];
  /** Each active indicator's column over the scored units, formulas evaluated (before treatment). */
  indicators: Map<string, Float64Array>;
  /** The kept columns (`population` and `opts.keep`) present in the data, over every unit. */
  kept: Record<string, Float64Array>;
  /** The columns the assessment rules read that are not active indicators (event and flag columns), over the scored units. */
  ruleColumns: Map<string, Float64Array>;
}

/** The dataset with each mapped indicator's column also under the indicator's id. */
function byIndicatorId(
  ds: Dataset,
  needed: readonly string[],
  columnOf: ReadonlyMap<string, string>,
): Dataset {
  if (columnOf.size === 0) return ds;
  const columns = new Map(ds.columns);
  for (const id of needed) {
    const c = columnOf.get(id);
    const col = c === undefined ? undefined : ds.columns.get(c);
    if (col) columns.set(id, col);
  }
  return { ...ds, columns };
}

/** The `%` unit, however written (`%`, full-width `％`, with spaces). */
const PERCENT_UNIT = /^\s*[%％]\s*$/;

/**
 * The data columns whose percent cells read as points (`85%` = 85): those of the indicators whose `unit`
 * is `%` (their `column`, else their id). The CLI's readers use it as `score()` does.
 * @internal
 */
export function percentPointColumns(model: Model): string[] {
  const out: string[] = [];
  for (const { node } of walkTree(model.tree))
    if (node.children === undefined && node.unit !== undefined && PERCENT_UNIT.test(node.unit))
      out.push(node.column ?? node.id);
  return out;
}

/** Property names of plain objects: not usable as keys of the result's records. */
const OBJECT_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "prototype",
]);

/**
 * The first stage of `score()`: reads the data with the columns the profile needs (the active
 * indicators, and for a formula indicator the columns its formula reads), warns about columns the
 * model does not use, evaluates the formulas, and keeps the units that are no other unit's parent
 * (a unit with child units is scored by roll-up; its own values are ignored, with a warning).
 * `ruleNames` are the columns the assessment rules read (event and flag columns): each must be in the
 * data unless it is an active indicator.
 * One walk of the model tree gives the ids and the formulas.
 * @internal
 */
export function prepareColumns(
  model: Model,
  profile: ResolvedProfile,
  data: DatasetInput,
  keepOption: readonly string[] | undefined,
  diagnostics: Issue[],
  ruleNames: readonly string[] = [],
  datasetOptions: DatasetOptions = {},
): PreparedColumns {
  // Declared inputs are not "unused" columns even in a profile whose formulas and rules do not read them.
  const ids = new Set<string>((model.inputs ?? []).map((i) => i.id));
  const sources = new Map<string, { source: string; path: string }>();
  // An indicator that names its data column (`column: "绿地率"`) reads that column; `%` reads percent as points.
  const columnOf = new Map<string, string>();
  for (const { node, path } of walkTree(model.tree)) {
    ids.add(node.id);
    if (node.formula !== undefined) sources.set(node.id, { source: node.formula, path: `${path}.formula` });
    if (node.column !== undefined && node.children === undefined) columnOf.set(node.id, node.column);
  }
  const { needed, formulas } = neededColumns(profile.indicators, sources);
  for (const [i, c] of (keepOption ?? []).entries())
    if (typeof c !== "string" || c === "" || OBJECT_KEYS.has(c))
      throw new IndicatrixError(
        "invalid_option",
        `opts.keep[${i}]: ${JSON.stringify(c)} is not usable as a column name`,
        { path: `opts.keep[${i}]` },
      );
  const keep = ["population", ...(keepOption ?? [])];
  const ruleOnly = ruleNames.filter((c) => !needed.includes(c));
  const numbers = {
    ...datasetOptions.numbers,
    pointsColumns: datasetOptions.numbers?.pointsColumns ?? percentPointColumns(model),
  };
  const read = toDataset(data, {
    ...datasetOptions,
    numbers,
    columns: [...needed.map((id) => columnOf.get(id) ?? id), ...ruleOnly],
    optional: keep,
  });
  const dataset = byIndicatorId(read, needed, columnOf);
  diagnostics.push(...(dataset.notes ?? []));
  const mapped = new Set(columnOf.values());
  // lon / lat are the units' coordinates (read by the spatial tools and the report's map), not stray columns.
  const ignored = dataset.ignored.filter((c) => !ids.has(c) && !mapped.has(c) && c !== "lon" && c !== "lat");
  if (ignored.length > 0)
    diagnostics.push({
      code: "ignored_columns",
      severity: "warning",
      path: ["data"],
      where: "data",
      message: `columns not used by the model: ${ignored.slice(0, 20).join(", ")}${ignored.length > 20 ? ", ..." : ""}`,
    });
  const columns = deriveFormulas(profile.indicators, formulas, dataset, diagnostics);
  const { index, groupRowsWithData } = leafUnits(dataset, needed);
  if (groupRowsWithData.length > 0)
    diagnostics.push({
      code: "group_unit_values_ignored",
      severity: "warning",
      path: ["data"],
      where: "data",
      message: `units with child units are scored by roll-up, not from their own values: ${groupRowsWithData.slice(0, 10).join(", ")}`,
    });
  const count = index === "all" ? dataset.units.length : index.length;
  if (count === 0) throw new IndicatrixError("empty_data", "data: there are no units to score");
  // The rows to keep, or undefined when every row is scored (the columns are then used as they are).
  const rows = index === "all" || count === dataset.units.length ? undefined : index;
  const indicators = new Map<string, Float64Array>();
  // Every active indicator is a data column (toDataset checked it) or a formula (derived above).
  for (const id of profile.indicators) {
    const col = columns.get(id) as Float64Array;
    indicators.set(id, rows ? subset(col, rows) : col);
  }
  const kept: Record<string, Float64Array> = {};
  for (const c of keep) {
    const col = dataset.columns.get(c);
    if (col) kept[c] = col;
  }
  const ruleColumns = new Map<string, Float64Array>();
  for (const c of ruleOnly) {
    const col = dataset.columns.get(c) as Float64Array;
    ruleColumns.set(c, rows ? subset(col, rows) : col);
  }
  return {
    dataset,
    units: rows ? rows.map((i) => dataset.units[i]!) : dataset.units,
    indicators,
    kept,
    ruleColumns,
  };
}

/**
 * The data columns a profile reads: the active indicators that are data columns and the columns
 * their formulas read (what `prepareColumns` asks `toDataset` for). @internal
 */
export function profileColumns(model: Model, profile: ResolvedProfile): string[] {
  const sources = new Map<string, { source: string; path: string }>();
  for (const { node, path } of walkTree(model.tree))
    if (node.formula !== undefined) sources.set(node.id, { source: node.formula, path: `${path}.formula` });
  return neededColumns(profile.indicators, sources).needed;
}

/**
 * The data columns the indicators need (an indicator without a formula is a column; a formula
 * indicator needs what its formula reads, and so on down) and the formulas met on the way, compiled.
 */
function neededColumns(
  indicators: readonly string[],
  sources: ReadonlyMap<string, { source: string; path: string }>,
): { needed: string[]; formulas: Map<string, FormulaColumn> } {
  const needed = new Set<string>();
  const formulas = new Map<string, FormulaColumn>();
  const seen = new Set<string>();
  // Depth-first, in the order the formulas read their variables, on an explicit stack (chains of any length).
  const visit = (id: string): readonly string[] => {
    seen.add(id);
    const f = sources.get(id);
    if (f === undefined) {
      needed.add(id);
      return [];
    }
    const formula = compileFormula(f.source);
    formulas.set(id, { formula, path: f.path });
    return formula.variables;
  };
  for (const id of indicators) {
    if (seen.has(id)) continue;
    const stack = [{ reads: visit(id), next: 0 }];
    for (let top = stack.at(-1); top; top = stack.at(-1)) {
      const v = top.reads[top.next++];
      if (v === undefined) stack.pop();
      else if (!seen.has(v)) stack.push({ reads: visit(v), next: 0 });
    }
  }
  return { needed: [...needed], formulas };
}

/**
 * Rows of the units to score (no other unit's parent; `"all"` when no unit has a parent, the common
 * flat table, without a pass over the units), and the parent units that carry values anyway.
 */
function leafUnits(
  ds: Dataset,
  valueColumns: readonly string[],
): { index: number[] | "all"; groupRowsWithData: string[] } {
  if (!hasParents(ds.parents)) return { index: "all", groupRowsWithData: [] };
  const parents = new Set(ds.parents.filter((p): p is string => p !== undefined));
  const index: number[] = [];
  const groupRowsWithData: string[] = [];
  // Indexed (not entries()): one pass over every unit, a hot loop for large data.
  for (let i = 0; i < ds.units.length; i++) {
    const u = ds.units[i]!;
    if (!parents.has(u)) index.push(i);
    else if (valueColumns.some((c) => hasValue(ds.columns.get(c), i))) groupRowsWithData.push(u);
  }
  return { index, groupRowsWithData };
}

function hasValue(col: Float64Array | undefined, i: number): boolean {
  return col !== undefined && !Number.isNaN(col[i]!);
}

function subset(col: Float64Array, index: readonly number[]): Float64Array {
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = col[index[k]!]!;
  return out;
}
