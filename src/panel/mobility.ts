import { kendall, spearman } from "../analysis/rank-correlation.js";
import { IndicatrixError, type Issue } from "../internal/errors.js";
import type { PeriodResults } from "./trends.js";

/** Options of `PanelResult.mobility`. */
export interface MobilityOptions {
  /** The node whose ranks are compared (default: the root). */
  node?: string;
  /** How many risers and fallers to list per transition (default 5). */
  top?: number;
}

/** One unit's rank change between two periods. */
export interface RankChange {
  /** Unit id. */
  unit: string;
  /** Rank in the earlier period (1 = best). */
  from: number;
  /** Rank in the later period. */
  to: number;
  /** from - to: positive when the unit rose. */
  change: number;
}

/** The rank mobility between two consecutive periods (or the first and the last). */
export interface Transition {
  /** Earlier period. */
  from: string;
  /** Later period. */
  to: string;
  /** Units ranked in both periods. */
  units: number;
  /** Spearman's rho of the two periods' scores over the common units (average ranks); NaN when undefined. */
  spearman: number;
  /** Kendall's tau-b of the same. */
  kendall: number;
  /** Mean absolute rank change (ranks within each period, ties "min"). */
  meanAbsChange: number;
  /** Every common unit's rank change, in panel unit order. */
  changes: RankChange[];
  /** The units that rose most (largest positive change first). */
  risers: RankChange[];
  /** The units that fell most (most negative change first). */
  fallers: RankChange[];
}

/** Rank mobility over a panel. */
export interface Mobility {
  /** The node compared. */
  node: string;
  /** Between each pair of consecutive periods. */
  transitions: Transition[];
  /** Between the first and the last period. */
  overall: Transition | undefined;
  /** Warnings: `constant_ranking` where a correlation is undefined. */
  diagnostics: Issue[];
}

/**
 * Rank mobility between consecutive periods (DOMAIN C1.4): over the units ranked in both, Spearman's rho
 * of their scores (ties averaged, as scipy and R `cor(method = "spearman")`), Kendall's tau-b, the mean
 * absolute change of the within-period ranks (1 = best, ties "min"), and the units that rose or fell most.
 * A correlation is NaN with a `constant_ranking` warning when a ranking is constant or fewer than two units
 * are shared.
 * @internal
 */
export function mobility(panel: PeriodResults, opts: MobilityOptions = {}): Mobility {
  const results = panel.periods.map((p) => panel.at(p));
  const node = opts.node ?? results[0]!.resolved.root;
  const top = opts.top ?? 5;
  if (!Number.isInteger(top) || top < 0)
    throw new IndicatrixError("invalid_option", `opts.top: expected a non-negative integer, got ${top}`, {
      path: ["opts", "top"],
    });
  for (const r of results)
    if (!r.scores[node])
      throw new IndicatrixError("unknown_node", `opts.node: "${node}" is not a scored node of every period`, {
        path: ["opts", "node"],
      });
  const diagnostics: Issue[] = [];
  const between = (a: number, b: number): Transition => {
    const ra = results[a]!;
    const rb = results[b]!;
    const ib = new Map(rb.units.map((u, i) => [u, i]));
    const sa = ra.scores[node]!;
    const sb = rb.scores[node]!;
    const ka = ra.ranks[node]!;
    const kb = rb.ranks[node]!;
    const xs: number[] = [];
    const ys: number[] = [];
    const changes: RankChange[] = [];
    for (const [i, u] of ra.units.entries()) {
      const j = ib.get(u);
      if (j === undefined || Number.isNaN(sa[i]!) || Number.isNaN(sb[j]!)) continue;
      xs.push(sa[i]!);
      ys.push(sb[j]!);
      changes.push({ unit: u, from: ka[i]!, to: kb[j]!, change: ka[i]! - kb[j]! });
    }
    const from = panel.periods[a]!;
    const to = panel.periods[b]!;
    const rho = xs.length >= 2 ? spearman(xs, ys) : Number.NaN;
    if (Number.isNaN(rho))
      diagnostics.push({
        code: "constant_ranking",
        severity: "warning",
        path: ["mobility", from, to],
        where: `periods ${from} and ${to}`,
        message: `the rank correlation of periods ${from} and ${to} is undefined (${xs.length} common units, or a constant ranking)`,
      });
    const sorted = [...changes].sort((p, q) => q.change - p.change);
    return {
      from,
      to,
      units: xs.length,
      spearman: rho,
      kendall: xs.length >= 2 ? kendall(xs, ys) : Number.NaN,
      meanAbsChange:
        changes.length > 0
          ? changes.reduce((s, c) => s + Math.abs(c.change), 0) / changes.length
          : Number.NaN,
      changes,
      risers: sorted.filter((c) => c.change > 0).slice(0, top),
      fallers: sorted
        .filter((c) => c.change < 0)
        .reverse()
        .slice(0, top),
    };
  };
  const transitions: Transition[] = [];
  for (let k = 1; k < results.length; k++) transitions.push(between(k - 1, k));
  return {
    node,
    transitions,
    overall: results.length >= 2 ? between(0, results.length - 1) : undefined,
    diagnostics,
  };
}
