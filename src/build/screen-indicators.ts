import { pearson, spearman } from "../analysis/rank-correlation.js";
import type { Model } from "../indicators/model-types.js";
import { fail } from "../internal/errors.js";
import type { DatasetInput } from "../score/dataset.js";
import type { Result } from "../score/result.js";
import { score } from "../score/score.js";

/** Options of {@link screenIndicators}. */
export interface ScreenOptions {
  /** Profile to score (default: the model's first). */
  profile?: string | undefined;
  /** Flag CV_j = SD_j / |mean_j| (raw values, SD ddof 1) below it (鉴别力; 0.1 or 0.15 are seen). Default: report only. */
  minCv?: number | undefined;
  /** Flag siblings with |r| above it (default 0.9, as `structureChecks`). */
  maxCorrelation?: number | undefined;
  /** Correlation of the redundancy check and the parent and index correlations (default `pearson`). */
  method?: "pearson" | "spearman" | undefined;
  /**
   * Which of a redundant pair to keep: `parent` (default; the one more correlated with its parent), `cv` (the higher
   * CV, the more discriminating) or `coverage` (the fewer missing values); ties keep the first in model order.
   */
  keep?: "parent" | "cv" | "coverage" | undefined;
  /** Flag an indicator present for less than this share of the units (default 0.65, COINr `get_stats` `t_avail`). */
  minCoverage?: number | undefined;
  /** Flag an indicator whose distinct values are less than this share of its values (default 0.5, COINr `get_stats` `t_unq`). */
  minUnique?: number | undefined;
  /** Flag an indicator whose correlation with its parent or with the index is below it (default 0: any negative r). */
  minParentCorrelation?: number | undefined;
}

/** Screening statistics of one indicator. */
export interface ScreenStats {
  /** Indicator id. */
  id: string;
  /** Parent group id. */
  parent: string;
  /** Units with a value. */
  n: number;
  /** Share of units with a value. */
  coverage: number;
  /** Mean of the raw values (after formulas and treatment). */
  mean: number;
  /** Standard deviation (ddof 1). */
  sd: number;
  /** CV = SD / |mean| (NaN when the mean is 0). */
  cv: number;
  /** Distinct values / values present. */
  uniqueShare: number;
  /** Correlation of the normalized values with the parent's score. */
  withParent: number;
  /** Correlation with the index (the root's score). */
  withIndex: number;
}

/** One finding of {@link screenIndicators}. */
export interface ScreenFlag {
  /** What was found. */
  code:
    | "low_discrimination"
    | "collinear"
    | "low_coverage"
    | "near_constant"
    | "constant_column"
    | "negative_with_parent"
    | "negative_with_index";
  /** The indicator flagged (for `collinear`: the one the keep rule would drop). */
  indicator: string;
  /** The rule that fired, e.g. `CV < 0.1` or `|r| > 0.9 within group "A"`. */
  rule: string;
  /** The numbers behind it. */
  values: Record<string, number>;
  /** For `collinear`: the other indicator of the pair, which the keep rule keeps. */
  keep?: string;
  /** One sentence for people. */
  message: string;
}

/** Result of {@link screenIndicators}. */
export interface ScreenReport {
  /** The profile scored. */
  profile: string;
  /** Units scored. */
  units: number;
  /** Per active indicator, in tree order. */
  stats: ScreenStats[];
  /** Every finding; nothing is removed. */
  flags: ScreenFlag[];
  /** The thresholds and rules that ran. */
  options: Required<Omit<ScreenOptions, "profile" | "minCv">> & { minCv: number | null };
}

const f4 = (x: number) => (Number.isFinite(x) ? String(+x.toFixed(4)) : "NaN");

/**
 * Screening of the indicators on the data (指标筛选), before weighting: discrimination (CV of the raw values
 * below `minCv`), redundancy (siblings with |r| above `maxCorrelation`, Pearson or Spearman on the
 * normalized values, with the one to keep by a stated rule), coverage (share of units with a value),
 * near-constant columns (few distinct values; a constant column), and each indicator's correlation with
 * its parent and with the index (negative or weak: it pulls against its dimension), as COINr's `get_stats`
 * and `get_corr_flags` check. Every flag names its rule and numbers; nothing is removed: edit the model, or
 * record the decision in its `history`. For the structure of the groups (Cronbach's alpha) see
 * `structureChecks`; for PCA on a group see {@link pca}.
 * Reference: OECD/JRC (2008) Handbook on Constructing Composite Indicators, steps 2 and 4; DOMAIN.md C3.1.
 *
 * @param model - the model.
 * @param data - the units' data (rows, columns or a dataset), or a scored `Result`.
 * @param opts - profile, thresholds and rules.
 * @throws {IndicatrixError} `invalid_option` (a threshold outside its range, an unknown rule), and the errors of `score()`.
 * @example
 * ```ts
 * const model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] } };
 * const rows = [
 *   { unit: "u1", a: 1, b: 2, c: 5 }, { unit: "u2", a: 2, b: 4, c: 5 },
 *   { unit: "u3", a: 3, b: 6.1, c: 5 }, { unit: "u4", a: 4, b: 8, c: 6 },
 * ];
 * screenIndicators(model, rows, { minCv: 0.1 }).flags.map((f) => `${f.code} ${f.indicator}`);
 * // => ["low_discrimination c", "collinear b"]
 * ```
 */
export function screenIndicators(
  model: Model,
  data: DatasetInput | Result,
  opts: ScreenOptions = {},
): ScreenReport {
  const num = (key: keyof ScreenOptions, def: number | null, lo: number, hi: number): number | null => {
    const v = opts[key] ?? def;
    if (v === null) return null;
    if (typeof v !== "number" || !(v >= lo && v <= hi))
      fail("invalid_option", ["opts", key], `expected a number in [${lo}, ${hi}], got ${String(v)}`);
    return v;
  };
  const minCv = num("minCv", null, 0, Number.POSITIVE_INFINITY);
  const maxCorrelation = num("maxCorrelation", 0.9, 0, 1) as number;
  const minCoverage = num("minCoverage", 0.65, 0, 1) as number;
  const minUnique = num("minUnique", 0.5, 0, 1) as number;
  const minParentCorrelation = num("minParentCorrelation", 0, -1, 1) as number;
  const method = opts.method ?? "pearson";
  if (method !== "pearson" && method !== "spearman")
    fail("invalid_option", ["opts", "method"], `expected "pearson" or "spearman", got ${String(method)}`);
  const keepRule = opts.keep ?? "parent";
  if (!["parent", "cv", "coverage"].includes(keepRule))
    fail(
      "invalid_option",
      ["opts", "keep"],
      `expected "parent", "cv" or "coverage", got ${String(keepRule)}`,
    );
  const result: Result = isResult(data)
    ? data
    : score(model, data as DatasetInput, opts.profile !== undefined ? { profile: opts.profile } : {});
  const corr = method === "pearson" ? pearson : spearman;
  const profile = result.resolved;
  const root = profile.root;
  const m = result.units.length;
  const stats: ScreenStats[] = [];
  const flags: ScreenFlag[] = [];
  const groups = new Map<string, string[]>();
  for (const node of profile.nodes.values()) {
    if (!node.indicator || node.parent === undefined) continue;
    const raw = result.raw[node.id] ?? new Float64Array(m).fill(Number.NaN);
    const present: number[] = [];
    for (const v of raw) if (!Number.isNaN(v)) present.push(v);
    const n = present.length;
    const mean = n ? present.reduce((s, v) => s + v, 0) / n : Number.NaN;
    const sd = n > 1 ? Math.sqrt(present.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : Number.NaN;
    const z = result.scores[node.id] as Float64Array;
    const s: ScreenStats = {
      id: node.id,
      parent: node.parent,
      n,
      coverage: m ? n / m : Number.NaN,
      mean,
      sd,
      cv: mean === 0 ? Number.NaN : sd / Math.abs(mean),
      uniqueShare: n ? new Set(present).size / n : Number.NaN,
      withParent: corr(z, result.scores[node.parent] as Float64Array),
      withIndex: corr(z, result.scores[root] as Float64Array),
    };
    stats.push(s);
    (groups.get(node.parent) ?? groups.set(node.parent, []).get(node.parent))?.push(node.id);
    const flag = (code: ScreenFlag["code"], rule: string, values: Record<string, number>, message: string) =>
      flags.push({ code, indicator: node.id, rule, values, message: `indicator "${node.id}": ${message}` });
    if (minCv !== null && s.cv < minCv)
      flag(
        "low_discrimination",
        `CV < ${minCv}`,
        { cv: s.cv, mean, sd },
        `CV ${f4(s.cv)} < ${minCv}: it hardly tells the units apart`,
      );
    if (s.coverage < minCoverage)
      flag(
        "low_coverage",
        `coverage < ${minCoverage}`,
        { coverage: s.coverage, n, units: m },
        `present for ${n} of ${m} units (${f4(s.coverage)} < ${minCoverage})`,
      );
    if (n > 1 && !(sd > 0))
      flag("constant_column", "SD = 0", { sd: 0, n }, `every unit has the value ${present[0]}`);
    else if (s.uniqueShare < minUnique)
      flag(
        "near_constant",
        `distinct values / values < ${minUnique}`,
        { uniqueShare: s.uniqueShare, distinct: new Set(present).size, n },
        `only ${new Set(present).size} distinct values among ${n} (${f4(s.uniqueShare)} < ${minUnique})`,
      );
    if (s.withParent < minParentCorrelation)
      flag(
        "negative_with_parent",
        `r with parent < ${minParentCorrelation}`,
        { r: s.withParent },
        `${method} r with its parent "${node.parent}" is ${f4(s.withParent)}`,
      );
    if (node.parent !== root && s.withIndex < minParentCorrelation)
      flag(
        "negative_with_index",
        `r with index < ${minParentCorrelation}`,
        { r: s.withIndex },
        `${method} r with the index "${root}" is ${f4(s.withIndex)}`,
      );
  }
  const byId = new Map(stats.map((s) => [s.id, s]));
  for (const [group, ids] of groups)
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++) {
        const x = byId.get(ids[a] as string) as ScreenStats;
        const y = byId.get(ids[b] as string) as ScreenStats;
        const r = corr(result.scores[x.id] as Float64Array, result.scores[y.id] as Float64Array);
        if (!(Math.abs(r) > maxCorrelation)) continue;
        const key = (s: ScreenStats) =>
          keepRule === "parent" ? s.withParent : keepRule === "cv" ? s.cv : s.coverage;
        const keepY = key(y) > key(x);
        const [kept, dropped] = keepY ? [y, x] : [x, y];
        flags.push({
          code: "collinear",
          indicator: dropped.id,
          keep: kept.id,
          rule: `|r| > ${maxCorrelation} within group "${group}", keep the higher ${keepRule === "parent" ? "r with parent" : keepRule}`,
          values: { r, [`${kept.id}.${keepRule}`]: key(kept), [`${dropped.id}.${keepRule}`]: key(dropped) },
          message: `indicators "${x.id}" and "${y.id}" of "${group}" have ${method} r = ${f4(r)}; keep "${kept.id}" (${keepRule} ${f4(key(kept))} vs ${f4(key(dropped))})`,
        });
      }
  return {
    profile: result.profile,
    units: m,
    stats,
    flags,
    options: { minCv, maxCorrelation, method, keep: keepRule, minCoverage, minUnique, minParentCorrelation },
  };
}

function isResult(x: unknown): x is Result {
  return x !== null && typeof x === "object" && "resolved" in x && "scores" in x && "units" in x;
}
