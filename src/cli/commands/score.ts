import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { gradeColumn, SCORE_FIXED_COLUMNS, vetoColumn } from "../../indicators/check/output-columns.js";
import { profileNames } from "../../indicators/profiles.js";
import type { Model } from "../../indicators/schema.js";
import { displayName } from "../../indicators/tree.js";
import { IndicatrixError } from "../../internal/errors.js";
import { readCsvFile } from "../../node/read-csv-file.js";
import { isWorkbookFile } from "../../node/read-xlsx.js";
import { guardSignals, writeChunksAtomic } from "../../node/write-file-atomic.js";
import type { PanelBasis } from "../../panel/basis-plan.js";
import { type PanelWeights, scorePanel } from "../../panel/score-panel.js";
import { activeIndicatorLevels, measuresAboveLowest } from "../../score/indicator-levels.js";
import { resolveProfile } from "../../score/resolve-profile.js";
import { type RollupResult, rollup } from "../../score/rollup.js";
import { type Result, score } from "../../score/score.js";
import { scoreLevels } from "../../score/score-levels.js";
import { profilesOfStates, scoreStates } from "../../score/score-states.js";
import { type Io, UsageError } from "../context.js";
import { CSV_OPTIONS, csvHelp, csvOptions, withPrefix } from "../csv-options.js";
import { DATA_OPTIONS, dataHelp } from "../data-options.js";
import { type CsvValue, csvChunks, csvChunksOf, printable } from "../format.js";
import { jsonChunks } from "../json-chunks.js";
import { loadData, loadModel } from "../load.js";
import { checkOut, writeOut } from "../output.js";
import { DEFAULT_TOP, outputFormat, scaleOption, TABLE_OPTIONS, tableHelp, topOption } from "../people.js";
import { levelScoreRows, type ScoreRows, stateScoreRows, withStateScores } from "../score-space.js";
import { scoreTable } from "../score-table.js";
import { scoreWorkbook } from "../score-workbook.js";
import { scoreColumnTypes, writeParquet } from "../write-parquet.js";

export const scoreHelp = `Usage: indicatrix score <model> <data.csv> [--profile P] [--out file] [--format table|csv|json] [--rollup mean|COLUMN]
       [--period COLUMN [--state COLUMN] [--basis pooled|period|reference:P] [--weights pooled|period|reference:P]]

Scores the units of a CSV file with a model. Every unit of the input appears in the output, in input order:
scored units with their score at every node of the tree, their ranks, and the grade at every graded node
(<id>_grade) and the vetoes that hold (<id>_veto); units with child units (streets, districts) with their
roll-up; units without a score with the reason.

A profile that measures indicators above the lowest of the model's levels (community < street <
district ...), or a model with inputs summed up the levels, scores every unit at its level (scoreLevels):
<id>_rank is the rank within the level, <id>_rank_in_parent among the units of the same parent, and
<root>_own / <root>_children the unit's own and children parts (roll-up by the profile's levels rules).
With --state COLUMN, a model with states scores every unit with its state's profile (scoreStates):
columns state, profile and <id>_rank_in_state; <id>_rank is the overall rank at the groups all the
profiles used share; units with child units roll up those scores (with levels: by the profiles'
levels rules; a state whose profile measures indicators above the lowest level is refused, score it
by level with --profile instead). Without --state, a model with states is scored with one profile.
Neither writes grades of roll-up units nor a workbook.

  --profile P        profile to apply (default: the model's first)
  --out FILE         write to FILE (atomically) instead of stdout; FILE.xlsx: a workbook with sheets
                     scores, ranking, weights, consistency (AHP) and roll-up; FILE.parquet: the
                     CSV table as Parquet, typed, through DuckDB (the optional @duckdb/node-api)
  --format F         table (default on a terminal): the units by rank with names, score, grade and
                     dimension scores, and the roll-up; csv (default when piped or with --out): one row
                     per unit; json: one document with weights and diagnostics
  --rollup WHAT      how units with child units are scored: mean, or a column to weight by
                     (default: population when the data have it, else mean)
  --period COLUMN    the data are a panel (one row per unit and period): score every period and write
                     one row per unit and period, with a period column after unit; ranks within the period
  --state COLUMN     a model with states: the column of each unit's state (default: state); panels: a
                     column naming each unit-period's profile (e.g. emergency in a typhoon year;
                     empty: --profile, else the model's first)
  --basis B          panel normalization bounds: pooled over every unit-period (default, comparable over
                     time), period (each period alone) or reference:P (the bounds of period P)
  --weights W        panel rows of data-driven weights (entropy...): pooled (default), period or reference:P
${tableHelp(21)}
  --digits N         round scores and coverage to N decimals (default: exact, round-trip)
${csvHelp(21)}
${dataHelp(21)}
  --engine memory|duckdb
                     memory (default): in this process; duckdb: compile the model to SQL and run it in
                     DuckDB (needs the optional @duckdb/node-api), for data larger than memory: the data
                     may be CSV or Parquet, --out is required and may end in .parquet or .csv; the output
                     has one row per scored unit (no roll-up rows)`;

/**
 * The columns of the score output and a function giving row k (every input unit, in input order):
 * scored units with their score at every node, the ranks of the groups, the grade at every graded
 * node (`<id>_grade`) and the vetoes that hold (`<id>_veto`), units with child units with their
 * roll-up (no grade: grades are counted per parent by `assess`), units without a score with the reason.
 * `cellsAt(k, cells)` writes the same row into an array aligned with the columns (no object per row:
 * what the CSV writer reads); `rowAt(k)` is that row as a record, with the columns the row has.
 * @throws IndicatrixError `column_collision` when a node id would overwrite another output column.
 */
export function scoreRows(
  result: Result,
  up: RollupResult,
): {
  columns: string[];
  count: number;
  rowAt: (k: number) => Record<string, string | number | null>;
  cellsAt: (k: number, cells: CsvValue[]) => void;
} {
  const nodes = [...result.resolved.nodes.values()];
  const groups = nodes.filter((n) => !n.indicator).map((n) => n.id);
  const graded = nodes.filter((n) => Object.hasOwn(result.grades, n.id)).map((n) => n.id);
  const vetoed = nodes.filter((n) => (n.rules?.veto?.length ?? 0) > 0).map((n) => n.id);
  const columns = [
    ...SCORE_FIXED_COLUMNS,
    ...nodes.map((n) => n.id),
    ...groups.map((g) => `${g}_rank`),
    ...graded.map(gradeColumn),
    ...vetoed.map(vetoColumn),
  ];
  const clashes = columns.filter((c, k) => columns.indexOf(c) !== k);
  if (clashes.length > 0)
    throw new IndicatrixError(
      "column_collision",
      `node id(s) ${clashes.map((c) => `"${c}"`).join(", ")} would overwrite another column of the score output (${SCORE_FIXED_COLUMNS.join(", ")}, or a group's <id>_rank); rename them`,
    );
  const scored = new Map(result.units.map((u, i) => [u, i]));
  const rolled = new Map(up.units.map((u, i) => [u, i]));
  const root = result.resolved.root;
  const h = result.hierarchy;
  // Column positions: the fixed columns, then the nodes, the ranks, the grades and the vetoes.
  const fixed = SCORE_FIXED_COLUMNS.length;
  const [UNIT, NAME, LEVEL, PARENT, STATUS, REASON, COVERAGE] = SCORE_FIXED_COLUMNS.map((c) =>
    columns.indexOf(c),
  ) as [number, number, number, number, number, number, number];
  const rankAt = fixed + nodes.length;
  const gradeAt = rankAt + groups.length;
  const vetoAt = gradeAt + graded.length;
  // The columns read once, on the first row (the lazily computed scores and ranks as the records read them).
  let read:
    | {
        scores: (Float64Array | undefined)[];
        ranks: (ArrayLike<number> | undefined)[];
        upScores: (Float64Array | undefined)[];
        upRanks: (ArrayLike<number> | undefined)[];
        rootScores: Float64Array | undefined;
        upRoot: Float64Array | undefined;
      }
    | undefined;
  const cellsAt = (k: number, cells: CsvValue[]): void => {
    read ??= {
      scores: nodes.map((n) => result.scores[n.id]),
      ranks: groups.map((g) => result.ranks[g]),
      upScores: nodes.map((n) => up.scores[n.id]),
      upRanks: groups.map((g) => up.ranks[g]),
      rootScores: result.scores[root],
      upRoot: up.scores[root],
    };
    const unit = h.units[k] as string;
    cells[UNIT] = unit;
    cells[NAME] = h.names[k] ?? null;
    cells[LEVEL] = h.levels[k] ?? null;
    cells[PARENT] = h.parents[k] ?? null;
    const i = scored.get(unit);
    const j = rolled.get(unit);
    if (i !== undefined) {
      const has = !Number.isNaN(read.rootScores?.[i]);
      cells[STATUS] = has ? "scored" : "missing";
      cells[REASON] = has ? null : (result.missing[unit] ?? "no score");
      cells[COVERAGE] = result.coverage[i] ?? null;
      for (let n = 0; n < nodes.length; n++) cells[fixed + n] = read.scores[n]?.[i] ?? Number.NaN;
      for (let g = 0; g < groups.length; g++) cells[rankAt + g] = read.ranks[g]?.[i] || null;
      for (const [q, id] of graded.entries()) {
        const g = result.grades[id]!;
        const c = g.grade[i]!;
        cells[gradeAt + q] = c < 0 ? null : (g.names[c] ?? null);
      }
      for (const [q, id] of vetoed.entries()) {
        const hits = result.rules[id]?.vetoes[i] ?? [];
        cells[vetoAt + q] = hits.length === 0 ? null : hits.map((v) => v.id).join(";");
      }
    } else if (j !== undefined) {
      const has = !Number.isNaN(read.upRoot?.[j]);
      cells[STATUS] = has ? "rollup" : "missing";
      cells[REASON] = up.reasons[j] ?? null;
      for (let n = 0; n < nodes.length; n++) cells[fixed + n] = read.upScores[n]?.[j] ?? Number.NaN;
      for (let g = 0; g < groups.length; g++) cells[rankAt + g] = read.upRanks[g]?.[j] || null;
    }
  };
  const rowAt = (k: number): Record<string, string | number | null> => {
    const cells = new Array<CsvValue>(columns.length).fill(undefined);
    cellsAt(k, cells);
    const row: Record<string, string | number | null> = {};
    for (const [c, col] of columns.entries()) {
      const v = cells[c];
      if (v !== undefined) row[col] = v;
    }
    return row;
  };
  return { columns, count: h.units.length, rowAt, cellsAt };
}

/** `--scale` and `--digits`: the factor of the score columns and the decimals kept, or nothing to change. */
function outputShape(
  scale: string | undefined,
  digits: string | undefined,
): { factor: number; digits: number | undefined } | undefined {
  scaleOption(scale, 1);
  const d = digits === undefined ? undefined : Number(digits);
  if (d !== undefined && (digits?.trim() === "" || !Number.isInteger(d) || d < 0 || d > 15))
    throw new UsageError(`--digits must be an integer from 0 to 15, got "${digits}"`);
  if (scale === undefined && d === undefined) return undefined;
  return { factor: scale === "100" ? 100 : 1, digits: d };
}

/** A score row with the node columns scaled and the node columns and coverage rounded. */
function shapeRow(
  row: Record<string, string | number | null>,
  nodeIds: readonly string[],
  shape: { factor: number; digits: number | undefined },
): Record<string, string | number | null> {
  const round = (v: number) => (shape.digits === undefined ? v : Number(v.toFixed(shape.digits)));
  const out = { ...row };
  for (const id of nodeIds) {
    const v = out[id];
    if (typeof v === "number" && Number.isFinite(v)) out[id] = round(v * shape.factor);
  }
  if (typeof out.coverage === "number") out.coverage = round(out.coverage);
  return out;
}

/**
 * {@link shapeRow} on the cells of a row (`scoreRows`' `cellsAt`), in place: the node columns start at
 * `first` (`count` of them), coverage is at `coverageAt`.
 */
function shapeCells(
  cells: CsvValue[],
  first: number,
  count: number,
  coverageAt: number,
  shape: { factor: number; digits: number | undefined },
): void {
  const round = (v: number) => (shape.digits === undefined ? v : Number(v.toFixed(shape.digits)));
  for (let j = first; j < first + count; j++) {
    const v = cells[j];
    if (typeof v === "number" && Number.isFinite(v)) cells[j] = round(v * shape.factor);
  }
  const c = cells[coverageAt];
  if (typeof c === "number") cells[coverageAt] = round(c);
}

export function rollupOption(value: string | undefined, result: Result): "mean" | { weight: string } {
  if (value === "mean") return "mean";
  if (value !== undefined) return { weight: value };
  return result.hierarchy.columns.population ? { weight: "population" } : "mean";
}

async function scoreWithDuckdb(
  modelPath: string,
  dataPath: string,
  out: string | undefined,
  profile: string | undefined,
  io: Io,
): Promise<number> {
  if (!out || out === "-")
    throw new UsageError("--engine duckdb writes a file: give --out scores.parquet (or .csv)");
  checkOut(out, [modelPath, dataPath]);
  // A glob (data/*.parquet) is DuckDB's to expand; a plain path must exist, or DuckDB's own error would
  // name its temporary file.
  if (!/[*?[]/.test(dataPath) && !existsSync(dataPath))
    throw new IndicatrixError("unreadable_file", `${dataPath}: no such file`, { path: [], where: dataPath });
  const model = loadModel(modelPath);
  const { scoreSQLToFile } = await import("../../duckdb.js");
  const r = await scoreSQLToFile(model, dataPath, out, profile ? { profile } : {});
  io.err(`scored ${r.rows} units in DuckDB; wrote ${printable(out)}\n`);
  return 0;
}

export async function scoreCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      rollup: { type: "string" },
      engine: { type: "string", default: "memory" },
      period: { type: "string" },
      state: { type: "string" },
      basis: { type: "string" },
      weights: { type: "string" },
      ...TABLE_OPTIONS,
      digits: { type: "string" },
      ...CSV_OPTIONS,
      ...DATA_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${scoreHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError("score needs a model file and a data file");
  const csv = csvOptions(values);
  if (values.engine === "duckdb" && (values.bom || values["csv-safe"] || values["no-csv-safe"]))
    throw new UsageError("--bom and --csv-safe are for --engine memory");
  if (values.engine === "duckdb" && values.format !== undefined && values.format !== "csv")
    throw new UsageError(
      `--engine duckdb writes the file named by --out (.parquet or .csv); --format ${values.format} is for --engine memory`,
    );
  if (
    values.engine === "duckdb" &&
    (values.scale !== undefined || values.digits !== undefined || values.top !== undefined)
  )
    throw new UsageError("--scale, --digits and --top are for --engine memory");
  if (values.engine === "duckdb" && values.rollup !== undefined)
    throw new UsageError(
      "--rollup is for --engine memory: the DuckDB engine writes unit scores without roll-up",
    );
  if (values.period === undefined && (values.basis !== undefined || values.weights !== undefined))
    throw new UsageError("--basis and --weights are for panels: give --period COLUMN");
  if (values.engine === "duckdb" && values.period !== undefined)
    throw new UsageError("--period is for --engine memory");
  if (values.engine === "duckdb") {
    // DuckDB reads the file itself: the reader's options would be silently ignored.
    const given = Object.keys(DATA_OPTIONS).filter(
      (k) => values[k as keyof typeof DATA_OPTIONS] !== undefined,
    );
    if (given.length > 0)
      throw new UsageError(
        `${given.map((k) => `--${k}`).join(", ")}: the data options are for --engine memory (DuckDB reads the file with its own rules)`,
      );
  }
  if (values.engine === "duckdb")
    return scoreWithDuckdb(
      positionals[0] as string,
      positionals[1] as string,
      values.out,
      values.profile,
      io,
    );
  if (values.engine !== "memory")
    throw new UsageError(`--engine must be memory or duckdb, got "${values.engine}"`);
  const format = outputFormat(values.format, ["table", "csv", "json"], io, values.out, "csv");
  if (format === "table" && values.out !== undefined && /\.xlsx$/i.test(values.out))
    throw new UsageError("--format table is for the terminal; --out FILE.xlsx writes a workbook");
  const top = topOption(values.top, DEFAULT_TOP);
  const shape = outputShape(values.scale, values.digits);
  checkOut(values.out, positionals);
  const model = loadModel(positionals[0] as string);
  if (values.period !== undefined) {
    if (format === "table")
      throw new UsageError("--format table is not yet for panels (--period): give --format csv or json");
    return scorePanelCommand(model, positionals, { ...values, format }, csv, shape, io);
  }
  const data = loadData(positionals[1] as string, model, values, io);
  const byState = model.states !== undefined && values.state !== undefined;
  if (byState && values.profile !== undefined)
    throw new UsageError(
      `--profile ${values.profile} with --state: each unit is scored with its state's profile (a unit without a state with the model's first); drop --profile, or drop --state to score every unit with ${values.profile}`,
    );
  if (byState || usesLevels(model, values.profile)) {
    if (values.format === "table")
      throw new UsageError(
        "--format table is not yet for models with levels or states: give --format csv or json",
      );
    return scoreSpaceCommand(model, data, positionals, values, csv, shape, io);
  }
  if (values.state !== undefined)
    throw new UsageError(
      "--state names the column of the units' states for a model with `states`, or of each unit-period's profile with --period",
    );
  const keep = values.rollup && values.rollup !== "mean" ? [values.rollup] : [];
  const result = score(model, data, { ...(values.profile ? { profile: values.profile } : {}), keep });
  const up = rollup(result, { by: rollupOption(values.rollup, result) });
  const rows = scoreRows(result, up);
  const { columns, count } = rows;
  const nodeIds = [...result.resolved.nodes.keys()];
  const rowAt = shape ? (k: number) => shapeRow(rows.rowAt(k), nodeIds, shape) : rows.rowAt;
  const coverageAt = columns.indexOf("coverage");
  const cellsAt = shape
    ? (k: number, cells: CsvValue[]) => {
        rows.cellsAt(k, cells);
        shapeCells(cells, SCORE_FIXED_COLUMNS.length, nodeIds.length, coverageAt, shape);
      }
    : rows.cellsAt;
  if (values.out !== undefined && /\.parquet$/i.test(values.out)) {
    if (format !== "csv" || csv.bom)
      throw new UsageError("--out FILE.parquet writes Parquet: --format and --bom do not apply");
    guardSignals();
    const n = await writeParquet(
      values.out,
      scoreColumnTypes(columns, nodeIds),
      csvChunksOf(columns, count, cellsAt),
    );
    io.err(`wrote ${n} rows to ${printable(values.out)}\n`);
    for (const d of result.diagnostics)
      io.err(`${d.severity}: ${d.code} at ${printable(d.where)}: ${printable(d.message)}\n`);
    return 0;
  }
  let chunks: Iterable<string>;
  if (values.out !== undefined && /\.xlsx$/i.test(values.out)) {
    guardSignals();
    writeChunksAtomic(values.out, [
      scoreWorkbook(model, result, up, { columns, count, rowAt }, shape?.factor ?? 1),
    ]);
    io.err(`wrote ${printable(values.out)}\n`);
    chunks = [];
  } else if (format === "table")
    chunks = [scoreTable(model, result, up, scaleOption(values.scale, 100), top)];
  else if (format === "csv") chunks = withPrefix(csv.bom, csvChunksOf(columns, count, cellsAt, csv.style));
  else {
    const names = Object.fromEntries(
      [...result.resolved.nodes.values()].map((n) => [n.id, displayName(n.node, model.language)]),
    );
    chunks = jsonChunks(
      {
        model: model.id,
        profile: result.profile,
        names,
        weights: result.weights,
        consistency: result.consistency,
        provenance: result.provenance,
        diagnostics: result.diagnostics,
      },
      "units",
      count,
      rowAt,
      (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
    );
  }
  if (!(values.out !== undefined && /\.xlsx$/i.test(values.out)))
    writeOut(values.out, chunks, positionals, io);
  for (const d of result.diagnostics)
    io.err(`${d.severity}: ${d.code} at ${printable(d.where)}: ${printable(d.message)}\n`);
  return 0;
}

/**
 * `score` for a model with levels or states (DOMAIN C7): with levels, every unit scored at its level by
 * `scoreLevels` (level, ranks within level and parent, own and children parts of the root); with states
 * and `--state`, every unit scored with its state's profile by `scoreStates` (state, profile, ranks
 * overall and within the state; units with child units rolled up from those scores, by the levels rules
 * when the model has levels: `stateLevelsRollup`). CSV or JSON; not a workbook.
 */
function scoreSpaceCommand(
  model: Model,
  data: ReturnType<typeof loadData>,
  positionals: readonly string[],
  values: {
    profile?: string | undefined;
    rollup?: string | undefined;
    state?: string | undefined;
    format?: string | undefined;
    out?: string | undefined;
  },
  csv: ReturnType<typeof csvOptions>,
  shape: ReturnType<typeof outputShape>,
  io: Io,
): number {
  // --state picks the states path; without it a model with states is scored by level with one profile.
  const levels = !(model.states !== undefined && values.state !== undefined);
  if (values.out !== undefined && /\.xlsx$/i.test(values.out))
    throw new UsageError(
      `--out ${values.out}: a model with ${levels ? "levels" : "states"} is written as CSV or JSON`,
    );
  let rows: ScoreRows;
  let header: Record<string, unknown>;
  let diagnostics: Result["diagnostics"];
  let shaped: string[];
  if (levels) {
    if (values.rollup !== undefined)
      throw new UsageError(
        "--rollup: a model with levels rolls up by the profile's `levels` rules (rollup: mean or { weight: COLUMN })",
      );
    if (values.state !== undefined) throw new UsageError("--state is for a model with `states`");
    const r = scoreLevels(model, data, values.profile ? { profile: values.profile } : {});
    rows = levelScoreRows(r, data);
    shaped = [
      ...rows.columns.slice(SCORE_FIXED_COLUMNS.length).filter((c) => !/_rank(_in_parent)?$/.test(c)),
    ];
    diagnostics = r.lowest?.diagnostics ?? [];
    header = {
      model: model.id,
      profile: r.profile,
      levels: r.levels,
      rules: r.rules,
      indicatorLevels: r.indicatorLevels,
      rollup: r.rollup,
      weights: r.lowest?.weights,
      provenance: r.lowest?.provenance,
      diagnostics,
    };
  } else {
    const { states, header: column } = readStates(positionals[1] as string, data, values.state);
    // A model with levels: the units above the lowest roll up by the levels rules of the profiles used.
    const byRules =
      (model.levels?.length ?? 0) > 0 ? stateLevelsRollup(model, states, values.rollup) : undefined;
    const keep =
      byRules !== undefined
        ? typeof byRules === "object"
          ? [byRules.weight]
          : []
        : values.rollup && values.rollup !== "mean"
          ? [values.rollup]
          : [];
    // The state column is text, read apart: not a data column the model leaves unused.
    const numeric = Object.fromEntries(Object.entries(data.values).filter(([c]) => c !== column));
    const st = scoreStates(model, { ...data, values: numeric }, { states, keep });
    const first = Object.values(st.results)[0] as Result;
    const merged = withStateScores(first, st);
    const up = rollup(merged, { by: byRules ?? rollupOption(values.rollup, first) });
    const perProfile = Object.fromEntries(
      Object.entries(st.results).map(([p, res]) => [p, scoreRows(res, up)]),
    );
    rows = stateScoreRows(st, perProfile, first);
    shaped = [...new Set(Object.values(st.results).flatMap((res) => [...res.resolved.nodes.keys()]))];
    // Each profile ran on all the units: a data diagnostic comes once per profile, and is shown once.
    const byText = new Map(
      Object.values(st.results)
        .flatMap((res) => res.diagnostics)
        .map((d) => [`${d.code}\u0000${d.where}\u0000${d.message}`, d]),
    );
    diagnostics = [...byText.values()];
    header = {
      model: model.id,
      profiles: Object.keys(st.results),
      states: model.states,
      shared: st.shared,
      ...(byRules !== undefined ? { levels: (model.levels ?? []).map((l) => l.id), rollup: byRules } : {}),
      weights: Object.fromEntries(Object.entries(st.results).map(([p, res]) => [p, res.weights])),
      diagnostics,
    };
  }
  const { columns, count } = rows;
  const rowAt = shape ? (k: number) => shapeRow(rows.rowAt(k), shaped, shape) : rows.rowAt;
  const chunks =
    values.format === "json"
      ? jsonChunks(header, "units", count, rowAt, (_k, v) =>
          typeof v === "number" && !Number.isFinite(v) ? null : v,
        )
      : withPrefix(csv.bom, csvChunks(columns, count, rowAt, csv.style));
  writeOut(values.out, chunks, positionals, io);
  for (const d of diagnostics)
    io.err(`${d.severity}: ${d.code} at ${printable(d.where)}: ${printable(d.message)}\n`);
  return 0;
}

/**
 * Each unit's state from the data file's state column (`--state COLUMN`, default `state`), by row:
 * text, so read apart from the numeric columns. A CSV file only; without the column (and no `--state`)
 * every unit takes the model's first profile.
 */
function readStates(
  path: string,
  data: ReturnType<typeof loadData>,
  column: string | undefined,
): { states: Record<string, string | undefined>; header: string | undefined } {
  if (isWorkbookFile(path))
    throw new UsageError(
      "a model with `states` reads the units' states from a CSV file; convert the workbook",
    );
  const rows = readCsvFile(path);
  const name = column ?? "state";
  const header = Object.keys(rows[0] ?? {}).find((h) => h.trim() === name);
  if (header === undefined) {
    if (column !== undefined) throw new UsageError(`--state ${column}: the data have no column "${column}"`);
    return { states: {}, header };
  }
  if (rows.length !== data.units.length)
    throw new UsageError(`${path}: ${rows.length} rows read as text but ${data.units.length} units`);
  const out: Record<string, string | undefined> = {};
  for (const [i, u] of data.units.entries()) {
    const v = rows[i]?.[header]?.trim();
    Object.defineProperty(out, u, {
      value: v === "" ? undefined : v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { states: out, header };
}

/**
 * Whether `score` scores by level (scoreLevels): the profile measures an indicator above the lowest
 * level, or the model sums inputs up the levels (`measuresAboveLowest`). A model with levels whose
 * profile uses only the lowest level's indicators (the governance template's design profiles) is
 * scored as every other model, with the roll-up (the same numbers, plus grades and the workbook).
 */
function usesLevels(model: Model, profile: string | undefined): boolean {
  return (model.levels?.length ?? 0) > 0 && measuresAboveLowest(model, resolveProfile(model, profile));
}

/**
 * How `score --state` rolls up a model with levels: by the `levels` rules of the profiles the units'
 * states select (and the model's first, for units without a state). Scoring each unit with its state's
 * profile is the level model when no profile used measures anything above the lowest level: then every
 * unit above is a pure roll-up of its child units' scores (`scoreLevels` with own parts absent equals
 * `rollup`), by the rules' roll-up, which must be the same for every level and profile.
 * @throws IndicatrixError `invalid_option` when a profile used measures indicators above the lowest
 *   level or the model sums inputs up the levels (a unit-level score with a profile per unit is not
 *   computed), or when the rules roll up differently; UsageError for `--rollup` (the rules set it).
 */
function stateLevelsRollup(
  model: Model,
  states: Readonly<Record<string, string | undefined>>,
  flag: string | undefined,
): "mean" | { weight: string } {
  if (flag !== undefined)
    throw new UsageError(
      "--rollup: a model with levels rolls up by the profiles' `levels` rules (rollup: mean or { weight: COLUMN })",
    );
  const levels = (model.levels ?? []).map((l) => l.id);
  const byProfile = profilesOfStates(model, states);
  const first = profileNames(model)[0] as string;
  const used = [...new Set([first, ...Object.values(byProfile)])];
  const stateOf = (p: string): string => {
    const named = Object.entries(model.states ?? {})
      .filter(([, q]) => q === p)
      .map(([k]) => `"${k}"`);
    return named.length > 0 ? `state ${named.join(", ")} selects` : "units without a state take";
  };
  const rollups = new Map<string, { by: "mean" | { weight: string }; at: string[] }>();
  for (const p of used) {
    const resolved = resolveProfile(model, p);
    if (measuresAboveLowest(model, resolved)) {
      const lv = activeIndicatorLevels(model, resolved);
      const above = Object.entries(lv).filter(([, l]) => l !== levels[0]);
      const what =
        above.length > 0
          ? `measures indicators above the lowest level (${above
              .slice(0, 3)
              .map(([id, l]) => `${id} at ${l}`)
              .join(", ")}${above.length > 3 ? ", ..." : ""})`
          : 'is scored with inputs summed up the levels (rollup: "sum")';
      throw new IndicatrixError(
        "invalid_option",
        `score --state: ${stateOf(p)} profile "${p}", which ${what}; scoring each unit at its level with its own state's profile is not supported. Score by level with one profile (--profile ${p}, without --state), or map the states to profiles measured on the lowest level only`,
        { path: "states" },
      );
    }
    for (const l of levels.slice(1)) {
      const rule = resolved.levels?.[l];
      const by = rule?.rollup ?? "mean";
      const key = JSON.stringify(by);
      const entry = rollups.get(key) ?? { by, at: [] };
      entry.at.push(`${p} at ${l}`);
      rollups.set(key, entry);
    }
  }
  const found = [...rollups.values()];
  if (found.length > 1)
    throw new IndicatrixError(
      "invalid_option",
      `score --state: the profiles used roll up differently (${found
        .map(
          (f) =>
            `${typeof f.by === "object" ? `by ${f.by.weight}` : "by the mean"}: ${f.at.slice(0, 3).join(", ")}${f.at.length > 3 ? ", ..." : ""}`,
        )
        .join("; ")}); give their levels rules the same rollup`,
      { path: "profiles" },
    );
  return found[0]?.by ?? "mean";
}

/** `--basis` / `--weights` text: pooled, period or reference:P. */
export function panelBasisOption(text: string | undefined, flag: string): PanelBasis | undefined {
  if (text === undefined || text === "pooled" || text === "period") return text;
  const m = /^reference:(.+)$/.exec(text);
  if (m) return { reference: (m[1] as string).trim() };
  throw new UsageError(`${flag} must be pooled, period or reference:PERIOD, got "${text}"`);
}

/** `score --period`: every period scored by `scorePanel`, one row per unit and period, with roll-up per period. */
function scorePanelCommand(
  model: Model,
  positionals: readonly string[],
  values: {
    profile?: string | undefined;
    rollup?: string | undefined;
    period?: string | undefined;
    state?: string | undefined;
    basis?: string | undefined;
    weights?: string | undefined;
    format?: string | undefined;
    out?: string | undefined;
  },
  csv: ReturnType<typeof csvOptions>,
  shape: ReturnType<typeof outputShape>,
  io: Io,
): number {
  const data = readCsvFile(positionals[1] as string);
  const keep = values.rollup && values.rollup !== "mean" ? [values.rollup] : [];
  const basis = panelBasisOption(values.basis, "--basis");
  const weights = panelBasisOption(values.weights, "--weights") as PanelWeights | undefined;
  const panel = scorePanel(model, data, {
    period: values.period as string,
    ...(values.state !== undefined
      ? { profile: { column: values.state, ...(values.profile ? { default: values.profile } : {}) } }
      : values.profile
        ? { profile: values.profile }
        : {}),
    ...(basis !== undefined ? { basis } : {}),
    ...(weights !== undefined ? { weights } : {}),
    keep,
  });
  const parts = panel.periods.map((p) => {
    const result = panel.at(p);
    return { period: p, ...scoreRows(result, rollup(result, { by: rollupOption(values.rollup, result) })) };
  });
  const first = parts[0] as (typeof parts)[number];
  if (first.columns.includes("period"))
    throw new IndicatrixError(
      "column_collision",
      'a node id "period" would overwrite the period column of the panel output; rename it',
    );
  const columns = ["unit", "period", ...first.columns.slice(1)];
  const nodeIds = [...panel.at(first.period).resolved.nodes.keys()];
  const offsets: number[] = [];
  let count = 0;
  for (const part of parts) {
    offsets.push(count);
    count += part.count;
  }
  const rowAt = (k: number): Record<string, string | number | null> => {
    let q = parts.length - 1;
    while (offsets[q]! > k) q--;
    const part = parts[q] as (typeof parts)[number];
    const raw = part.rowAt(k - offsets[q]!);
    const { unit, ...rest } = shape ? shapeRow(raw, nodeIds, shape) : raw;
    return { unit: unit ?? null, period: part.period, ...rest };
  };
  let chunks: Iterable<string>;
  if (values.format === "csv") chunks = withPrefix(csv.bom, csvChunks(columns, count, rowAt, csv.style));
  else
    chunks = jsonChunks(
      {
        model: model.id,
        periods: panel.periods,
        absent: panel.absent,
        provenance: panel.provenance,
        weights: Object.fromEntries(panel.periods.map((p) => [p, panel.at(p).weights])),
        diagnostics: panel.diagnostics,
      },
      "units",
      count,
      rowAt,
      (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
    );
  writeOut(values.out, chunks, positionals, io);
  for (const d of panel.diagnostics)
    io.err(`${d.severity}: ${d.code} at ${printable(d.where)}: ${printable(d.message)}\n`);
  return 0;
}
