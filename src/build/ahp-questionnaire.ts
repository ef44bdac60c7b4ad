import type { Model, ModelNode } from "../indicators/model-types.js";
import { activeNodes, profileNames } from "../indicators/profiles.js";
import { displayName } from "../indicators/tree.js";
import { fail } from "../internal/errors.js";
import { AHP_SCALE, QUESTIONNAIRE_COLUMNS, type ScalePoint } from "./ahp-scale.js";

/** Options of {@link ahpQuestionnaire}. */
export interface AhpQuestionnaireOptions {
  /** Profile the judgments are for (default: the model's first); named on the form. */
  profile?: string | undefined;
  /** Language of the names and the scale: `zh` (default when the model's language is Chinese) or `en`. */
  language?: "zh" | "en" | undefined;
  /** Only these groups (default: every group with at least two children active in the profile). */
  groups?: readonly string[] | undefined;
}

/** The questionnaire of one group. */
export interface GroupQuestionnaire {
  /** Group id. */
  group: string;
  /** Group name in the language. */
  name: string;
  /** Its children active in the profile, in tree order. */
  children: { id: string; name: string }[];
  /** Every pair once, (a, b) with a before b in tree order. */
  pairs: [string, string][];
  /** The group's rows as CSV (with the header). */
  csv: string;
}

/** Result of {@link ahpQuestionnaire}. */
export interface AhpQuestionnaire {
  /** The profile named on the form. */
  profile: string;
  /** The language used. */
  language: "zh" | "en";
  /** The model's name in the language (the form's title). */
  title: string;
  /** One questionnaire per group. */
  groups: GroupQuestionnaire[];
  /** Every group's rows in one CSV, the file an expert fills: `expert`, `more_important` (a, b or `equal`), `intensity` (1-9). */
  csv: string;
  /** A printable HTML page: the scale in words and one table per group with the 17 answer boxes. */
  html: string;
  /** The 1-9 scale in words. */
  scale: readonly ScalePoint[];
}

/**
 * Writes the expert questionnaires of the AHP (层次分析法专家调查问卷) for a model: for every group with two or
 * more children active in the profile (an indicator limited to other profiles is not asked about), every
 * pair of those children once, with the 1-9 scale in words (同等重要, 稍微重要, 明显重要, 强烈重要,
 * 极端重要 and the values between). The CSV (one file for all groups) has per pair the columns `expert`,
 * `group`, `a`, `a_name`, `b`, `b_name`, `more_important` (the expert writes a, b or `equal`) and `intensity`
 * (1-9); the HTML page prints the same pairs with 17 boxes (9 ... 1 ... 9). Read the filled files back with
 * {@link readAhpQuestionnaires}. The .xlsx workbook (one sheet per group, drop-downs on the answer cells) is
 * `ahpQuestionnaireXlsx` of `indicatrix/node`.
 *
 * @param model - the model.
 * @param opts - profile, language, groups.
 * @throws {IndicatrixError} `unknown_profile`, `unknown_node` (a group that is not in the tree), `invalid_option`.
 * @example
 * ```ts
 * const model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] } };
 * const q = ahpQuestionnaire(model, { language: "en" });
 * q.groups[0]?.pairs; // => [["a", "b"], ["a", "c"], ["b", "c"]]
 * q.csv.split("\n")[0]; // => "expert,group,a,a_name,b,b_name,more_important,intensity"
 * ```
 */
export function ahpQuestionnaire(model: Model, opts: AhpQuestionnaireOptions = {}): AhpQuestionnaire {
  const names = profileNames(model);
  const profile = opts.profile ?? (names[0] as string);
  if (!names.includes(profile))
    fail(
      "unknown_profile",
      ["opts", "profile"],
      `model "${model.id}" has no profile "${profile}" (${names.join(", ")})`,
    );
  const language = opts.language ?? (model.language?.startsWith("zh") ? "zh" : "en");
  if (language !== "zh" && language !== "en")
    fail("invalid_option", ["opts", "language"], `expected "zh" or "en", got ${String(language)}`);
  const active = activeNodes(model, profile);
  const kids = (node: ModelNode) => (node.children ?? []).filter((c) => active.has(c.id));
  const groups: ModelNode[] = [];
  const all = new Map<string, ModelNode>();
  const walk = (node: ModelNode) => {
    all.set(node.id, node);
    if (active.has(node.id) && kids(node).length >= 2) groups.push(node);
    for (const c of node.children ?? []) walk(c);
  };
  walk(model.tree);
  let chosen = groups;
  if (opts.groups) {
    chosen = opts.groups.map((id, k) => {
      const g = all.get(id);
      if (!g || !groups.includes(g))
        fail(
          "unknown_node",
          ["opts", "groups", k],
          `"${id}" is not a group with at least two children active in profile "${profile}" of model "${model.id}"`,
        );
      return g;
    });
  }
  const header = QUESTIONNAIRE_COLUMNS.join(",");
  const out: GroupQuestionnaire[] = chosen.map((g) => {
    const children = kids(g).map((c) => ({ id: c.id, name: displayName(c, language) }));
    const pairs: [string, string][] = [];
    for (let i = 0; i < children.length; i++)
      for (let j = i + 1; j < children.length; j++)
        pairs.push([children[i]?.id as string, children[j]?.id as string]);
    const nameOf = new Map(children.map((c) => [c.id, c.name]));
    const rows = pairs.map(([a, b]) =>
      ["", g.id, a, nameOf.get(a) ?? a, b, nameOf.get(b) ?? b, "", ""].map(csvCell).join(","),
    );
    return {
      group: g.id,
      name: displayName(g, language),
      children,
      pairs,
      csv: `${[header, ...rows].join("\n")}\n`,
    };
  });
  const body = out.flatMap((g) => g.csv.trimEnd().split("\n").slice(1));
  return {
    profile,
    language,
    title: displayName({ id: model.id, name: model.name }, language),
    groups: out,
    csv: `${[header, ...body].join("\n")}\n`,
    html: htmlPage(model, profile, language, out),
    scale: AHP_SCALE,
  };
}

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading formula character is prefixed with '. */
function csvCell(text: string): string {
  const t = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

function htmlPage(model: Model, profile: string, lang: "zh" | "en", groups: GroupQuestionnaire[]): string {
  const T =
    lang === "zh"
      ? {
          title: "层次分析法专家调查问卷",
          intro:
            "请比较每一行中两个元素对上一层元素的相对重要性：靠近左侧元素勾选表示左侧更重要，靠近右侧表示右侧更重要，中间的 1 表示同等重要。",
          expert: "专家姓名",
          scale: "标度",
          meaning: "含义",
          group: "判断矩阵",
        }
      : {
          title: "AHP expert questionnaire",
          intro:
            "For each row, compare the two elements with respect to the group above them: tick towards the left element if it is more important, towards the right if the right one is, and 1 in the middle if they are equally important.",
          expert: "Expert",
          scale: "Value",
          meaning: "Meaning",
          group: "Group",
        };
  const boxes = [9, 8, 7, 6, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const scaleRows = AHP_SCALE.map((p) => `<tr><td>${p.value}</td><td>${esc(p[lang])}</td></tr>`).join("");
  const tables = groups
    .map((g) => {
      const name = (id: string) => esc(g.children.find((c) => c.id === id)?.name ?? id);
      const rows = g.pairs
        .map(
          ([a, b]) =>
            `<tr><th>${name(a)}</th>${boxes.map((v) => `<td class="box">${v}</td>`).join("")}<th>${name(b)}</th></tr>`,
        )
        .join("\n");
      return `<h2>${esc(T.group)}: ${esc(g.name)} (${esc(g.group)})</h2>\n<table class="pairs">\n${rows}\n</table>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${esc(T.title)}: ${esc(displayName({ id: model.id, name: model.name }, lang))}</title>
<style>
body { font-family: sans-serif; margin: 2em; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
td, th { border: 1px solid #999; padding: 0.3em 0.5em; text-align: center; }
td.box { width: 1.6em; }
@media print { h2 { page-break-after: avoid; } table { page-break-inside: avoid; } }
</style>
</head>
<body>
<h1>${esc(T.title)}: ${esc(displayName({ id: model.id, name: model.name }, lang))} (${esc(profile)})</h1>
<p>${esc(T.expert)}: ____________________</p>
<p>${esc(T.intro)}</p>
<table class="scale"><tr><th>${esc(T.scale)}</th><th>${esc(T.meaning)}</th></tr>${scaleRows}</table>
${tables}
</body>
</html>
`;
}
