import { parseArgs } from "node:util";
import { type ReadQuestionnairesResult, readAhpQuestionnaires } from "../../build/read-ahp-questionnaires.js";
import type { Model, ModelNode } from "../../indicators/model-types.js";
import { displayName } from "../../indicators/tree.js";
import { readFilledQuestionnaire } from "../../node/ahp-questionnaire-xlsx.js";
import { type Io, UsageError } from "../context.js";
import { formatNumber, printable, textTable } from "../format.js";
import { loadModel } from "../load.js";
import { checkOut, writeOut } from "../output.js";

export const judgmentsHelp = `Usage: indicatrix judgments <model> <expert.xlsx|expert.csv> [...] [--profile P] [--method aij|aip] [--out model.json]

Reads the filled AHP questionnaires (one file per expert, as "indicatrix questionnaire" writes them, .xlsx
or .csv; also saved again as .xls or .ods), prints each expert's consistency ratio per group with the judgment to revisit when CR >= 0.1,
aggregates the experts per group and writes the judgments into the profile: every group answered gets
{ "method": "ahp", "aggregation", "experts": [{ "name", "judgments" }] }, so the model keeps each expert's
answers. The expert's name comes from the form (the 专家姓名 / Expert name cell, or the CSV's expert
column), else the file name. Pairs left empty are completed by Harker's method.

  --profile P          the profile that gets the judgments (default: the model's first)
  --method aij|aip     aggregation of the experts: aij (default; weighted geometric mean of the judgments)
                       or aip (weighted geometric mean of each expert's priorities)
  --expert-weights L   expert weights, e.g. "Li=2,Wang=1" (default: equal; an expert not named has 1)
  --out FILE           write the model with the judgments (JSON) to FILE, a history entry appended
  --lang zh|en         language of the table (default: the model's language, else en)
  --format text|json   text (default): a table per group; json: every expert's CR and the group weights`;

const LABELS = {
  en: {
    header: ["expert", "pairs", "CR", "consistent", "revisit"],
    yes: "yes",
    no: "no",
    group: "Group",
    weights: "aggregated weights",
    groupCr: "CR of the aggregated matrix",
  },
  zh: {
    header: ["专家", "判断数", "CR", "一致性", "建议修改"],
    yes: "通过",
    no: "未通过",
    group: "判断矩阵",
    weights: "综合权重",
    groupCr: "综合判断矩阵 CR",
  },
} as const;

export function judgmentsCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      method: { type: "string", default: "aij" },
      "expert-weights": { type: "string" },
      out: { type: "string" },
      lang: { type: "string" },
      language: { type: "string" },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${judgmentsHelp}\n`);
    return 0;
  }
  if (positionals.length < 2)
    throw new UsageError("judgments needs a model file and at least one filled questionnaire");
  const [modelPath, ...files] = positionals as [string, ...string[]];
  const method = values.method as string;
  if (method !== "aij" && method !== "aip")
    throw new UsageError(`--method must be aij or aip, got "${method}"`);
  const format = values.format as string;
  if (format !== "text" && format !== "json")
    throw new UsageError(`--format must be text or json, got "${format}"`);
  const lang = values.lang ?? values.language;
  if (lang !== undefined && lang !== "zh" && lang !== "en")
    throw new UsageError(`--lang must be zh or en, got "${lang}"`);
  const expertWeights: Record<string, number> = {};
  for (const part of values["expert-weights"]?.split(",") ?? []) {
    const m = /^(.+)=(.+)$/.exec(part.trim());
    const w = Number(m?.[2]);
    if (!m || !Number.isFinite(w) || w <= 0)
      throw new UsageError(`--expert-weights needs name=weight pairs with positive weights, got "${part}"`);
    expertWeights[(m[1] as string).trim()] = w;
  }
  checkOut(values.out, [modelPath, ...files]);
  const model = loadModel(modelPath);
  const filled = files.map((f) => readFilledQuestionnaire(f));
  const result = readAhpQuestionnaires(model, filled, {
    profile: values.profile,
    aggregation: method,
    ...(values["expert-weights"] !== undefined ? { expertWeights } : {}),
  });
  const unknown = Object.keys(expertWeights).filter((e) => !result.experts.includes(e));
  if (unknown.length > 0)
    throw new UsageError(
      `--expert-weights names ${unknown.map((e) => `"${e}"`).join(", ")}, not an expert of the questionnaires (${result.experts.join(", ")})`,
    );
  if (values.out)
    writeOut(values.out, [`${JSON.stringify(result.model, null, 2)}\n`], [modelPath, ...files], io);
  if (format === "json") {
    io.out(
      `${JSON.stringify({ experts: result.experts, groups: result.groups }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`,
    );
  } else
    writeText(
      model,
      result,
      values.profile,
      method,
      lang ?? (model.language?.startsWith("zh") ? "zh" : "en"),
      io,
    );
  const poor = result.groups.reduce((n, g) => n + g.experts.filter((e) => !e.consistent).length, 0);
  if (poor > 0)
    io.err(
      `warning: ${poor} expert matrices with CR >= 0.1; ask those experts to revisit the judgment shown, or leave them out\n`,
    );
  if (values.out) io.err(`wrote ${printable(values.out)}\n`);
  return 0;
}

function writeText(
  model: Model,
  result: ReadQuestionnairesResult,
  profile: string | undefined,
  method: string,
  lang: "zh" | "en",
  io: Io,
): void {
  const L = LABELS[lang];
  const names = new Map<string, string>();
  const walk = (node: ModelNode) => {
    names.set(node.id, displayName(node, lang));
    for (const c of node.children ?? []) walk(c);
  };
  walk(model.tree);
  const label = (id: string) => {
    const n = names.get(id);
    return n && n !== id ? `${n} (${id})` : id;
  };
  io.out(
    `Model ${printable(model.id)}, profile ${printable(profile ?? Object.keys(model.profiles ?? {})[0] ?? "default")}: ` +
      `${result.experts.length} experts (${result.experts.map(printable).join(", ")}), aggregation ${method}\n`,
  );
  for (const g of result.groups) {
    io.out(`\n${L.group} ${printable(label(g.group))}\n`);
    io.out(
      textTable(
        [...L.header],
        g.experts.map((e) => [e.expert, e.judged, e.cr, e.consistent ? L.yes : L.no, e.advice ?? ""]),
      ),
    );
    io.out(
      `${L.weights}: ${g.children.map((c, i) => `${printable(c)} ${formatNumber(g.weights[i] ?? Number.NaN)}`).join(", ")}` +
        (Number.isFinite(g.cr) ? `; ${L.groupCr} ${formatNumber(g.cr)}` : "") +
        "\n",
    );
  }
}
