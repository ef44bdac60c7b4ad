import { aggregate } from "../aggregate/aggregate.js";
import type { Model } from "../indicators/schema.js";
import { IndicatrixError } from "../internal/errors.js";
import type { DatasetInput } from "../score/dataset.js";
import type { ResolvedNode, ResolvedProfile } from "../score/resolve-profile.js";
import { type Result, score } from "../score/score.js";
import { type ChunkTask, runChunks, threadCount } from "./threads.js";

/** Options of {@link weightSensitivity}. */
export interface WeightSensitivityOptions {
  /** Profile to analyse (default: the model's first). */
  profile?: string;
  /** Width of the final bracket of each bound; default 1e-6. */
  tolerance?: number;
  /** Number of grid steps on each side of the nominal weight before bisection; default 100. */
  steps?: number;
  /**
   * Threads to run on (Node worker threads, one weight at a time each; the intervals are the same
   * for any count); default: the number of cores when the work is large enough to pay for starting
   * the workers, else 1. One thread in browsers and wherever worker threads are unavailable. An
   * integer in [1, 256].
   */
  threads?: number;
}

/** How far one local weight can move before the top-ranked unit changes. */
export interface WeightInterval {
  /** The group whose children are weighted. */
  group: string;
  /** The child whose weight moves. */
  node: string;
  /** Its nominal local weight. */
  weight: number;
  /** Lowest weight at which the nominal top unit is still ranked first (0 when it always is). */
  lo: number;
  /** Highest weight at which the nominal top unit is still ranked first (1 when it always is). */
  hi: number;
  /** The unit that takes the lead just below `lo` (null when `lo` = 0). */
  loBy: string | null;
  /** The unit that takes the lead just above `hi` (null when `hi` = 1). */
  hiBy: string | null;
}

/** Result of {@link weightSensitivity}. */
export interface WeightSensitivityResult {
  /** The profile analysed. */
  profile: string;
  /** The unit ranked first with the nominal weights. */
  top: string;
  /** One interval per local weight of every group with two children or more, in tree order. */
  intervals: WeightInterval[];
}

/**
 * One-at-a-time weight sensitivity: for every local weight (each child of each group), the interval
 * [lo, hi] of that weight within which the nominal top-ranked unit stays first, when the weight
 * moves and its siblings are re-scaled proportionally so that the group's weights still sum to 1
 * (w_j' = w_j (1 - t) / (1 - w), or equal shares of 1 - t when the siblings all weigh 0). Other
 * groups keep their nominal weights. Use it to tell a reader how robust the winner is to each
 * weighting decision; use {@link uncertaintyAnalysis} to perturb all weights at once.
 *
 * The bounds are found by a grid of `steps` steps on each side of the nominal weight, then bisection
 * of the first bracket where the leader changes down to `tolerance` (1e-6): a change of leader that
 * starts and ends between two grid points (a window narrower than 1/steps of the side) is missed.
 * "Stays first" means no unit scores strictly higher (a tie at the top keeps it first, as the "min"
 * rank rule does). Data-driven weights are held at their nominal values. In Node the weights are
 * split over `threads` worker threads (default: the cores, when the work pays for them), with the
 * same intervals as on one thread.
 *
 * Reference: the one-at-a-time weight analysis of the OECD/JRC Handbook (2008), step 7.
 *
 * @throws IndicatrixError `invalid_option` (tolerance, steps or threads), `no_scores` (no unit has a score),
 *   the errors of `score()`, and `worker_failed` when a worker thread stops before the end.
 * @example
 * ```ts
 * const ws = weightSensitivity(model, rows, { profile: "normal" });
 * ws.intervals[0]; // => { group: "root", node: "subjects", weight: 0.27, lo: 0.11, hi: 0.64, loBy: "c07", hiBy: "c12" }
 * ```
 */
export function weightSensitivity(
  model: Model,
  data: DatasetInput,
  opts: WeightSensitivityOptions = {},
): WeightSensitivityResult {
  const tolerance = opts.tolerance ?? 1e-6;
  if (typeof tolerance !== "number" || !(tolerance > 0 && tolerance < 0.5))
    throw new IndicatrixError(
      "invalid_option",
      `opts.tolerance: expected a number in (0, 0.5), got ${tolerance}`,
      {
        path: "opts.tolerance",
      },
    );
  const steps = opts.steps ?? 100;
  if (!Number.isInteger(steps) || steps < 1)
    throw new IndicatrixError("invalid_option", `opts.steps: expected an integer >= 1, got ${steps}`, {
      path: "opts.steps",
    });
  const settings: Settings = {
    tolerance,
    steps,
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
  };
  const ctx = prepare(model, data, settings);
  const n = ctx.tasks.length;
  // Each weight costs about 2 (steps + 20) re-aggregations of its group and the groups above it.
  let work = 0;
  for (const { node } of ctx.tasks) {
    let cells = 0;
    for (let id: string | undefined = node.id; id !== undefined; id = ctx.profile.nodes.get(id)?.parent)
      cells += ctx.profile.nodes.get(id)?.children.length ?? 0;
    work += 2 * (steps + 20) * ctx.m * cells;
  }
  const threads = threadCount(opts.threads, "opts.threads", work, n);
  const payload: SensitivityPayload = { model, data, settings };
  const chunks = runChunks<WeightInterval[]>(
    {
      task: "weightSensitivity",
      payload,
      chunks: n,
      local: (k) => [intervalAt(ctx, k)],
    },
    threads,
  );
  const intervals = chunks ? chunks.flat() : ctx.tasks.map((_, k) => intervalAt(ctx, k));
  return { profile: ctx.result.profile, top: ctx.result.units[ctx.top]!, intervals };
}

/** The checked options a worker receives. */
interface Settings {
  profile?: string;
  tolerance: number;
  steps: number;
}

interface SensitivityPayload {
  model: Model;
  data: DatasetInput;
  settings: Settings;
}

/** The scored model, its leader and the weights to move, one task per (group, child). */
interface Context {
  result: Result;
  profile: ResolvedProfile;
  m: number;
  top: number;
  settings: Settings;
  tasks: { node: ResolvedNode; k: number }[];
}

function prepare(model: Model, data: DatasetInput, settings: Settings): Context {
  const result = score(model, data, settings.profile !== undefined ? { profile: settings.profile } : {});
  const profile = result.resolved;
  const m = result.units.length;
  const rootScores = result.scores[profile.root] as Float64Array;
  let top = -1;
  for (let i = 0; i < m; i++) {
    const x = rootScores[i]!;
    if (!Number.isNaN(x) && (top < 0 || x > rootScores[top]!)) top = i;
  }
  if (top < 0) throw new IndicatrixError("no_scores", "no unit has an overall score, so there is no leader");
  const tasks: Context["tasks"] = [];
  for (const node of profile.nodes.values()) {
    if (node.indicator || node.children.length < 2) continue;
    for (let k = 0; k < node.children.length; k++) tasks.push({ node, k });
  }
  return { result, profile, m, top, settings, tasks };
}

/** The interval of task `t`: how far the weight of child k of its group may move. */
function intervalAt(ctx: Context, t: number): WeightInterval {
  const { result, profile, m, top } = ctx;
  const { steps, tolerance } = ctx.settings;
  const { node, k } = ctx.tasks[t] as Context["tasks"][number];
  const nodeOf = (id: string) => profile.nodes.get(id) as ResolvedNode;
  const local = result.weights.local;
  const aggOpts = { missing: profile.missing, minCoverage: profile.minCoverage };

  /** Root scores when `group`'s children get `weights` (everything else nominal). */
  const rootWith = (group: string, weights: number[]): Float64Array => {
    let node = nodeOf(group);
    let values = aggregate(
      node.children.map((c) => result.scores[c] as Float64Array),
      weights,
      node.aggregate,
      aggOpts,
    ).values;
    let changed = group;
    while (node.parent !== undefined) {
      node = nodeOf(node.parent);
      const cols = node.children.map((c) => (c === changed ? values : (result.scores[c] as Float64Array)));
      values = aggregate(
        cols,
        node.children.map((c) => local[c]!),
        node.aggregate,
        aggOpts,
      ).values;
      changed = node.id;
    }
    return values;
  };
  /** -1 when the nominal top unit is still first, else the index of a unit that beats it. */
  const challenger = (s: Float64Array): number => {
    const t = s[top]!;
    if (Number.isNaN(t)) return top;
    let best = -1;
    for (let i = 0; i < m; i++) {
      const x = s[i]!;
      if (x > t && (best < 0 || x > s[best]!)) best = i;
    }
    return best;
  };

  const base = node.children.map((c) => local[c]!);
  const child = node.children[k] as string;
  const w0 = base[k]!;
  const rest = 1 - w0;
  const weightsAt = (t: number): number[] =>
    base.map((w, j) => (j === k ? t : rest > 0 ? (w * (1 - t)) / rest : (1 - t) / (base.length - 1)));
  const who = (t: number) => challenger(rootWith(node.id, weightsAt(t)));
  const bound = (end: number): { at: number; by: number } => {
    let inside = w0;
    for (let s = 1; s <= steps; s++) {
      const t = w0 + ((end - w0) * s) / steps;
      const c = who(t);
      if (c < 0) {
        inside = t;
        continue;
      }
      let outside = t;
      let by = c;
      while (Math.abs(outside - inside) > tolerance) {
        const mid = (inside + outside) / 2;
        const cm = who(mid);
        if (cm < 0) inside = mid;
        else {
          outside = mid;
          by = cm;
        }
      }
      return { at: inside, by };
    }
    return { at: end, by: -1 };
  };
  const lo = bound(0);
  const hi = bound(1);
  return {
    group: node.id,
    node: child,
    weight: w0,
    lo: lo.at,
    hi: hi.at,
    loBy: lo.by >= 0 ? result.units[lo.by]! : null,
    hiBy: hi.by >= 0 ? result.units[hi.by]! : null,
  };
}

/** The intervals of {@link weightSensitivity} in a worker: chunk k is the k-th weight. @internal */
export const weightSensitivityTask: ChunkTask<Context> = {
  setup(payload) {
    const p = payload as SensitivityPayload;
    return prepare(p.model, p.data, p.settings);
  },
  run(ctx, chunk) {
    return { value: [intervalAt(ctx, chunk)] };
  },
};
