import { parseArgs } from "node:util";
import {
  type EvaluateModelOptions,
  evaluateModel,
  MODEL_EVALUATION_METHODS as METHODS,
  type ModelEvaluationMethod,
} from "../../analysis/evaluate-model/index.js";
import { rankAgreement } from "../../analysis/rank-similarity.js";
import { borda } from "../../evaluate/borda.js";
import { copeland } from "../../evaluate/copeland.js";
import type { RankSumRatioResult } from "../../evaluate/rank-sum-ratio.js";
import { parseModel } from "../../indicators/parse-model.js";
import { readModelFile } from "../../node/read-model-file.js";
import type { DatasetInput } from "../../score/dataset.js";
import { type Io, UsageError } from "../context.js";
import { CSV_OPTIONS, csvHelp, csvOptions } from "../csv-options.js";
import { DATA_OPTIONS, dataHelp } from "../data-options.js";
import { printable, toCsv } from "../format.js";
import { loadData } from "../load.js";
import { checkOut, writeOut } from "../output.js";
import { DEFAULT_TOP, outputFormat, rsrGradeLabel, topOption } from "../people.js";
import { rankedTable } from "../ranked-table.js";

export const evaluateHelp = `Usage: indicatrix evaluate <model> <data.csv> --method M[,M2,...] [--combine borda|copeland]
                           [--profile P] [--profiles A,B]
                           [--v X] [--lambda X] [--preference F] [--q Q] [--p P] [--s S]
                           [--tau X] [--concordance C] [--discordance D] [--combination K]
                           [--format table|csv|json] [--top N] [--out file]

Scores the units with a model, then runs an evaluation method over the active indicators'
normalized values (higher = better) with their global weights. One row per scored unit; units with
a missing indicator value are left out of the method (empty cells).

  --method M         topsis, grey (grey relational grade), fuzzy (comprehensive evaluation),
                     rsr (weighted rank-sum ratio), obstacle (obstacle degree per indicator and
                     dimension), coupling (coupling coordination of the root's dimensions),
                     vikor (Q, lower is better, and the compromise set), promethee (PROMETHEE II
                     net flow), edas, waspas, copras, mabac, marcos, moora, multimoora, aras,
                     cocoso, codas, electre1 (net outranking and kernel); a comma list
                     (topsis,codas,marcos) ranks by each method and combines the rankings
  --combine C        borda (default with several methods) or copeland: one row per unit with each
                     method's rank, the combined score and rank; the pairwise agreement of the
                     rankings (Spearman, Kendall, weighted Spearman r_w, WS) goes to stderr (csv)
                     or the "agreement" field (json); each method's own flags (--v, --lambda,
                     --tau...) go to that method in the list
  --profile P        profile to apply (default: the model's first)
  --profiles A,B     coupling between the root scores of two or more profiles (e.g. normal,emergency)
  --v X              vikor: weight of the group utility S in Q, in [0, 1] (default 0.5)
  --lambda X         waspas: weight of the weighted sum against the product; cocoso: the
                     balance lambda of k_c; in [0, 1] (default 0.5)
  --preference F     promethee: usual (default), u-shape, v-shape, level, linear or gaussian, one
                     for all indicators or a comma list with one per indicator
  --q Q, --p P, --s S
                     promethee thresholds on the normalized scale (indifference q, preference p,
                     Gaussian s): one number or a comma list with one per indicator
  --tau X            codas: threshold of the taxicab term on the normalized scale (default 0.02)
  --concordance C, --discordance D
                     electre1: thresholds c-hat and d-hat in [0, 1] (default 0.75 and 0.5)
  --combination K    multimoora: dominance (default; at most 10,000 units) or borda
  --format F         table (default on a terminal): the units by rank with their names, RSR grades
                     labelled; csv (default when piped or with --out) or one JSON document; every
                     number on the method's own scale (TOPSIS closeness 0-1, VIKOR Q, net flows)
  --top N            table: the first N units by rank (default 20; all: every unit)
  --out FILE         write to FILE instead of stdout
${csvHelp(21)}
${dataHelp(21)}`;

export function evaluateCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      method: { type: "string" },
      profile: { type: "string" },
      profiles: { type: "string" },
      combine: { type: "string" },
      v: { type: "string" },
      lambda: { type: "string" },
      preference: { type: "string" },
      q: { type: "string" },
      p: { type: "string" },
      s: { type: "string" },
      tau: { type: "string" },
      concordance: { type: "string" },
      discordance: { type: "string" },
      combination: { type: "string" },
      format: { type: "string" },
      top: { type: "string" },
      out: { type: "string" },
      ...CSV_OPTIONS,
      ...DATA_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${evaluateHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError("evaluate needs a model file and a data file");
  const methods = (values.method ?? "").split(",").map((m) => m.trim()) as ModelEvaluationMethod[];
  for (const m of methods)
    if (!METHODS.includes(m))
      throw new UsageError(`--method must be one of ${METHODS.join(", ")}${m ? `, got "${m}"` : ""}`);
  const combine = values.combine ?? (methods.length > 1 ? "borda" : undefined);
  if (combine !== undefined && combine !== "borda" && combine !== "copeland")
    throw new UsageError(`--combine must be borda or copeland, got "${combine}"`);
  const method = methods[0] as ModelEvaluationMethod;
  const format = outputFormat(values.format, ["table", "csv", "json"], io, values.out, "csv");
  const top = topOption(values.top, DEFAULT_TOP);
  if (values.profiles !== undefined && (method !== "coupling" || methods.length > 1))
    throw new UsageError("--profiles is only for --method coupling");
  const only = (flag: string, ...ms: ModelEvaluationMethod[]) => {
    if ((values as Record<string, unknown>)[flag] !== undefined && !ms.some((m) => methods.includes(m)))
      throw new UsageError(`--${flag} is only for --method ${ms.join(" or ")}`);
  };
  only("v", "vikor");
  only("lambda", "waspas", "cocoso");
  for (const flag of ["preference", "q", "p", "s"]) only(flag, "promethee");
  only("tau", "codas");
  only("concordance", "electre1");
  only("discordance", "electre1");
  only("combination", "multimoora");
  if (
    values.combination !== undefined &&
    values.combination !== "dominance" &&
    values.combination !== "borda"
  )
    throw new UsageError(`--combination must be dominance or borda, got "${values.combination}"`);
  const csv = csvOptions(values);
  checkOut(values.out, positionals);
  const model = parseModel(readModelFile(positionals[0] as string));
  const data = loadData(positionals[1] as string, model, values, io);
  const names = new Map(data.units.map((u, k) => [u, data.names?.[k]]));
  // each method's own flags go to that method only (also when several are combined)
  const optsFor = (m: ModelEvaluationMethod): EvaluateModelOptions =>
    ({
      method: m,
      ...(values.profile !== undefined ? { profile: values.profile } : {}),
      ...(values.profiles !== undefined ? { profiles: values.profiles.split(",").map((s) => s.trim()) } : {}),
      ...(m === "vikor" && values.v !== undefined ? { v: number("v", values.v) } : {}),
      ...((m === "waspas" || m === "cocoso") && values.lambda !== undefined
        ? { lambda: number("lambda", values.lambda) }
        : {}),
      ...(m === "codas" && values.tau !== undefined ? { tau: number("tau", values.tau) } : {}),
      ...(m === "electre1" && values.concordance !== undefined
        ? { concordance: number("concordance", values.concordance) }
        : {}),
      ...(m === "electre1" && values.discordance !== undefined
        ? { discordance: number("discordance", values.discordance) }
        : {}),
      ...(m === "multimoora" && values.combination !== undefined ? { combination: values.combination } : {}),
      ...(m === "promethee" && values.preference !== undefined
        ? { preference: listOrOne(values.preference) }
        : {}),
      ...(m === "promethee" && values.q !== undefined ? { q: numbers("q", values.q) } : {}),
      ...(m === "promethee" && values.p !== undefined ? { p: numbers("p", values.p) } : {}),
      ...(m === "promethee" && values.s !== undefined ? { s: numbers("s", values.s) } : {}),
    }) as EvaluateModelOptions;
  if (combine !== undefined)
    return combineMethods(
      model,
      data,
      methods.map(optsFor),
      combine,
      { format, csv, out: values.out, positionals, names, top },
      io,
    );
  const ev = evaluateModel(model, data, optsFor(method));
  const text =
    format === "table"
      ? evaluateTable(ev, names, top, model.language)
      : format === "csv"
        ? csv.bom + toCsv(ev.columns, ev.rows, csv.style)
        : `${JSON.stringify(
            {
              method: ev.method,
              profile: ev.profile,
              criteria: ev.criteria,
              weights: ev.weights,
              excluded: ev.excluded,
              rows: ev.rows,
            },
            (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
            2,
          )}\n`;
  writeOut(values.out, [text], positionals, io);
  if (ev.excluded.length > 0)
    io.err(
      `${ev.excluded.length} unit(s) left out for missing indicator values: ${printable(ev.excluded.slice(0, 10).join(", "))}${ev.excluded.length > 10 ? ", ..." : ""}\n`,
    );
  return 0;
}

/**
 * `--method a,b,c --combine borda|copeland`: each method's rank per unit, the combined score and rank,
 * and the pairwise agreement of the rankings.
 */
function combineMethods(
  model: ReturnType<typeof parseModel>,
  data: DatasetInput,
  runsOf: readonly EvaluateModelOptions[],
  combine: "borda" | "copeland",
  output: {
    format: string;
    csv: ReturnType<typeof csvOptions>;
    out: string | undefined;
    positionals: string[];
    names: ReadonlyMap<string, string | null | undefined>;
    top: number;
  },
  io: Io,
): number {
  const methods = runsOf.map((o) => o.method);
  const runs = runsOf.map((o) => {
    const ev = evaluateModel(model, data, o);
    if (!ev.columns.includes("rank"))
      throw new UsageError(
        `--method ${o.method} gives no ranking, so it cannot be combined (--combine ${combine})`,
      );
    return ev;
  });
  const first = runs[0]!;
  const kept = first.rows.map((r, i) => (r.rank === null ? -1 : i)).filter((i) => i >= 0);
  const rankings = runs.map((ev) => kept.map((i) => ev.rows[i]!.rank as number));
  const combined = combine === "borda" ? borda(rankings) : copeland(rankings);
  const scores =
    combine === "borda"
      ? (combined as ReturnType<typeof borda>).points
      : (combined as ReturnType<typeof copeland>).scores;
  const agreement = rankAgreement(rankings, [...methods]);
  const slot = new Map(kept.map((i, k) => [i, k]));
  const columns = ["unit", ...methods.map((m) => `rank_${m}`), `${combine}_score`, `${combine}_rank`];
  const rows = first.units.map((unit, i) => {
    const k = slot.get(i);
    const row: Record<string, string | number | null> = { unit };
    methods.forEach((m, t) => {
      row[`rank_${m}`] = k === undefined ? null : rankings[t]![k]!;
    });
    row[`${combine}_score`] = k === undefined ? null : scores[k]!;
    row[`${combine}_rank`] = k === undefined ? null : combined.ranks[k]!;
    return row;
  });
  const text =
    output.format === "table"
      ? `${methods.join(", ")} combined by ${combine} (profile ${printable(first.profile)}):\n${rankedTable(columns, rows, { rank: `${combine}_rank`, names: output.names, top: output.top })}`
      : output.format === "csv"
        ? output.csv.bom + toCsv(columns, rows, output.csv.style)
        : `${JSON.stringify(
            {
              methods,
              combine,
              profile: first.profile,
              criteria: first.criteria,
              weights: first.weights,
              excluded: first.excluded,
              rows,
              agreement,
            },
            (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
            2,
          )}\n`;
  writeOut(output.out, [text], output.positionals, io);
  if (output.format !== "json") {
    const lines = [`agreement of the rankings (${methods.length} methods, ${kept.length} units):`];
    for (let a = 0; a < methods.length; a++)
      for (let b = a + 1; b < methods.length; b++)
        lines.push(
          `  ${methods[a]} / ${methods[b]}: spearman ${fmt(agreement.spearman[a]![b]!)}, kendall ${fmt(agreement.kendall[a]![b]!)}, r_w ${fmt(agreement.weightedSpearman[a]![b]!)}, WS ${fmt(agreement.ws[a]![b]!)} (WS of ${methods[b]} to ${methods[a]})`,
        );
    io.err(`${lines.join("\n")}\n`);
  }
  if (first.excluded.length > 0)
    io.err(
      `${first.excluded.length} unit(s) left out for missing indicator values: ${printable(first.excluded.slice(0, 10).join(", "))}${first.excluded.length > 10 ? ", ..." : ""}\n`,
    );
  return 0;
}

/**
 * `evaluate --format table`: the method's rows by rank (units without a rank last) with the units'
 * names; RSR grades with their label (`1 good`).
 */
function evaluateTable(
  ev: ReturnType<typeof evaluateModel>,
  names: ReadonlyMap<string, string | null | undefined>,
  top: number,
  language: string | undefined,
): string {
  const grades = ev.method === "rsr" ? (ev.detail as RankSumRatioResult).thresholds.length + 1 : 0;
  const cell = (column: string, v: string | number | null | undefined) =>
    grades > 0 && column === "grade" && typeof v === "number"
      ? rsrGradeLabel(v, grades, language)
      : undefined;
  const ranked = ev.columns.includes("rank");
  const title = `${ev.method} on profile ${printable(ev.profile)}: ${ev.rows.length - ev.excluded.length} units${ranked ? " by rank" : ""}\n`;
  return title + rankedTable(ev.columns, ev.rows, { rank: ranked ? "rank" : undefined, names, top, cell });
}

/** A correlation for the agreement lines: 4 decimals. */
function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : "NaN";
}

/** A numeric flag's value; a usage error names the flag. */
function number(flag: string, text: string): number {
  const v = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(v))
    throw new UsageError(`--${flag} must be a number, got "${text}"`);
  return v;
}

/** One number, or a comma list of numbers (one per indicator). */
function numbers(flag: string, text: string): number | number[] {
  const parts = text.split(",");
  return parts.length === 1 ? number(flag, text) : parts.map((t) => number(flag, t));
}

/** One name, or a comma list of names. */
function listOrOne(text: string): string | string[] {
  const parts = text.split(",").map((t) => t.trim());
  return parts.length === 1 ? (parts[0] as string) : parts;
}
