import { basename } from "node:path";
import type { AhpQuestionnaire } from "../build/ahp-questionnaire.js";
import type { FilledQuestionnaire } from "../build/read-ahp-questionnaires.js";
import { MAX_DATA_FILE_BYTES } from "../internal/limits.js";
import { readCsvFile } from "./read-csv-file.js";
import { cellText, isWorkbookFile, readXlsxAllRows } from "./read-xlsx.js";
import { type XlsxSheet, type XlsxValidation, xlsxBytes } from "./xlsx-bytes.js";

/** The columns of a group's sheet, in order (the questionnaire CSV's, without `expert`). */
const SHEET_COLUMNS = ["group", "a", "a_name", "b", "b_name", "more_important", "intensity"] as const;

const WORDS = {
  zh: {
    sheet: "填写说明",
    title: "层次分析法专家调查问卷",
    profile: "方案",
    expert: "专家姓名",
    how: "填写方法",
    intro:
      "每个判断矩阵一张工作表，每行比较同一上级下的两个元素。在 more_important 列选择更重要的一方（a 或 b 的编号），同等重要选“同等重要”；在 intensity 列选择 1-9 的标度。未填写的行视为未判断。",
    scale: "标度",
    zhWords: "含义（中文）",
    enWords: "meaning (English)",
    equal: "同等重要",
    promptMore: "选择更重要的一方，或“同等重要”",
    promptIntensity: "1 同等重要，3 稍微重要，5 明显重要，7 强烈重要，9 极端重要；2、4、6、8 介于两者之间",
    error: "请从下拉列表中选择",
  },
  en: {
    sheet: "instructions",
    title: "AHP expert questionnaire",
    profile: "profile",
    expert: "Expert name",
    how: "How to answer",
    intro:
      "One sheet per group; each row compares two elements with respect to the group above them. In column more_important pick the more important one (the id in a or b), or equal; in column intensity pick a value from 1 to 9. A row left empty is a pair not judged.",
    scale: "value",
    zhWords: "含义（中文）",
    enWords: "meaning (English)",
    equal: "equal",
    promptMore: "Pick the more important element, or equal",
    promptIntensity: "1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme importance; 2, 4, 6, 8 between",
    error: "Pick an answer from the list",
  },
} as const;

/** The labels of the expert's name on the instructions sheet, in every language. */
const EXPERT_LABELS = new Set([WORDS.zh.expert, WORDS.en.expert].map((s) => s.toLowerCase()));

/** An answer that a list validation can hold: no comma or double quote. */
const listable = (s: string) => s !== "" && !/[,"]/.test(s);

/**
 * The questionnaire of `ahpQuestionnaire` (from `indicatrix`) as an `.xlsx` workbook for the experts: a first sheet
 * with the instructions, the cell for the expert's name and the 1-9 scale in words (Chinese and English),
 * then one sheet per group with every pair once (columns `group`, `a`, `a_name`, `b`, `b_name`,
 * `more_important`, `intensity`). The answer cells have list validations (drop-downs): `more_important`
 * takes a, b or equal (同等重要 in Chinese), `intensity` 1 to 9. Read the filled workbooks back with
 * {@link readFilledQuestionnaire} and `readAhpQuestionnaires`.
 *
 * The workbook is written by {@link xlsxBytes}, indicatrix's own small OOXML writer, not by SheetJS
 * (which reads every workbook): SheetJS Community Edition writes no data validation (drop-downs are
 * in its Pro edition only) and no frozen or bold header, and a form without its drop-downs would let
 * an expert type answers that are only refused when the file comes back.
 *
 * @param q - the questionnaire.
 * @example
 * ```ts
 * const q = ahpQuestionnaire(model, { profile: "normal", language: "zh" });
 * writeChunksAtomic("survey.xlsx", [ahpQuestionnaireXlsx(q)]);
 * ```
 */
export function ahpQuestionnaireXlsx(q: AhpQuestionnaire): Uint8Array {
  const T = WORDS[q.language];
  const intro: XlsxSheet = {
    name: T.sheet,
    columns: [T.title, q.title],
    widths: [16, 60, 36],
    rows: [
      [T.profile, q.profile],
      [T.expert, ""],
      [T.how, T.intro],
      [],
      [T.scale, T.zhWords, T.enWords],
      ...q.scale.map((p) => [p.value, p.zh, p.en]),
    ],
  };
  const sheets: XlsxSheet[] = q.groups.map((g) => {
    const nameOf = new Map(g.children.map((c) => [c.id, c.name]));
    const validations: XlsxValidation[] = [];
    g.pairs.forEach(([a, b], k) => {
      const list = [a, b, T.equal];
      if (list.every(listable) && list.join(",").length <= 255)
        validations.push({ range: `F${k + 2}`, list, prompt: T.promptMore, error: T.error });
    });
    if (g.pairs.length > 0)
      validations.push({
        range: `G2:G${g.pairs.length + 1}`,
        list: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
        prompt: T.promptIntensity,
        error: T.error,
      });
    return {
      name: g.name,
      columns: SHEET_COLUMNS,
      widths: [14, 14, 36, 14, 36, 18, 10],
      rows: g.pairs.map(([a, b]) => [g.group, a, nameOf.get(a) ?? a, b, nameOf.get(b) ?? b, null, null]),
      validations,
    };
  });
  return xlsxBytes([intro, ...sheets]);
}

/**
 * Reads one filled questionnaire file for `readAhpQuestionnaires`: a CSV as `ahpQuestionnaire` (from `indicatrix`) writes
 * it, or a workbook as {@link ahpQuestionnaireXlsx} writes it, also when the expert saved it again as
 * `.xls` or `.ods` (WPS, LibreOffice; read by SheetJS). In a workbook every sheet whose header has the
 * columns `group`, `a`, `b`, `more_important` and `intensity` is read (in sheet order); the expert's
 * name is the cell next to "专家姓名" / "Expert name" on the instructions sheet (else the file name).
 *
 * @param path - a `.csv` file, or a workbook (`.xlsx`, `.xls`, `.ods`...).
 * @param limit - largest file read, in bytes (default `LIMITS.maxDataFileBytes`).
 * @throws {IndicatrixError} `unreadable_file`, `file_too_large`, `invalid_workbook`, `invalid_csv`.
 * @example
 * ```ts
 * const files = ["li.xlsx", "wang.xlsx"].map((f) => readFilledQuestionnaire(f));
 * const { model: weighted } = readAhpQuestionnaires(model, files, { profile: "normal" });
 * ```
 */
export function readFilledQuestionnaire(path: string, limit = MAX_DATA_FILE_BYTES): FilledQuestionnaire {
  const name = basename(path);
  if (!isWorkbookFile(path)) return { name, rows: readCsvFile(path, limit) };
  let expert = "";
  const rows: Record<string, string>[] = [];
  const places: string[] = [];
  const headers = new Map<string, string[]>();
  readXlsxAllRows(
    path,
    (sheet, cells, row) => {
      const trimmed = cells.map((c) => cellText(c).trim());
      const header = headers.get(sheet);
      if (header === undefined) {
        headers.set(sheet, trimmed);
        return;
      }
      const isPairs = ["group", "a", "b", "more_important", "intensity"].every((c) => header.includes(c));
      if (isPairs) {
        rows.push(Object.fromEntries(header.map((h, j) => [h, trimmed[j] ?? ""])));
        places.push(`sheet "${sheet}", row ${row}`);
      } else if (expert === "" && EXPERT_LABELS.has((trimmed[0] ?? "").toLowerCase()))
        expert = trimmed[1] ?? "";
    },
    limit,
  );
  return { name, rows: rows.map((r) => ({ expert, ...r })), places };
}
