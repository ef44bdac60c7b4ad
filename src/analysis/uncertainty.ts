import { resolveAggregate } from "../aggregate/resolve-aggregate.js";
import type { Model, WeightSpec } from "../indicators/schema.js";
import { fail } from "../internal/errors.js";
import { MAX_RUNS } from "../internal/limits.js";
import { checkSeed, createRandom, type Random } from "../internal/random.js";
import { rankInto } from "../internal/rank.js";
import type { AggregateSpec, NormalizeSpec } from "../internal/specs.js";
import type { DatasetInput } from "../score/dataset.js";
import type { ResolvedNode } from "../score/resolve-profile.js";
import { type Result, score } from "../score/score.js";
import { type AlternativeAdaptation, adaptAlternatives } from "./adapt-alternatives.js";
import { createEngine, type Engine, type Structure, type Variant } from "./engine.js";
import { perturbAhpSpec, uniformNoise, usesAhp } from "./perturb.js";
import { quantileSorted } from "./quantile.js";
import { type ChunkTask, runChunks, type ThreadTask, threadCount, workersAvailable } from "./threads.js";

/** An uncertain assumption of {@link uncertaintyAnalysis}. */
export type UncertaintyFactor = "weights" | "ahpJudgments" | "normalization" | "aggregation" | "leaveOneOut";

/** How the local weights of every group are perturbed in {@link uncertaintyAnalysis}. */
export interface WeightNoise {
  /**
   * Relative uniform noise (COINr's `get_noisy_weights`): each local weight is multiplied by
   * 1 + U(-noise, noise) and its group re-normalized. In [0, 1]; default 0.25 (COINr's vignette).
   */
  noise?: number;
  /**
   * Dirichlet noise instead: the group's weights are drawn from Dirichlet(concentration x w), whose
   * mean is w and whose variance falls as the concentration grows (Var w_i = w_i (1 - w_i) / (c + 1)).
   * A positive number; give either `noise` or `concentration`.
   */
  concentration?: number;
}

/** Options of {@link uncertaintyAnalysis}. */
export interface UncertaintyOptions {
  /** Profile to analyse (default: the model's first). */
  profile?: string;
  /** Number of Monte Carlo runs (model evaluations), an integer in [1, `LIMITS.maxRuns`] (1,000,000); default 1000. */
  runs?: number;
  /** Seed of the generator, an integer; default 1. The same seed gives the same output. */
  seed?: number;
  /** Weight noise on every group (default `{ noise: 0.25 }`); `false` keeps the weights fixed. */
  weights?: WeightNoise | false;
  /** Moves every AHP judgment one step up or down Saaty's 1-9 scale at random in each run. */
  ahpJudgments?: boolean;
  /** Normalization alternatives, one drawn uniformly per run and applied to every indicator. */
  normalization?: readonly NormalizeSpec[];
  /** Aggregation alternatives, one drawn uniformly per run and applied to every group. */
  aggregation?: readonly AggregateSpec[];
  /** Leaves out one indicator per run, drawn uniformly among "none" and each active indicator. */
  leaveOneOut?: boolean;
  /**
   * Check every normalization x aggregation combination once before the runs and adapt the ones that
   * cannot run instead of failing (default false: the first failing run throws): geometric means of
   * zeros floor them (`{ method: "geometric", zero: "floor" }`), values a method cannot take (negative
   * z-scores under a geometric mean or entropy weights) are shifted by the smallest integer above
   * |min|, and a combination that still fails leaves one alternative out. What was done is in
   * `adaptations`.
   */
  adapt?: boolean;
  /**
   * Estimate sensitivity indices with a Saltelli design (default true): the runs are spent as
   * N (d + 2) evaluations, N = floor(runs / (d + 2)), for d >= 2 factors.
   */
  sensitivity?: boolean;
  /** Called now and then with the number of runs done and the total (for progress bars). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Threads to run on (Node worker threads over shared typed arrays; the results are the same for
   * any count); default: the number of cores (`os.availableParallelism()`) when the work is large
   * enough to pay for starting the workers (runs x units x indicators >= 2e7 per thread), else 1.
   * One thread in browsers and wherever worker threads are unavailable. An integer in [1, 256].
   */
  threads?: number;
}

/** The rank distribution of one unit over the runs. Null fields: the unit never had a score. */
export interface UnitUncertainty {
  /** Unit id. */
  unit: string;
  /** Rank in the nominal result (null when the unit has no nominal score). */
  nominal: number | null;
  /** Median rank over the runs. */
  median: number | null;
  /** 5th percentile rank (the better end of the 5-95% interval). */
  p05: number | null;
  /** 95th percentile rank (the worse end of the 5-95% interval). */
  p95: number | null;
  /** Mean rank over the runs. */
  mean: number | null;
  /** Mean absolute difference between the run rank and the nominal rank. */
  meanShift: number | null;
  /** Number of runs in which the unit had a score. */
  scoredRuns: number;
}

/** First-order and total sensitivity index of one uncertain factor. */
export interface SensitivityIndex {
  /** The factor. */
  factor: UncertaintyFactor;
  /** First-order index S_i (Saltelli et al. 2010): the share of the output variance due to the factor alone. */
  first: number;
  /** Total index ST_i (Jansen 1999): the share due to the factor with all its interactions. */
  total: number;
}

/** Result of {@link uncertaintyAnalysis}. */
export interface UncertaintyResult {
  /** The profile analysed. */
  profile: string;
  /** Scored unit ids (aligned with `nominal` and the rows of `rankMatrix`). */
  units: string[];
  /** Per unit: nominal rank, median, 5-95% interval, mean, mean shift. */
  ranks: UnitUncertainty[];
  /** Nominal root ranks (1 = best, 0 = no score). */
  nominal: Uint32Array;
  /** Mean absolute rank shift versus the nominal ranking, averaged over the runs. */
  meanAbsShift: number;
  /** The output of each run: its mean absolute rank shift versus the nominal ranking. */
  outputs: Float64Array;
  /** Root ranks of every run, run after run (`runs` x `units.length`, 0 = no score). */
  rankMatrix: Uint32Array;
  /** Number of runs done (N (d + 2) with the Saltelli design). */
  runs: number;
  /** The uncertain factors, in the order used. */
  factors: UncertaintyFactor[];
  /** `saltelli` (sensitivity indices estimated) or `monte-carlo` (plain sampling). */
  design: "saltelli" | "monte-carlo";
  /**
   * Sensitivity indices of the mean absolute rank shift, one per factor; null without the Saltelli
   * design or when the output does not vary. With one factor, S = ST = 1 whenever the output varies.
   */
  sensitivity: SensitivityIndex[] | null;
  /** What `adapt` changed in the alternatives before the runs (empty without `adapt` or when all ran). */
  adaptations: AlternativeAdaptation[];
  /** Every option that ran (seed, runs, noise, alternatives, estimators). */
  provenance: Record<string, unknown>;
}

interface Factors {
  list: UncertaintyFactor[];
  /** The indicator columns of a run without a normalization factor (the nominal ones, shifted by `adapt`). */
  base: ReadonlyMap<string, Float64Array>;
  adaptations: AlternativeAdaptation[];
  noise: { kind: "uniform"; noise: number } | { kind: "dirichlet"; concentration: number } | null;
  normalization: ReadonlyMap<string, Float64Array>[];
  aggregation: AggregateSpec[];
  ahpNodes: ResolvedNode[];
  leaveOut: (Structure | undefined)[];
}

function checkOptions(opts: UncertaintyOptions): { runs: number; seed: number } {
  if (opts === null || typeof opts !== "object") fail("invalid_option", "opts", "expected an options object");
  const runs = opts.runs ?? 1000;
  if (typeof runs !== "number" || !Number.isInteger(runs) || runs < 1)
    fail("invalid_option", "opts.runs", `runs must be an integer >= 1, got ${JSON.stringify(runs)}`);
  if (runs > MAX_RUNS)
    fail("invalid_option", "opts.runs", `runs must be at most ${MAX_RUNS} (LIMITS.maxRuns), got ${runs}`);
  const seed = opts.seed ?? 1;
  checkSeed(seed, "opts.seed");
  return { runs, seed };
}

function noiseOf(w: UncertaintyOptions["weights"]): Factors["noise"] {
  if (w === false) return null;
  if (w === undefined) return { kind: "uniform", noise: 0.25 };
  if (w === null || typeof w !== "object")
    fail("invalid_option", "opts.weights", "expected { noise } or { concentration } or false");
  if (w.noise !== undefined && w.concentration !== undefined)
    fail("invalid_option", "opts.weights", "give either noise or concentration, not both");
  if (w.concentration !== undefined) {
    if (typeof w.concentration !== "number" || !(w.concentration > 0) || !Number.isFinite(w.concentration))
      fail(
        "invalid_option",
        "opts.weights.concentration",
        `expected a positive finite number, got ${JSON.stringify(w.concentration)}`,
      );
    return { kind: "dirichlet", concentration: w.concentration };
  }
  const noise = w.noise ?? 0.25;
  if (typeof noise !== "number" || !(noise >= 0 && noise <= 1))
    fail("invalid_option", "opts.weights.noise", `expected a number in [0, 1], got ${JSON.stringify(noise)}`);
  return { kind: "uniform", noise };
}

function alternatives<T>(list: readonly T[] | undefined, name: string): T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.length === 0)
    fail("invalid_option", name, "expected a non-empty array of alternatives");
  return [...list];
}

function collectFactors(engine: Engine, opts: UncertaintyOptions): Factors {
  const noise = noiseOf(opts.weights);
  const list: UncertaintyFactor[] = [];
  if (noise) list.push("weights");
  const ahpNodes = opts.ahpJudgments
    ? [...engine.profile.nodes.values()].filter((n) => !n.indicator && usesAhp(n.weights))
    : [];
  if (opts.ahpJudgments) {
    if (ahpNodes.length === 0)
      fail("invalid_option", "opts.ahpJudgments", `no group of profile "${engine.profile.name}" uses AHP`);
    list.push("ahpJudgments");
  }
  const normSpecs = alternatives(opts.normalization, "opts.normalization");
  let normalization: ReadonlyMap<string, Float64Array>[] = normSpecs.map((spec, k) =>
    engine.normalizeWith(spec, `opts.normalization[${k}]`),
  );
  let aggregation = alternatives(opts.aggregation, "opts.aggregation");
  // Checked before any run, as the normalization alternatives are.
  for (const [k, spec] of aggregation.entries()) resolveAggregate(spec, `opts.aggregation[${k}]`);
  let base: ReadonlyMap<string, Float64Array> = engine.nominalColumns;
  let adaptations: AlternativeAdaptation[] = [];
  if (opts.adapt) {
    const adapted = adaptAlternatives(engine, normSpecs, normalization, aggregation);
    if (normSpecs.length > 0) normalization = adapted.columns;
    else base = adapted.columns[0] as ReadonlyMap<string, Float64Array>;
    aggregation = adapted.aggregation;
    adaptations = adapted.adaptations;
  }
  if (normalization.length > 0) list.push("normalization");
  if (aggregation.length > 0) list.push("aggregation");
  const leaveOut: (Structure | undefined)[] = [];
  if (opts.leaveOneOut) {
    if (engine.profile.indicators.length < 2)
      fail("invalid_option", "opts.leaveOneOut", "leaving an indicator out needs at least 2 indicators");
    leaveOut.push(undefined, ...engine.profile.indicators.map((id) => engine.without(id)));
    list.push("leaveOneOut");
  }
  if (list.length === 0)
    fail(
      "invalid_option",
      "opts",
      "nothing is uncertain: give weight noise, ahpJudgments, normalization or aggregation alternatives, or leaveOneOut",
    );
  return { list, base, adaptations, noise, normalization, aggregation, ahpNodes, leaveOut };
}

/** Builds the variant of one run from one seed per factor. */
function variantOf(engine: Engine, f: Factors, seeds: Uint32Array, offset: number): Variant {
  let columns: ReadonlyMap<string, Float64Array> = f.base;
  let structure = engine.full;
  let aggregate: AggregateSpec | undefined;
  let specs: Map<string, WeightSpec> | undefined;
  let perturb: Variant["perturb"];
  f.list.forEach((factor, k) => {
    const rng = createRandom(seeds[offset + k]!);
    switch (factor) {
      case "weights": {
        const noise = f.noise;
        if (!noise) return;
        const nodeSeeds = new Map<string, number>();
        for (const node of engine.profile.nodes.values())
          if (!node.indicator) nodeSeeds.set(node.id, rng.uint32());
        perturb = (id, children, w) => {
          const r = createRandom(nodeSeeds.get(id) as number);
          if (noise.kind === "dirichlet") return r.dirichlet(w.map((x) => x * noise.concentration));
          const all = (engine.profile.nodes.get(id) as ResolvedNode).children;
          const draws = all.map(() => r.uniform());
          return uniformNoise(
            w,
            noise.noise,
            children.map((c) => draws[all.indexOf(c)]!),
          );
        };
        return;
      }
      case "ahpJudgments":
        specs = new Map();
        for (const node of f.ahpNodes) specs.set(node.id, perturbAhpSpec(node.weights, rng));
        return;
      case "normalization":
        columns = f.normalization[rng.int(f.normalization.length)] as ReadonlyMap<string, Float64Array>;
        return;
      case "aggregation":
        aggregate = f.aggregation[rng.int(f.aggregation.length)];
        return;
      case "leaveOneOut":
        structure = f.leaveOut[rng.int(f.leaveOut.length)] ?? engine.full;
        return;
    }
  });
  return { columns, structure, aggregate, specs, perturb };
}

function fillSeeds(rng: Random, out: Uint32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = rng.uint32();
}

/** The options a run reads (what a worker receives: no callbacks). @internal */
export type RunOptions = Pick<
  UncertaintyOptions,
  "profile" | "weights" | "ahpJudgments" | "normalization" | "aggregation" | "leaveOneOut"
>;

/** The options of `opts` that the runs read, without callbacks or thread counts. @internal */
export function runOptions(opts: UncertaintyOptions): RunOptions {
  const out: RunOptions = {};
  if (opts.profile !== undefined) out.profile = opts.profile;
  if (opts.weights !== undefined) out.weights = opts.weights;
  if (opts.ahpJudgments !== undefined) out.ahpJudgments = opts.ahpJudgments;
  if (opts.normalization !== undefined) out.normalization = opts.normalization;
  if (opts.aggregation !== undefined) out.aggregation = opts.aggregation;
  if (opts.leaveOneOut !== undefined) out.leaveOneOut = opts.leaveOneOut;
  return out;
}

/** What the runs share: the engine, the factors, the nominal ranks, a scratch column. */
interface RunContext {
  engine: Engine;
  f: Factors;
  d: number;
  m: number;
  root: string;
  nominal: Uint32Array;
  scratch: Float64Array;
  /** Row ranges ranked apart (a panel's periods); one range of every row otherwise. */
  blocks: readonly { start: number; end: number }[];
}

/**
 * What the runs start from: a scored result, its nominal root ranks and the row ranges ranked apart (a
 * panel's periods; undefined: every row in one ranking). Built from the model and the data on the
 * calling thread and, the same way, once in each worker. @internal
 */
export interface RunBasis {
  result: Result;
  nominal: Uint32Array;
  blocks?: readonly { start: number; end: number }[] | undefined;
}

/** The basis of {@link uncertaintyAnalysis}: the model scored on the data under `opts.profile`. */
function scoredBasis(model: Model, data: DatasetInput, opts: RunOptions): RunBasis {
  const result = score(model, data, opts.profile !== undefined ? { profile: opts.profile } : {});
  return { result, nominal: result.ranks[result.resolved.root] as Uint32Array };
}

/** The runs' context on a scored result: nominal root ranks, and the row ranges ranked apart. */
function contextOf(
  result: Result,
  nominal: Uint32Array,
  blocks: readonly { start: number; end: number }[] | undefined,
  opts: RunOptions,
): RunContext {
  const engine = createEngine(result);
  const f = collectFactors(engine, opts);
  return {
    engine,
    f,
    d: f.list.length,
    m: engine.m,
    root: engine.profile.root,
    nominal,
    scratch: new Float64Array(engine.m),
    blocks: blocks ?? [{ start: 0, end: engine.m }],
  };
}

/**
 * Run j: scores the variant drawn from its seeds (row j of `seeds`, one per factor), writes the
 * root ranks into `ranks` and returns the run's output, the mean absolute rank shift.
 */
function evaluateRun(ctx: RunContext, seeds: Uint32Array, j: number, ranks: Uint32Array): number {
  const { engine, m, nominal } = ctx;
  const values = engine.run(variantOf(engine, ctx.f, seeds, j * ctx.d));
  const rootValues = values.get(ctx.root) as Float64Array;
  for (const b of ctx.blocks)
    rankInto(
      rootValues.subarray(b.start, b.end),
      ctx.scratch.subarray(b.start, b.end),
      ranks.subarray(b.start, b.end),
    );
  let sum = 0;
  let count = 0;
  for (let i = 0; i < m; i++) {
    const a = ranks[i]!;
    const b = nominal[i]!;
    if (a === 0 || b === 0) continue;
    sum += Math.abs(a - b);
    count++;
  }
  return count > 0 ? sum / count : 0;
}

/**
 * How the workers rebuild the runs' basis: the worker task that does it (its `prepare`, given to
 * {@link runsTask}), and the model, data and options it reads (copied to each worker). @internal
 */
export interface RunSource<O extends RunOptions = RunOptions> {
  task: Extract<ThreadTask, "uncertainty" | "uncertaintyPanel">;
  model: Model;
  data: unknown;
  opts: O;
}

/** What a worker of {@link uncertaintyAnalysis} receives. */
interface UncertaintyPayload {
  model: Model;
  data: unknown;
  opts: RunOptions;
  seeds: SharedArrayBuffer;
  ranks: SharedArrayBuffer;
  outputs: SharedArrayBuffer;
  runs: number;
  chunkSize: number;
}

/**
 * The worker task of runs whose basis `prepare` builds from the model, the data and the options
 * (`setup` builds it and the runs' context once per worker; chunk k is runs [k size, (k + 1) size)).
 * @internal
 */
export function runsTask<O extends RunOptions>(
  prepare: (model: Model, data: unknown, opts: O) => RunBasis,
): ChunkTask<unknown> {
  const task: ChunkTask<{ ctx: RunContext; p: UncertaintyPayload }> = {
    setup(payload) {
      const p = payload as UncertaintyPayload;
      const b = prepare(p.model, p.data, p.opts as O);
      return { ctx: contextOf(b.result, b.nominal, b.blocks, p.opts), p };
    },
    run({ ctx, p }, chunk) {
      runChunk(ctx, p, chunk);
      return { value: null };
    },
  };
  return task as ChunkTask<unknown>;
}

/** The runs of {@link uncertaintyAnalysis} in a worker. @internal */
export const uncertaintyTask = runsTask((model, data, opts) =>
  scoredBasis(model, data as DatasetInput, opts),
);

/** Runs [k size, (k + 1) size) of the job, into its shared arrays. */
function runChunk(ctx: RunContext, p: UncertaintyPayload, chunk: number): null {
  const seeds = new Uint32Array(p.seeds);
  const ranks = new Uint32Array(p.ranks);
  const outputs = new Float64Array(p.outputs);
  const end = Math.min(p.runs, (chunk + 1) * p.chunkSize);
  for (let j = chunk * p.chunkSize; j < end; j++)
    outputs[j] = evaluateRun(ctx, seeds, j, ranks.subarray(j * ctx.m, (j + 1) * ctx.m));
  return null;
}

/**
 * Monte Carlo uncertainty analysis of a model's ranking (OECD/JRC Handbook 2008, step 7; COINr's
 * `get_sensitivity`): every run draws a value for each uncertain assumption (weight noise on every
 * group, AHP judgments one step up or down Saaty's scale, a normalization and an aggregation
 * method from the given alternatives, one indicator left out), scores the units and records their
 * root ranks. Reports per unit the nominal rank, the median and mean rank and the 5-95% interval,
 * and overall the mean absolute rank shift versus the nominal ranking. Use it to show that a
 * ranking survives other reasonable choices; use {@link weightSensitivity} to ask how far one
 * weight may move before the leader changes, and {@link removeElements} for a plain leave-one-out.
 *
 * Sensitivity indices (default on, with two factors or more): the runs follow Saltelli's design
 * with matrices A, B and A_B(i), N (d + 2) runs for d factors, over the output "mean absolute rank
 * shift of a run"; first-order indices by Saltelli et al. (2010, Table 2 (b)), total indices by
 * Jansen (1999). Each factor is a group of draws (all the weights are one factor). Every run is a
 * valid draw of all factors, so the rank statistics use all N (d + 2) runs.
 *
 * Percentiles are R's type 7 (linear interpolation). Data-driven weights (entropy, CRITIC, ...) are
 * re-estimated in each run on that run's values, as `score()` would; weight noise then applies to
 * them. The runs use a fast path (normalize once per alternative, then weights and aggregation over
 * typed arrays) that reproduces `score()` on nominal settings. Deterministic: xoshiro128** seeded
 * with `seed`; every factor of every run gets its own sub-stream, its seed drawn up front from the
 * stream of `seed`. In Node the runs are split over `threads` worker threads (default: the cores,
 * when the work pays for them), with the same result as on one thread.
 *
 * References: Saisana, Saltelli & Tarantola (2005) J. R. Stat. Soc. A 168(2):307-323; Saltelli et
 * al. (2010) Comput. Phys. Commun. 181:259-270; Jansen (1999) Comput. Phys. Commun. 117:35-43.
 *
 * @throws IndicatrixError `invalid_option` (runs not an integer >= 1, seed not an integer, bad noise,
 *   empty alternatives, nothing uncertain, threads not an integer in [1, 256]), `invalid_spec` (an aggregation alternative, at
 *   `opts.aggregation[k]`), the errors of `score()` (`unknown_profile`, ...), and the errors of an
 *   alternative method on the data, naming it (e.g. geometric aggregation of a zero); `worker_failed`
 *   when a worker thread stops before the end (the other threads are stopped).
 * @example
 * ```ts
 * const ua = uncertaintyAnalysis(model, rows, { profile: "normal", runs: 500, seed: 7,
 *   normalization: ["minmax", "zscore"] });
 * ua.ranks[0]; // => { unit: "c01", nominal: 3, median: 3, p05: 2, p95: 5, ... }
 * ua.sensitivity; // => [{ factor: "weights", first: 0.21, total: 0.35 }, { factor: "normalization", ... }]
 * ```
 */
export function uncertaintyAnalysis(
  model: Model,
  data: DatasetInput,
  opts: UncertaintyOptions = {},
): UncertaintyResult {
  checkOptions(opts);
  const run = runOptions(opts);
  return analyse(scoredBasis(model, data, run), opts, { task: "uncertainty", model, data, opts: run });
}

/**
 * The Monte Carlo runs of {@link uncertaintyAnalysis} and their summary on a basis (a scored result,
 * its nominal root ranks, the row ranges ranked apart), on `opts.threads` threads: the workers rebuild
 * the same basis from `source` (without it, one thread). @internal
 */
export function analyse(basis: RunBasis, opts: UncertaintyOptions, source?: RunSource): UncertaintyResult {
  checkOptions(opts);
  const { result, nominal, blocks } = basis;
  return runAll(result, contextOf(result, nominal, blocks, opts), opts, source);
}

/** The runs (on `threads` threads when `source` lets the workers rebuild the context) and their summary. */
function runAll(
  result: Result,
  ctx: RunContext,
  opts: UncertaintyOptions,
  source: RunSource | undefined,
): UncertaintyResult {
  const { runs: requested, seed } = checkOptions(opts);
  const { f, d, m, nominal } = ctx;
  const master = createRandom(seed);
  const base = Math.floor(requested / (d + 2));
  const saltelli = opts.sensitivity !== false && d >= 2 && base >= 2;
  const runs = saltelli ? base * (d + 2) : requested;
  const threads = threadCount(
    opts.threads,
    "opts.threads",
    runs * m * ctx.engine.profile.indicators.length,
    runs,
  );
  const shared = source !== undefined && threads > 1 && workersAvailable();
  const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));

  // Every run's seeds (one per factor), drawn up front from the master stream in the order one
  // thread has always drawn them: the runs then need nothing from each other.
  const seeds = new Uint32Array(buffer(runs * d * 4));
  if (saltelli)
    for (let r = 0; r < base; r++) {
      const at = r * (d + 2) * d;
      const a = seeds.subarray(at, at + d);
      const b = seeds.subarray(at + d, at + 2 * d);
      fillSeeds(master, a);
      fillSeeds(master, b);
      for (let i = 0; i < d; i++) {
        const ab = seeds.subarray(at + (2 + i) * d, at + (3 + i) * d);
        ab.set(a);
        ab[i] = b[i]!;
      }
    }
  else fillSeeds(master, seeds);

  let rankMatrix = new Uint32Array(buffer(runs * m * 4));
  let outputs = new Float64Array(buffer(runs * 8));
  const step = Math.max(1, Math.floor(runs / 100));
  let threaded = false;
  if (shared) {
    const chunkSize = Math.ceil(runs / (threads * 8));
    const chunks = Math.ceil(runs / chunkSize);
    const payload: UncertaintyPayload = {
      model: source.model,
      data: source.data,
      opts: source.opts,
      seeds: seeds.buffer as SharedArrayBuffer,
      ranks: rankMatrix.buffer as SharedArrayBuffer,
      outputs: outputs.buffer as SharedArrayBuffer,
      runs,
      chunkSize,
    };
    let done = 0;
    const values = runChunks(
      {
        task: source.task,
        payload,
        chunks,
        local: (k) => runChunk(ctx, payload, k),
        onChunk: (k) => {
          done += Math.min(runs, (k + 1) * chunkSize) - k * chunkSize;
          opts.onProgress?.(done, runs);
        },
      },
      threads,
    );
    threaded = values !== undefined;
  }
  if (!threaded)
    for (let j = 0; j < runs; j++) {
      outputs[j] = evaluateRun(ctx, seeds, j, rankMatrix.subarray(j * m, (j + 1) * m));
      const done = j + 1;
      if (opts.onProgress && (done % step === 0 || done === runs)) opts.onProgress(done, runs);
    }
  if (shared) {
    // Plain (unshared) arrays in the result, as one thread gives.
    rankMatrix = rankMatrix.slice();
    outputs = outputs.slice();
  }

  let sensitivity: SensitivityIndex[] | null = null;
  if (saltelli) {
    // Run r (d + 2) + k is f(A) for k = 0, f(B) for k = 1 and f(A_B(i)) for k = 2 + i.
    const fA = new Float64Array(base);
    const fB = new Float64Array(base);
    const fAB = Array.from({ length: d }, () => new Float64Array(base));
    for (let r = 0; r < base; r++) {
      fA[r] = outputs[r * (d + 2)]!;
      fB[r] = outputs[r * (d + 2) + 1]!;
      for (let i = 0; i < d; i++) (fAB[i] as Float64Array)[r] = outputs[r * (d + 2) + 2 + i]!;
    }
    let mean = 0;
    for (let r = 0; r < base; r++) mean += fA[r]! + fB[r]!;
    mean /= 2 * base;
    let v = 0;
    for (let r = 0; r < base; r++) v += (fA[r]! - mean) ** 2 + (fB[r]! - mean) ** 2;
    v /= 2 * base;
    if (v > 0)
      sensitivity = f.list.map((factor, i) => {
        const col = fAB[i] as Float64Array;
        let s = 0;
        let st = 0;
        for (let r = 0; r < base; r++) {
          // Centred f(B): same expectation, much smaller variance (the output has a large mean).
          s += (fB[r]! - mean) * (col[r]! - fA[r]!);
          st += (fA[r]! - col[r]!) ** 2;
        }
        return { factor, first: s / base / v, total: st / (2 * base) / v };
      });
  } else {
    if (d === 1) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const y of outputs) {
        lo = Math.min(lo, y);
        hi = Math.max(hi, y);
      }
      if (hi > lo) sensitivity = [{ factor: f.list[0] as UncertaintyFactor, first: 1, total: 1 }];
    }
  }

  const ranks = summarizeRanks(result.units, nominal, rankMatrix, runs);
  let meanAbsShift = 0;
  for (const y of outputs) meanAbsShift += y;
  meanAbsShift /= runs;
  return {
    profile: result.profile,
    units: result.units,
    ranks,
    nominal,
    meanAbsShift,
    outputs,
    rankMatrix,
    runs,
    factors: f.list,
    design: saltelli ? "saltelli" : "monte-carlo",
    sensitivity,
    adaptations: f.adaptations,
    provenance: {
      seed,
      runs,
      requestedRuns: requested,
      generator: "xoshiro128** seeded by splitmix32",
      weights:
        f.noise === null
          ? false
          : f.noise.kind === "uniform"
            ? { noise: f.noise.noise, distribution: "uniform relative (COINr get_noisy_weights)" }
            : { concentration: f.noise.concentration, distribution: "dirichlet" },
      ahpJudgments:
        opts.ahpJudgments === true ? "one step on Saaty's 1-9 scale, up or down with p = 1/2" : false,
      normalization: opts.normalization ?? false,
      aggregation: opts.aggregation ?? false,
      adapt: opts.adapt === true,
      leaveOneOut: opts.leaveOneOut === true,
      output: "mean absolute rank shift versus the nominal ranking",
      percentiles: "R type 7 (linear interpolation)",
      estimators: saltelli
        ? { first: "Saltelli et al. 2010", total: "Jansen 1999", baseSamples: base }
        : null,
    },
  };
}

/** Per unit of the rows `units`: nominal rank, median, 5-95% interval, mean, mean shift over the runs. @internal */
export function summarizeRanks(
  units: readonly string[],
  nominal: Uint32Array,
  matrix: Uint32Array,
  runs: number,
): UnitUncertainty[] {
  const m = units.length;
  const buf = new Float64Array(runs);
  return units.map((unit, i) => {
    let n = 0;
    let sum = 0;
    let shift = 0;
    const nom = nominal[i]!;
    for (let r = 0; r < runs; r++) {
      const x = matrix[r * m + i]!;
      if (x === 0) continue;
      buf[n++] = x;
      sum += x;
      if (nom > 0) shift += Math.abs(x - nom);
    }
    if (n === 0)
      return {
        unit,
        nominal: nom || null,
        median: null,
        p05: null,
        p95: null,
        mean: null,
        meanShift: null,
        scoredRuns: 0,
      };
    const sorted = buf.subarray(0, n).sort();
    return {
      unit,
      nominal: nom || null,
      median: quantileSorted(sorted, 0.5),
      p05: quantileSorted(sorted, 0.05),
      p95: quantileSorted(sorted, 0.95),
      mean: sum / n,
      meanShift: nom > 0 ? shift / n : null,
      scoredRuns: n,
    };
  });
}
