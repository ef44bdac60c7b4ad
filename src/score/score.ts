import { aggregate } from "../aggregate/aggregate.js";
import { resolveAggregate } from "../aggregate/resolve-aggregate.js";
import { compileFormula } from "../indicators/formula.js";
import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import { walkTree } from "../indicators/tree.js";
import { IndicatrixError, type Issue, parsePath } from "../internal/errors.js";
import { MAX_ABS_VALUE } from "../internal/limits.js";
import { rankDescendingUint32 } from "../internal/rank.js";
import type { AggregateSpec } from "../internal/specs.js";
import type { NormalizeParams, NormalizeWarning } from "../normalize/normalize.js";
import { planNormalization } from "../normalize/normalize-resolved.js";
import { resolveNormalize } from "../normalize/resolve-normalize.js";
import { type TreatReport, treat } from "../normalize/treat.js";
import { type NodeConsistency, specNeedsData } from "../weighting/spec-weights.js";
import { type Dataset, type DatasetInput, toDataset } from "./dataset.js";
import { type AffineColumn, applyAffine, fusedArithmetic } from "./fused.js";
import { globalWeights, weighNode, withTotalConsistency } from "./node-weights.js";
import { type ResolvedNode, type ResolvedProfile, resolveProfile } from "./resolve-profile.js";

/** Options of {@link score}. */
export interface ScoreOptions {
  /** Profile to apply (default: the model's first profile). */
  profile?: string;
  /** Extra numeric columns to keep in the result (e.g. a weight column for roll-up). `population` is kept when present. */
  keep?: readonly string[];
  /** Tie rule of the ranks: `"min"` (default, as COINr) or `"average"` (only for `ranksAverage`). */
  ties?: "min";
}

/** An indicator's contribution to a unit's overall score. */
export interface Contribution {
  /** Indicator id. */
  indicator: string;
  /** Effective weight of the indicator for this unit (its global weight, re-normalized over present siblings). */
  weight: number;
  /** Normalized value of the indicator for this unit (NaN when missing). */
  value: number;
  /**
   * weight x value: with arithmetic aggregation throughout and missing values skipped (the defaults), the
   * contributions sum to the unit's score; under other aggregations or imputation they are an approximation.
   */
  contribution: number;
}

/** The unit hierarchy of the data, for roll-up. */
export interface UnitHierarchy {
  /** Every unit id of the data, in input order (scored units and the units above them). */
  units: string[];
  /** Parent of each unit. */
  parents: (string | undefined)[];
  /** Level of each unit. */
  levels: (string | undefined)[];
  /** Name of each unit. */
  names: (string | undefined)[];
  /** Kept numeric columns over all units (e.g. population). */
  columns: Record<string, Float64Array>;
}

/** Everything `score()` computed, aligned with `units`. */
export interface Result {
  /** The profile that ran. */
  profile: string;
  /** Ids of the scored units, in data order. */
  units: string[];
  /** Score of every active node per unit: the root, the groups, and the indicators (their normalized values). NaN = no score. */
  scores: Record<string, Float64Array>;
  /** Rank of every active node per unit: 1 = best, ties share the lowest rank, 0 = no score. Computed on first access. */
  ranks: Record<string, Uint32Array>;
  /** Local weights (within the parent) and global weights (product down the tree) of every active node. */
  weights: { local: Record<string, number>; global: Record<string, number> };
  /** Consistency of every AHP-weighted node, plus `total` for the hierarchy (CR_total) when any node uses AHP. */
  consistency: Record<string, NodeConsistency>;
  /** Share of the active indicators present, per unit. */
  coverage: Float64Array;
  /** Why a unit has no overall score (NaN), by unit id. */
  missing: Record<string, string>;
  /** Raw values of the indicators after formulas and treatment, before normalization. */
  raw: Record<string, Float64Array>;
  /** What normalization ran per indicator, with the parameters it used (min, max, goalposts, ...). */
  normalization: Record<string, NormalizeParams>;
  /** Outlier treatment per treated indicator. */
  treatment: Record<string, TreatReport>;
  /** Every option that ran: methods, conventions and their sources. */
  provenance: Record<string, unknown>;
  /** Warnings found on the way (constant columns, formula results that are not finite, ignored columns...). */
  diagnostics: Issue[];
  /** The unit hierarchy of the data (for `rollup`). */
  hierarchy: UnitHierarchy;
  /** The resolved profile (tree, settings). */
  resolved: ResolvedProfile;
  /** Each indicator's contribution to the unit's overall score, largest first. */
  contributions(unit: string): Contribution[];
  /** A flat table: one record per unit with its score and rank at every node. */
  toRows(): Record<string, string | number | null>[];
}

/** Property names of plain objects: not usable as keys of the result's records. */
const OBJECT_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "prototype",
]);

function neededColumns(model: Model, profile: ResolvedProfile): string[] {
  const byId = new Map<string, { formula?: string | undefined }>();
  for (const [id, n] of profile.nodes) byId.set(id, n.node);
  const all = new Map<string, { formula?: string | undefined }>();
  const stack = [model.tree];
  while (stack.length) {
    const n = stack.pop() as typeof model.tree;
    all.set(n.id, n);
    for (const c of n.children ?? []) stack.push(c);
  }
  const needed = new Set<string>();
  const visit = (id: string, seen: Set<string>): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = all.get(id);
    if (node?.formula === undefined) {
      needed.add(id);
      return;
    }
    for (const v of compileFormula(node.formula).variables) visit(v, seen);
  };
  const seen = new Set<string>();
  for (const id of profile.indicators) visit(id, seen);
  return [...needed];
}

/** Evaluates formula indicators in dependency order; non-finite results become missing values. */
function deriveFormulas(
  model: Model,
  profile: ResolvedProfile,
  ds: Dataset,
  diagnostics: Issue[],
): Map<string, Float64Array> {
  const columns = new Map(ds.columns);
  const formulas = new Map<string, { formula: string; path: string }>();
  const walk = (n: typeof model.tree, path: string): void => {
    if (n.formula !== undefined) formulas.set(n.id, { formula: n.formula, path: `${path}.formula` });
    (n.children ?? []).forEach((c, i) => {
      walk(c, `${path}.children[${i}]`);
    });
  };
  walk(model.tree, "tree");
  const m = ds.units.length;
  const compute = (id: string): Float64Array => {
    const done = columns.get(id);
    if (done) return done;
    const f = formulas.get(id);
    if (!f)
      throw new IndicatrixError(
        "missing_column",
        `column "${id}": the model needs it and the data do not have it`,
      );
    const compiled = compileFormula(f.formula);
    const inputs = new Map(compiled.variables.map((v) => [v, compute(v)]));
    const out = new Float64Array(m);
    let bad = 0;
    const badUnits: string[] = [];
    for (let i = 0; i < m; i++) {
      const v = compiled.evaluate((name) => (inputs.get(name) as Float64Array)[i] as number);
      const anyMissing = compiled.variables.some((name) =>
        Number.isNaN((inputs.get(name) as Float64Array)[i] as number),
      );
      if (Number.isFinite(v)) out[i] = v;
      else {
        out[i] = Number.NaN;
        if (!anyMissing) {
          bad++;
          if (badUnits.length < 5) badUnits.push(ds.units[i] as string);
        }
      }
    }
    if (bad > 0)
      diagnostics.push({
        code: "formula_not_finite",
        severity: "warning",
        path: parsePath(f.path),
        where: f.path,
        message: `formula of "${id}" gave no finite value for ${bad} unit(s) (${badUnits.join(", ")}${bad > badUnits.length ? ", ..." : ""}); they count as missing`,
      });
    columns.set(id, out);
    return out;
  };
  for (const id of profile.indicators) if (formulas.has(id)) compute(id);
  return columns;
}

function isArithmetic(spec: AggregateSpec): boolean {
  return resolveAggregate(spec).method === "arithmetic";
}

/** Re-throws a method's error naming the unit (for an index) or the node it concerns. */
function locate(e: unknown, id: string, units: readonly string[], path: string): unknown {
  if (!(e instanceof IndicatrixError)) return e;
  const at = /^values\[(\d+)\]/.exec(e.where);
  if (at) {
    const where = `unit "${units[Number(at[1])]}", column "${id}"`;
    return new IndicatrixError(
      e.code === "non_finite_value" ? "invalid_data" : e.code,
      `${where}: ${e.message.replace(/^values\[\d+\]: /, "")}`,
      { path: ["data", Number(at[1]), id], where },
    );
  }
  return new IndicatrixError(e.code, `"${id}": ${e.message}`, { path });
}

function leafUnits(
  ds: Dataset,
  valueColumns: readonly string[],
): { index: number[]; groupRowsWithData: string[] } {
  const parentsSet = new Set(ds.parents.filter((p): p is string => p !== undefined));
  const index: number[] = [];
  const groupRowsWithData: string[] = [];
  ds.units.forEach((u, i) => {
    if (!parentsSet.has(u)) index.push(i);
    else
      for (const c of valueColumns) {
        const col = ds.columns.get(c);
        if (col && !Number.isNaN(col[i] as number)) {
          groupRowsWithData.push(u);
          break;
        }
      }
  });
  return { index, groupRowsWithData };
}

function subset(col: Float64Array, index: number[] | undefined, total: number): Float64Array {
  if (index === undefined || index.length === total) return col;
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = col[index[k] as number] as number;
  return out;
}

/**
 * Scores units with a model: derives formula indicators, treats outliers, normalizes every active
 * indicator by its direction, weights every group's children by the profile's spec, and aggregates
 * bottom-up to the root, with the model's missing-value policy and minimum coverage. Units that are
 * the parent of other units in the data (streets and districts above communities) are not scored
 * directly: `rollup(result)` gives their scores.
 *
 * Conventions (DOMAIN.md part A): min-max on the sample by default; missing values skipped with their
 * weights re-normalized (as COINr); ranks 1 = best with ties sharing the lowest rank.
 *
 * @throws IndicatrixError `invalid_model` (the model has errors), `unknown_profile`, the dataset
 *   errors of `toDataset`, `missing_value` (policy `error`), `value_out_of_range` (a raw value beyond
 *   MAX_ABS_VALUE, 1e150), `invalid_argument` (a `keep` name such as `__proto__`), and the errors of
 *   the methods.
 * @example
 * ```ts
 * const result = score(model, [{ unit: "c1", a: 3, b: 10 }, { unit: "c2", a: 5, b: 4 }], { profile: "normal" });
 * result.scores.root; // => Float64Array [...]
 * result.ranks.root; // => Uint32Array [2, 1]
 * ```
 */
export function score(model: Model, data: DatasetInput, opts: ScoreOptions = {}): Result {
  const parsed = parseModel(model);
  const profile = resolveProfile(parsed, opts.profile);
  const diagnostics: Issue[] = [];
  const needed = neededColumns(parsed, profile);
  for (const [i, c] of (opts.keep ?? []).entries())
    if (typeof c !== "string" || c === "" || OBJECT_KEYS.has(c))
      throw new IndicatrixError(
        "invalid_argument",
        `opts.keep[${i}]: ${JSON.stringify(c)} is not usable as a column name`,
        { path: `opts.keep[${i}]` },
      );
  const keep = ["population", ...(opts.keep ?? [])];
  const ds = toDataset(data, { columns: needed, optional: keep });
  const modelIds = new Set(walkTree(parsed.tree).map((v) => v.node.id));
  const ignored = ds.ignored.filter((c) => !modelIds.has(c));
  if (ignored.length > 0)
    diagnostics.push({
      code: "ignored_columns",
      severity: "warning",
      path: ["data"],
      where: "data",
      message: `columns not used by the model: ${ignored.slice(0, 20).join(", ")}${ignored.length > 20 ? ", ..." : ""}`,
    });
  const columns = deriveFormulas(parsed, profile, ds, diagnostics);
  const { index: unitIndex, groupRowsWithData } = leafUnits(ds, needed);
  if (groupRowsWithData.length > 0)
    diagnostics.push({
      code: "group_unit_values_ignored",
      severity: "warning",
      path: ["data"],
      where: "data",
      message: `units with child units are scored by roll-up, not from their own values: ${groupRowsWithData.slice(0, 10).join(", ")}`,
    });
  const total = ds.units.length;
  const units = unitIndex === undefined ? ds.units : unitIndex.map((i) => ds.units[i] as string);
  const m = units.length;
  if (m === 0) throw new IndicatrixError("empty_data", "data: there are no units to score");

  const scores: Record<string, Float64Array> = {};
  const raw: Record<string, Float64Array> = {};
  const normalization: Record<string, NormalizeParams> = {};
  const treatment: Record<string, TreatReport> = {};
  const affine = new Map<string, AffineColumn>();
  const missingCount = new Float64Array(m);

  for (const id of profile.indicators) {
    const node = profile.nodes.get(id) as ResolvedNode;
    let values = subset(columns.get(id) as Float64Array, unitIndex, total);
    if (node.treat && (node.treat.winsorize || node.treat.log)) {
      const t = treat(values, node.treat);
      values = t.values;
      treatment[id] = t.report;
    }
    raw[id] = values;
    const normOpts = node.goalposts
      ? { direction: node.direction, goalposts: node.goalposts }
      : { direction: node.direction };
    let params: NormalizeParams;
    let warnings: NormalizeWarning[];
    try {
      // Min-max and goalposts come back as an affine form, fused into the arithmetic mean below.
      const plan = planNormalization(values, resolveNormalize(node.normalize, normOpts));
      ({ params, warnings } = plan);
      if ("affine" in plan) affine.set(id, { values, ...plan.affine, params, warnings });
      else scores[id] = plan.values;
    } catch (e) {
      throw locate(e, id, units, node.path);
    }
    if (params.min < -MAX_ABS_VALUE || params.max > MAX_ABS_VALUE) {
      const i = values.findIndex((v) => Math.abs(v) > MAX_ABS_VALUE);
      const where = `unit "${units[i]}", column "${id}"`;
      throw new IndicatrixError(
        "value_out_of_range",
        `${where}: ${values[i]} is beyond the largest magnitude accepted (${MAX_ABS_VALUE}); rescale the indicator (e.g. thousands, or a log)`,
        { path: where },
      );
    }
    normalization[id] = params;
    for (const w of warnings) {
      if (w.code === "constant_column" && profile.constant === "error")
        throw new IndicatrixError(
          "constant_column",
          `indicator "${id}": ${w.message.split(":")[0]}, and the model's defaults.constant is "error"`,
          {
            path: node.path,
          },
        );
      diagnostics.push({
        code: w.code,
        severity: "warning",
        path: parsePath(node.path),
        where: node.path,
        message: `indicator "${id}": ${w.message}`,
      });
    }
    if (params.missing > 0) {
      if (profile.missing === "error") {
        const i = values.findIndex((v) => Number.isNaN(v));
        throw new IndicatrixError(
          "missing_value",
          `unit "${units[i]}", indicator "${id}": the value is missing and the model's missing policy is "error"`,
          {
            path: `unit "${units[i]}", column "${id}"`,
          },
        );
      }
      for (let i = 0; i < m; i++)
        if (Number.isNaN(values[i] as number)) missingCount[i] = (missingCount[i] as number) + 1;
    }
  }
  const nInd = profile.indicators.length;
  const coverage = new Float64Array(m);
  for (let i = 0; i < m; i++) coverage[i] = (nInd - (missingCount[i] as number)) / nInd;

  const local: Record<string, number> = {};
  const consistency: Record<string, NodeConsistency> = {};
  const nodeProvenance: Record<string, unknown> = {};
  const order = [...profile.nodes.values()];
  const column = (id: string): Float64Array => {
    let col = scores[id];
    if (!col) {
      col = applyAffine(affine.get(id) as AffineColumn);
      scores[id] = col;
    }
    return col;
  };
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k] as ResolvedNode;
    if (node.indicator) continue;
    const fusable =
      isArithmetic(node.aggregate) &&
      (profile.missing === "skip" || !node.children.some((c) => (affine.get(c)?.params.missing ?? 1) > 0)) &&
      !specNeedsData(node.weights) &&
      node.children.every((c) => affine.has(c) && scores[c] === undefined);
    const childCols = fusable ? undefined : node.children.map(column);
    const sw = weighNode(profile, node, childCols);
    const w = sw.weights;
    node.children.forEach((c, i) => {
      local[c] = w[i] as number;
    });
    if (sw.consistency) consistency[node.id] = sw.consistency;
    nodeProvenance[node.id] = { weights: sw.provenance, aggregate: node.aggregate };
    for (const warning of sw.warnings)
      diagnostics.push({
        code: "weights_warning",
        severity: "warning",
        path: parsePath(node.path),
        where: node.path,
        message: warning,
      });
    if (fusable) {
      scores[node.id] = fusedArithmetic(
        node.children.map((c) => affine.get(c) as AffineColumn),
        w,
        m,
        profile.minCoverage,
      );
      continue;
    }
    try {
      scores[node.id] = aggregate(childCols as Float64Array[], w, node.aggregate, {
        missing: profile.missing,
        minCoverage: profile.minCoverage,
      }).values;
    } catch (e) {
      throw locate(e, node.id, units, node.path);
    }
  }
  // Indicators normalized by the fast path are materialized on first access.
  for (const id of affine.keys())
    if (scores[id] === undefined) {
      let cached: Float64Array | undefined;
      Object.defineProperty(scores, id, {
        enumerable: true,
        configurable: true,
        get: () => {
          cached ??= applyAffine(affine.get(id) as AffineColumn);
          return cached;
        },
      });
    }
  local[profile.root] = 1;
  const global = globalWeights(profile, local);
  const allConsistency = withTotalConsistency(consistency, global);

  const rootScores = scores[profile.root] as Float64Array;
  const missing: Record<string, string> = {};
  for (let i = 0; i < m; i++)
    if (Number.isNaN(rootScores[i] as number))
      // defineProperty: a unit id such as "__proto__" becomes an own key, never a prototype.
      Object.defineProperty(missing, units[i] as string, {
        value:
          coverage[i] === 0
            ? "no indicator value present"
            : `coverage ${((coverage[i] as number) * 100).toFixed(0)}% of indicators is below the minimum coverage (${profile.minCoverage}) at some node`,
        enumerable: true,
        writable: true,
        configurable: true,
      });

  const keptColumns: Record<string, Float64Array> = {};
  for (const c of keep) {
    const col = ds.columns.get(c);
    if (col) keptColumns[c] = col;
  }
  const provenance: Record<string, unknown> = {
    profile: profile.name,
    chain: profile.chain,
    missing: profile.missing,
    minCoverage: profile.minCoverage,
    ranks: { order: "descending", ties: "min", missingRank: 0 },
    nodes: nodeProvenance,
    normalization: Object.fromEntries(Object.entries(normalization).map(([k, v]) => [k, v.method])),
  };
  return buildResult({
    profile,
    units,
    scores,
    local,
    global,
    consistency: allConsistency,
    coverage,
    missing,
    raw,
    normalization,
    treatment,
    provenance,
    diagnostics,
    hierarchy: {
      units: ds.units,
      parents: ds.parents,
      levels: ds.levels,
      names: ds.names,
      columns: keptColumns,
    },
  });
}

/** What buildResult assembles: the Result's data fields, with the resolved profile and the two weight maps. */
type ResultParts = Omit<Result, "profile" | "ranks" | "weights" | "resolved" | "contributions" | "toRows"> & {
  profile: ResolvedProfile;
  local: Record<string, number>;
  global: Record<string, number>;
};

function lazyRanks(scores: Record<string, Float64Array>): Record<string, Uint32Array> {
  const ranks: Record<string, Uint32Array> = {};
  for (const id of Object.keys(scores)) {
    let cached: Uint32Array | undefined;
    Object.defineProperty(ranks, id, {
      enumerable: true,
      get: () => {
        cached ??= rankDescendingUint32(scores[id] as Float64Array);
        return cached;
      },
    });
  }
  return ranks;
}

function buildResult(p: ResultParts): Result {
  const { profile, units, scores } = p;
  let unitIndex: Map<string, number> | undefined;
  const ranks = lazyRanks(scores);
  const nodeOrder = [...profile.nodes.keys()];
  return {
    profile: profile.name,
    units,
    scores,
    ranks,
    weights: { local: p.local, global: p.global },
    consistency: p.consistency,
    coverage: p.coverage,
    missing: p.missing,
    raw: p.raw,
    normalization: p.normalization,
    treatment: p.treatment,
    provenance: p.provenance,
    diagnostics: p.diagnostics,
    hierarchy: p.hierarchy,
    resolved: profile,
    contributions(unit: string): Contribution[] {
      unitIndex ??= new Map(units.map((u, k) => [u, k]));
      const i = unitIndex.get(unit);
      if (i === undefined)
        throw new IndicatrixError("unknown_unit", `unit "${unit}" is not a scored unit of this result`);
      const out: Contribution[] = [];
      // Effective weight: product down the tree of each child's weight re-normalized over the present siblings.
      const visit = (id: string, weight: number): void => {
        const node = profile.nodes.get(id) as ResolvedNode;
        if (node.indicator) {
          const value = (scores[id] as Float64Array)[i] as number;
          out.push({ indicator: id, weight, value, contribution: Number.isNaN(value) ? 0 : weight * value });
          return;
        }
        let present = 0;
        for (const c of node.children)
          if (!Number.isNaN((scores[c] as Float64Array)[i] as number)) present += p.local[c] as number;
        for (const c of node.children) {
          const has = !Number.isNaN((scores[c] as Float64Array)[i] as number);
          visit(c, has && present > 0 ? (weight * (p.local[c] as number)) / present : 0);
        }
      };
      visit(profile.root, 1);
      return out.sort((a, b) => b.contribution - a.contribution);
    },
    toRows() {
      return units.map((u, i) => {
        const row: Record<string, string | number | null> = { unit: u };
        for (const id of nodeOrder) {
          const v = (scores[id] as Float64Array)[i] as number;
          row[id] = Number.isNaN(v) ? null : v;
        }
        for (const id of nodeOrder) {
          const r = (ranks[id] as Uint32Array)[i] as number;
          row[`${id}_rank`] = r === 0 ? null : r;
        }
        row.coverage = p.coverage[i] as number;
        return row;
      });
    },
  };
}
