import { parseArgs } from "node:util";
import { resolveWeights } from "../../score/resolve-weights.js";
import { SQL_DIALECTS, type SqlDialectName } from "../../sql/dialect.js";
import { toSQL } from "../../sql/to-sql.js";
import { type Io, UsageError } from "../context.js";
import { DATA_CELL_OPTIONS, dataHelp } from "../data-options.js";
import { loadData, loadModel } from "../load.js";
import { panelBasisOption } from "./score.js";

export const sqlHelp = `Usage: indicatrix sql <model> [--profile P] [--dialect duckdb|postgres|spark|trino] [--source NAME]
                      [--unit-column C] [--parent-column C] [--weights-data file.csv]
                      [--period COLUMN [--basis pooled|period|reference:P] [--weights pooled|period|reference:P]]

Prints one SQL query that scores the model where the data live: it reads units x indicators from the
source and returns per unit the score and rank of every node and the coverage, as \`indicatrix score\`
(with --period, per unit and period, as \`indicatrix score --period\`).

  --profile P           profile to compile (default: the model's first)
  --dialect D           duckdb (default), postgres, spark or trino
  --source NAME         table name, or for duckdb a .csv or .parquet file path (default: units)
  --unit-column C       column of the unit ids (default: unit)
  --parent-column C     column of the parent unit ids: units that are parents are not scored
  --weights-data FILE   optional: compute data-driven weights (entropy, CRITIC...) on this CSV and
                        inline them as numbers; without it the query computes them on the data it scores;
                        --unit-column and --parent-column name its columns too
  --period COLUMN       the source is a panel (one row per unit and period): the query returns one row
                        per unit and period, with a period column after unit and ranks within the period
  --basis B             panel normalization bounds: pooled over every unit-period (default), period (each
                        period alone) or reference:P (the bounds of period P, applied to every period)
  --weights W           panel rows of data-driven weights (entropy...): pooled (default), period or reference:P
${dataHelp(24, true)}`;

/** `indicatrix sql`: prints the SQL that scores a model (see {@link toSQL}). */
export function sqlCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      dialect: { type: "string", default: "duckdb" },
      source: { type: "string", default: "units" },
      "unit-column": { type: "string" },
      "parent-column": { type: "string" },
      "weights-data": { type: "string" },
      period: { type: "string" },
      basis: { type: "string" },
      weights: { type: "string" },
      ...DATA_CELL_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${sqlHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("sql needs one model file");
  const dialect = values.dialect as string;
  if (!(SQL_DIALECTS as readonly string[]).includes(dialect))
    throw new UsageError(`--dialect must be one of ${SQL_DIALECTS.join(", ")}, got "${dialect}"`);
  if (values.period === undefined && (values.basis !== undefined || values.weights !== undefined))
    throw new UsageError("--basis and --weights are for panels: give --period COLUMN");
  const basis = panelBasisOption(values.basis, "--basis");
  const weightsBasis = panelBasisOption(values.weights, "--weights");
  const model = loadModel(positionals[0] as string);
  const weights =
    values["weights-data"] !== undefined
      ? resolveWeights(model, {
          ...(values.profile ? { profile: values.profile } : {}),
          data: loadData(values["weights-data"], model, values, io),
        })
      : undefined;
  const q = toSQL(model, {
    source: values.source as string,
    dialect: dialect as SqlDialectName,
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values["unit-column"] ? { unitColumn: values["unit-column"] } : {}),
    ...(values["parent-column"] ? { parentColumn: values["parent-column"] } : {}),
    ...(weights ? { weights } : {}),
    ...(values.period !== undefined ? { period: values.period } : {}),
    ...(basis !== undefined ? { basis } : {}),
    ...(weightsBasis !== undefined ? { weightsBasis } : {}),
  });
  io.out(`${q.sql};\n`);
  return 0;
}
