import type { HistoryEntry, Model, ModelNode, Profile, WeightSpec } from "../indicators/model-types.js";
import { profileNames } from "../indicators/profiles.js";
import { fail } from "../internal/errors.js";
import type { DelphiResult } from "./delphi-types.js";

/** Options of {@link delphiToModel}. */
export interface DelphiToModelOptions {
  /** Apply the rounds up to this 1-based round (default: all). */
  round?: number | undefined;
  /** Also remove the indicators whose verdict is `review` (default false: only `drop`). */
  dropReview?: boolean | undefined;
  /**
   * Write fixed weights from the normalized mean ratings into this profile (`true`: the model's first profile)
   * for every group whose remaining children were all rated. Default false: weights unchanged.
   */
  weights?: boolean | string | undefined;
  /** Date of the history entry (ISO 8601); none when absent (the library reads no clock). */
  date?: string | undefined;
}

/**
 * Applies a {@link delphi} screening to a model: removes the nodes whose verdict is `drop` in the last
 * round that rated them (and their subtrees; a group left without children goes too), removes them from every profile (`include`,
 * `exclude`, `multipliers`, `goalposts`, `aggregate`, the keys of fixed weights and the AHP judgments that
 * name them), appends one `history` entry per round with its numbers and each removal's reason, and
 * optionally writes fixed weights w_j = M_j / Σ M_k, normalized within each group (DOMAIN.md C2.3). The
 * model passed in is not changed.
 *
 * @param model - the draft model; the rated ids must be node ids of its tree.
 * @param result - the result of {@link delphi}.
 * @param opts - round, whether `review` verdicts are removed too, weights and date.
 * @throws {IndicatrixError} `unknown_node` (a rated id that is not in the tree), `invalid_option` (no such
 *   round, an unknown profile), `empty_tree` (every indicator removed).
 * @example
 * ```ts
 * const model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] } };
 * const r = delphi({ indicators: ["a", "b", "c"], ratings: [[5, 4, 2], [5, 3, 2], [4, 4, 1]] }, { scaleMax: 5 });
 * const pruned = delphiToModel(model, r, { weights: true });
 * pruned.tree.children?.map((c) => c.id); // => ["a", "b"]
 * pruned.history?.[0]?.removed; // => [{ id: "c", reason: "cutoff: mean 1.6667 < 1.8058; cv 0.3464 > 0.3292" }]
 * ```
 */
export function delphiToModel(model: Model, result: DelphiResult, opts: DelphiToModelOptions = {}): Model {
  const k = opts.round ?? result.rounds.length;
  const round = result.rounds[k - 1];
  if (!round)
    fail("invalid_option", ["opts", "round"], `expected a round from 1 to ${result.rounds.length}, got ${k}`);
  const ids = new Set<string>();
  const walk = (node: ModelNode) => {
    ids.add(node.id);
    for (const c of node.children ?? []) walk(c);
  };
  walk(model.tree);
  round.indicators.forEach((id, j) => {
    if (!ids.has(id))
      fail(
        "unknown_node",
        ["rounds", k - 1, "indicators", j],
        `rated id "${id}" is not a node of model "${model.id}"`,
      );
  });
  // the verdict of an id is that of the last round (up to k) that rated it
  const last = new Map<string, { round: number; reason: string; drop: boolean }>();
  for (const r of result.rounds.slice(0, k))
    for (const v of r.verdicts)
      last.set(v.id, {
        round: r.round,
        reason: v.reason,
        drop: v.verdict === "drop" || (opts.dropReview === true && v.verdict === "review"),
      });
  const removedIn = result.rounds.slice(0, k).map(() => [] as { id: string; reason: string }[]);
  for (const [id, v] of last) if (v.drop) removedIn[v.round - 1]?.push({ id, reason: v.reason });
  const removed = removedIn[k - 1] as { id: string; reason: string }[];
  const gone = new Set([...last].filter(([, v]) => v.drop).map(([id]) => id));
  const prune = (node: ModelNode): ModelNode | null => {
    if (gone.has(node.id)) return null;
    if (!node.children) return { ...node };
    const children = node.children.map(prune).filter((c): c is ModelNode => c !== null);
    if (children.length === 0) {
      gone.add(node.id);
      removed.push({ id: node.id, reason: "every child was removed" });
      return null;
    }
    return { ...node, children };
  };
  const tree = prune(model.tree);
  if (!tree?.children)
    fail("empty_tree", ["tree"], `the Delphi verdicts remove every indicator of model "${model.id}"`);
  const out: Model = structuredClone({ ...model, tree });
  if (out.profiles) for (const p of Object.values(out.profiles)) cleanProfile(p, gone);
  if (opts.weights) writeWeights(out, round, opts.weights === true ? undefined : opts.weights);
  const entries: HistoryEntry[] = result.rounds.slice(0, k).map((r, i) => {
    const w = r.kendall;
    const rm = removedIn[i] ?? [];
    return {
      step: "delphi",
      ...(opts.date !== undefined ? { date: opts.date } : {}),
      summary:
        `Delphi round ${r.round} of ${result.rounds.length}: ${r.returned} experts` +
        (Number.isFinite(r.positiveCoefficient)
          ? ` (positive coefficient ${fmt(r.positiveCoefficient)})`
          : "") +
        (r.authority ? `, authority Cr ${fmt(r.authority.cr)}` : "") +
        `, Kendall's W ${fmt(w.w)} (chi2 ${fmt(w.chi2)}, df ${w.df}, p ${fmtP(w.p)}); rule ${result.rule}; ` +
        (rm.length ? `removed ${rm.map((x) => x.id).join(", ")}` : "nothing removed"),
      ...(rm.length ? { removed: rm } : {}),
    };
  });
  out.history = [...(out.history ?? []), ...entries];
  return out;
}

const fmt = (x: number) => (Number.isFinite(x) ? String(+x.toFixed(4)) : "NaN");
const fmtP = (p: number) => (p < 0.001 ? p.toExponential(2) : fmt(p));

function cleanProfile(p: Profile, gone: Set<string>): void {
  const keep = (id: string) => !gone.has(id);
  if (p.include) p.include = p.include.filter(keep);
  if (p.exclude) p.exclude = p.exclude.filter(keep);
  for (const key of ["multipliers", "goalposts", "aggregate", "weights"] as const) {
    const rec = p[key] as Record<string, unknown> | undefined;
    if (rec) for (const id of Object.keys(rec)) if (gone.has(id)) delete rec[id];
  }
  for (const spec of Object.values(p.weights ?? {})) {
    if (typeof spec === "string") continue;
    if (spec.method === "fixed")
      for (const id of Object.keys(spec.weights)) if (gone.has(id)) delete spec.weights[id];
    if (spec.method === "ahp") {
      if (spec.judgments) spec.judgments = spec.judgments.filter(([a, b]) => keep(a) && keep(b));
      for (const e of spec.experts ?? [])
        if (e.judgments) e.judgments = e.judgments.filter(([a, b]) => keep(a) && keep(b));
    }
  }
}

function writeWeights(
  model: Model,
  round: DelphiResult["rounds"][number],
  profile: string | undefined,
): void {
  const name = profile ?? (profileNames(model)[0] as string);
  if (profile !== undefined && model.profiles && !Object.hasOwn(model.profiles, profile))
    fail("invalid_option", ["opts", "weights"], `model "${model.id}" has no profile "${profile}"`);
  const means = new Map(round.stats.map((s) => [s.id, s.mean]));
  const specs: Record<string, WeightSpec> = {};
  const visit = (node: ModelNode) => {
    const kids = node.children;
    if (!kids) return;
    if (kids.every((c) => Number.isFinite(means.get(c.id)))) {
      const total = kids.reduce((s, c) => s + (means.get(c.id) as number), 0);
      if (total > 0)
        specs[node.id] = {
          method: "fixed",
          weights: Object.fromEntries(kids.map((c) => [c.id, (means.get(c.id) as number) / total])),
        };
    }
    for (const c of kids) visit(c);
  };
  visit(model.tree);
  model.profiles ??= {};
  const p = (model.profiles[name] ??= {});
  p.weights = { ...(p.weights ?? {}), ...specs };
}
