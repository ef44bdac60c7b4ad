import { parseArgs } from "node:util";
import { structureChecks } from "../../analysis/structure-checks.js";
import { type UncertaintyOptions, uncertaintyAnalysis } from "../../analysis/uncertainty.js";
import { parseModel } from "../../indicators/parse-model.js";
import { MAX_RUNS } from "../../internal/limits.js";
import type { AggregateSpec, NormalizeSpec } from "../../internal/specs.js";
import { readCsvFile } from "../../node/read-csv-file.js";
import { readModelFile } from "../../node/read-model-file.js";
import { isWorkbookFile } from "../../node/read-xlsx.js";
import { type PanelUncertaintyResult, uncertaintyPanel } from "../../panel/uncertainty-panel.js";
import { type Io, UsageError } from "../context.js";
import { DATA_OPTIONS, dataHelp } from "../data-options.js";
import { printable, textTable } from "../format.js";
import { loadData } from "../load.js";
import { DEFAULT_TOP, moreRows, topOption } from "../people.js";

export const analyzeHelp = `Usage: indicatrix analyze <model> <data.csv> [--profile P] [--runs N] [--seed S] [--format table|json]
                          [--top N] [--noise X] [--ahp] [--normalization A,B] [--aggregation A,B] [--leave-one-out]
                          [--period COLUMN] [--threads N]

Uncertainty and sensitivity analysis of the ranking: Monte Carlo runs that perturb the weights (and,
on request, AHP judgments, the normalization, the aggregation, or leave one indicator out), with the
rank of every unit over the runs (median and 5-95% interval), sensitivity indices per factor, and
structure checks (near-duplicate indicators, indicators against their dimension, Cronbach's alpha).
Before the runs every normalization x aggregation combination is tried once; one that cannot run is
adapted, with a note (below the table; on stderr with json): zeros under a geometric mean are raised to the floor 0.001, values a
method cannot take (negative z-scores under a geometric mean or entropy weights) are shifted by the
smallest integer above |min|; one that still fails is left out.

  --profile P            profile to analyse (default: the model's first)
  --runs N               Monte Carlo runs (default 1000)
  --seed S               integer seed (default 1): the same seed gives the same output
  --noise X              relative weight noise in [0, 1] (default 0.25; 0 keeps weights fixed)
  --ahp                  move every AHP judgment one step on the 1-9 scale at random
  --normalization A,B    normalization alternatives (e.g. minmax,zscore,rank)
  --aggregation A,B      aggregation alternatives (e.g. arithmetic,geometric)
  --leave-one-out        leave one indicator out per run
  --threshold R          near-duplicate threshold on |r| for the structure checks (default 0.9)
  --period COLUMN        the data are a panel (one row per unit and period, a CSV file): pooled bounds,
                         one draw of the assumptions per run for every period, rank intervals within
                         each period (no structure checks)
  --threads N            threads for the runs, an integer in [1, 64] (default: the cores, when the runs
                         are large enough to pay for starting worker threads); the output is the same
                         for any N
  --format table|json    table (default; text is the same): the units by nominal rank with names,
                         the first --top; json: one document with every unit and the adaptations
  --top N                table: the first N units by nominal rank (default 20; all: every unit)
${dataHelp(25)}`;

/** Most threads `--threads` takes (the API takes up to 256). */
const MAX_CLI_THREADS = 64;

function fmt(v: number | null, digits = 1): string {
  if (v === null) return "-";
  const text = v.toFixed(digits);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * An option's number, a usage error (exit 2) when it is not a number, not an integer where one is
 * needed, or outside `[min, max]` (the same bounds the API checks, which would otherwise fail
 * later with exit 1 and the API's option path).
 */
function number(
  value: string | undefined,
  name: string,
  integer: boolean,
  [min, max]: readonly [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n)))
    throw new UsageError(`${name} must be ${integer ? "an integer" : "a number"}, got "${value}"`);
  if (n < min || n > max)
    throw new UsageError(
      `${name} must be ${max === Number.POSITIVE_INFINITY ? `at least ${min}` : `in [${min}, ${max}]`}, got "${value}"`,
    );
  return n;
}

export function analyzeCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      runs: { type: "string" },
      seed: { type: "string" },
      noise: { type: "string" },
      ahp: { type: "boolean", default: false },
      normalization: { type: "string" },
      aggregation: { type: "string" },
      "leave-one-out": { type: "boolean", default: false },
      threshold: { type: "string" },
      period: { type: "string" },
      threads: { type: "string" },
      format: { type: "string", default: "table" },
      top: { type: "string" },
      ...DATA_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${analyzeHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError("analyze needs a model file and a data file");
  const format = values.format === "text" ? "table" : (values.format as string);
  if (format !== "table" && format !== "json")
    throw new UsageError(`--format must be table (or text) or json, got "${values.format}"`);
  const top = topOption(values.top, DEFAULT_TOP);
  const runs = number(values.runs, "--runs", true, [1, Number.POSITIVE_INFINITY]);
  if (runs !== undefined && runs > MAX_RUNS)
    throw new UsageError(`--runs must be at most ${MAX_RUNS} (LIMITS.maxRuns), got "${values.runs}"`);
  const seed = number(values.seed, "--seed", true);
  const noise = number(values.noise, "--noise", false, [0, 1]);
  const threshold = number(values.threshold, "--threshold", false, [0, 1]);
  const threads = number(values.threads, "--threads", true, [1, MAX_CLI_THREADS]);
  const list = (s: string | undefined) => s?.split(",").map((x) => x.trim());
  const model = parseModel(readModelFile(positionals[0] as string));
  if (values.period !== undefined && isWorkbookFile(positionals[1] as string))
    throw new UsageError("--period reads a CSV file (save the sheet as CSV)");
  const data =
    values.period !== undefined
      ? readCsvFile(positionals[1] as string)
      : loadData(positionals[1] as string, model, values, io);

  const started = Date.now();
  let shown = false;
  const opts: UncertaintyOptions = {
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(runs !== undefined ? { runs } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(noise !== undefined ? { weights: noise === 0 ? false : { noise } } : {}),
    ...(values.ahp ? { ahpJudgments: true } : {}),
    ...(values.normalization ? { normalization: list(values.normalization) as NormalizeSpec[] } : {}),
    ...(values.aggregation ? { aggregation: list(values.aggregation) as AggregateSpec[] } : {}),
    ...(values["leave-one-out"] ? { leaveOneOut: true } : {}),
    ...(threads !== undefined ? { threads } : {}),
    adapt: true,
    ...(io.isTTY
      ? {
          onProgress: (done: number, total: number) => {
            if (Date.now() - started < 1000) return;
            shown = true;
            io.err(`\ranalyze: ${done}/${total} runs`);
          },
        }
      : {}),
  };
  if (values.period !== undefined) {
    const pu = uncertaintyPanel(model, data as Record<string, string>[], { ...opts, period: values.period });
    if (shown) io.err("\r\x1b[K");
    io.out(panelText(pu, format));
    return 0;
  }
  const ua = uncertaintyAnalysis(model, data as Parameters<typeof uncertaintyAnalysis>[1], opts);
  if (shown) io.err("\r\x1b[K");
  if (format === "json") for (const a of ua.adaptations) io.err(`note: ${printable(a.message)}\n`);
  const structure = structureChecks(model, data as Parameters<typeof structureChecks>[1], {
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
  });

  if (format === "json") {
    io.out(
      `${JSON.stringify(
        {
          profile: ua.profile,
          runs: ua.runs,
          design: ua.design,
          factors: ua.factors,
          meanAbsShift: ua.meanAbsShift,
          units: ua.ranks,
          sensitivity: ua.sensitivity,
          adaptations: ua.adaptations,
          structure: { flags: structure.flags, cronbach: structure.cronbach, options: structure.options },
          provenance: ua.provenance,
        },
        (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
        2,
      )}\n`,
    );
    return 0;
  }
  const sorted = [...ua.ranks].sort(
    (a, b) => (a.nominal ?? Number.POSITIVE_INFINITY) - (b.nominal ?? Number.POSITIVE_INFINITY),
  );
  let text = `Profile ${ua.profile}: ${ua.runs} runs (${ua.design}), factors: ${ua.factors.join(", ")}; seed ${String(ua.provenance.seed)}\n`;
  text += `Mean absolute rank shift versus the nominal ranking: ${ua.meanAbsShift.toFixed(2)}\n\n`;
  // Past the panel branch the data are the loader's columns (a panel is read as rows).
  const columns = data as Extract<typeof data, { units: unknown }>;
  const names = new Map(columns.units.map((u, k) => [u, columns.names?.[k] ?? ""]));
  const named = [...names.values()].some((n) => n !== "");
  const shownRows = sorted.slice(0, top);
  text += textTable(
    ["unit", ...(named ? ["name"] : []), "nominal", "median", "5-95% interval", "mean shift"],
    shownRows.map((r) => [
      r.unit,
      ...(named ? [names.get(r.unit) ?? ""] : []),
      fmt(r.nominal),
      fmt(r.median),
      r.p05 === null ? "-" : `[${fmt(r.p05)}, ${fmt(r.p95)}]`,
      fmt(r.meanShift, 2),
    ]),
  );
  text += moreRows(shownRows.length, sorted.length, "units");
  if (ua.adaptations.length > 0)
    text += `\nAlternatives adapted before the runs:\n${ua.adaptations.map((a) => `  ${printable(a.message)}\n`).join("")}`;
  if (ua.sensitivity) {
    text += "\nSensitivity of the mean absolute rank shift (first-order S, total ST):\n";
    text += textTable(
      ["factor", "S", "ST"],
      ua.sensitivity.map((s) => [s.factor, s.first.toFixed(3), s.total.toFixed(3)]),
    );
  }
  text += `\nStructure checks (|r| > ${structure.options.threshold}, r with parent < ${structure.options.negativeThreshold}):\n`;
  text +=
    structure.flags.length === 0
      ? "  no flags\n"
      : structure.flags.map((f) => `  ${f.code}: ${printable(f.message)}\n`).join("");
  text += "\nCronbach's alpha per group:\n";
  text += textTable(
    ["group", "alpha", "items", "n"],
    structure.cronbach.map((c) => [
      c.group,
      c.alpha === null ? "-" : c.alpha.toFixed(3),
      String(c.items),
      String(c.n),
    ]),
  );
  io.out(text);
  return 0;
}

/** `analyze --period`: the rank intervals of each period (text tables, or one JSON document). */
function panelText(pu: PanelUncertaintyResult, format: string): string {
  if (format === "json")
    return `${JSON.stringify(
      {
        profile: pu.profile,
        periods: pu.periods,
        runs: pu.runs,
        design: pu.design,
        factors: pu.factors,
        meanAbsShift: pu.meanAbsShift,
        byPeriod: Object.fromEntries(
          pu.periods.map((p) => [
            p,
            { meanAbsShift: pu.byPeriod[p]?.meanAbsShift, units: pu.byPeriod[p]?.ranks },
          ]),
        ),
        sensitivity: pu.sensitivity,
        provenance: pu.provenance,
      },
      (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
      2,
    )}\n`;
  let text = `Profile ${pu.profile}: ${pu.runs} runs (${pu.design}) over ${pu.periods.length} periods, pooled bounds, factors: ${pu.factors.join(", ")}; seed ${String(pu.provenance.seed)}\n`;
  text += `Mean absolute rank shift versus the nominal ranking (every unit-period): ${pu.meanAbsShift.toFixed(2)}\n`;
  for (const p of pu.periods) {
    const y = pu.byPeriod[p];
    if (!y) continue;
    const sorted = [...y.ranks].sort(
      (a, b) => (a.nominal ?? Number.POSITIVE_INFINITY) - (b.nominal ?? Number.POSITIVE_INFINITY),
    );
    text += `\n${printable(p)}: mean absolute rank shift ${y.meanAbsShift.toFixed(2)}\n`;
    text += textTable(
      ["unit", "nominal", "median", "5-95% interval", "mean shift"],
      sorted.map((r) => [
        r.unit,
        fmt(r.nominal),
        fmt(r.median),
        r.p05 === null ? "-" : `[${fmt(r.p05)}, ${fmt(r.p95)}]`,
        fmt(r.meanShift, 2),
      ]),
    );
  }
  if (pu.sensitivity) {
    text += "\nSensitivity of the mean absolute rank shift (first-order S, total ST):\n";
    text += textTable(
      ["factor", "S", "ST"],
      pu.sensitivity.map((s) => [s.factor, s.first.toFixed(3), s.total.toFixed(3)]),
    );
  }
  return text;
}
