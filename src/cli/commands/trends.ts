import { parseArgs } from "node:util";
import { readCsvFile } from "../../node/read-csv-file.js";
import { type PanelWeights, scorePanel } from "../../panel/score-panel.js";
import { TREND_METHODS, type TrendMethod } from "../../panel/trends.js";
import { type Io, UsageError } from "../context.js";
import { CSV_OPTIONS, csvHelp, csvOptions, withPrefix } from "../csv-options.js";
import { csvChunks, printable } from "../format.js";
import { jsonChunks } from "../json-chunks.js";
import { loadModel } from "../load.js";
import { checkOut, writeOut } from "../output.js";
import { panelBasisOption } from "./score.js";

export const trendsHelp = `Usage: indicatrix trends <model> <data.csv> --period COLUMN [--method cagr|change|percent|slope|prc-change]
       [--nodes a,b,...] [--profile P] [--state COLUMN] [--basis pooled|period|reference:P] [--weights pooled|period|reference:P]
       [--out file] [--format csv|json]

Scores a panel (one row per unit and period) and writes, per unit and node, the trend of its scores over
the periods: the metric of --method as value, then every metric. Missing periods are dropped; the first and
last observed periods give change, percent change and CAGR (as COINr's get_trends: 0 when they are equal,
empty with fewer than 2 observations, empty with a zero_base warning where COINr gives Inf); all
observations give the OLS slope per period and COINr's prc_change. Scores are aligned with the direction
(higher is better), so a positive trend is an improvement.

  --period COLUMN    the period column (default: the first of period, year, Time)
  --method M         the metric written as value (default cagr)
  --nodes LIST       comma-separated node ids (default: every node of the tree)
  --profile P        profile to apply (default: the model's first)
  --state COLUMN     a column naming each unit-period's profile (empty: --profile, else the model's first)
  --basis B          normalization bounds: pooled (default), period or reference:P
  --weights W        rows of data-driven weights: pooled (default), period or reference:P
  --out FILE         write to FILE (atomically) instead of stdout
  --format csv|json  csv (default): one row per unit and node; json: one document with the provenance
${csvHelp(21)}`;

const COLUMNS = [
  "unit",
  "node",
  "value",
  "change",
  "perPeriod",
  "percent",
  "cagr",
  "slope",
  "prcChange",
  "n",
  "available",
  "first",
  "last",
] as const;

export function trendsCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      period: { type: "string" },
      method: { type: "string", default: "cagr" },
      nodes: { type: "string" },
      profile: { type: "string" },
      state: { type: "string" },
      basis: { type: "string" },
      weights: { type: "string" },
      out: { type: "string" },
      format: { type: "string", default: "csv" },
      ...CSV_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${trendsHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError("trends needs a model file and a data file");
  const method = values.method as string;
  if (!(TREND_METHODS as readonly string[]).includes(method))
    throw new UsageError(`--method must be one of ${TREND_METHODS.join(", ")}, got "${method}"`);
  const format = values.format as string;
  if (!["csv", "json"].includes(format))
    throw new UsageError(`--format must be csv or json, got "${format}"`);
  const csv = csvOptions(values);
  checkOut(values.out, positionals);
  const model = loadModel(positionals[0] as string);
  const data = readCsvFile(positionals[1] as string);
  const basis = panelBasisOption(values.basis, "--basis");
  const weights = panelBasisOption(values.weights, "--weights") as PanelWeights | undefined;
  const panel = scorePanel(model, data, {
    ...(values.period !== undefined ? { period: values.period } : {}),
    ...(values.state !== undefined
      ? { profile: { column: values.state, ...(values.profile ? { default: values.profile } : {}) } }
      : values.profile
        ? { profile: values.profile }
        : {}),
    ...(basis !== undefined ? { basis } : {}),
    ...(weights !== undefined ? { weights } : {}),
  });
  const nodes = values.nodes
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const t = panel.trends({ method: method as TrendMethod, ...(nodes ? { nodes } : {}) });
  const rowAt = (k: number): Record<string, string | number | null> => {
    const r = t.rows[k] as (typeof t.rows)[number];
    return { ...r, first: r.first ?? null, last: r.last ?? null };
  };
  const chunks =
    format === "csv"
      ? withPrefix(csv.bom, csvChunks([...COLUMNS], t.rows.length, rowAt, csv.style))
      : jsonChunks(
          {
            model: model.id,
            periods: panel.periods,
            provenance: { panel: panel.provenance, trends: t.provenance },
            diagnostics: t.diagnostics,
          },
          "trends",
          t.rows.length,
          rowAt,
          (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
        );
  writeOut(values.out, chunks, positionals, io);
  for (const d of [...panel.diagnostics, ...t.diagnostics])
    io.err(`${d.severity}: ${d.code} at ${printable(d.where)}: ${printable(d.message)}\n`);
  return 0;
}
