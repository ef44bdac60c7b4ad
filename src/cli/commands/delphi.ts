import { parseArgs } from "node:util";
import { delphi } from "../../build/delphi.js";
import { delphiRoundFromTable } from "../../build/delphi-round-from-table.js";
import { delphiToModel } from "../../build/delphi-to-model.js";
import type { DelphiOptions, DelphiResult, DelphiRoundResult } from "../../build/delphi-types.js";
import type { Model, ModelNode } from "../../indicators/model-types.js";
import { displayName } from "../../indicators/tree.js";
import { readCsvFile } from "../../node/read-csv-file.js";
import { type Io, UsageError } from "../context.js";
import { formatNumber, printable, textTable } from "../format.js";
import { loadModel } from "../load.js";
import { checkOut, writeOut } from "../output.js";

export const delphiHelp = `Usage: indicatrix delphi <model> <round1.csv> [round2.csv ...] [--rule cutoff|fixed|both] [--out pruned.json]

Delphi statistics of one or more rounds of expert ratings: positive coefficient, authority coefficient
Cr = (Ca + Cs) / 2, per indicator the mean, SD, CV and full-score frequency, Kendall's W (ties corrected)
with its chi-square test overall and per dimension, the screening verdict with its reason, and the change
from the previous round. Each CSV has one row per expert: an optional expert column, one column per rated
node id, and optional theory, practice, literature, intuition (high, medium, low), familiarity, or ca, cs.

  --rule R             cutoff (default; 界值法: mean and full-score frequency >= mean - SD, CV <= mean + SD),
                       fixed (--min-mean, --max-cv), or both
  --scale-max N        highest point of the rating scale (default 5)
  --scale-min N        lowest point (default 1)
  --sent N[,N...]      questionnaires sent, one per round (one number: the same for every round)
  --min-mean X         fixed rule: keep mean >= X (default 0.7 x scale maximum)
  --max-cv X           fixed rule: keep CV <= X (default 0.25)
  --drop any|all       cutoff rule: drop on any failed criterion (default) or only when all three fail
  --out FILE           write the pruned model (JSON) to FILE, the removals and reasons in its history
  --weights            with --out: also write fixed weights from the normalized mean ratings
  --profile P          the profile that gets the weights (default: the model's first)
  --lang zh|en         language of the table (default: the model's language, else en)
  --format text|json   text (default): tables per round; json: every statistic`;

const LABELS = {
  en: {
    round: (r: DelphiRoundResult) =>
      `Round ${r.round}: ${r.returned} experts` +
      (Number.isFinite(r.sent)
        ? ` of ${r.sent} asked (positive coefficient ${pct(r.positiveCoefficient)})`
        : ""),
    authority: "authority",
    w: "Kendall's W",
    cut: "Cut-offs",
    header: ["indicator", "mean", "SD", "CV", "full score", "rated", "verdict", "reason"],
    verdict: { keep: "keep", review: "review", drop: "drop" },
    dims: "W per dimension",
    dimension: "dimension",
    change: "change",
    cutoffs: (c: DelphiRoundResult["cutoffs"]) =>
      `mean >= ${formatNumber(c.mean)}, full score >= ${formatNumber(c.fullScore)}, CV <= ${formatNumber(c.cv)}`,
    passes: "passes",
  },
  zh: {
    round: (r: DelphiRoundResult) =>
      `第 ${r.round} 轮：回收 ${r.returned} 份` +
      (Number.isFinite(r.sent) ? `，发放 ${r.sent} 份（专家积极系数 ${pct(r.positiveCoefficient)}）` : ""),
    authority: "权威系数",
    w: "肯德尔协调系数 W",
    cut: "界值",
    header: ["指标", "均值", "标准差", "变异系数", "满分频率", "评分人数", "结论", "原因"],
    verdict: { keep: "保留", review: "待议", drop: "删除" },
    dims: "各维度 W",
    dimension: "维度",
    change: "较上轮",
    cutoffs: (c: DelphiRoundResult["cutoffs"]) =>
      `均值 >= ${formatNumber(c.mean)}，满分频率 >= ${formatNumber(c.fullScore)}，变异系数 <= ${formatNumber(c.cv)}`,
    passes: "通过",
  },
} as const;

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : "-");
const pValue = (p: number) => (Number.isNaN(p) ? "-" : p < 0.001 ? p.toExponential(2) : p.toFixed(4));

export function delphiCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rule: { type: "string", default: "cutoff" },
      "scale-max": { type: "string", default: "5" },
      "scale-min": { type: "string", default: "1" },
      sent: { type: "string" },
      "min-mean": { type: "string" },
      "max-cv": { type: "string" },
      drop: { type: "string", default: "any" },
      out: { type: "string" },
      weights: { type: "boolean" },
      profile: { type: "string" },
      lang: { type: "string" },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${delphiHelp}\n`);
    return 0;
  }
  if (positionals.length < 2) throw new UsageError("delphi needs a model file and at least one ratings CSV");
  const [modelPath, ...files] = positionals as [string, ...string[]];
  const rule = values.rule as string;
  if (!["cutoff", "fixed", "both"].includes(rule))
    throw new UsageError(`--rule must be cutoff, fixed or both, got "${rule}"`);
  const format = values.format as string;
  if (!["text", "json"].includes(format))
    throw new UsageError(`--format must be text or json, got "${format}"`);
  const drop = values.drop as string;
  if (!["any", "all"].includes(drop)) throw new UsageError(`--drop must be any or all, got "${drop}"`);
  const num = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const v = Number(text);
    if (text.trim() === "" || !Number.isFinite(v))
      throw new UsageError(`--${flag} must be a number, got "${text}"`);
    return v;
  };
  const sentList = values.sent?.split(",").map((s) => num("sent", s) as number);
  if (sentList && sentList.length !== 1 && sentList.length !== files.length)
    throw new UsageError(
      `--sent needs one number or one per round (${files.length}), got ${sentList.length}`,
    );
  if (values.weights && !values.out)
    throw new UsageError("--weights writes into the pruned model: give --out");
  if (values.profile && !values.weights)
    throw new UsageError("--profile names where --weights go: give --weights");
  const lang = values.lang as "zh" | "en" | undefined;
  if (lang !== undefined && lang !== "zh" && lang !== "en")
    throw new UsageError(`--lang must be zh or en, got "${lang}"`);
  checkOut(values.out, [modelPath, ...files]);
  const model = loadModel(modelPath);
  const ids: string[] = [];
  const parents = new Map<string, string>();
  const walk = (node: ModelNode) => {
    ids.push(node.id);
    for (const c of node.children ?? []) {
      parents.set(c.id, node.id);
      walk(c);
    }
  };
  walk(model.tree);
  const rounds = files.map((file, r) => {
    const sent = sentList ? (sentList.length === 1 ? sentList[0] : sentList[r]) : undefined;
    return delphiRoundFromTable(readCsvFile(file), {
      ids,
      name: file,
      ...(sent !== undefined ? { sent } : {}),
    });
  });
  // dimensions: the parent groups of the rated ids (with at least two rated children)
  const dimensions: Record<string, string[]> = {};
  for (const id of rounds[0]?.indicators ?? []) {
    const p = parents.get(id);
    if (p !== undefined) (dimensions[p] ??= []).push(id);
  }
  for (const [k, v] of Object.entries(dimensions)) if (v.length < 2) delete dimensions[k];
  const opts: DelphiOptions = {
    scaleMax: num("scale-max", values["scale-max"]) as number,
    scaleMin: num("scale-min", values["scale-min"]) as number,
    rule: rule as "cutoff" | "fixed" | "both",
    cutoffDrop: drop as "any" | "all",
    dimensions: Object.keys(dimensions).length > 1 ? dimensions : {},
    fixed: { mean: num("min-mean", values["min-mean"]), cv: num("max-cv", values["max-cv"]) },
  };
  const result = delphi(rounds, opts);
  if (values.out) {
    const pruned = delphiToModel(model, result, {
      ...(values.weights ? { weights: values.profile ?? true } : {}),
    });
    writeOut(values.out, [`${JSON.stringify(pruned, null, 2)}\n`], [modelPath, ...files], io);
  }
  if (format === "json") {
    io.out(
      `${JSON.stringify(result, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`,
    );
  } else writeText(model, result, lang ?? (model.language?.startsWith("zh") ? "zh" : "en"), io);
  for (const r of result.rounds) for (const w of r.warnings) io.err(`warning: ${printable(w)}\n`);
  if (values.out) io.err(`wrote ${printable(values.out)}\n`);
  return 0;
}

function writeText(model: Model, result: DelphiResult, lang: "zh" | "en", io: Io): void {
  const L = LABELS[lang];
  const names = new Map<string, string>();
  const walk = (node: ModelNode) => {
    names.set(node.id, displayName(node, lang));
    for (const c of node.children ?? []) walk(c);
  };
  walk(model.tree);
  io.out(
    `Model ${printable(model.id)}: Delphi, ${result.rounds.length} round(s), rule ${result.rule}, scale ${result.scale[0]}-${result.scale[1]}\n`,
  );
  for (const r of result.rounds) {
    io.out(`\n${L.round(r)}\n`);
    if (r.authority)
      io.out(
        `${L.authority} Ca ${formatNumber(r.authority.ca)}, Cs ${formatNumber(r.authority.cs)}, Cr ${formatNumber(r.authority.cr)}\n`,
      );
    const k = r.kendall;
    io.out(
      `${L.w} ${formatNumber(k.w)}, χ² ${formatNumber(k.chi2)}, df ${k.df}, p ${pValue(k.p)}` +
        (Number.isFinite(r.wChange)
          ? ` (${L.change} ${r.wChange >= 0 ? "+" : ""}${formatNumber(r.wChange)})`
          : "") +
        "\n",
    );
    if (result.rule !== "fixed") io.out(`${L.cut}: ${L.cutoffs(r.cutoffs)}\n`);
    io.out("\n");
    io.out(
      textTable(
        [...L.header],
        r.stats.map((s, j) => {
          const v = r.verdicts[j];
          const name = names.get(s.id);
          return [
            name && name !== s.id ? `${name} (${s.id})` : s.id,
            s.mean,
            s.sd,
            s.cv,
            s.fullScore,
            s.rated,
            v ? L.verdict[v.verdict] : "",
            v ? (v.reason === "passes" ? L.passes : v.reason) : "",
          ];
        }),
      ),
    );
    const dims = Object.entries(r.dimensions);
    if (dims.length) {
      io.out(`\n${L.dims}:\n`);
      io.out(
        textTable(
          [L.dimension, "W", "χ²", "df", "p"],
          dims.map(([d, w]) => [
            names.get(d) && names.get(d) !== d ? `${names.get(d)} (${d})` : d,
            w.w,
            w.chi2,
            w.df,
            pValue(w.p),
          ]),
        ),
      );
    }
  }
}
