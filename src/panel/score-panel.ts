import type { NodeRulesOutcome } from "../grades/apply-node-rules.js";
import { parseModel } from "../indicators/parse-model.js";
import { profileNames } from "../indicators/profiles.js";
import type { GradeSpec, Model } from "../indicators/schema.js";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import { applyAffineForm } from "../normalize/affine.js";
import { type NormalizePlan, planNormalization } from "../normalize/normalize-resolved.js";
import type { NormalizeParams } from "../normalize/types.js";
import type { Dataset } from "../score/dataset.js";
import { type ResolvedProfile, resolveProfile } from "../score/resolve-profile.js";
import type { Result, UnitHierarchy } from "../score/result.js";
import { scoreWith } from "../score/score.js";
import { gradeNodes, ruleNames } from "../score/stages/assess.js";
import { buildResult } from "../score/stages/build-result.js";
import { prepareColumns, profileColumns } from "../score/stages/prepare-columns.js";
import { treatIndicators } from "../score/stages/treat-indicators.js";
import type { FixedWeights } from "../score/stages/weigh-groups.js";
import { specNeedsData } from "../weighting/spec-weights.js";
import { basisPlan, type PanelBasis, resolveBasis } from "./basis-plan.js";
import { type ImputedValue, imputePanel, type PanelImputeSpec } from "./impute-panel.js";
import { type Mobility, type MobilityOptions, mobility } from "./mobility.js";
import { type PanelDataOptions, type PanelInput, type PeriodBlock, toPanel } from "./panel-data.js";
import { type TrendOptions, type TrendResult, trends } from "./trends.js";

/** Which rows data-driven weights (entropy, CRITIC, ...) are computed on. */
export type PanelWeights = "pooled" | "period" | { reference: string | number };

/** Options of {@link scorePanel}. */
export interface ScorePanelOptions extends Omit<PanelDataOptions, "columns" | "optional" | "textColumn"> {
  /**
   * The profile: one name for every period (default: the model's first profile), a map from period to
   * profile (`{ "2020": "emergency" }`; unlisted periods take the model's first profile), or
   * `{ column: "state", default? }`: a column of the rows naming each unit-period's profile (empty:
   * `default`, else the model's first profile).
   */
  profile?: string | Readonly<Record<string, string>> | { column: string; default?: string };
  /**
   * Where the normalization statistics (min, max, mean, sd, ranks) come from: `"pooled"` over every
   * unit-period (default; COINr `global = TRUE`), `"period"` (each period alone) or `{ reference }` (the
   * bounds of one period, applied to all; scores may leave the output range unless `clip: true`).
   */
  basis?: PanelBasis;
  /**
   * Rows of the data-driven weight specs: `"pooled"` (default: one weight vector from every unit-period,
   * e.g. the panel entropy with k = 1/ln(r m)), `"period"` (each period's own) or `{ reference }`.
   */
  weights?: PanelWeights;
  /** Fill a unit's missing indicator values from its own other periods first (COINr `impute_panel`). */
  impute?: PanelImputeSpec;
  /** Extra numeric columns to keep (as `score`). */
  keep?: readonly string[];
  /**
   * Node id -> a grade spec, added to (or replacing) the model's and profile's `grades` (as `score`).
   * Every period is graded on its own scores: fixed cuts grade alike in every period, data-driven cuts
   * (quantiles, Jenks...) are taken over the period's units.
   */
  grades?: Readonly<Record<string, GradeSpec>>;
}

/** Every option that ran in a `scorePanel()` call, defaults filled in. */
export interface PanelProvenance {
  /** The period column read. */
  periodColumn: string;
  /** The periods, in order. */
  periods: string[];
  /** How periods were ordered. */
  order: "numeric" | "first appearance" | "explicit";
  /** The profile of each period (profiles named by a state column: those met in the period, joined by "+"). */
  profiles: Record<string, string>;
  /** The column naming each unit-period's profile, when `opts.profile` is `{ column }`. */
  stateColumn?: string;
  /** The normalization basis. */
  basis: "pooled" | "period" | { reference: string; clip: boolean };
  /** The rows of data-driven weights (`"none"` when no weight spec reads data). */
  weights: "pooled" | "period" | { reference: string } | "none";
  /** The panel imputation that ran, if any. */
  impute?: PanelImputeSpec;
}

/** What `scorePanel()` computed: one result per period, with the panel's time index. */
export interface PanelResult {
  /** The periods, in order. */
  periods: string[];
  /** Every unit id, in order of first appearance. */
  units: string[];
  /** Units absent from a period, by period (only periods that miss some). */
  absent: Record<string, string[]>;
  /** The full result of one period (scores as the basis gives them; ranks and grades within the period). */
  at(period: string | number): Result;
  /**
   * One long table: a record per unit-period with every node's score and rank (within the period), the
   * coverage, `<id>_grade` at every graded node (graded within the period) and `<id>_veto` at every node with vetoes.
   */
  toRows(): Record<string, string | number | null>[];
  /** Per unit and node: change, percent change, CAGR, OLS slope over the periods. */
  trends(opts?: TrendOptions): TrendResult;
  /** Rank changes and rank correlations between consecutive periods. */
  mobility(opts?: MobilityOptions): Mobility;
  /** Every value filled by the panel imputation. */
  imputed: ImputedValue[];
  /** Warnings of the panel (`unbalanced_panel`) and of each run. */
  diagnostics: Issue[];
  /** Every option that ran. */
  provenance: PanelProvenance;
}

/** One score run: a profile over some unit-periods (leaf rows), and each period's rows in it. */
interface Run {
  /** The profile. */
  profile: string;
  /** Positions of its rows among the leaf rows of the panel, ascending. */
  rows: Uint32Array;
  /** Each period's rows in the run (run coordinates). */
  blocks: PeriodBlock[];
}

/** The rows `rows` of a dataset, without the unit hierarchy (every row scored). */
function gather(ds: Dataset, rows: Uint32Array): Dataset {
  const pick = <T>(a: readonly T[]): T[] => Array.from(rows, (r) => a[r] as T);
  const columns = new Map<string, Float64Array>();
  for (const [k, col] of ds.columns) {
    const out = new Float64Array(rows.length);
    for (let q = 0; q < rows.length; q++) out[q] = col[rows[q]!]!;
    columns.set(k, out);
  }
  return {
    kind: "dataset",
    units: pick(ds.units),
    parents: new Array(rows.length).fill(undefined),
    levels: pick(ds.levels),
    names: pick(ds.names),
    columns,
    ignored: ds.ignored,
  };
}

/** Run-local period blocks of sorted leaf positions, given the period of each leaf position. */
function blocksOf(rows: Uint32Array, periodOfLeaf: Uint32Array, periods: readonly string[]): PeriodBlock[] {
  const out: PeriodBlock[] = [];
  for (let q = 0; q < rows.length; q++) {
    const period = periods[periodOfLeaf[rows[q]!]!] as string;
    const last = out.at(-1);
    if (last && last.period === period) last.end = q + 1;
    else out.push({ period, start: q, end: q + 1 });
  }
  return out;
}

/** Count of present values of a column and its range (the params of a plan describe the run's own values). */
function ownCounts(values: Float64Array): Pick<NormalizeParams, "n" | "missing" | "min" | "max"> {
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { n, missing: values.length - n, min: n > 0 ? min : Number.NaN, max: n > 0 ? max : Number.NaN };
}

/**
 * Scores a panel (units observed over several periods) with a model, so that scores are comparable over
 * time: reads the panel (`toPanel`: period column, period order, one row per unit-period), optionally
 * fills a unit's missing values from its other periods (`impute`), and runs the `score()` pipeline over
 * the unit-periods. With the default `basis: "pooled"` the normalization statistics (min-max bounds,
 * z-score moments, ranks) are taken over every unit-period at once (COINr `Normalise(purse, global =
 * TRUE)`; the normalization of the panel entropy method), and data-driven weights over every unit-period
 * (`weights: "pooled"`: entropy with k = 1/ln(r m)); aggregation runs row by row, ranks within each
 * period, and each period is graded on its own scores after its own assessment rules (as `score()`
 * grades a cross-section: fixed cut points alike in every period, data-driven ones over the period's
 * units). `basis: "period"` normalizes each period alone (COINr `global = FALSE`: every period spans the
 * output range, so a unit can fall while its values rise); `{ reference: "2019" }` carries one period's
 * bounds to all (stable when periods are added; values may leave the output range; `clip: true` clips).
 * The normalization statistics always run over every unit-period of the basis, whatever profile scores
 * them; a profile changes weights, active indicators and goalposts. A one-period panel gives exactly
 * `score()`.
 *
 * @param model - the indicator model.
 * @param data - rows with a period column, or `{ units, values, periods }`.
 * @param opts - period column and order, profile(s), basis, weights, imputation.
 * @throws IndicatrixError the errors of `toPanel` and `score`, `unknown_period` (a reference or profile
 *   map period that the panel does not have), `unknown_profile` (also naming the row of a state column),
 *   `unsupported_basis` (a reference basis for a rank-type normalization), `invalid_option`.
 * @example
 * ```ts
 * const panel = scorePanel(model, [
 *   { unit: "a", year: 2021, x: 1 }, { unit: "b", year: 2021, x: 3 },
 *   { unit: "a", year: 2022, x: 4 }, { unit: "b", year: 2022, x: 2 },
 * ]);
 * panel.at(2022).scores.root; // => Float64Array [1, 0.333...] (pooled min-max: 1 and 4 are the bounds)
 * panel.toRows()[0]; // => { unit: "a", period: "2021", root: 0, ..., root_rank: 2, ... }
 * ```
 */
export function scorePanel(model: Model, data: PanelInput, opts: ScorePanelOptions = {}): PanelResult {
  if (opts === null || typeof opts !== "object")
    throw new IndicatrixError("invalid_option", "opts: expected an options object", { path: ["opts"] });
  const parsed = parseModel(model);
  const names = profileNames(parsed);
  const given = opts.profile;
  const stateColumn =
    given !== null && typeof given === "object" && "column" in given && typeof given.column === "string"
      ? given.column
      : undefined;
  if (stateColumn !== undefined && !Array.isArray(data))
    throw new IndicatrixError("invalid_option", "opts.profile.column: a state column needs rows (records)", {
      path: ["opts", "profile", "column"],
    });
  const stateDefault = stateColumn !== undefined ? (given as { default?: unknown }).default : undefined;
  if (stateDefault !== undefined && typeof stateDefault !== "string")
    throw new IndicatrixError("invalid_option", "opts.profile.default: expected a profile name", {
      path: ["opts", "profile", "default"],
    });
  const defaultProfile =
    typeof given === "string" ? given : ((stateDefault as string | undefined) ?? (names[0] as string));
  if (!names.includes(defaultProfile)) resolveProfile(parsed, defaultProfile); // unknown_profile
  const resolved = new Map<string, ResolvedProfile>();
  const profileOf = (name: string): ResolvedProfile => {
    let p = resolved.get(name);
    if (!p) {
      p = resolveProfile(parsed, name);
      resolved.set(name, p);
    }
    return p;
  };
  const profileMap =
    stateColumn === undefined && typeof given === "object" && given !== null
      ? (given as Readonly<Record<string, string>>)
      : undefined;
  const used =
    stateColumn !== undefined
      ? new Set(names)
      : new Set([defaultProfile, ...Object.values(profileMap ?? {})]);
  const columns = new Set<string>();
  for (const name of used) for (const c of profileColumns(parsed, profileOf(name))) columns.add(c);
  // The columns the assessment rules read (bonus, penalty, veto conditions): read when present (a
  // profile that runs checks them, as score() does), never filled from other periods.
  const ruleColumns = new Set<string>();
  for (const name of used)
    for (const c of ruleNames(profileOf(name))) if (!columns.has(c)) ruleColumns.add(c);
  const panel = toPanel(data, {
    ...(opts.period !== undefined ? { period: opts.period } : {}),
    ...(opts.periods !== undefined ? { periods: opts.periods } : {}),
    ...(opts.unitKey !== undefined ? { unitKey: opts.unitKey } : {}),
    ...(stateColumn !== undefined ? { textColumn: stateColumn } : {}),
    columns: [...columns],
    optional: ["population", ...ruleColumns, ...(opts.keep ?? [])],
  });
  const { periods, blocks } = panel;
  for (const p of Object.keys(profileMap ?? {}))
    if (!periods.includes(p))
      throw new IndicatrixError(
        "unknown_period",
        `opts.profile: period "${p}" is not a period of the panel`,
        {
          path: ["opts", "profile", p],
        },
      );
  const periodProfile: Record<string, string> = {};
  for (const p of periods)
    periodProfile[p] =
      profileMap && Object.hasOwn(profileMap, p) ? (profileMap[p] as string) : defaultProfile;
  const basis = resolveBasis(opts.basis, periods);
  const weightsBasis = resolveBasis(opts.weights as PanelBasis | undefined, periods, "weights");
  const diagnostics: Issue[] = [...panel.diagnostics];
  let imputed: ImputedValue[] = [];
  let dataset = panel.dataset;
  if (opts.impute !== undefined) {
    const out = imputePanel(panel, opts.impute, [...columns]);
    dataset = out.dataset;
    imputed = out.imputed;
  }
  const n = dataset.units.length;

  // The rows scored (units that are no other unit's parent, as score() keeps them), period by period.
  const parentSet = new Set(dataset.parents.filter((p): p is string => p !== undefined));
  const leafRows: number[] = [];
  const fullLeaves: PeriodBlock[] = [];
  for (const b of blocks) {
    const start = leafRows.length;
    for (let s = b.start; s < b.end; s++)
      if (parentSet.size === 0 || !parentSet.has(dataset.units[s]!)) leafRows.push(s);
    fullLeaves.push({ period: b.period, start, end: leafRows.length });
  }
  const leafCount = leafRows.length;
  const leafIndex = Uint32Array.from(leafRows);
  const leafDataset = leafCount === n && parentSet.size === 0 ? dataset : gather(dataset, leafIndex);
  const periodOfLeaf = new Uint32Array(leafCount);
  for (const [k, b] of fullLeaves.entries()) periodOfLeaf.fill(k, b.start, b.end);

  // The profile of every scored row.
  const rowProfile: string[] = new Array(leafCount);
  if (stateColumn === undefined)
    for (const [k, b] of fullLeaves.entries())
      rowProfile.fill(periodProfile[periods[k] as string] as string, b.start, b.end);
  else
    for (let q = 0; q < leafCount; q++) {
      const s = leafIndex[q]!;
      const named = stateColumn !== undefined ? panel.text?.[s] : undefined;
      if (named !== undefined && !names.includes(named))
        throw new IndicatrixError(
          "unknown_profile",
          `row ${panel.inputRows[s]}, unit "${dataset.units[s]}", column "${stateColumn}": "${named}" is not a profile of the model (${names.join(", ")})`,
          { path: ["data", panel.inputRows[s]!, stateColumn as string], where: `row ${panel.inputRows[s]}` },
        );
      rowProfile[q] = named ?? (periodProfile[periods[periodOfLeaf[q]!] as string] as string);
    }
  const distinct =
    stateColumn === undefined
      ? [...new Set(fullLeaves.filter((b) => b.end > b.start).map((b) => periodProfile[b.period] as string))]
      : [...new Set(rowProfile)];
  const dataDriven = distinct.some((name) =>
    [...profileOf(name).nodes.values()].some((nd) => !nd.indicator && specNeedsData(nd.weights)),
  );

  // The runs: one per profile, or per period and profile for per-period data-driven weights.
  const groups = new Map<string, number[]>();
  const perPeriod = dataDriven && weightsBasis.kind === "period";
  const single = distinct.length === 1 && !perPeriod;
  for (let q = 0; q < (single ? 0 : leafCount); q++) {
    const key = perPeriod ? `${periodOfLeaf[q]}\u0000${rowProfile[q]}` : (rowProfile[q] as string);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(q);
  }
  // One profile for every row (the common case): one run over every row, without grouping them.
  const runs: Run[] = single
    ? [
        {
          profile: distinct[0] as string,
          rows: Uint32Array.from({ length: leafCount }, (_, q) => q),
          blocks: fullLeaves.map((b) => ({ ...b })),
        },
      ]
    : [...groups.values()].map((g) => {
        const rows = Uint32Array.from(g);
        return { profile: rowProfile[g[0]!] as string, rows, blocks: blocksOf(rows, periodOfLeaf, periods) };
      });

  // Runs that cover only some rows take their normalized values from the whole panel's plan.
  const prepass = new Map<string, Record<string, Float64Array>>();
  const pooledRaw = (name: string): Record<string, Float64Array> => {
    let raw = prepass.get(name);
    if (!raw) {
      const p = profileOf(name);
      raw = treatIndicators(p, prepareColumns(parsed, p, leafDataset, undefined, []).indicators).raw;
      prepass.set(name, raw);
    }
    return raw;
  };
  const perPeriodParams = new Map<string, Record<string, NormalizeParams>>();
  const recordPeriod = (id: string) => (period: string, params: NormalizeParams) => {
    let rec = perPeriodParams.get(period);
    if (!rec) perPeriodParams.set(period, (rec = {}));
    rec[id] = params;
  };
  const refBlock = basis.kind === "reference" ? fullLeaves.find((b) => b.period === basis.period) : undefined;
  const wholePlans = new Map<
    string,
    { values: Float64Array; params: NormalizeParams; warnings: NormalizePlan["warnings"] }
  >();
  const wholePlan = (profile: string, id: string, spec: Parameters<typeof basisPlan>[2]) => {
    const key = `${profile}\u0000${id}`;
    let w = wholePlans.get(key);
    if (!w) {
      const full = pooledRaw(profile)[id] as Float64Array;
      const plan =
        basisPlan(id, full, spec, basis, {
          blocks: fullLeaves,
          refValues: () => full.subarray(refBlock!.start, refBlock!.end),
          perPeriod: recordPeriod(id),
        }) ?? planNormalization(full, spec);
      const values = "affine" in plan ? applyAffineForm(plan.column, plan.affine) : plan.values;
      w = { values, params: plan.params, warnings: plan.warnings };
      wholePlans.set(key, w);
    }
    return w;
  };

  const runScore = (run: Run, fixed?: FixedWeights): Result => {
    const covers = run.rows.length === leafCount;
    const ds = covers ? leafDataset : gather(leafDataset, run.rows);
    return scoreWith(
      parsed,
      ds,
      {
        profile: run.profile,
        ...(opts.keep !== undefined ? { keep: opts.keep } : {}),
        ...(opts.grades !== undefined ? { grades: opts.grades } : {}),
      },
      {
        plan: (id, values, spec) => {
          if (covers)
            return basisPlan(id, values, spec, basis, {
              blocks: run.blocks,
              refValues: () => values.subarray(refBlock!.start, refBlock!.end),
              perPeriod: recordPeriod(id),
            });
          const w = wholePlan(run.profile, id, spec);
          const out = new Float64Array(values.length);
          for (let q = 0; q < run.rows.length; q++) out[q] = w.values[run.rows[q]!]!;
          return {
            column: values,
            values: out,
            params: { ...w.params, ...ownCounts(values) },
            warnings: w.warnings,
          };
        },
        ...(fixed ? { fixed } : {}),
      },
    );
  };

  let fixed: FixedWeights | undefined;
  if (dataDriven && weightsBasis.kind === "reference") {
    const ref = fullLeaves.find((b) => b.period === weightsBasis.period) as PeriodBlock;
    const counts = new Map<string, number>();
    for (let q = ref.start; q < ref.end; q++)
      counts.set(rowProfile[q]!, (counts.get(rowProfile[q]!) ?? 0) + 1);
    const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? defaultProfile;
    const rows = Uint32Array.from({ length: ref.end - ref.start }, (_, k) => ref.start + k).filter(
      (q) => rowProfile[q] === main,
    );
    const result = runScore({ profile: main, rows, blocks: blocksOf(rows, periodOfLeaf, periods) });
    const map = new Map<string, { weights: number[]; provenance: Record<string, unknown> }>();
    for (const nd of result.resolved.nodes.values())
      if (!nd.indicator && specNeedsData(nd.weights))
        map.set(nd.id, {
          weights: nd.children.map((c) => result.weights.local[c] as number),
          provenance: { ...(result.provenance.nodes[nd.id]?.weights ?? {}), period: ref.period },
        });
    fixed = map;
  }

  // Every run now (their errors surface from scorePanel), then each period's result from its runs.
  const done = runs.map((run) => runScore(run, fixed));
  const hierarchyOf = (b: PeriodBlock): UnitHierarchy => {
    const kept: Record<string, Float64Array> = {};
    for (const c of ["population", ...(opts.keep ?? [])]) {
      const col = dataset.columns.get(c);
      if (col) kept[c] = col.subarray(b.start, b.end);
    }
    return {
      units: dataset.units.slice(b.start, b.end),
      parents: dataset.parents.slice(b.start, b.end),
      levels: dataset.levels.slice(b.start, b.end),
      names: dataset.names.slice(b.start, b.end),
      columns: kept,
    };
  };
  const grading: Grading = { extra: opts.grades ?? {}, language: parsed.language };
  const periodResult = new Map<string, Result>();
  const mixed: Record<string, string> = {};
  for (const [k, p] of periods.entries()) {
    const parts: { result: Result; run: Run; block: PeriodBlock }[] = [];
    for (const [r, run] of runs.entries()) {
      const block = run.blocks.find((b) => b.period === p);
      if (block) parts.push({ result: done[r] as Result, run, block });
    }
    const hierarchy = hierarchyOf(blocks[k] as PeriodBlock);
    const params = perPeriodParams.get(p);
    const only = parts.length === 1 ? parts[0] : undefined;
    if (
      only &&
      only.run.blocks.length === 1 &&
      only.run.rows.length === leafCount &&
      leafDataset === dataset &&
      params === undefined
    )
      periodResult.set(p, only.result);
    else if (parts.length <= 1) {
      const part = parts[0];
      periodResult.set(
        p,
        part
          ? slice(part.result, part.block, hierarchy, params, grading)
          : slice(done[0] as Result, { period: p, start: 0, end: 0 }, hierarchy, params, grading),
      );
    } else {
      const full = fullLeaves[k] as PeriodBlock;
      periodResult.set(p, merge(parts, full, hierarchy, params, grading));
      mixed[p] = [...new Set(parts.map((x) => x.run.profile))].join("+");
    }
  }

  const at = (period: string | number): Result => {
    const key = String(period).trim();
    const r = periodResult.get(key);
    if (!r)
      throw new IndicatrixError(
        "unknown_period",
        `period "${key}" is not a period of the panel (${periods.join(", ")})`,
        {
          path: ["period"],
        },
      );
    return r;
  };
  for (const p of periods)
    for (const d of at(p).diagnostics) if (!diagnostics.includes(d)) diagnostics.push(d);
  const order: PanelProvenance["order"] =
    opts.periods !== undefined
      ? "explicit"
      : panel.times.every((t) => !Number.isNaN(t))
        ? "numeric"
        : "first appearance";
  const profiles: Record<string, string> = {};
  for (const p of periods) profiles[p] = mixed[p] ?? at(p).profile;
  const provenance: PanelProvenance = {
    periodColumn: panel.periodColumn,
    periods,
    order,
    profiles,
    ...(stateColumn !== undefined ? { stateColumn } : {}),
    basis: basis.kind === "reference" ? { reference: basis.period, clip: basis.clip } : basis.kind,
    weights: !dataDriven
      ? "none"
      : weightsBasis.kind === "reference"
        ? { reference: weightsBasis.period }
        : weightsBasis.kind,
    ...(opts.impute !== undefined ? { impute: opts.impute } : {}),
  };
  const result: PanelResult = {
    periods,
    units: panel.units,
    absent: panel.absent,
    at,
    toRows() {
      return periods.flatMap((p) =>
        at(p)
          .toRows()
          .map(({ unit, ...rest }) => ({ unit: unit as string, period: p, ...rest })),
      );
    },
    trends: (o) => trends(result, panel.times, o),
    mobility: (o) => mobility(result, o),
    imputed,
    diagnostics,
    provenance,
  };
  return result;
}

/** The weight provenance of a result, by group (what `buildResult` takes). */
function weightProvenanceOf(r: Result): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, nd] of Object.entries(r.provenance.nodes)) out[id] = nd.weights;
  return out;
}

/** How each period is graded: the `grades` option and the model's language (as `score()` grades). */
interface Grading {
  extra: Readonly<Record<string, GradeSpec>>;
  language: string | undefined;
}

/** The rows `a` to `b - 1` of what the assessment rules did (per unit arrays cut to the period). */
function sliceRules(
  rules: Readonly<Record<string, NodeRulesOutcome>>,
  a: number,
  b: number,
): Record<string, NodeRulesOutcome> {
  const out: Record<string, NodeRulesOutcome> = {};
  for (const [id, o] of Object.entries(rules))
    out[id] = {
      base: o.base.subarray(a, b),
      score: o.score.subarray(a, b),
      bonus: o.bonus.subarray(a, b),
      penalty: o.penalty.subarray(a, b),
      vetoes: o.vetoes.slice(a, b),
      effects: o.effects.slice(a, b),
    };
  return out;
}

/** One period's rows of a run's result, as a full Result (ranks and grades within the period). */
function slice(
  r: Result,
  rows: PeriodBlock,
  hierarchy: UnitHierarchy,
  normalization: Record<string, NormalizeParams> | undefined,
  grading: Grading | undefined,
): Result {
  const { start: a, end: b } = rows;
  const view = (rec: Readonly<Record<string, Float64Array>>): Record<string, Float64Array> => {
    const out: Record<string, Float64Array> = {};
    for (const id of Object.keys(rec)) {
      let cached: Float64Array | undefined;
      Object.defineProperty(out, id, {
        enumerable: true,
        configurable: true,
        get: () => (cached ??= (rec[id] as Float64Array).subarray(a, b)),
      });
    }
    return out;
  };
  const units = r.units.slice(a, b);
  const scores = view(r.scores);
  const rules = sliceRules(r.rules, a, b);
  return buildResult({
    // Each period graded on its own scores, after the rules, as score() grades a cross-section.
    grades: grading ? gradeNodes(r.resolved, scores, units, rules, grading.extra, grading.language) : {},
    rules,
    stepped: r.stepped,
    profile: r.resolved,
    units,
    scores,
    weights: { local: r.weights.local, global: r.weights.global, consistency: r.consistency },
    weightProvenance: weightProvenanceOf(r),
    coverage: r.coverage.subarray(a, b),
    raw: view(r.raw),
    normalization: normalization ? { ...r.normalization, ...normalization } : r.normalization,
    treatment: r.treatment,
    diagnostics: r.diagnostics,
    hierarchy,
  });
}

/**
 * A period whose units are scored by several profiles (a state column): one Result with every unit's
 * scores under its own profile (NaN at nodes its profile does not have), ranks within the period over
 * all of them; weights, provenance, the resolved profile and the grade specs (applied to every unit of
 * the period, after each unit's own rules) are those of the profile scoring most units of the period,
 * and `contributions(unit)` those of the unit's own profile.
 */
function merge(
  parts: readonly { result: Result; run: Run; block: PeriodBlock }[],
  full: PeriodBlock,
  hierarchy: UnitHierarchy,
  normalization: Record<string, NormalizeParams> | undefined,
  grading: Grading,
): Result {
  const len = full.end - full.start;
  const main = [...parts].sort((x, y) => y.block.end - y.block.start - (x.block.end - x.block.start))[0]!;
  const units: string[] = new Array(len);
  const coverage = new Float64Array(len);
  const scores: Record<string, Float64Array> = {};
  const raw: Record<string, Float64Array> = {};
  const owner = new Map<string, Result>();
  const nodeIds = new Set<string>();
  for (const x of parts) for (const id of x.result.resolved.nodes.keys()) nodeIds.add(id);
  for (const id of nodeIds) scores[id] = new Float64Array(len).fill(Number.NaN);
  const diagnostics: Issue[] = [];
  const rules: Record<string, NodeRulesOutcome> = {};
  const rulesOf = (id: string): NodeRulesOutcome =>
    (rules[id] ??= {
      base: new Float64Array(len).fill(Number.NaN),
      score: new Float64Array(len).fill(Number.NaN),
      bonus: new Float64Array(len),
      penalty: new Float64Array(len),
      vetoes: Array.from({ length: len }, () => []),
      effects: Array.from({ length: len }, () => []),
    });
  for (const x of parts) {
    const r = slice(x.result, x.block, hierarchy, undefined, undefined);
    owner.set(`${x.run.profile}`, r);
    for (const [id, o] of Object.entries(r.rules)) {
      const into = rulesOf(id);
      for (let q = x.block.start; q < x.block.end; q++) {
        const local = x.run.rows[q]! - full.start;
        const i = q - x.block.start;
        into.base[local] = o.base[i]!;
        into.score[local] = o.score[i]!;
        into.bonus[local] = o.bonus[i]!;
        into.penalty[local] = o.penalty[i]!;
        into.vetoes[local] = o.vetoes[i]!;
        into.effects[local] = o.effects[i]!;
      }
    }
    for (let q = x.block.start; q < x.block.end; q++) {
      const local = x.run.rows[q]! - full.start;
      const i = q - x.block.start;
      units[local] = r.units[i]!;
      coverage[local] = r.coverage[i]!;
      for (const id of Object.keys(r.scores)) (scores[id] as Float64Array)[local] = r.scores[id]![i]!;
      for (const id of Object.keys(r.raw)) {
        raw[id] ??= new Float64Array(len).fill(Number.NaN);
        (raw[id] as Float64Array)[local] = r.raw[id]![i]!;
      }
    }
    for (const d of x.result.diagnostics) if (!diagnostics.includes(d)) diagnostics.push(d);
  }
  const m = main.result;
  const out = buildResult({
    // Graded by the grade specs of the profile scoring most units, over every unit of the period.
    grades: gradeNodes(m.resolved, scores, units, rules, grading.extra, grading.language),
    rules,
    stepped: m.stepped,
    profile: m.resolved,
    units,
    scores,
    weights: { local: m.weights.local, global: m.weights.global, consistency: m.consistency },
    weightProvenance: weightProvenanceOf(m),
    coverage,
    raw,
    normalization: normalization ? { ...m.normalization, ...normalization } : m.normalization,
    treatment: m.treatment,
    diagnostics,
    hierarchy,
  });
  const byUnit = new Map<string, Result>();
  for (const r of owner.values()) for (const u of r.units) byUnit.set(u, r);
  return { ...out, contributions: (unit: string) => (byUnit.get(unit) ?? out).contributions(unit) };
}
