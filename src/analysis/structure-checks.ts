import type { Model } from "../indicators/schema.js";
import { fail, IndicatrixError } from "../internal/errors.js";
import { rankAscending } from "../internal/rank.js";
import type { DatasetInput } from "../score/dataset.js";
import type { ResolvedNode } from "../score/resolve-profile.js";
import { type Result, score } from "../score/score.js";
import { cronbachAlpha } from "./cronbach.js";
import { pearson, pearsonOfPairs, spearman } from "./rank-correlation.js";

/** Options of {@link structureChecks}. */
export interface StructureCheckOptions {
  /** Profile to score (only with a model and data; default: the model's first). */
  profile?: string;
  /** Siblings with |r| above it are flagged as near-duplicates; default 0.9. */
  threshold?: number;
  /** A node whose correlation with its parent is below it is flagged; default 0 (any negative r). */
  negativeThreshold?: number;
  /** Which correlation the flags read: `pearson` (default, as COINr's `get_corr_flags`) or `spearman`. */
  method?: "pearson" | "spearman";
}

/** The correlation of two series over the units where both are present. */
export interface CorrelationEntry {
  /** The group the two nodes belong to (for parent pairs: the parent). */
  group: string;
  /** First node. */
  a: string;
  /** Second node (for parent pairs: the parent). */
  b: string;
  /** Pearson's r (null when fewer than 2 pairs or a constant series). */
  pearson: number | null;
  /** Spearman's rho (null likewise). */
  spearman: number | null;
  /** Number of units with both values present. */
  n: number;
}

/** Cronbach's alpha of one group's children. */
export interface CronbachEntry {
  /** Group id. */
  group: string;
  /** Alpha on the children's normalized values (complete cases); null when undefined (fewer than 2 children or complete cases, constant total). */
  alpha: number | null;
  /** Number of children. */
  items: number;
  /** Number of complete cases. */
  n: number;
}

/** A finding of {@link structureChecks}. */
export interface StructureFlag {
  /** `collinear` (two siblings with |r| > threshold) or `negative_with_parent` (r with the parent < negativeThreshold). */
  code: "collinear" | "negative_with_parent";
  /** The group concerned (the parent for `negative_with_parent`). */
  group: string;
  /** First node. */
  a: string;
  /** Second node (the parent for `negative_with_parent`). */
  b: string;
  /** The correlation that fired the flag. */
  r: number;
  /** One sentence for people. */
  message: string;
}

/** Result of {@link structureChecks}. */
export interface StructureReport {
  /** The profile checked. */
  profile: string;
  /** Correlations between the children of every group, pair by pair. */
  within: CorrelationEntry[];
  /** Correlation of every non-root node with its parent. */
  withParent: CorrelationEntry[];
  /** Cronbach's alpha per group. */
  cronbach: CronbachEntry[];
  /** Near-duplicate siblings and nodes negatively correlated with their parent. */
  flags: StructureFlag[];
  /** The thresholds and methods that ran. */
  options: {
    /** Near-duplicate threshold on |r|. */
    threshold: number;
    /** Negative-correlation threshold. */
    negativeThreshold: number;
    /** Correlation the flags read. */
    method: "pearson" | "spearman";
  };
}

function isResult(x: unknown): x is Result {
  return x !== null && typeof x === "object" && "resolved" in x && "scores" in x && "units" in x;
}

function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

function completePairs(a: Float64Array, b: Float64Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) n++;
  return n;
}

/**
 * Statistical checks of a model's structure on scored data (OECD/JRC Handbook 2008, step 4; COINr's
 * `get_corr`, `get_corr_flags`, `get_cronbach`): Pearson and Spearman correlations between the
 * children of every group and between every node and its parent (pairwise-complete, on normalized
 * direction-aligned values and node scores), flags for near-duplicate siblings (|r| > threshold,
 * which double-count one aspect) and for nodes negatively correlated with their own parent (which
 * pull against the dimension they belong to), and Cronbach's alpha per group (complete cases).
 * Pass a scored Result, or a model and data to score. Use {@link removeElements} to see what each
 * indicator does to the ranking.
 *
 * @throws IndicatrixError `invalid_option` (threshold outside [0, 1], unknown method), and the
 *   errors of `score()` when given a model.
 * @example
 * ```ts
 * const report = structureChecks(model, rows, { threshold: 0.9 });
 * report.flags[0]; // => { code: "collinear", group: "subjects", a: "x1", b: "x2", r: 0.97, message: "..." }
 * report.cronbach[0]; // => { group: "root", alpha: 0.83, items: 6, n: 331 }
 * ```
 */
export function structureChecks(result: Result, opts?: StructureCheckOptions): StructureReport;
export function structureChecks(
  model: Model,
  data: DatasetInput,
  opts?: StructureCheckOptions,
): StructureReport;
export function structureChecks(
  first: Result | Model,
  second?: DatasetInput | StructureCheckOptions,
  third?: StructureCheckOptions,
): StructureReport {
  let result: Result;
  let opts: StructureCheckOptions;
  if (isResult(first)) {
    result = first;
    opts = (second as StructureCheckOptions | undefined) ?? {};
  } else {
    opts = third ?? {};
    if (second === undefined)
      throw new IndicatrixError(
        "invalid_option",
        "data: structureChecks(model, data) needs the data to score",
      );
    result = score(
      first,
      second as DatasetInput,
      opts.profile !== undefined ? { profile: opts.profile } : {},
    );
  }
  const threshold = opts.threshold ?? 0.9;
  if (typeof threshold !== "number" || !(threshold >= 0 && threshold <= 1))
    fail("invalid_option", "opts.threshold", `expected a number in [0, 1], got ${JSON.stringify(threshold)}`);
  const negativeThreshold = opts.negativeThreshold ?? 0;
  if (typeof negativeThreshold !== "number" || !(negativeThreshold >= -1 && negativeThreshold <= 1))
    fail(
      "invalid_option",
      "opts.negativeThreshold",
      `expected a number in [-1, 1], got ${JSON.stringify(negativeThreshold)}`,
    );
  const method = opts.method ?? "pearson";
  if (method !== "pearson" && method !== "spearman")
    fail("invalid_option", "opts.method", `expected "pearson" or "spearman", got ${JSON.stringify(method)}`);

  const profile = result.resolved;
  const col = (id: string) => result.scores[id] as Float64Array;
  const ranksOf = completeRanks(result);
  const entry = (group: string, a: string, b: string): CorrelationEntry => {
    const x = col(a);
    const y = col(b);
    const rx = ranksOf(a);
    const ry = ranksOf(b);
    // Two complete columns: correlate them and their ranks (computed once per column) directly;
    // with gaps, the pairs present in both decide the ranks, so they are computed per pair.
    if (rx !== null && ry !== null)
      return {
        group,
        a,
        b,
        pearson: orNull(pearsonOfPairs(x, y)),
        spearman: orNull(pearsonOfPairs(rx, ry)),
        n: x.length,
      };
    return {
      group,
      a,
      b,
      pearson: orNull(pearson(x, y)),
      spearman: orNull(spearman(x, y)),
      n: completePairs(x, y),
    };
  };
  const within: CorrelationEntry[] = [];
  const withParent: CorrelationEntry[] = [];
  const cronbach: CronbachEntry[] = [];
  const flags: StructureFlag[] = [];
  for (const node of profile.nodes.values()) {
    if (node.parent !== undefined) {
      const e = entry(node.parent, node.id, node.parent);
      withParent.push(e);
      const r = e[method];
      if (r !== null && r < negativeThreshold)
        flags.push({
          code: "negative_with_parent",
          group: node.parent,
          a: node.id,
          b: node.parent,
          r,
          message: `"${node.id}" correlates with its parent "${node.parent}" at ${method} r = ${r.toFixed(3)} (below ${negativeThreshold}): it pulls against its own dimension`,
        });
    }
    if (node.indicator) continue;
    const kids = node.children;
    for (let x = 0; x < kids.length; x++)
      for (let y = x + 1; y < kids.length; y++) {
        const e = entry(node.id, kids[x] as string, kids[y] as string);
        within.push(e);
        const r = e[method];
        if (r !== null && Math.abs(r) > threshold)
          flags.push({
            code: "collinear",
            group: node.id,
            a: e.a,
            b: e.b,
            r,
            message: `"${e.a}" and "${e.b}" in "${node.id}" correlate at ${method} r = ${r.toFixed(3)} (|r| > ${threshold}): near-duplicates count one aspect twice`,
          });
      }
    cronbach.push(alphaOf(node, col));
  }
  return {
    profile: result.profile,
    within,
    withParent,
    cronbach,
    flags,
    options: { threshold, negativeThreshold, method },
  };
}

/**
 * The average ranks of a node's column, computed on first use and kept: null when the column has a
 * NaN (its Spearman ranks then depend on the partner column). Ranking each column once instead of
 * once per pair keeps a group of k children at k sorts rather than k(k - 1).
 */
function completeRanks(result: Result): (id: string) => Float64Array | null {
  const cache = new Map<string, Float64Array | null>();
  return (id) => {
    let ranks = cache.get(id);
    if (ranks === undefined) {
      const x = result.scores[id] as Float64Array;
      ranks = x.some(Number.isNaN) ? null : rankAscending(x, "average");
      cache.set(id, ranks);
    }
    return ranks;
  };
}

function alphaOf(node: ResolvedNode, col: (id: string) => Float64Array): CronbachEntry {
  const cols = node.children.map(col);
  let n = 0;
  const m = cols[0]?.length ?? 0;
  for (let i = 0; i < m; i++) if (cols.every((c) => !Number.isNaN(c[i]!))) n++;
  let alpha: number | null = null;
  if (cols.length >= 2 && n >= 2)
    try {
      alpha = cronbachAlpha(cols);
    } catch (e) {
      if (!(e instanceof IndicatrixError)) throw e;
    }
  return { group: node.id, alpha, items: cols.length, n };
}
