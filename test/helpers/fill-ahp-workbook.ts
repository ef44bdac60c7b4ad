// Fills AHP questionnaires as experts would, for the tests that read them back: workbooks written by
// ahpQuestionnaireXlsx (fillAhpWorkbook) and the CSV form of ahpQuestionnaire (fillAhpCsv).
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readCsvText } from "../../src/node/read-csv-text.js";

/** One expert's answer to one pair: [group, more important, less important, intensity 1-9]. */
export type AhpAnswer = readonly [group: string, more: string, less: string, intensity: number];

/** The answer to the form's row asking `a` against `b` in `group`, whichever way round it was given. */
const answerTo = (
  answers: readonly AhpAnswer[],
  group: string | undefined,
  a: string | undefined,
  b: string | undefined,
) => answers.find(([g, hi, lo]) => g === group && ((hi === a && lo === b) || (hi === b && lo === a)));

/**
 * An answer as the model stores it: [a, b, value] with a before b in `order` (the tree order the form
 * asks in); an answer "b over a" comes back as 1 / intensity.
 */
export const storedJudgment = (
  order: readonly string[],
  [, hi, lo, v]: AhpAnswer,
): [string, string, number] => (order.indexOf(hi) < order.indexOf(lo) ? [hi, lo, v] : [lo, hi, 1 / v]);

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Fills a blank questionnaire CSV (`ahpQuestionnaire(...).csv`, or what `indicatrix questionnaire`
 * prints) as an expert would: the name in the expert column of the first row, and on each answered
 * row more_important (the id, or equal for intensity 1) and intensity. Returns the CSV text.
 */
export function fillAhpCsv(csv: string, expert: string, answers: readonly AhpAnswer[]): string {
  const rows = readCsvText(csv);
  const header = Object.keys(rows[0] as object);
  const lines = rows.map((r, i) => {
    const ans = answerTo(answers, r.group, r.a, r.b);
    const out: Record<string, string> = { ...r, expert: i === 0 ? expert : "" };
    if (ans) {
      out.more_important = ans[3] === 1 ? "equal" : ans[1];
      out.intensity = String(ans[3]);
    }
    return header.map((h) => csvCell(out[h] ?? "")).join(",");
  });
  return `${[header.join(","), ...lines].join("\n")}\n`;
}

/**
 * Fills a questionnaire workbook written by `ahpQuestionnaireXlsx` as an expert would in Excel: the name next to 专家姓名, and per answered row
 * the cells F (more important: the id, or 同等重要) and G (intensity). With `shared`, the texts go to a
 * shared-strings part (as Excel saves them, with its content type and relationship); else as inline strings. Each answer is [group, more
 * important, less important, intensity]; 1 is written as 同等重要 (equal in an English form).
 */
export function fillAhpWorkbook(
  bytes: Uint8Array,
  expert: string,
  answers: readonly AhpAnswer[],
  shared: boolean,
): Uint8Array {
  const parts = unzipSync(bytes);
  const english = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array).includes("Expert name");
  const strings: string[] = [];
  const text = (ref: string, t: string) =>
    shared
      ? `<c r="${ref}" t="s"><v>${strings.push(t) - 1}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${xml(t)}</t></is></c>`;
  for (const name of Object.keys(parts)) {
    if (!name.startsWith("xl/worksheets/")) continue;
    let sheet = strFromU8(parts[name] as Uint8Array);
    if (name.endsWith("/sheet1.xml"))
      sheet = sheet.replace(
        /(<row r="(\d+)">(?:(?!<\/row>).)*(?:专家姓名|Expert name)(?:(?!<\/row>).)*?)<\/row>/,
        (_, row, r) => `${row}${text(`B${r}`, expert)}</row>`,
      );
    else
      sheet = sheet.replace(
        /<row r="(\d+)">((?:(?!<\/row>).)*)<\/row>/g,
        (whole, r: string, cells: string) => {
          const values = [...cells.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1] as string);
          const [group, a, , b] = values;
          const ans = answerTo(answers, group, a, b);
          if (!ans) return whole;
          const more = ans[3] === 1 ? (english ? "equal" : "同等重要") : ans[1];
          return `<row r="${r}">${cells}${text(`F${r}`, more)}<c r="G${r}"><v>${ans[3]}</v></c></row>`;
        },
      );
    parts[name] = strToU8(sheet);
  }
  if (shared) {
    // the part, its content type and its relationship, as Excel saves them
    parts["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${xml(s)}</t></si>`).join("")}</sst>`,
    );
    const edit = (name: string, end: string, add: string) => {
      parts[name] = strToU8(strFromU8(parts[name] as Uint8Array).replace(end, `${add}${end}`));
    };
    edit(
      "[Content_Types].xml",
      "</Types>",
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
    edit(
      "xl/_rels/workbook.xml.rels",
      "</Relationships>",
      '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>',
    );
  }
  return zipSync(parts);
}
