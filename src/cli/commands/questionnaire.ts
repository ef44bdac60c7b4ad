import { parseArgs } from "node:util";
import { ahpQuestionnaire } from "../../build/ahp-questionnaire.js";
import { ahpQuestionnaireXlsx } from "../../node/ahp-questionnaire-xlsx.js";
import { guardSignals, writeChunksAtomic } from "../../node/write-file-atomic.js";
import { type Io, UsageError } from "../context.js";
import { printable } from "../format.js";
import { loadModel } from "../load.js";
import { checkOut, writeOut } from "../output.js";

export const questionnaireHelp = `Usage: indicatrix questionnaire <model> [--profile P] [--language zh|en] [--groups G,...] --out survey.xlsx|survey.csv|survey.html

Writes the expert questionnaire of the AHP (层次分析法专家调查问卷): for every group with two or more
children active in the profile, every pair of children once, with Saaty's 1-9 scale in words (1 同等重要
equally important ... 9 极端重要 extremely more important). The format follows the --out extension:

  .xlsx   a workbook: an instructions sheet (the expert's name, the scale in Chinese and English), then one
          sheet per group; the answer cells have drop-downs (more_important: a, b or equal; intensity: 1-9)
  .csv    one file for all groups: expert, group, a, a_name, b, b_name, more_important, intensity
  .html   a printable page with 17 boxes per pair (9 ... 1 ... 9)

Without --out the CSV goes to stdout. Read the filled files back with "indicatrix judgments".

  --profile P          the profile the judgments are for (default: the model's first)
  --language zh|en     language of the names and the instructions (default: the model's language, else en)
  --groups G,...       only these groups (default: every group with two or more active children)
  --out FILE           write to FILE (atomically): .xlsx, .csv or .html`;

export function questionnaireCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      language: { type: "string" },
      lang: { type: "string" },
      groups: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${questionnaireHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("questionnaire needs one model file");
  const modelPath = positionals[0] as string;
  const language = values.language ?? values.lang;
  if (language !== undefined && language !== "zh" && language !== "en")
    throw new UsageError(`--language must be zh or en, got "${language}"`);
  const out = values.out;
  const kind =
    out === undefined || out === "-" ? "csv" : /\.(xlsx|csv|html?)$/i.exec(out)?.[1]?.toLowerCase();
  if (kind === undefined) throw new UsageError(`--out must end in .xlsx, .csv or .html, got "${out}"`);
  checkOut(out, [modelPath]);
  const model = loadModel(modelPath);
  const q = ahpQuestionnaire(model, {
    profile: values.profile,
    language,
    groups: values.groups?.split(",").map((g) => g.trim()),
  });
  if (kind === "xlsx") {
    guardSignals();
    writeChunksAtomic(out as string, [ahpQuestionnaireXlsx(q)]);
  } else writeOut(out, [kind === "csv" ? q.csv : q.html], [modelPath], io);
  const pairs = q.groups.reduce((n, g) => n + g.pairs.length, 0);
  if (out !== undefined && out !== "-")
    io.err(
      `wrote ${printable(out)}: ${q.groups.length} groups, ${pairs} pairs, profile ${printable(q.profile)}, ${q.language}\n`,
    );
  return 0;
}
