// `indicatrix disparity --period COLUMN`: the disparity of a panel, one decomposition per period, and
// the kernel density of each period's scores on one grid (the change of the distribution over time).
import { type DisparityPanelResult, disparityPanel } from "../../analysis/disparity/disparity-panel.js";
import type { Model } from "../../indicators/schema.js";
import { readCsvFile } from "../../node/read-csv-file.js";
import { scorePanel } from "../../panel/score-panel.js";
import { type Io, UsageError } from "../context.js";
import { printable, textTable } from "../format.js";
import { panelBasisOption } from "./score.js";

/** The options of `disparity` that the panel form reads. */
export interface DisparityPanelFlags {
  period: string;
  by?: string | undefined;
  node?: string | undefined;
  profile?: string | undefined;
  state?: string | undefined;
  basis?: string | undefined;
  ddof?: string | undefined;
  weights?: string | undefined;
  points?: string | undefined;
  format: "text" | "json";
}

const f4 = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(4));

/** Where each period's density curve peaks (the mode on the grid) and how high. */
function peaks(d: DisparityPanelResult): { period: string; mode: number; height: number }[] {
  return d.density.curves.map((c) => {
    let best = 0;
    for (let i = 1; i < c.y.length; i++) if (c.y[i]! > c.y[best]!) best = i;
    return { period: c.period, mode: d.density.x[best]!, height: c.y[best]! };
  });
}

/**
 * Scores the panel in `dataPath` (one row per unit and period) and prints its disparity per period.
 * @returns the exit code (0).
 */
export function disparityPanelCommand(
  model: Model,
  dataPath: string,
  flags: DisparityPanelFlags,
  io: Io,
): number {
  let points: number | undefined;
  if (flags.points !== undefined) {
    points = Number(flags.points);
    if (!Number.isInteger(points) || points < 2)
      throw new UsageError(`--points must be an integer >= 2, got "${flags.points}"`);
  }
  const rows = readCsvFile(dataPath);
  const by = flags.by;
  const levels = new Set(rows.map((r) => String(r.level ?? "")).filter((l) => l !== ""));
  const isColumn = by !== undefined && by !== "parent" && !levels.has(by);
  if (isColumn && rows.some((r) => r[by] !== undefined && r[by] !== "" && !Number.isFinite(Number(r[by]))))
    throw new UsageError(
      `--by "${by}" is a text column: with --period, group by a level of the unit hierarchy or parent`,
    );
  const basis = panelBasisOption(flags.basis, "--basis");
  const panel = scorePanel(model, rows, {
    period: flags.period,
    ...(flags.state !== undefined
      ? { profile: { column: flags.state, ...(flags.profile ? { default: flags.profile } : {}) } }
      : flags.profile
        ? { profile: flags.profile }
        : {}),
    ...(basis !== undefined ? { basis } : {}),
    keep: [...(isColumn ? [by] : []), ...(flags.weights ? [flags.weights] : [])],
  });
  const d = disparityPanel(panel, {
    ...(flags.node ? { node: flags.node } : {}),
    ...(by !== undefined ? { by } : {}),
    ...(flags.ddof !== undefined ? { ddof: Number(flags.ddof) as 0 | 1 } : {}),
    ...(flags.weights ? { weights: flags.weights } : {}),
    ...(points !== undefined ? { points } : {}),
  });
  for (const w of panel.diagnostics) io.err(`${printable(`warning ${w.code}: ${w.message}`)}\n`);
  for (const p of d.periods)
    for (const w of p.disparity.diagnostics)
      io.err(`${printable(`warning ${w.code} (${flags.period} ${p.period}): ${w.message}`)}\n`);
  const node = d.periods[0]!.disparity.node;
  const top = peaks(d);
  if (flags.format === "json") {
    io.out(
      `${JSON.stringify(
        {
          profiles: panel.provenance.profiles,
          node,
          by: by ?? null,
          period: panel.provenance.periodColumn,
          basis: panel.provenance.basis,
          ddof: flags.weights ? null : flags.ddof === undefined ? 1 : Number(flags.ddof),
          weights: flags.weights ?? null,
          periods: d.periods.map((p, k) => ({
            period: p.period,
            units: p.disparity.units.length,
            mean: p.disparity.mean,
            gini: p.disparity.gini,
            dagum: p.disparity.dagum,
            theilT: p.disparity.theilT,
            theilL: p.disparity.theilL ?? null,
            cv: p.disparity.cv,
            maxMinRatio: p.disparity.maxMinRatio ?? null,
            mode: top[k]!.mode,
            groups: p.disparity.groupSummary,
            leftOut: p.disparity.leftOut,
            diagnostics: p.disparity.diagnostics,
          })),
          density: {
            bandwidth: d.density.bandwidth,
            x: Array.from(d.density.x),
            curves: d.density.curves.map((c) => ({ period: c.period, y: Array.from(c.y) })),
          },
        },
        (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
        2,
      )}\n`,
    );
    return 0;
  }
  let text = `Disparity of "${node}" over ${d.periods.length} periods (${panel.provenance.periodColumn})`;
  text += by === undefined ? "\n" : `, groups by ${by}\n`;
  const grouped = by !== undefined;
  text += textTable(
    [
      "period",
      "units",
      "mean",
      "Gini",
      ...(grouped ? ["within", "net between", "transvar."] : []),
      "Theil T",
      "Theil L",
      "CV",
      "max/min",
      "mode",
    ],
    d.periods.map((p, k) => {
      const q = p.disparity;
      return [
        p.period,
        String(q.units.length),
        f4(q.mean),
        f4(q.gini),
        ...(grouped ? [f4(q.dagum.within), f4(q.dagum.netBetween), f4(q.dagum.transvariation)] : []),
        f4(q.theilT.value),
        f4(q.theilL?.value),
        f4(q.cv),
        f4(q.maxMinRatio),
        f4(top[k]!.mode),
      ];
    }),
  );
  text += `\nmode: where each period's kernel density peaks (Gaussian, one bandwidth h = ${f4(d.density.bandwidth)} `;
  text += `from the pooled scores); --format json gives the curves.\n`;
  io.out(text);
  return 0;
}
