import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  readXlsxColumns,
  readXlsxRows,
  readXlsxSheetNames,
  type WorkbookCell,
} from "../../src/node/read-xlsx.js";
import { xlsxBytes } from "../../src/node/xlsx-bytes.js";

// communities.xlsx and expected.json: test/fixtures/xlsx/make.py (Python zipfile, hand-written XML).
const fixture = "test/fixtures/xlsx/communities.xlsx";
const expected = JSON.parse(readFileSync("test/fixtures/xlsx/expected.json", "utf8")) as {
  rows: WorkbookCell[][];
  firstSheet: WorkbookCell[][];
};
const rowsOf = (path: string, sheet?: string) => {
  const out: WorkbookCell[][] = [];
  readXlsxRows(path, (cells) => out.push(cells), sheet === undefined ? {} : { sheet });
  return out;
};
const tmp = () => mkdtempSync(join(tmpdir(), "ix-xlsx-"));

describe("readXlsxRows(path, onRow, { sheet })", () => {
  it("reads sheet 数据 by name and by number: shared, rich and inline strings, percent style, #N/A, sparse rows", () => {
    expect(rowsOf(fixture, "数据")).toEqual(expected.rows);
    expect(rowsOf(fixture, "2")).toEqual(expected.rows);
  });

  it("reads the first sheet by default (a boolean as TRUE)", () => {
    expect(rowsOf(fixture)).toEqual(expected.firstSheet);
  });

  it("a missing sheet is invalid_workbook listing the sheets", () => {
    expect(() => rowsOf(fixture, "2025")).toThrow(/no sheet "2025"; the sheets are "说明", "数据"/);
  });

  it("a CSV named .xlsx or .xls and a damaged .xls are invalid_workbook, not a binary dump or a CSV read by SheetJS", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.xlsx"), "unit,a\nc1,1\n");
    writeFileSync(join(dir, "a.xls"), "<html><table><tr><td>unit</td></tr></table></html>");
    // the first 8 bytes of an OLE compound file (Excel 97-2003), and nothing more
    writeFileSync(join(dir, "b.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(() => rowsOf(join(dir, "a.xlsx"))).toThrow(
      expect.objectContaining({ code: "invalid_workbook", message: expect.stringMatching(/not a workbook/) }),
    );
    expect(() => rowsOf(join(dir, "a.xls"))).toThrow(/a CSV or a web page with a workbook's name/);
    expect(() => rowsOf(join(dir, "b.xls"))).toThrow(
      expect.objectContaining({
        code: "invalid_workbook",
        message: expect.stringMatching(/not a readable workbook/),
      }),
    );
  });

  it("a workbook larger than the unpacked limit is refused with file_too_large before it is inflated", () => {
    // 40 MB of rows, deflated to well under 1 MB; the limit is lowered to 8 MiB to keep the test fast
    // (the default, 128 MiB, is checked the same way from the zip directory).
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const big = new TextEncoder().encode(
      `<worksheet><sheetData>${row.repeat(800_000)}</sheetData></worksheet>`,
    );
    const wb = xlsxBytes([{ name: "s", columns: ["unit"], rows: [] }]);
    const dir = tmp();
    const path = join(dir, "big.xlsx");
    // The writer's own parts, with sheet1 replaced by the large one.
    const parts = unzipSync(wb);
    parts["xl/worksheets/sheet1.xml"] = big;
    writeFileSync(path, zipSync(parts, { level: 1 }));
    const before = process.memoryUsage().arrayBuffers;
    expect(() => readXlsxRows(path, () => {}, { unpackedLimit: 8 * 1024 * 1024 })).toThrow(
      expect.objectContaining({
        code: "file_too_large",
        message: expect.stringMatching(/save the sheet as CSV/),
      }),
    );
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(big.length);
  });
});

describe("xlsxBytes(sheets) then readXlsxRows: a workbook written and read back", () => {
  it("keeps numbers, text (XML specials, Chinese, control characters) and empty cells", () => {
    const path = join(tmp(), "w.xlsx");
    writeFileSync(
      path,
      xlsxBytes([
        {
          name: "scores",
          columns: ["unit", "name", "score"],
          rows: [
            ["c1", '东湖 <&> "社区"', 0.123456789012345],
            ["c2", null, Number.NaN],
            ["c3", "tab\there", -1e-7],
          ],
          formats: [undefined, undefined, "0.0000"],
        },
        { name: "a/b:c", columns: ["x"], rows: [[1]] },
      ]),
    );
    // read back by SheetJS, a reader independent of the writer: numbers as the same doubles
    expect(rowsOf(path)).toEqual([
      ["unit", "name", "score"],
      ["c1", '东湖 <&> "社区"', 0.123456789012345],
      ["c2", "", ""],
      ["c3", "tab\there", -1e-7],
    ]);
    expect(rowsOf(path, "a_b_c")).toEqual([["x"], [1]]);
    const sheet = new TextDecoder().decode(unzipSync(readFileSync(path))["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });
});

describe("readXlsxColumns(path, opts)", () => {
  it("reads sheet 数据 into columns with the data options: 35% as a fraction, #N/A missing, 1.2E4", () => {
    const d = readXlsxColumns(fixture, { sheet: "数据", unitColumn: "社区编号", nameColumn: "社区名称" });
    expect(d.units).toEqual(["c01", "c02", "c03"]);
    expect(d.names).toEqual(["东湖社区", "西山&社区", undefined]);
    expect(Array.from(d.values.绿地率 as Float64Array)).toEqual([0.35, Number.NaN, Number.NaN]);
    expect(Array.from(d.values.人均收入 as Float64Array)).toEqual([1234.5, 12000, 980]);
  });
});

describe("readModelFile(model.xlsx)", () => {
  it("reads an indicator table from the first sheet of a workbook, as from a CSV table", async () => {
    const { readModelFile } = await import("../../src/node/read-model-file.js");
    const { readCsvText } = await import("../../src/node/read-csv-text.js");
    const { modelFromTable } = await import("../../src/indicators/from-table.js");
    const table = [
      ["root", "", "", ""],
      ["green", "root", "benefit", "2"],
      ["income", "root", "cost", "1"],
    ];
    const path = join(tmp(), "model.xlsx");
    writeFileSync(
      path,
      xlsxBytes([{ name: "indicators", columns: ["id", "parent", "direction", "weight"], rows: table }]),
    );
    const csv = `id,parent,direction,weight\n${table.map((r) => r.join(",")).join("\n")}\n`;
    expect(readModelFile(path)).toEqual(modelFromTable(readCsvText(csv)));
  });
});

// peer-openpyxl.xlsx, peer-xlwt.xls, peer-odfpy.ods: test/fixtures/xlsx/make-peers.py, the same table
// written by three writers that are neither SheetJS nor indicatrix. What a reader must find, by hand from
// that script: 0.35 and 0.4 are shown as 0%, 东湖街道 is merged over B2:B3, 1001 is a number cell, the
// dates are 2024-03-01 to 2024-03-03.
const peerRows: WorkbookCell[][] = [
  ["社区编号", "街道", "绿地率", "人均收入", "调查日期"],
  ["c01", "东湖街道", "35%", 1234.5, "2024-03-01"],
  ["c02", "东湖街道", "40%", 12000, "2024-03-02"],
  [1001, "西山街道", "无", 980, "2024-03-03"],
];
const peers = ["peer-openpyxl.xlsx", "peer-xlwt.xls", "peer-odfpy.ods"].map((f) => `test/fixtures/xlsx/${f}`);

describe("readXlsxRows on workbooks of other writers (openpyxl .xlsx, xlwt .xls, odfpy .ods)", () => {
  it.each(peers)(
    "%s: numbers as numbers, percent and dates as text, a merge over rows read in each row",
    (p) => {
      expect(readXlsxSheetNames(p).slice(0, 2)).toEqual(["说明", "数据"]);
      expect(rowsOf(p, "数据")).toEqual(peerRows);
      expect(rowsOf(p, "2")).toEqual(peerRows);
    },
  );

  it.each(peers)(
    "%s into columns: percent as fractions, 无 missing, a merged_cells note, a date is no number",
    (p) => {
      const d = readXlsxColumns(p, { sheet: "数据", unitColumn: "社区编号", parentColumn: "街道" });
      expect(d.units).toEqual(["c01", "c02", "1001"]);
      expect(d.parents).toEqual(["东湖街道", "东湖街道", "西山街道"]);
      expect(Array.from(d.values.绿地率 as Float64Array)).toEqual([0.35, 0.4, Number.NaN]);
      expect(Array.from(d.values.人均收入 as Float64Array)).toEqual([1234.5, 12000, 980]);
      // a date in a numeric column is kept as its text, for toDataset to report (never its serial number)
      expect(String(d.values.调查日期?.[0])).toBe("2024-03-01");
      expect(d.notes?.map((n) => n.code)).toEqual(["merged_cells", "converted_cells"]);
      expect(d.notes?.[0]?.message).toMatch(/1 merged range\(s\) over several rows \(first: B2:B3\)/);
    },
  );

  it("a formula without a saved result (openpyxl does not calculate) is invalid_workbook naming the cell", () => {
    expect(() => rowsOf(peers[0] as string, "公式")).toThrow(
      expect.objectContaining({
        code: "invalid_workbook",
        message: expect.stringContaining(
          'sheet "公式", cell A2 holds a formula (=1+1) without a saved result',
        ),
      }),
    );
  });
});

describe("readXlsxColumns on an Excel 97-2003 .xls written by SheetJS (bookType biff8)", () => {
  it("reads the sheet given by number: Chinese text, numbers, cached formula results, dates, percent", () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ["单位", "名称", "得分", "比例", "合计"],
      ["u1", "东湖社区", 3.5, 0.125, null],
      ["u2", "西山社区", -2, 0.5, null],
    ]);
    // formulas with their cached results, as Excel saves them: E2 = C2 * 2 = 7, E3 = -4
    ws.E2 = { t: "n", v: 7, f: "C2*2" };
    ws.E3 = { t: "n", v: -4, f: "C3*2" };
    (ws.D2 as XLSX.CellObject).z = "0.0%";
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["说明"]]), "说明");
    XLSX.utils.book_append_sheet(wb, ws, "数据");
    const path = join(tmp(), "data.xls");
    writeFileSync(path, XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer);
    expect(readFileSync(path).subarray(0, 4).toString("hex")).toBe("d0cf11e0"); // an OLE file, not a zip
    const d = readXlsxColumns(path, { sheet: "2", unitColumn: "单位", nameColumn: "名称" });
    expect(d.units).toEqual(["u1", "u2"]);
    expect(d.names).toEqual(["东湖社区", "西山社区"]);
    expect(Array.from(d.values.得分 as Float64Array)).toEqual([3.5, -2]);
    // 0.125 shown as 12.5% reads back as 0.125; 0.5 without a format is the number 0.5
    expect(Array.from(d.values.比例 as Float64Array)).toEqual([0.125, 0.5]);
    expect(Array.from(d.values.合计 as Float64Array)).toEqual([7, -4]);
  });
});

describe("readXlsxRows on a binary workbook larger than cellLimit", () => {
  it("an .xls whose sheet spans more cells than the limit is file_too_large, read before its cells", () => {
    const wb = XLSX.utils.book_new();
    // A1:D3: 3 rows x 4 columns = 12 cells (by hand)
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["unit", "a", "b", "c"],
        ["u1", 1, 2, 3],
        ["u2", 4, 5, 6],
      ]),
      "data",
    );
    const path = join(tmp(), "big.xls");
    writeFileSync(path, XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer);
    expect(() => readXlsxRows(path, () => {}, { cellLimit: 11 })).toThrow(
      expect.objectContaining({
        code: "file_too_large",
        message: expect.stringContaining(
          'sheet "data" spans A1:D3 (12 cells), more than the limit of 11 cells',
        ),
      }),
    );
    const rows: WorkbookCell[][] = [];
    readXlsxRows(path, (c) => rows.push(c), { cellLimit: 12 });
    expect(rows).toEqual([
      ["unit", "a", "b", "c"],
      ["u1", 1, 2, 3],
      ["u2", 4, 5, 6],
    ]);
  });
});
