import { parseArgs } from "node:util";
import { disparity } from "../../analysis/disparity/disparity.js";
import { readCsvFile } from "../../node/read-csv-file.js";
import { TEXT_KEYS } from "../../score/dataset.js";
import { score } from "../../score/score.js";
import { type Io, UsageError } from "../context.js";
import { printable, textTable } from "../format.js";
import { loadData, loadModel } from "../load.js";
import { disparityPanelCommand } from "./disparity-panel.js";

export const disparityHelp = `Usage: indicatrix disparity <model> <data.csv> [--by LEVEL] [--node N] [--profile P] [--ddof 0|1]
                            [--weights COLUMN] [--period COLUMN [--state COLUMN] [--basis B] [--points N]]
                            [--format text|json]

How unequal the scores are between units, and how much of it lies between groups: the Gini coefficient
with its Dagum decomposition (within groups, net between groups, transvariation), Theil's T and L with
their within/between split, the coefficient of variation and the max/min ratio. Units without a score
or without a group are left out and listed.

  --by LEVEL         the groups: a level of the unit hierarchy (district, street: each unit's ancestor at
                     that level), parent, or a column of the data (its values as labels; default: no groups)
  --node N           node whose scores are compared (default: the root)
  --profile P        profile to apply (default: the model's first)
  --ddof 0|1         standard deviation of the coefficient of variation: 1 sample (default), 0 population
  --weights COLUMN   weight Theil's T and L and the CV by a column such as population (the Gini stays
                     unweighted); default: every unit counts once
  --period COLUMN    the data are a panel (one row per unit and period): score it with the panel
                     engine and give one decomposition per period, and each period's kernel density on
                     one grid with one bandwidth from the pooled scores (the change of the distribution)
  --state COLUMN     with --period: a column naming each unit-period's profile
  --basis B          with --period: normalization bounds pooled (default), period or reference:P
  --points N         with --period: grid points of the density curves in the JSON (default 512)
  --format text|json text (default): tables; json: one document with every group and pair`;

const f4 = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(4));
const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

export function disparityCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      by: { type: "string" },
      node: { type: "string" },
      profile: { type: "string" },
      ddof: { type: "string" },
      weights: { type: "string" },
      period: { type: "string" },
      state: { type: "string" },
      basis: { type: "string" },
      points: { type: "string" },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${disparityHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError("disparity needs a model file and a data file");
  const format = values.format as string;
  if (format !== "text" && format !== "json")
    throw new UsageError(`--format must be text or json, got "${format}"`);
  if (values.ddof !== undefined && values.ddof !== "0" && values.ddof !== "1")
    throw new UsageError(`--ddof must be 0 or 1, got "${values.ddof}"`);
  const model = loadModel(positionals[0] as string);
  if (values.period !== undefined)
    return disparityPanelCommand(
      model,
      positionals[1] as string,
      { ...values, period: values.period, format },
      io,
    );
  for (const flag of ["state", "basis", "points"] as const)
    if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --period`);
  const data = loadData(positionals[1] as string);
  const by = values.by;
  const isLevel = by !== undefined && (by === "parent" || (data.levels ?? []).includes(by));
  const column = by !== undefined && !isLevel && Object.hasOwn(data.values, by) ? data.values[by] : undefined;
  // A column with text (district names) is read again as text; a numeric one is kept by score().
  const isText =
    column !== undefined &&
    Array.from(column as ArrayLike<unknown>).some((v) => typeof v === "string" || v instanceof String);
  const result = score(model, data, {
    ...(values.profile ? { profile: values.profile } : {}),
    keep: [
      ...(by !== undefined && !isLevel && !isText ? [by] : []),
      ...(values.weights ? [values.weights] : []),
    ],
  });
  let groupBy: string | { labels: string[] } | undefined = by;
  if (isText) {
    const rows = readCsvFile(positionals[1] as string);
    const key = TEXT_KEYS.unit.find((k) => rows[0] !== undefined && Object.hasOwn(rows[0], k)) ?? "unit";
    const labelOf = new Map(rows.map((r) => [String(r[key] ?? ""), String(r[by as string] ?? "").trim()]));
    groupBy = { labels: result.units.map((u) => labelOf.get(u) ?? "") };
  }
  const d = disparity(result, {
    ...(values.node ? { node: values.node } : {}),
    ...(groupBy !== undefined ? { by: groupBy } : {}),
    ...(values.ddof !== undefined ? { ddof: Number(values.ddof) as 0 | 1 } : {}),
    ...(values.weights ? { weights: values.weights } : {}),
  });
  for (const w of d.diagnostics) io.err(`${printable(`warning ${w.code}: ${w.message}`)}\n`);
  if (format === "json") {
    io.out(
      `${JSON.stringify(
        {
          profile: result.profile,
          node: d.node,
          by: by ?? null,
          units: d.units.length,
          mean: d.mean,
          gini: d.gini,
          dagum: d.dagum,
          theilT: d.theilT,
          theilL: d.theilL ?? null,
          cv: d.cv,
          ddof: values.weights ? null : values.ddof === undefined ? 1 : Number(values.ddof),
          weights: values.weights ?? null,
          maxMinRatio: d.maxMinRatio ?? null,
          groups: d.groupSummary,
          leftOut: d.leftOut,
          diagnostics: d.diagnostics,
        },
        (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
        2,
      )}\n`,
    );
    return 0;
  }
  const k = d.groupSummary.length;
  let text = `Disparity of "${d.node}" (profile ${result.profile}): ${d.units.length} units`;
  text += by === undefined ? "\n" : `, ${k} group${k === 1 ? "" : "s"} by ${by}\n`;
  text += `Gini ${f4(d.gini)}   Theil T ${f4(d.theilT.value)}   Theil L ${f4(d.theilL?.value)}   `;
  text += `CV ${f4(d.cv)} (${values.weights ? `weighted by ${values.weights}` : `ddof ${values.ddof ?? 1}`})   max/min ${f4(d.maxMinRatio)}\n`;
  if (d.by !== undefined) {
    const c = d.dagum.contributions;
    text += `\nDagum decomposition of the Gini:\n`;
    text += textTable(
      ["part", "value", "share"],
      [
        ["within groups", f4(d.dagum.within), pct(c.within)],
        ["net between groups", f4(d.dagum.netBetween), pct(c.netBetween)],
        ["transvariation", f4(d.dagum.transvariation), pct(c.transvariation)],
      ],
    );
    text += `\nTheil decomposition:\n`;
    const rows: string[][] = [];
    for (const t of [d.theilT, d.theilL]) {
      if (!t) continue;
      rows.push([
        `Theil ${t.index}`,
        f4(t.within),
        pct(t.contributions!.within),
        f4(t.between),
        pct(t.contributions!.between),
      ]);
    }
    text += textTable(["index", "within", "share", "between", "share"], rows);
    const gini = new Map(d.dagum.groups.map((g) => [g.group, g.gini]));
    text += `\nGroups (by mean, ascending):\n`;
    text += textTable(
      ["group", "name", "units", "mean", "min", "max", "Gini within"],
      [...d.groupSummary]
        .sort((a, b) => a.mean - b.mean)
        .map((g) => [
          g.group,
          g.name ?? "",
          String(g.n),
          f4(g.mean),
          f4(g.min),
          f4(g.max),
          f4(gini.get(g.group)),
        ]),
    );
    if (d.dagum.pairs.length > 0) {
      text += `\nPairs (higher mean first): Gini between, relative affluence D, share of the Gini\n`;
      text += textTable(
        ["higher", "lower", "G_gh", "D_gh", "share"],
        d.dagum.pairs.map((p) => [p.high, p.low, f4(p.gini), f4(p.relativeAffluence), pct(p.share)]),
      );
    }
  }
  if (d.leftOut.length > 0)
    text += `\nLeft out: ${d.leftOut.map((l) => `${l.unit} (${l.reason})`).join(", ")}\n`;
  io.out(text);
  return 0;
}
