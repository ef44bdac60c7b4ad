import type { Model } from "../indicators/schema.js";
import { IndicatrixError } from "../internal/errors.js";
import type { DatasetInput } from "../score/dataset.js";
import { type Result, score } from "../score/score.js";
import { kendall, spearman } from "./rank-correlation.js";
import { type ResultData, resultData, resultFromData } from "./result-transfer.js";
import { type ChunkTask, runChunks, threadCount } from "./threads.js";

/** Scores of the same units under several profiles, side by side. */
export interface Comparison {
  /** The profiles compared, in the order given. */
  profiles: string[];
  /** Scored unit ids. */
  units: string[];
  /** Overall score per profile, aligned with `units`. */
  scores: Record<string, Float64Array>;
  /** Overall rank per profile (1 = best, 0 = no score). */
  ranks: Record<string, Uint32Array>;
  /**
   * Rank under the last profile minus rank under the first: positive = the unit falls behind; `NaN` when the
   * unit has no rank under the first or the last profile (no shift to report, not a shift of 0).
   */
  rankShift: Float64Array;
  /** Global weight of every node under each profile (0 when inactive), and the difference last - first. */
  weights: { node: string; weights: Record<string, number>; difference: number }[];
  /** Rank correlations between the overall scores of each pair of profiles. */
  correlations: { a: string; b: string; spearman: number; kendall: number }[];
  /** The full results, by profile. */
  results: Record<string, Result>;
}

/** Options of {@link compareProfiles}. */
export interface CompareProfilesOptions {
  /**
   * Threads to score the profiles on (Node worker threads, one profile at a time each; the results
   * are the same for any count); default: the number of cores when the profiles are many and large
   * enough to pay for starting the workers, else 1. One thread in browsers and wherever worker
   * threads are unavailable. An integer in [1, 256].
   */
  threads?: number;
}

interface ComparePayload {
  model: Model;
  data: DatasetInput;
  profiles: string[];
}

/** The profiles of {@link compareProfiles} in a worker: chunk k scores the k-th. @internal */
export const compareProfilesTask: ChunkTask<ComparePayload> = {
  setup: (payload) => payload as ComparePayload,
  run(p, chunk) {
    return { value: resultData(score(p.model, p.data, { profile: p.profiles[chunk] as string })) };
  },
};

/**
 * Scores the same data under several profiles (e.g. `normal` and `emergency`) and compares them:
 * per unit the scores, ranks and rank shift; per node the global weights and their difference; and
 * Spearman's and Kendall's (tau-b) correlations between the rankings. In Node the profiles after
 * the first are scored on `threads` worker threads (default: the cores, when they are many and large
 * enough to pay for the workers), with the same results as on one thread.
 *
 * @throws IndicatrixError `invalid_option` for fewer than two profiles or bad threads, the errors of `score`,
 *   and `worker_failed` when a worker thread stops before the end.
 * @example
 * ```ts
 * const c = compareProfiles(model, data, ["normal", "emergency"]);
 * c.correlations[0].spearman; // => 0.71
 * compareProfiles(model, data, ["normal", "emergency", "public_health"], { threads: 2 }); // same numbers
 * ```
 */
export function compareProfiles(
  model: Model,
  data: DatasetInput,
  profiles: readonly string[],
  opts: CompareProfilesOptions = {},
): Comparison {
  if (!Array.isArray(profiles) || profiles.length < 2)
    throw new IndicatrixError("invalid_option", "profiles: expected at least two profile names to compare");
  if (opts === null || typeof opts !== "object")
    throw new IndicatrixError("invalid_option", "opts: expected an options object", { path: "opts" });
  const results: Record<string, Result> = {};
  // The first profile on this thread: its size tells whether the others are worth the threads.
  results[profiles[0] as string] = score(model, data, { profile: profiles[0] as string });
  const rest = profiles.slice(1);
  const first0 = results[profiles[0] as string] as Result;
  // Scoring a cell costs about two re-aggregations of one (the unit of MIN_WORK_PER_THREAD).
  const work = rest.length * first0.units.length * first0.resolved.indicators.length * 2;
  const threads = threadCount(opts.threads, "opts.threads", work, rest.length);
  const payload: ComparePayload = { model, data, profiles: rest };
  const scoreAt = (k: number) => score(model, data, { profile: rest[k] as string });
  const scored = runChunks<Result>(
    {
      task: "compareProfiles",
      payload,
      chunks: rest.length,
      local: scoreAt,
      received: (v) => resultFromData(v as ResultData),
    },
    threads,
  );
  rest.forEach((p, k) => {
    results[p] = scored ? (scored[k] as Result) : scoreAt(k);
  });
  return compareResults(profiles, results);
}

/**
 * The comparison of results of the same units under each profile (what `compareProfiles` returns for
 * its scores; `compareProfilesByPeriod` for each period of a panel). @internal
 */
export function compareResults(profiles: readonly string[], results: Record<string, Result>): Comparison {
  const first = results[profiles[0] as string] as Result;
  const last = results[profiles[profiles.length - 1] as string] as Result;
  const root = first.resolved.root;
  const scores: Record<string, Float64Array> = {};
  const ranks: Record<string, Uint32Array> = {};
  for (const p of profiles) {
    scores[p] = (results[p] as Result).scores[root] as Float64Array;
    ranks[p] = (results[p] as Result).ranks[root] as Uint32Array;
  }
  const rankShift = new Float64Array(first.units.length);
  const r0 = ranks[profiles[0] as string] as Uint32Array;
  const r1 = ranks[profiles[profiles.length - 1] as string] as Uint32Array;
  for (let i = 0; i < rankShift.length; i++) {
    const a = r0[i]!;
    const b = r1[i]!;
    rankShift[i] = a && b ? b - a : Number.NaN;
  }
  const nodes = new Set<string>();
  for (const p of profiles)
    for (const id of Object.keys((results[p] as Result).weights.global)) nodes.add(id);
  const weights = [...nodes].map((node) => {
    const w: Record<string, number> = {};
    for (const p of profiles) w[p] = (results[p] as Result).weights.global[node] ?? 0;
    return {
      node,
      weights: w,
      difference: (last.weights.global[node] ?? 0) - (first.weights.global[node] ?? 0),
    };
  });
  const correlations: Comparison["correlations"] = [];
  for (let i = 0; i < profiles.length; i++)
    for (let j = i + 1; j < profiles.length; j++) {
      const a = profiles[i] as string;
      const b = profiles[j] as string;
      correlations.push({
        a,
        b,
        spearman: spearman(scores[a] as Float64Array, scores[b] as Float64Array),
        kendall: kendall(scores[a] as Float64Array, scores[b] as Float64Array),
      });
    }
  return {
    profiles: [...profiles],
    units: first.units,
    scores,
    ranks,
    rankShift,
    weights,
    correlations,
    results,
  };
}
