import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// test/fixtures/encodings: one table in GBK, UTF-8 and UTF-16 (make.py, Python's codecs); model.json maps
// its Chinese headers to indicators. Expected values by hand from expected.json.
const dir = "test/fixtures/encodings";
const model = `${dir}/model.json`;
const cols = ["--unit-column", "社区编号", "--name-column", "社区名称"];

describe("indicatrix score on a GBK CSV with Chinese headers, percent and full-width cells", () => {
  it("reads GBK with a notice on stderr, names intact, 35% as 35 points (unit %), 1,234.5 and ８５ as numbers", async () => {
    const r = await runCli("score", model, `${dir}/gbk.csv`, ...cols);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: guessed_encoding at .*gbk\.csv: not valid UTF-8 .*read as GB18030/);
    expect(r.stderr).toMatch(
      /warning: converted_cells at .*column "绿地率": 2 percent cell\(s\) read as points/,
    );
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.name)).toEqual(["东湖社区", "西山社区", "南门社区"]);
    expect(r.stdout).not.toContain("\uFFFD");
    // green on goalposts [0, 100]: 35 -> 0.35, 42.5 -> 0.425; income 1234.5 / 20000; air ８５ -> 0.85.
    expect(Number(rows[0]?.green)).toBeCloseTo(0.35, 12);
    expect(Number(rows[1]?.green)).toBeCloseTo(0.425, 12);
    expect(Number(rows[0]?.income)).toBeCloseTo(1234.5 / 20000, 12);
    expect(Number(rows[0]?.air)).toBeCloseTo(0.85, 12);
  });

  it.each(["utf8.csv", "utf8-bom.csv", "utf16le-bom.csv", "utf16be-bom.csv"])(
    "reads %s to the same output as the GBK file, without an encoding notice",
    async (file) => {
      const gbk = await runCli("score", model, `${dir}/gbk.csv`, ...cols);
      const r = await runCli("score", model, `${dir}/${file}`, ...cols);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(gbk.stdout);
      expect(r.stderr).not.toMatch(/guessed_encoding/);
    },
  );

  it("--encoding utf-8 on the GBK file exits 1 with invalid_encoding, no garbled output", async () => {
    const r = await runCli("score", model, `${dir}/gbk.csv`, ...cols, "--encoding", "utf-8");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/gbk\.csv, line 1: the bytes are not valid utf-8/);
  });

  it("without --unit-column: exit 1 and one line listing the headers found and the names expected", async () => {
    const r = await runCli("score", model, `${dir}/utf8.csv`);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `indicatrix: ${dir}/utf8.csv: no unit id column: expected one of "unit", "id", "uCode" (name it with --unit-column); the columns are "社区编号", "社区名称", "绿地率", "人均收入", "空气质量"`,
    ]);
  });

  it("--percent fraction reads 35% as 0.35 whatever the unit; --missing replaces the markers", async () => {
    const r = await runCli("score", model, `${dir}/utf8.csv`, ...cols, "--percent", "fraction");
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Number(rows[0]?.green)).toBeCloseTo(0.0035, 12);
    const strict = await runCli("score", model, `${dir}/utf8.csv`, ...cols, "--missing", "NA");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/column "绿地率".*"无"|"无".*column "绿地率"/);
  });

  it.each([["evaluate", "--method", "topsis"], ["analyze", "--runs", "5"], ["report"]])(
    "%s reads the same GBK file through the shared loader (notice and conversions on stderr)",
    async (command, ...extra) => {
      const r = await runCli(command, model, `${dir}/gbk.csv`, ...cols, ...extra);
      expect(r.stderr).toMatch(/warning: guessed_encoding/);
      expect(r.stderr).toMatch(
        /warning: converted_cells at .*column "人均收入": 2 with thousands separators/,
      );
      if (command === "report") expect(r.stdout).toContain("东湖社区");
    },
  );

  it("weights --data reads the GBK file through the shared loader", async () => {
    const r = await runCli("weights", model, "--data", `${dir}/gbk.csv`, ...cols);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: guessed_encoding/);
  });

  it("score --scale 100 --digits 2 writes 0-100 scores rounded to 2 decimals; ranks unchanged", async () => {
    const exact = await runCli("score", model, `${dir}/utf8.csv`, ...cols);
    const r = await runCli("score", model, `${dir}/utf8.csv`, ...cols, "--scale", "100", "--digits", "2");
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const before = parse(exact.stdout, { columns: true }) as Record<string, string>[];
    // By hand: c01 root = (0.35 + 1234.5 / 20000 + 0.85) / 3 = 0.420575 -> 42.06; income 6.1725 -> 6.17.
    expect(rows[0]?.root).toBe("42.06");
    expect(rows[0]?.income).toBe("6.17");
    expect(rows[1]?.coverage).toBe("0.67");
    expect(rows.map((x) => x.root_rank)).toEqual(before.map((x) => x.root_rank));
    const bad = await runCli("score", model, `${dir}/utf8.csv`, ...cols, "--scale", "10");
    expect(bad.code).toBe(2);
    expect((await runCli("score", model, `${dir}/utf8.csv`, ...cols, "--digits", "x")).code).toBe(2);
  });
});

describe("indicatrix score with .xlsx data and --out .xlsx", () => {
  it("reads sheet 数据 of an Excel workbook (make.py) and writes a workbook whose cells equal the CSV output", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { cellText, readXlsxRows } = await import("../../src/node/read-xlsx.js");
    const xmodel = "test/fixtures/xlsx/model.json"; // model.json without air
    const args = ["score", xmodel, "test/fixtures/xlsx/communities.xlsx", "--sheet", "数据", ...cols];
    const csv = await runCli(...args);
    expect(csv.code).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), "ix-")), "results.xlsx");
    const r = await runCli(...args, "--out", out);
    expect(r.code).toBe(0);
    const sheets: Record<string, string[][]> = {};
    for (const name of ["scores", "ranking", "weights"]) {
      const rows: string[][] = [];
      readXlsxRows(out, (c) => rows.push(c.map(cellText)), { sheet: name });
      sheets[name] = rows;
    }
    const expectedRows = parse(csv.stdout) as string[][];
    // Same header and cells; a number cell reads back as the same shortest round-trip text.
    expect(sheets.scores?.[0]).toEqual(expectedRows[0]);
    for (const [k, row] of expectedRows.slice(1).entries())
      for (const [j, cell] of row.entries()) {
        const got = sheets.scores?.[k + 1]?.[j] ?? "";
        if (cell !== "" && !Number.isNaN(Number(cell)) && got.endsWith("%"))
          expect(Number(got.slice(0, -1)) / 100).toBeCloseTo(Number(cell), 12); // coverage, format 0.0%
        else expect(got).toBe(cell);
      }
    expect(sheets.ranking?.[0]).toEqual(["rank", "unit", "name", "parent", "root"]);
    expect(sheets.ranking?.[1]?.[0]).toBe("1");
    expect(sheets.weights?.map((w) => w[0])).toEqual(["node", "root", "green", "income"]);
  });
});

describe("indicatrix validate and weights with an .xlsx model table", () => {
  it("validate model.xlsx reads the indicator table of the workbook (no binary dump), exit 0", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { xlsxBytes } = await import("../../src/node/xlsx-bytes.js");
    const path = join(mkdtempSync(join(tmpdir(), "ix-")), "model.xlsx");
    const rows = [
      ["root", "", "", "1"],
      ["green", "root", "benefit", "2"],
      ["income", "root", "benefit", "1"],
    ];
    writeFileSync(
      path,
      xlsxBytes([{ name: "指标", columns: ["id", "parent", "direction", "weight"], rows }]),
    );
    const v = await runCli("validate", path);
    expect(v.code).toBe(0);
    const w = await runCli("weights", path, "--format", "json");
    expect(w.code).toBe(0);
    // Weights 2 and 1 normalized by hand: 2/3 and 1/3.
    const local = (JSON.parse(w.stdout) as { local: Record<string, number> }).local;
    expect(local.green).toBeCloseTo(2 / 3, 12);
    expect(local.income).toBeCloseTo(1 / 3, 12);
  });
});
