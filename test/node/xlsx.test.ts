import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsxColumns, readXlsxRows } from "../../src/node/read-xlsx.js";
import { xlsxBytes } from "../../src/node/xlsx-bytes.js";

// communities.xlsx and expected.json: test/fixtures/xlsx/make.py (Python zipfile, hand-written XML).
const fixture = "test/fixtures/xlsx/communities.xlsx";
const expected = JSON.parse(readFileSync("test/fixtures/xlsx/expected.json", "utf8")) as {
  rows: string[][];
  firstSheet: string[][];
};
const rowsOf = (path: string, sheet?: string) => {
  const out: string[][] = [];
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

  it("a CSV or .xls file named .xlsx is invalid_workbook, not a binary dump", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.xlsx"), "unit,a\nc1,1\n");
    writeFileSync(join(dir, "b.xlsx"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(() => rowsOf(join(dir, "a.xlsx"))).toThrow(expect.objectContaining({ code: "invalid_workbook" }));
    expect(() => rowsOf(join(dir, "b.xlsx"))).toThrow(/Excel 97-2003 \(\.xls\)/);
  });

  it("a sheet larger than the unpacked limit is refused with file_too_large before it is inflated", () => {
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
    expect(rowsOf(path)).toEqual([
      ["unit", "name", "score"],
      ["c1", '东湖 <&> "社区"', "0.123456789012345"],
      ["c2", "", ""],
      ["c3", "tab\there", "-1e-7"],
    ]);
    expect(rowsOf(path, "a_b_c")).toEqual([["x"], ["1"]]);
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
