import { parseModel } from "../indicators/parse-model.js";
import { profileNames } from "../indicators/profiles.js";
import type { Model } from "../indicators/schema.js";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import { normalizeResolved } from "../normalize/normalize-resolved.js";
import type { NormalizeParams } from "../normalize/types.js";
import type { Dataset } from "../score/dataset.js";
import { type ResolvedProfile, resolveProfile } from "../score/resolve-profile.js";
import type { Result } from "../score/result.js";
import { scoreWith } from "../score/score.js";
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
   * The profile: one name for every period (default: the model's first profile), or a map from period to
   * profile (`{ "2020": "emergency" }`; unlisted periods take the model's first profile).
   */
  profile?: string | Readonly<Record<string, string>>;
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
}

/** Every option that ran in a `scorePanel()` call, defaults filled in. */
export interface PanelProvenance {
  /** The period column read. */
  periodColumn: string;
  /** The periods, in order. */
  periods: string[];
  /** How periods were ordered. */
  order: "numeric" | "first appearance" | "explicit";
  /** The profile of each period. */
  profiles: Record<string, string>;
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
  /** The full result of one period (scores as the basis gives them; ranks within the period). */
  at(period: string | number): Result;
  /** One long table: a record per unit-period with every node's score and rank (within the period) and the coverage. */
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

/** One score run: a profile over some periods, and the rows it covers. */
interface Run {
  profile: string;
  blocks: PeriodBlock[];
}

/** Rows of the dataset's units that are no other unit's parent, per block (as `prepareColumns` keeps them). */
function leafBlocks(ds: Dataset, blocks: readonly PeriodBlock[]): PeriodBlock[] {
  const parents = new Set(ds.parents.filter((p): p is string => p !== undefined));
  let at = 0;
  return blocks.map((b) => {
    let k = 0;
    if (parents.size === 0) k = b.end - b.start;
    else for (let i = b.start; i < b.end; i++) if (!parents.has(ds.units[i]!)) k++;
    const out = { period: b.period, start: at, end: at + k };
    at += k;
    return out;
  });
}

/** The rows of `blocks` of a dataset as a dataset (views when they are one contiguous range). */
function subsetDataset(
  ds: Dataset,
  blocks: readonly PeriodBlock[],
): { dataset: Dataset; blocks: PeriodBlock[] } {
  const total = ds.units.length;
  if (blocks.length > 0 && blocks[0]!.start === 0 && blocks.at(-1)!.end === total && contiguous(blocks))
    return { dataset: ds, blocks: [...blocks] };
  const ranges = blocks.map((b) => [b.start, b.end] as const);
  const pick = <T>(a: readonly T[]): T[] => ranges.flatMap(([s, e]) => a.slice(s, e));
  const n = ranges.reduce((a, [s, e]) => a + e - s, 0);
  const columns = new Map<string, Float64Array>();
  for (const [k, col] of ds.columns) {
    if (ranges.length === 1) columns.set(k, col.subarray(ranges[0]![0], ranges[0]![1]));
    else {
      const out = new Float64Array(n);
      let at = 0;
      for (const [s, e] of ranges) {
        out.set(col.subarray(s, e), at);
        at += e - s;
      }
      columns.set(k, out);
    }
  }
  let at = 0;
  const local = blocks.map((b) => {
    const out = { period: b.period, start: at, end: at + b.end - b.start };
    at = out.end;
    return out;
  });
  return {
    dataset: {
      kind: "dataset",
      units: pick(ds.units),
      parents: pick(ds.parents),
      levels: pick(ds.levels),
      names: pick(ds.names),
      columns,
      ignored: ds.ignored,
    },
    blocks: local,
  };
}

function contiguous(blocks: readonly PeriodBlock[]): boolean {
  for (let k = 1; k < blocks.length; k++) if (blocks[k]!.start !== blocks[k - 1]!.end) return false;
  return true;
}

/**
 * Scores a panel (units observed over several periods) with a model, so that scores are comparable over
 * time: reads the panel (`toPanel`: period column, period order, one row per unit-period), optionally
 * fills a unit's missing values from its other periods (`impute`), and runs the `score()` pipeline over
 * the unit-periods. With the default `basis: "pooled"` the normalization statistics (min-max bounds,
 * z-score moments, ranks) are taken over every unit-period at once (COINr `Normalise(purse, global =
 * TRUE)`; the normalization of the panel entropy method), and data-driven weights over every unit-period
 * (`weights: "pooled"`: entropy with k = 1/ln(r m)); aggregation runs row by row, ranks within each
 * period. `basis: "period"` normalizes each period alone (COINr `global = FALSE`: every period spans the
 * output range, so a unit can fall while its values rise); `{ reference: "2019" }` carries one period's
 * bounds to all (stable when periods are added; values may leave the output range; `clip: true` clips).
 * A one-period panel gives exactly `score()`.
 *
 * @param model - the indicator model.
 * @param data - rows with a period column, or `{ units, values, periods }`.
 * @param opts - period column and order, profile(s), basis, weights, imputation.
 * @throws IndicatrixError the errors of `toPanel` and `score`, `unknown_period` (a reference or profile
 *   map period that the panel does not have), `unknown_profile`, `unsupported_basis` (a reference basis
 *   for a rank-type normalization), `invalid_option`.
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
  const defaultProfile = typeof opts.profile === "string" ? opts.profile : (names[0] as string);
  const resolved = new Map<string, ResolvedProfile>();
  const profileOf = (name: string): ResolvedProfile => {
    let p = resolved.get(name);
    if (!p) {
      p = resolveProfile(parsed, name);
      resolved.set(name, p);
    }
    return p;
  };
  const profileMap = typeof opts.profile === "object" && opts.profile !== null ? opts.profile : undefined;
  const used = new Set([defaultProfile, ...Object.values(profileMap ?? {})]);
  const columns = new Set<string>();
  for (const name of used) for (const c of profileColumns(parsed, profileOf(name))) columns.add(c);
  const panel = toPanel(data, {
    ...(opts.period !== undefined ? { period: opts.period } : {}),
    ...(opts.periods !== undefined ? { periods: opts.periods } : {}),
    ...(opts.unitKey !== undefined ? { unitKey: opts.unitKey } : {}),
    columns: [...columns],
    optional: ["population", ...(opts.keep ?? [])],
  });
  const { periods } = panel;
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
  const dataDriven = [...new Set(Object.values(periodProfile))].some((name) =>
    [...profileOf(name).nodes.values()].some((n) => !n.indicator && specNeedsData(n.weights)),
  );
  const diagnostics: Issue[] = [...panel.diagnostics];
  let imputed: ImputedValue[] = [];
  let dataset = panel.dataset;
  if (opts.impute !== undefined) {
    const out = imputePanel(panel, opts.impute, [...columns]);
    dataset = out.dataset;
    imputed = out.imputed;
  }
  const blocks = panel.blocks;
  const byPeriod = new Map(blocks.map((b) => [b.period, b]));

  // The runs: one per profile (its periods), or one per period for per-period data-driven weights.
  const runs: Run[] = [];
  if (dataDriven && weightsBasis.kind === "period")
    for (const b of blocks) runs.push({ profile: periodProfile[b.period] as string, blocks: [b] });
  else
    for (const name of new Set(Object.values(periodProfile)))
      runs.push({ profile: name, blocks: blocks.filter((b) => periodProfile[b.period] === name) });

  // The pooled raw columns of a profile over every unit-period, for runs that cover only some periods.
  const fullLeaves = leafBlocks(dataset, blocks);
  const prepass = new Map<string, Record<string, Float64Array>>();
  const pooledRaw = (name: string): Record<string, Float64Array> => {
    let raw = prepass.get(name);
    if (!raw) {
      const p = profileOf(name);
      const prepared = prepareColumns(parsed, p, dataset, undefined, []);
      raw = treatIndicators(p, prepared.indicators).raw;
      prepass.set(name, raw);
    }
    return raw;
  };
  const pooledNormalized = new Map<string, ReturnType<typeof normalizeResolved>>();
  const perPeriodParams = new Map<string, Record<string, NormalizeParams>>();

  const runScore = (
    run: Run,
    fixed?: FixedWeights,
  ): { result: Result; leaves: PeriodBlock[]; rows: PeriodBlock[] } => {
    const sub = subsetDataset(dataset, run.blocks);
    const leaves = leafBlocks(sub.dataset, sub.blocks);
    const covers = run.blocks.length === blocks.length;
    const result = scoreWith(
      parsed,
      sub.dataset,
      { profile: run.profile, ...(opts.keep !== undefined ? { keep: opts.keep } : {}) },
      {
        plan: (id, values, spec) =>
          basisPlan(id, values, spec, basis, {
            blocks: leaves,
            refValues: () => {
              const ref = basis.kind === "reference" ? basis.period : "";
              const own = leaves.find((b) => b.period === ref);
              if (own) return values.subarray(own.start, own.end);
              const full = fullLeaves.find((b) => b.period === ref) as PeriodBlock;
              return (pooledRaw(run.profile)[id] as Float64Array).subarray(full.start, full.end);
            },
            ...(covers
              ? {}
              : {
                  pooled: () => {
                    const key = `${run.profile}\u0000${id}`;
                    let all = pooledNormalized.get(key);
                    if (!all) {
                      all = normalizeResolved(pooledRaw(run.profile)[id] as Float64Array, spec);
                      pooledNormalized.set(key, all);
                    }
                    const out = new Float64Array(values.length);
                    for (const b of leaves) {
                      const f = fullLeaves.find((x) => x.period === b.period) as PeriodBlock;
                      if (f.end - f.start !== b.end - b.start)
                        throw new IndicatrixError(
                          "invalid_data",
                          `period ${b.period}: the units with child units differ between periods; score them with basis "period"`,
                        );
                      out.set(all.values.subarray(f.start, f.end), b.start);
                    }
                    return { values: out, params: all.params, warnings: all.warnings };
                  },
                }),
            perPeriod: (period, params) => {
              let rec = perPeriodParams.get(period);
              if (!rec) perPeriodParams.set(period, (rec = {}));
              rec[id] = params;
            },
          }),
        ...(fixed ? { fixed } : {}),
      },
    );
    return { result, leaves, rows: sub.blocks };
  };

  let fixed: FixedWeights | undefined;
  if (dataDriven && weightsBasis.kind === "reference") {
    const ref = byPeriod.get(weightsBasis.period) as PeriodBlock;
    const { result } = runScore({ profile: periodProfile[ref.period] as string, blocks: [ref] });
    const map = new Map<string, { weights: number[]; provenance: Record<string, unknown> }>();
    for (const n of result.resolved.nodes.values())
      if (!n.indicator && specNeedsData(n.weights))
        map.set(n.id, {
          weights: n.children.map((c) => result.weights.local[c] as number),
          provenance: { ...(result.provenance.nodes[n.id]?.weights ?? {}), period: ref.period },
        });
    fixed = map;
  }

  const periodResult = new Map<string, () => Result>();
  for (const run of runs) {
    let done: ReturnType<typeof runScore> | undefined;
    const get = () => (done ??= runScore(run, fixed));
    for (const [k, b] of run.blocks.entries()) {
      let cached: Result | undefined;
      periodResult.set(b.period, () => {
        if (cached) return cached;
        const r = get();
        if (run.blocks.length === 1 && basis.kind !== "period") return (cached = r.result);
        cached = slice(
          r.result,
          r.leaves[k] as PeriodBlock,
          r.rows[k] as PeriodBlock,
          perPeriodParams.get(b.period),
        );
        return cached;
      });
    }
  }
  // Runs are evaluated now, so that their errors surface from scorePanel itself.
  for (const p of periods) (periodResult.get(p) as () => Result)();

  const at = (period: string | number): Result => {
    const key = String(period).trim();
    const get = periodResult.get(key);
    if (!get)
      throw new IndicatrixError(
        "unknown_period",
        `period "${key}" is not a period of the panel (${periods.join(", ")})`,
        {
          path: ["period"],
        },
      );
    return get();
  };
  for (const p of periods)
    for (const d of at(p).diagnostics) if (!diagnostics.includes(d)) diagnostics.push(d);
  const order: PanelProvenance["order"] =
    opts.periods !== undefined
      ? "explicit"
      : panel.times.every((t) => !Number.isNaN(t))
        ? "numeric"
        : "first appearance";
  const provenance: PanelProvenance = {
    periodColumn: panel.periodColumn,
    periods,
    order,
    profiles: periodProfile,
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

/** One period's rows of a run's result, as a full Result (ranks within the period). */
function slice(
  r: Result,
  leaves: PeriodBlock,
  rows: PeriodBlock,
  normalization: Record<string, NormalizeParams> | undefined,
): Result {
  const { start: a, end: b } = leaves;
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
  const h = r.hierarchy;
  const columns: Record<string, Float64Array> = {};
  for (const [k, c] of Object.entries(h.columns)) columns[k] = c.subarray(rows.start, rows.end);
  const weightProvenance: Record<string, Record<string, unknown>> = {};
  for (const [id, n] of Object.entries(r.provenance.nodes)) weightProvenance[id] = n.weights;
  return buildResult({
    // Grades and assessment rules are not yet computed per period of a panel (score each period alone).
    grades: {},
    rules: {},
    stepped: r.stepped,
    profile: r.resolved,
    units: r.units.slice(a, b),
    scores: view(r.scores),
    weights: { local: r.weights.local, global: r.weights.global, consistency: r.consistency },
    weightProvenance,
    coverage: r.coverage.subarray(a, b),
    raw: view(r.raw),
    normalization: normalization ? { ...r.normalization, ...normalization } : r.normalization,
    treatment: r.treatment,
    diagnostics: r.diagnostics,
    hierarchy: {
      units: h.units.slice(rows.start, rows.end),
      parents: h.parents.slice(rows.start, rows.end),
      levels: h.levels.slice(rows.start, rows.end),
      names: h.names.slice(rows.start, rows.end),
      columns,
    },
  });
}
