import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstLineEnd, readCsvColumns } from "../../src/node/read-csv-columns.js";
import { toDataset } from "../../src/score/dataset.js";

// The files and expected.json are written by test/fixtures/encodings/make.py (Python's codecs and hand rules).
const dir = "test/fixtures/encodings";
const expected = JSON.parse(readFileSync(`${dir}/expected.json`, "utf8")) as {
  units: string[];
  names: string[];
  values: Record<string, (number | null)[]>;
};
const nan = (v: ArrayLike<number | null>) => Array.from(v, (x) => (Number.isNaN(x) ? null : x));
const opts = { unitColumn: "社区编号", nameColumn: "社区名称" };

describe("readCsvColumns(path, { unitColumn, nameColumn }) on Excel's encodings", () => {
  it.each(["gbk", "gb18030", "utf8", "utf8-bom", "utf16le-bom", "utf16be-bom"])(
    "readCsvColumns(%s.csv) gives the units, names and numbers of make.py",
    (name) => {
      const d = readCsvColumns(`${dir}/${name}.csv`, opts);
      expect(d.units).toEqual(expected.units);
      expect(d.names).toEqual(expected.names);
      expect(Object.keys(d.values)).toEqual(Object.keys(expected.values));
      for (const [c, v] of Object.entries(expected.values))
        expect(nan(d.values[c] as Float64Array)).toEqual(v);
    },
  );

  it("a GBK file is read with a guessed_encoding note; a UTF-8 file without", () => {
    const gbk = readCsvColumns(`${dir}/gbk.csv`, opts);
    expect(gbk.notes?.filter((n) => n.code === "guessed_encoding")).toHaveLength(1);
    const utf8 = readCsvColumns(`${dir}/utf8.csv`, opts);
    expect(utf8.notes?.filter((n) => n.code === "guessed_encoding")).toHaveLength(0);
  });

  it("counts the conversions of each column in converted_cells notes", () => {
    const d = readCsvColumns(`${dir}/utf8.csv`, opts);
    const notes = (d.notes ?? []).filter((n) => n.code === "converted_cells");
    expect(notes.map((n) => n.where)).toEqual([
      `${dir}/utf8.csv, column "绿地率"`,
      `${dir}/utf8.csv, column "人均收入"`,
      `${dir}/utf8.csv, column "空气质量"`,
    ]);
    expect(notes[0]?.message).toMatch(/^2 percent cell\(s\) read as fractions .*1 missing marker/);
    expect(notes[1]?.message).toMatch(/^2 with thousands separators/);
  });

  it("{ numbers: { pointsColumns: ['绿地率'] } } reads 35% as 35 in that column", () => {
    const d = readCsvColumns(`${dir}/utf8.csv`, { ...opts, numbers: { pointsColumns: ["绿地率"] } });
    expect(nan(d.values.绿地率 as Float64Array)).toEqual([35, 42.5, null]);
  });

  it("{ encoding: 'utf-8' } on GBK bytes is invalid_encoding (never replacement characters)", () => {
    expect(() => readCsvColumns(`${dir}/gbk.csv`, { ...opts, encoding: "utf-8" })).toThrow(
      expect.objectContaining({ code: "invalid_encoding" }),
    );
  });

  it("without a unit column: one missing_column error listing the headers found and the names expected", () => {
    let err: Error & { code?: string; issues?: unknown[] } = new Error();
    try {
      readCsvColumns(`${dir}/utf8.csv`);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe("missing_column");
    expect(err.issues).toHaveLength(1);
    expect(err.message).toBe(
      `${dir}/utf8.csv: no unit id column: expected one of "unit", "id", "uCode" (name it with --unit-column); the columns are "社区编号", "社区名称", "绿地率", "人均收入", "空气质量"`,
    );
  });

  it("headers match after trimming and NFKC: --unit-column ＩＤ finds the header ' ID ', population and period are renamed", () => {
    const path = join(mkdtempSync(join(tmpdir(), "ix-")), "d.csv");
    writeFileSync(path, " ID ,人口,年份,a\nx1,100,2024,1\nx2,200,2024,2\n");
    const d = readCsvColumns(path, { unitColumn: "ＩＤ", populationColumn: "人口", periodColumn: "年份" });
    expect(d.units).toEqual(["x1", "x2"]);
    expect(Object.keys(d.values)).toEqual(["population", "period", "a"]);
    expect(() => readCsvColumns(path, { unitColumn: "编号" })).toThrow(
      /no column "编号" \(--unit-column\); the columns are "ID"/,
    );
  });
});

describe("firstLineEnd: the line ending given to csv-parse (issue 20 item 14)", () => {
  it("finds \\r\\n, \\n or \\r outside quotes, as csv-parse's own discovery does; none in a single line", () => {
    expect(firstLineEnd("unit,a\r\nu1,1\n")).toBe("\r\n");
    expect(firstLineEnd(Buffer.from("unit,a\nu1,1\r\n"))).toBe("\n");
    expect(firstLineEnd("unit,a\ru1,1\r")).toBe("\r");
    // A quoted header with a line break inside: the ending is the one after the closing quote.
    expect(firstLineEnd('unit,"a\nb"""\r\nu1,1\r\n')).toBe("\r\n");
    expect(firstLineEnd("unit,a")).toBeUndefined();
  });

  it("files with each ending (and a quoted line break in the header) read the same rows", () => {
    const tmp = mkdtempSync(join(tmpdir(), "indicatrix-eol-"));
    for (const [name, eol] of [
      ["crlf", "\r\n"],
      ["lf", "\n"],
      ["cr", "\r"],
    ] as const) {
      const path = join(tmp, `${name}.csv`);
      writeFileSync(path, `unit,"a${eol}b",c${eol}u1,1,2${eol}u2,3,4${eol}`);
      const d = readCsvColumns(path);
      expect(d.units).toEqual(["u1", "u2"]);
      expect(Object.keys(d.values)).toEqual([`a${eol}b`, "c"]);
      expect([...(d.values.c as Float64Array)]).toEqual([2, 4]);
    }
  });
});

describe('a quoted unit id "  u4  " (issue 20 item 21: was read as u4)', () => {
  it("the reader keeps the quoted spaces and toDataset refuses the id naming its row", () => {
    const tmp = mkdtempSync(join(tmpdir(), "indicatrix-ids-"));
    const path = join(tmp, "ids.csv");
    writeFileSync(path, 'unit,a\nu1,1\n"  u4  ",2\n u5 ,3\n');
    const d = readCsvColumns(path);
    // csv-parse's trim strips the spaces around an unquoted cell (u5), not inside quotes.
    expect(d.units).toEqual(["u1", "  u4  ", "u5"]);
    expect(() => toDataset(d)).toThrow(/^row 2: unit id " {2}u4 {2}" begins or ends with white space/);
  });
});

describe("files that are not comma-separated UTF-8 get a hint (issue 20 item 23)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "indicatrix-hints-"));

  it("a semicolon-separated file: the missing unit column says the file looks semicolon-separated", () => {
    const path = join(tmp, "semi.csv");
    writeFileSync(path, "unit;a;b\nu1;1,5;2\n");
    expect(() => readCsvColumns(path)).toThrow(
      /the columns are "unit;a;b"; the one header holds ";": the file looks semicolon-separated/,
    );
  });

  it("UTF-16LE without a byte order mark (NULs at odd offsets): invalid_encoding naming --encoding utf-16le, which reads it", () => {
    const path = join(tmp, "u16.csv");
    // Python's "unit,a\nu1,1\n".encode("utf-16le") is each ASCII byte followed by 0x00.
    writeFileSync(path, Buffer.from("unit,a\nu1,1\n", "utf16le"));
    expect(() => readCsvColumns(path)).toThrow(
      /u16\.csv: the file has NUL bytes, as UTF-16LE text without a byte order mark has; read it with --encoding utf-16le/,
    );
    const d = readCsvColumns(path, { encoding: "utf-16le" });
    expect(d.units).toEqual(["u1"]);
    expect([...(d.values.a as Float64Array)]).toEqual([1]);
    // Big-endian: the NULs come first in each pair.
    writeFileSync(path, Buffer.from("unit,a\nu1,1\n", "utf16le").swap16());
    expect(() => readCsvColumns(path)).toThrow(/read it with --encoding utf-16be/);
  });
});

describe("a text cell that is not a number, in a file's words (issue 20 item 23)", () => {
  it('says "a number or an empty cell", not the API\'s "a number or null"', () => {
    const tmp = mkdtempSync(join(tmpdir(), "indicatrix-cell-"));
    const path = join(tmp, "bad.csv");
    writeFileSync(path, "unit,a\nu1,1\nu2,abc\n");
    expect(() => toDataset(readCsvColumns(path))).toThrow(
      'row 2, unit "u2", column "a": expected a number or an empty cell, got "abc"',
    );
    // Columns given through the API keep the API's words.
    expect(() => toDataset({ units: ["u1"], values: { a: [{} as unknown as number] } })).toThrow(
      /expected a number or null, got {}/,
    );
  });
});
