import { zipSync } from "fflate";
import { fail } from "../internal/errors.js";

/** One sheet of a workbook written by {@link xlsxBytes}. */
export interface XlsxSheet {
  /** Sheet name (cut to 31 characters; `[]:*?/\` replaced by `_`). */
  name: string;
  /** Header row (bold, frozen). */
  columns: readonly string[];
  /** Rows of cells: a number (NaN and infinities as empty), a text, or null (empty). */
  rows: Iterable<readonly (string | number | null | undefined)[]>;
  /** Number format of each column (an Excel format code such as `0.0000`, `0.0%`, `0`), or none. */
  formats?: readonly (string | undefined)[];
  /** Width of each column in characters (default: from the header's length, 8 to 60). */
  widths?: readonly (number | undefined)[];
  /** Data validation: cells that accept only one of a list of answers (a drop-down in Excel). */
  validations?: readonly XlsxValidation[];
}

/** A list validation of a range of cells (Excel's Data > Data Validation > List). */
export interface XlsxValidation {
  /** The cells, in A1 notation: `G2:G16`, or several ranges separated by spaces. */
  range: string;
  /** The allowed answers (no comma or double quote in one; 255 characters at most in all, Excel's limit). */
  list: readonly string[];
  /** Input message shown when a cell is selected. */
  prompt?: string;
  /** Error message shown when another answer is typed. */
  error?: string;
}

/** Characters that XML 1.0 cannot hold (C0 controls but tab, newline, carriage return; U+FFFE, U+FFFF). */
const NOT_XML = /[\p{Cc}\ufffe\uffff]/gu;

const escapeXml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // Characters XML 1.0 cannot hold, written as OOXML escapes (`_x0001_`).
    .replace(NOT_XML, (c) =>
      c === "\t" || c === "\n" || c === "\r" || (c >= "\u007f" && c <= "\u009f")
        ? c
        : `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`,
    );

/** Column letters of a 0-based index: 0 = A, 26 = AA. */
function letters(j: number): string {
  let s = "";
  for (let n = j + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet";
  for (let k = 2; used.has(base.toLowerCase()); k++) base = `${name.slice(0, 28)}~${k}`;
  used.add(base.toLowerCase());
  return base;
}

/** The `<dataValidations>` element of a sheet (empty text when it has none). */
function validationsXml(sheet: XlsxSheet, index: number): string {
  const list = sheet.validations ?? [];
  if (list.length === 0) return "";
  const items = list.map((v, k) => {
    const where = ["sheets", index, "validations", k];
    if (
      !/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?( \$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?)*$/.test(
        v.range,
      )
    )
      fail(
        "invalid_option",
        [...where, "range"],
        `expected cells in A1 notation such as "G2:G16", got "${v.range}"`,
      );
    const bad = v.list.find((a) => a === "" || /[,"]/.test(a));
    if (v.list.length === 0 || bad !== undefined)
      fail(
        "invalid_option",
        [...where, "list"],
        `expected non-empty answers without a comma or double quote, got "${bad ?? ""}"`,
      );
    const formula = `"${v.list.join(",")}"`;
    if (formula.length - 2 > 255)
      fail(
        "invalid_option",
        [...where, "list"],
        `the answers are ${formula.length - 2} characters in all, more than Excel's 255`,
      );
    const text = (name: string, t: string | undefined, max: number) =>
      t === undefined ? "" : ` ${name}="${escapeXml([...t].slice(0, max).join(""))}"`;
    return `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"${text("error", v.error, 225)}${text("prompt", v.prompt, 255)} sqref="${v.range}"><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

/**
 * An `.xlsx` workbook (Office Open XML, zipped with fflate) with one sheet per entry: a bold, frozen
 * header row, numbers as numbers with the column's number format, text as inline strings, optional column
 * widths and list validations (drop-downs) of answer cells. What the CLI writes for `--out results.xlsx`
 * and `indicatrix questionnaire --out survey.xlsx`; the bytes go to `writeChunksAtomic`.
 *
 * Workbooks are read with SheetJS (`readXlsxRows`), but written here: SheetJS Community Edition writes
 * no frozen panes, no fonts and no data validation (its Pro edition does), and a writer has no untrusted
 * input to guard against. Its output is read back by SheetJS in the tests.
 *
 * @param sheets - the sheets, in order.
 * @throws {IndicatrixError} `invalid_option`: a validation with a bad range or list.
 * @example
 * ```ts
 * writeChunksAtomic("out.xlsx", [xlsxBytes([{ name: "scores", columns: ["unit", "score"], rows: [["c1", 0.5]] }])]);
 * ```
 */
export function xlsxBytes(sheets: readonly XlsxSheet[]): Uint8Array {
  const enc = new TextEncoder();
  const formats: string[] = [];
  const styleOf = (code: string | undefined): number => {
    if (code === undefined) return 0;
    let k = formats.indexOf(code);
    if (k < 0) k = formats.push(code) - 1;
    return k + 2; // 0: default, 1: bold header, 2...: the number formats
  };
  const used = new Set<string>();
  const names: string[] = [];
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, i) => {
    names.push(sheetName(sheet.name, used));
    const styles = sheet.columns.map((_, j) => styleOf(sheet.formats?.[j]));
    const parts: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
      `<cols>${sheet.columns.map((c, j) => `<col min="${j + 1}" max="${j + 1}" width="${(sheet.widths?.[j] ?? Math.min(60, Math.max(8, [...c].length * 1.3 + 2))).toFixed(1)}" customWidth="1"/>`).join("")}</cols>`,
      "<sheetData>",
      `<row r="1">${sheet.columns.map((c, j) => `<c r="${letters(j)}1" t="inlineStr" s="1"><is><t>${escapeXml(c)}</t></is></c>`).join("")}</row>`,
    ];
    let r = 1;
    for (const row of sheet.rows) {
      r++;
      let cells = "";
      row.forEach((v, j) => {
        const ref = `${letters(j)}${r}`;
        if (typeof v === "number") {
          if (Number.isFinite(v))
            cells += `<c r="${ref}"${styles[j] ? ` s="${styles[j]}"` : ""}><v>${v}</v></c>`;
        } else if (v !== null && v !== undefined && v !== "")
          cells += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
      });
      parts.push(`<row r="${r}">${cells}</row>`);
    }
    parts.push(`</sheetData>${validationsXml(sheet, i)}</worksheet>`);
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc.encode(parts.join(""));
  });
  const sheetList = names.map(
    (n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  files["[Content_Types].xml"] = enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
  );
  files["_rels/.rels"] = enc.encode(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  files["xl/workbook.xml"] = enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetList.join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  const numFmts = formats
    .map((f, k) => `<numFmt numFmtId="${164 + k}" formatCode="${escapeXml(f)}"/>`)
    .join("");
  const xfs = formats.map(
    (_, k) => `<xf numFmtId="${164 + k}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
  );
  files["xl/styles.xml"] = enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${formats.length > 0 ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : ""}<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${2 + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  // a fixed time stamp on the zip entries, so that the same sheets give the same bytes
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1) });
}
