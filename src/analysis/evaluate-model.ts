import { type CouplingOptions, type CouplingResult, couplingCoordination } from "../evaluate/coupling.js";
import { type FuzzyOptions, type FuzzyResult, fuzzyEvaluation } from "../evaluate/fuzzy.js";
import {
  type GreyRelationalOptions,
  type GreyRelationalResult,
  greyRelational,
} from "../evaluate/grey-relational.js";
import { type ObstacleResult, obstacleDegree } from "../evaluate/obstacle.js";
import {
  type RankSumRatioOptions,
  type RankSumRatioResult,
  rankSumRatio,
} from "../evaluate/rank-sum-ratio.js";
import { type TopsisOptions, type TopsisResult, topsis } from "../evaluate/topsis.js";
import type { Model } from "../indicators/schema.js";
import { fail, IndicatrixError } from "../internal/errors.js";
import type { DatasetInput } from "../score/dataset.js";
import type { ResolvedNode } from "../score/resolve-profile.js";
import { type Result, score } from "../score/score.js";

/** The matrix methods {@link evaluateModel} can run over a model's normalized indicators. */
export type ModelEvaluationMethod = "topsis" | "grey" | "fuzzy" | "rsr" | "obstacle" | "coupling";

/** Options every method of {@link evaluateModel} takes. */
export interface EvaluateModelCommon {
  /** Profile to score (default: the model's first). */
  profile?: string;
}

/** Options of {@link evaluateModel}: the method, the profile, and that method's own options. */
export type EvaluateModelOptions =
  | ({
      /** TOPSIS over the normalized indicators with global weights. */
      method: "topsis";
    } & EvaluateModelCommon &
      Omit<TopsisOptions, "directions">)
  | ({
      /** Grey relational analysis; the grade is weighted by the global weights. */
      method: "grey";
    } & EvaluateModelCommon &
      Omit<GreyRelationalOptions, "directions" | "weights">)
  | ({
      /** Fuzzy comprehensive evaluation of the normalized values. */
      method: "fuzzy";
      /**
       * Grade breakpoints on the normalized scale, ascending; default 5 evenly spaced points over the
       * normalization's output range (e.g. [0, 0.25, 0.5, 0.75, 1]).
       */
      breakpoints?: readonly number[];
    } & EvaluateModelCommon &
      FuzzyOptions)
  | ({
      /** Weighted rank-sum ratio (WRSR) with the global weights. */
      method: "rsr";
      /** RSR's own `method` option: `integer` ranks (整秩法, default) or `non-integer` (非整秩法). */
      ranking?: "integer" | "non-integer";
    } & EvaluateModelCommon &
      Omit<RankSumRatioOptions, "directions" | "weights" | "method">)
  | ({
      /** Obstacle degree per indicator and per top-level dimension. */
      method: "obstacle";
      /** How many of each unit's largest obstacles to list (default 3). */
      top?: number;
    } & EvaluateModelCommon)
  | ({
      /** Coupling coordination between the root's children, or between profiles' root scores. */
      method: "coupling";
      /** Two or more profiles whose root scores are the subsystems (平急结合: `["normal", "emergency"]`). */
      profiles?: readonly string[];
    } & EvaluateModelCommon &
      CouplingOptions);

/** One output row: the unit id and the method's values (null for a unit left out). */
export type EvaluationRow = Record<string, string | number | null>;

/** Result of {@link evaluateModel}. */
export interface ModelEvaluation {
  /** The method that ran. */
  method: ModelEvaluationMethod;
  /** The profile scored (for coupling between profiles: the profiles, comma separated). */
  profile: string;
  /** Scored unit ids, aligned with `rows`. */
  units: string[];
  /** The keys of every row, in display order (`unit` first). */
  columns: string[];
  /** One row per unit, aligned with `units`. */
  rows: EvaluationRow[];
  /** The columns of the matrix the method read: indicator ids, or dimension ids / profiles for coupling. */
  criteria: string[];
  /** Weights of the criteria (global leaf weights; empty for coupling). */
  weights: number[];
  /** Units left out of the method because a criterion value is missing (their row values are null). */
  excluded: string[];
  /** The full result of the matrix method (over the units not excluded, in order). */
  detail:
    | TopsisResult
    | GreyRelationalResult
    | FuzzyResult
    | RankSumRatioResult
    | ObstacleResult
    | CouplingResult;
}

const METHODS: readonly ModelEvaluationMethod[] = ["topsis", "grey", "fuzzy", "rsr", "obstacle", "coupling"];

interface Matrix {
  criteria: string[];
  cols: Float64Array[];
  keep: number[];
  excluded: string[];
}

function matrixOf(units: readonly string[], criteria: string[], columns: Float64Array[]): Matrix {
  const keep: number[] = [];
  const excluded: string[] = [];
  units.forEach((u, i) => {
    if (columns.every((c) => !Number.isNaN(c[i] as number))) keep.push(i);
    else excluded.push(u);
  });
  const cols =
    keep.length === units.length
      ? columns
      : columns.map((c) => Float64Array.from(keep, (i) => c[i] as number));
  return { criteria, cols, keep, excluded };
}

function leafMatrix(result: Result): Matrix & { weights: number[] } {
  const ids = result.resolved.indicators;
  const m = matrixOf(
    result.units,
    ids,
    ids.map((id) => result.scores[id] as Float64Array),
  );
  if (m.keep.length === 0)
    throw new IndicatrixError("no_complete_units", "no unit has a value for every active indicator");
  return { ...m, weights: ids.map((id) => result.weights.global[id] as number) };
}

function defaultBreakpoints(result: Result): number[] {
  let range: [number, number] | undefined;
  for (const id of result.resolved.indicators) {
    const r = result.normalization[id]?.range;
    if (!r || (range && (range[0] !== r[0] || range[1] !== r[1])))
      fail(
        "invalid_option",
        "opts.breakpoints",
        `indicators do not share one bounded normalization range (see "${id}"): give the grade breakpoints`,
      );
    range = r;
  }
  const [lo, hi] = range as [number, number];
  return [0, 1, 2, 3, 4].map((k) => lo + ((hi - lo) * k) / 4);
}

function withContext<T>(method: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof IndicatrixError)
      throw new IndicatrixError(e.code, `evaluateModel (${method}): ${e.message}`, { path: e.path });
    throw e;
  }
}

/** Rows for every unit from per-kept-unit values (nulls for excluded units). */
function rowsOf(
  units: readonly string[],
  keep: readonly number[],
  columns: string[],
  valuesAt: (k: number) => Record<string, string | number | null>,
): EvaluationRow[] {
  const rows: EvaluationRow[] = units.map((unit) => {
    const row: EvaluationRow = { unit };
    for (const c of columns) if (c !== "unit") row[c] = null;
    return row;
  });
  keep.forEach((i, k) => {
    Object.assign(rows[i] as EvaluationRow, valuesAt(k));
  });
  return rows;
}

/**
 * Runs one of the evaluation methods of `src/evaluate` over a scored model: the profile is scored,
 * and the method reads the active indicators' normalized values (higher = better, so every column
 * is a benefit column) with their global leaf weights. `topsis`, `grey` (weighted grade), `fuzzy`
 * (memberships over grade breakpoints on the normalized scale), `rsr` (weighted RSR) rank the
 * units; `obstacle` gives each unit's obstacle degree per indicator and per top-level dimension
 * (the root's children); `coupling` measures the coupling coordination of the root's children as
 * subsystems, or of several profiles' root scores (`profiles: ["normal", "emergency"]`, the
 * 平急结合 measure). Use it to report a model-based TOPSIS or obstacle table; use the functions of
 * `src/evaluate` directly on a plain matrix.
 *
 * Row keys: `unit`, then the method's values (`score` and `rank` for the ranking methods; per
 * dimension and per indicator obstacle degrees in percent and `top`; `U_<subsystem>`, `C`, `T`, `D`,
 * `grade`, `band`, `band_zh` for coupling), listed in `columns`.
 *
 * Units with a missing criterion value are left out of the method (listed in `excluded`, their row
 * values null): the matrix methods need complete rows.
 *
 * References: see each method (Hwang & Yoon 1981; Deng 1982; DOMAIN.md §1.10-1.15).
 *
 * @throws IndicatrixError `invalid_option` (unknown method, fewer than 2 profiles for coupling,
 *   fuzzy breakpoints that cannot be defaulted), `no_complete_units`, the errors of `score()`, and
 *   the method's own errors (e.g. `out_of_range` when obstacle or coupling values are not in [0, 1]).
 * @example
 * ```ts
 * const ev = evaluateModel(model, rows, { profile: "normal", method: "topsis" });
 * ev.rows[0]; // => { unit: "c001", score: 0.61, rank: 12, dPlus: 0.04, dMinus: 0.07 }
 * evaluateModel(model, rows, { method: "coupling", profiles: ["normal", "emergency"] }).rows[0];
 * // => { unit: "c001", U_normal: 0.80, U_emergency: 0.85, C: 0.99, T: 0.83, D: 0.91, grade: 10, band: "high-quality coordination", band_zh: "优质协调" }
 * ```
 */
export function evaluateModel(model: Model, data: DatasetInput, opts: EvaluateModelOptions): ModelEvaluation {
  if (opts === null || typeof opts !== "object" || !METHODS.includes(opts.method))
    fail(
      "invalid_option",
      "opts.method",
      `expected one of ${METHODS.join(", ")}, got ${JSON.stringify((opts as { method?: unknown } | null)?.method)}`,
    );
  const { method } = opts;
  if (opts.method === "coupling" && opts.profiles !== undefined) return coupleProfiles(model, data, opts);
  const result = score(model, data, opts.profile !== undefined ? { profile: opts.profile } : {});
  const units = result.units;
  const base = { method, profile: result.profile, units };

  switch (opts.method) {
    case "topsis": {
      const { method: _m, profile: _p, ...o } = opts;
      const x = leafMatrix(result);
      const r = withContext(method, () => topsis(x.cols, x.weights, o));
      const columns = ["unit", "score", "rank", "dPlus", "dMinus"];
      return {
        ...base,
        columns,
        rows: rowsOf(units, x.keep, columns, (k) => ({
          score: r.scores[k] as number,
          rank: r.ranks[k] as number,
          dPlus: r.dPlus[k] as number,
          dMinus: r.dMinus[k] as number,
        })),
        criteria: x.criteria,
        weights: x.weights,
        excluded: x.excluded,
        detail: r,
      };
    }
    case "grey": {
      const { method: _m, profile: _p, ...o } = opts;
      const x = leafMatrix(result);
      const r = withContext(method, () => greyRelational(x.cols, { ...o, weights: x.weights }));
      const columns = ["unit", "score", "rank"];
      return {
        ...base,
        columns,
        rows: rowsOf(units, x.keep, columns, (k) => ({
          score: r.grades[k] as number,
          rank: r.ranks[k] as number,
        })),
        criteria: x.criteria,
        weights: x.weights,
        excluded: x.excluded,
        detail: r,
      };
    }
    case "fuzzy": {
      const { method: _m, profile: _p, breakpoints, ...o } = opts;
      const x = leafMatrix(result);
      const bp = breakpoints ? [...breakpoints] : defaultBreakpoints(result);
      const r = withContext(method, () => fuzzyEvaluation({ values: x.cols, breakpoints: bp }, x.weights, o));
      const labels = r.options.gradeLabels;
      const columns = ["unit", "score", "rank", "grade", ...labels];
      return {
        ...base,
        columns,
        rows: rowsOf(units, x.keep, columns, (k) => {
          const row: Record<string, string | number> = {
            score: r.scores[k] as number,
            rank: r.ranks[k] as number,
            grade: r.labels[k] as string,
          };
          labels.forEach((label, g) => {
            row[label] = (r.normalized[k] as number[])[g] as number;
          });
          return row;
        }),
        criteria: x.criteria,
        weights: x.weights,
        excluded: x.excluded,
        detail: r,
      };
    }
    case "rsr": {
      const { method: _m, profile: _p, ranking, ...o } = opts;
      const x = leafMatrix(result);
      const r = withContext(method, () =>
        rankSumRatio(x.cols, {
          ...o,
          weights: x.weights,
          ...(ranking !== undefined ? { method: ranking } : {}),
        }),
      );
      const columns = ["unit", "score", "rank", "probit", "fitted", "grade"];
      return {
        ...base,
        columns,
        rows: rowsOf(units, x.keep, columns, (k) => ({
          score: r.rsr[k] as number,
          rank: r.ranks[k] as number,
          probit: r.probit[k] as number,
          fitted: r.fitted[k] as number,
          grade: r.grades[k] as number,
        })),
        criteria: x.criteria,
        weights: x.weights,
        excluded: x.excluded,
        detail: r,
      };
    }
    case "obstacle": {
      const x = leafMatrix(result);
      const profile = result.resolved;
      const rootNode = profile.nodes.get(profile.root) as ResolvedNode;
      const position = new Map(x.criteria.map((id, j) => [id, j]));
      const groups: Record<string, number[]> = {};
      for (const dim of rootNode.children)
        groups[dim] = leavesUnder(profile.nodes, dim).map((id) => position.get(id) as number);
      const r = withContext(method, () =>
        obstacleDegree(x.cols, x.weights, { groups, ...(opts.top !== undefined ? { top: opts.top } : {}) }),
      );
      const columns = ["unit", ...rootNode.children, ...x.criteria, "top"];
      return {
        ...base,
        columns,
        rows: rowsOf(units, x.keep, columns, (k) => {
          const row: Record<string, string | number> = {};
          for (const dim of rootNode.children) row[dim] = (r.groups[dim] as number[])[k] as number;
          x.criteria.forEach((id, j) => {
            row[id] = (r.degrees[k] as number[])[j] as number;
          });
          row.top = (r.top[k] ?? []).map((e) => `${x.criteria[e.index]} ${e.degree.toFixed(1)}%`).join("; ");
          return row;
        }),
        criteria: x.criteria,
        weights: x.weights,
        excluded: x.excluded,
        detail: r,
      };
    }
    case "coupling": {
      const profile = result.resolved;
      const dims = (profile.nodes.get(profile.root) as ResolvedNode).children;
      if (dims.length < 2)
        fail(
          "invalid_option",
          "opts.method",
          `the root "${profile.root}" has fewer than 2 dimensions to couple`,
        );
      const x = matrixOf(
        units,
        dims,
        dims.map((d) => result.scores[d] as Float64Array),
      );
      const { method: _m, profile: _p, profiles: _ps, ...o } = opts;
      return couplingOutput(
        base,
        x,
        withContext(method, () => couplingCoordination(x.cols, o)),
      );
    }
  }
}

function leavesUnder(nodes: Map<string, ResolvedNode>, id: string): string[] {
  const node = nodes.get(id) as ResolvedNode;
  if (node.indicator) return [id];
  return node.children.flatMap((c) => leavesUnder(nodes, c));
}

function couplingOutput(
  base: { method: ModelEvaluationMethod; profile: string; units: string[] },
  x: Matrix,
  r: CouplingResult,
): ModelEvaluation {
  const columns = ["unit", ...x.criteria.map((c) => `U_${c}`), "C", "T", "D", "grade", "band", "band_zh"];
  return {
    ...base,
    columns,
    rows: rowsOf(base.units, x.keep, columns, (k) => {
      const row: Record<string, string | number> = {};
      x.criteria.forEach((c, j) => {
        row[`U_${c}`] = (x.cols[j] as Float64Array)[k] as number;
      });
      const band = r.grades[k];
      Object.assign(row, {
        C: r.c[k] as number,
        T: r.t[k] as number,
        D: r.d[k] as number,
        grade: band?.level ?? 0,
        band: band?.en ?? "",
        band_zh: band?.zh ?? "",
      });
      return row;
    }),
    criteria: x.criteria,
    weights: [],
    excluded: x.excluded,
    detail: r,
  };
}

function coupleProfiles(
  model: Model,
  data: DatasetInput,
  opts: Extract<EvaluateModelOptions, { method: "coupling" }>,
): ModelEvaluation {
  const names = opts.profiles ?? [];
  if (!Array.isArray(names) || names.length < 2 || new Set(names).size !== names.length)
    fail(
      "invalid_option",
      "opts.profiles",
      "coupling between profiles needs at least 2 different profile names",
    );
  const results = names.map((p) => score(model, data, { profile: p }));
  const first = results[0] as Result;
  const units = first.units;
  results.forEach((r, k) => {
    if (r.units.length !== units.length || r.units.some((u, i) => u !== units[i]))
      fail(
        "invalid_option",
        `opts.profiles[${k}]`,
        `profile "${names[k]}" scores other units than "${names[0]}"`,
      );
  });
  const x = matrixOf(
    units,
    [...names],
    results.map((r) => r.scores[r.resolved.root] as Float64Array),
  );
  const { method: _m, profile: _p, profiles: _ps, ...o } = opts;
  const r = withContext("coupling", () => couplingCoordination(x.cols, o));
  return couplingOutput({ method: "coupling", profile: names.join(","), units }, x, r);
}
