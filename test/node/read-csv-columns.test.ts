import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EAGER_COLUMNS, firstLineEnd, readCsvColumns } from "../../src/node/read-csv-columns.js";
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

describe('a quoted parent id "  s1 " (issue 20 item 21: was trimmed to s1)', () => {
  it("toDataset refuses it naming its row, and an unquoted padded parent is trimmed by the reader", () => {
    const tmp = mkdtempSync(join(tmpdir(), "indicatrix-ids-"));
    const path = join(tmp, "parents.csv");
    writeFileSync(path, 'unit,parent,a\ns1,,\nc1, s1 ,1\nc2,"  s1 ",2\n');
    const d = readCsvColumns(path);
    expect(() => toDataset(d)).toThrow(
      /^row 3, parents\[2\]: parent id " {2}s1 " begins or ends with white space/,
    );
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

describe("a file wider than EAGER_COLUMNS keeps its numbers packed and reads as a narrow one (issue 20 item 14)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "indicatrix-wide-"));
  // The same five columns alone (read with an array per column) and among EAGER_COLUMNS padding
  // columns (read packed): `a` holds a cell that is not a number, `b` percents, `c` thousands
  // separators and a missing marker, `pop` is renamed `population` over the file's own `population`.
  const write = (name: string, padding: number): string => {
    const pad = Array.from({ length: padding }, (_, j) => `p${j}`);
    const header = [
      "unit",
      ...pad.slice(0, padding >> 1),
      "a",
      "b",
      "population",
      "c",
      "pop",
      ...pad.slice(padding >> 1),
    ];
    const row = (u: string, cells: string[]) =>
      [
        u,
        ...pad.slice(0, padding >> 1).map(() => "1"),
        ...cells,
        ...pad.slice(padding >> 1).map(() => "2"),
      ].join(",");
    const path = join(tmp, name);
    writeFileSync(
      path,
      `${header.join(",")}\n${row("u1", ["3", "85%", "7", '"1,234.5"', "100"])}\n${row("u2", ["x", "5%", "8", "—", "300"])}\n${row("u3", ["4", "0.5", "9", "12", "200"])}\n`,
    );
    return path;
  };
  const narrow = write("narrow.csv", 0);
  const wide = write("wide.csv", EAGER_COLUMNS);
  const opts = { populationColumn: "pop", numbers: { pointsColumns: ["b"] } };
  const columns = ["b", "c", "population"];

  it("toDataset gives the same columns, conversion notes, ignored columns and refusals", () => {
    const a = readCsvColumns(narrow, opts);
    const b = readCsvColumns(wide, opts);
    const da = toDataset(a, { columns });
    const db = toDataset(b, { columns });
    expect(db.units).toEqual(["u1", "u2", "u3"]);
    // By hand: 85% and 5% read as points in b; "1,234.5" as 1234.5 and "—" as missing in c; pop, not the file's population.
    expect([...(db.columns.get("b") as Float64Array)]).toEqual([85, 5, 0.5]);
    expect(nan(db.columns.get("c") as Float64Array)).toEqual([1234.5, null, 12]);
    expect([...(db.columns.get("population") as Float64Array)]).toEqual([100, 300, 200]);
    for (const c of columns)
      expect([...(db.columns.get(c) as Float64Array)]).toEqual([...(da.columns.get(c) as Float64Array)]);
    expect(da.ignored).toEqual(["a"]);
    expect(db.ignored).toHaveLength(EAGER_COLUMNS + 1);
    expect(db.ignored.filter((c) => !c.startsWith("p"))).toEqual(["a"]);
    expect(b.notes?.map((n) => n.message)).toEqual(a.notes?.map((n) => n.message));
    expect(b.notes?.map((n) => n.where)).toEqual([`${wide}, column "b"`, `${wide}, column "c"`]);
    const refusal = (data: typeof a) => {
      try {
        toDataset(data, { columns: ["a"] });
      } catch (e) {
        return (e as Error).message;
      }
      return "accepted";
    };
    expect(refusal(b)).toBe('row 2, unit "u2", column "a": expected a number or an empty cell, got "x"');
    expect(refusal(b)).toBe(refusal(a));
    expect(() => toDataset(b, { columns: ["zz"] })).toThrow(/the model needs column "zz"/);
    // Names match after headerKey, as in a narrow file: the full-width ｃ is c.
    expect([...(toDataset(b, { columns: ["ｃ"] }).columns.get("ｃ") as Float64Array)].slice(0, 1)).toEqual([
      1234.5,
    ]);
  });

  it("values, read, holds every column as a narrow file's does; a copy is read by its own values", () => {
    const b = readCsvColumns(wide, opts);
    // The padding, a, b, c and population (pop's values: the file's own population column is replaced).
    expect(Object.keys(b.values)).toHaveLength(EAGER_COLUMNS + 4);
    expect([...(b.values.p0 as Float64Array)]).toEqual([1, 1, 1]);
    expect([...(b.values[`p${EAGER_COLUMNS - 1}`] as Float64Array)]).toEqual([2, 2, 2]);
    expect([...(b.values.population as Float64Array)]).toEqual([100, 300, 200]);
    expect(b.values.b).toBe(toDataset(b, { columns: ["b"] }).columns.get("b"));
    const copy = { ...b, values: { b: [1, 2, 3] } };
    expect([...(toDataset(copy).columns.get("b") as Float64Array)]).toEqual([1, 2, 3]);
  });

  it("--population-column pop replaces a population column before or after it", () => {
    const path = join(tmp, "before.csv");
    writeFileSync(path, "unit,pop,population\nu1,5,7\n");
    expect([
      ...(toDataset(readCsvColumns(path, { populationColumn: "pop" })).columns.get(
        "population",
      ) as Float64Array),
    ]).toEqual([5]);
    expect(readCsvColumns(narrow, { populationColumn: "pop" }).values.population).toEqual(
      new Float64Array([100, 300, 200]),
    );
  });

  it("a repeated or empty name in a wide header is refused at the first of them", () => {
    const names = Array.from({ length: EAGER_COLUMNS + 2 }, (_, j) => `p${j}`);
    const path = join(tmp, "repeat.csv");
    writeFileSync(path, `unit,${[...names, "p7", ""].join(",")}\n`);
    expect(() => readCsvColumns(path)).toThrow(`${path}, line 1: column "p7" appears twice`);
    writeFileSync(path, `unit,${[...names.slice(0, 9), "", ...names, "p7"].join(",")}\n`);
    expect(() => readCsvColumns(path)).toThrow(`${path}, line 1: column 11 has no name`);
  });
});
