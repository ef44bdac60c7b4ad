import { parseArgs } from "node:util";
import { readCsvFile } from "../../node/read-csv-file.js";
import { isWorkbookFile } from "../../node/read-xlsx.js";
import { report } from "../../report/report.js";
import { type Io, UsageError } from "../context.js";
import { DATA_OPTIONS, dataHelp } from "../data-options.js";
import { printable } from "../format.js";
import { loadData, loadModel } from "../load.js";
import { checkOut, writeOut } from "../output.js";

export const reportHelp = `Usage: indicatrix report <model> <data.csv> [--profile P | --profiles P1,P2,...] [--unit U] [--out report.html]
       [--period COLUMN [--state COLUMN]]

Writes one self-contained HTML page (inline CSS and SVG, no network access): the indicator framework
with its weights and AHP consistency, the ranking with each dimension's contribution, the roll-up to
streets and districts, one unit in detail (strengths, weaknesses, obstacle degrees), the first two
profiles compared, and the indicator correlations. With --period (a panel: one row per unit and period)
the sections show the last period, scored on the pooled basis, and a time view follows them: a line chart
per node for the unit and the district averages, and the biggest improvers and decliners.

  --profile P              show one profile
  --profiles P1,P2,...     show these profiles, in order (default: every profile that scores)
  --unit U                 the unit to profile in detail (default: the top unit)
  --title TEXT             page title (default: the model's name)
  --language zh|en         language of names and labels (default: the model's)
  --top N                  units in the ranking chart (default 30)
  --no-correlations        leave out the correlation heatmap
  --period COLUMN          the data are a panel with this period column (e.g. year): add the time view
  --state COLUMN           with --period: a column naming each unit-period's profile, for the time view
  --out FILE               write to FILE (atomically) instead of stdout
${dataHelp(27)}`;

export function reportCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      profiles: { type: "string" },
      unit: { type: "string" },
      title: { type: "string" },
      language: { type: "string" },
      top: { type: "string" },
      "no-correlations": { type: "boolean", default: false },
      period: { type: "string" },
      state: { type: "string" },
      out: { type: "string", short: "o" },
      ...DATA_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${reportHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2)
    throw new UsageError(`report needs a model file and a data file, got ${positionals.length} argument(s)`);
  if (values.profile !== undefined && values.profiles !== undefined)
    throw new UsageError("give either --profile or --profiles, not both");
  const profiles =
    values.profile !== undefined
      ? [values.profile]
      : values.profiles
          ?.split(",")
          .map((p) => p.trim())
          .filter((p) => p.length > 0);
  if (profiles !== undefined && profiles.length === 0)
    throw new UsageError("--profiles needs at least one name");
  const language = values.language;
  if (language !== undefined && language !== "zh" && language !== "en")
    throw new UsageError(`--language must be zh or en, got "${language}"`);
  let top: number | undefined;
  if (values.top !== undefined) {
    top = Number(values.top);
    if (!Number.isInteger(top) || top < 1)
      throw new UsageError(`--top must be a positive integer, got "${values.top}"`);
  }
  const [modelPath, dataPath] = positionals as [string, string];
  checkOut(values.out, positionals);
  const model = loadModel(modelPath);
  if (values.state !== undefined && values.period === undefined)
    throw new UsageError("--state is for panels: give --period COLUMN");
  if (values.period !== undefined && isWorkbookFile(dataPath))
    throw new UsageError("--period reads a CSV file (save the sheet as CSV)");
  const data = values.period !== undefined ? readCsvFile(dataPath) : loadData(dataPath, model, values, io);
  const html = report(model, data, {
    ...(profiles ? { profiles } : {}),
    ...(values.unit !== undefined ? { unit: values.unit } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(language !== undefined ? { language } : {}),
    ...(top !== undefined ? { top } : {}),
    correlations: !values["no-correlations"],
    ...(values.period !== undefined ? { period: values.period } : {}),
    ...(values.state !== undefined ? { state: values.state } : {}),
  });
  if (writeOut(values.out, [html], positionals, io))
    io.err(`wrote ${printable(values.out ?? "")} (${Math.round(Buffer.byteLength(html) / 1024)} KiB)\n`);
  return 0;
}
