// Output for people (issue 18, item 6): --format table for score, evaluate and analyze (the default on
// a terminal; CSV stays the default when piped), names, sorted by rank, --top N, grade labels, and one
// score scale (0-100 in tables, 0-1 in CSV and JSON, --scale either way).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { analyzeCommand } from "../../src/cli/commands/analyze.js";
import { compareCommand } from "../../src/cli/commands/compare.js";
import { evaluateCommand } from "../../src/cli/commands/evaluate.js";
import { scoreCommand } from "../../src/cli/commands/score.js";
import { UsageError } from "../../src/cli/context.js";
import { rsrGradeLabel, topOption } from "../../src/cli/people.js";
import { displayWidth } from "../../src/internal/display-width.js";
import { EXPECTED } from "../fixtures/five-communities/index.js";
import { capture, goldenFiles } from "./cli-fixtures.js";

const TEMPLATE = "templates/grassroots-governance.json";
const CITY = "examples/governance/sample-city.csv";

/** The io of a terminal: stdout and stderr are TTYs. */
const terminal = () => Object.assign(capture(true), { outIsTTY: true });

/** The body rows of the first table of a text (the lines after its header, up to an empty line). */
function tableRows(text: string, header: RegExp): string[][] {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => header.test(l));
  const rows: string[][] = [];
  for (const l of lines.slice(at + 1)) {
    if (l === "" || l.startsWith("...")) break;
    rows.push(l.trim().split(/\s{2,}/));
  }
  return rows;
}

describe("score --format table", () => {
  it("lists the units by rank with their score on 0-100 (five communities: Z w*, compute.py)", async () => {
    const { model, data } = goldenFiles();
    const io = capture();
    expect(await scoreCommand([model, data, "--format", "table"], io)).toBe(0);
    // expected.json linearScore = Z w* = [0.46191, 0.480265, 0.486745, 0.505334, 0.581718] for c1..c5,
    // ranks [5, 4, 3, 2, 1]: c5 first; x 100 to 1 decimal.
    const rows = tableRows(io.stdout, /^rank\s+unit\s+score/);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["1", "c5", "58.2"],
      ["2", "c4", "50.5"],
      ["3", "c3", "48.7"],
      ["4", "c2", "48.0"],
      ["5", "c1", "46.2"],
    ]);
    expect(EXPECTED.linearScoreRanks).toEqual([5, 4, 3, 2, 1]);
    expect(io.stdout).toMatch(/5 units scored; score: root, 0-100/);
  });

  it("--top 2 shows the first two and says how many more; --scale 1 shows 0-1", async () => {
    const { model, data } = goldenFiles();
    const io = capture();
    await scoreCommand([model, data, "--format", "table", "--top", "2", "--scale", "1"], io);
    const rows = tableRows(io.stdout, /^rank\s+unit\s+score/);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["1", "c5", "0.582"],
      ["2", "c4", "0.505"],
    ]);
    expect(io.stdout).toContain("... 3 more units (--top N, or --top all)");
  });

  it("is the default on a terminal; CSV stays the default when piped and with --out", async () => {
    const { dir, model, data } = goldenFiles();
    const piped = capture();
    await scoreCommand([model, data], piped);
    expect(piped.stdout.startsWith("unit,name,level,parent,status")).toBe(true);
    const tty = terminal();
    await scoreCommand([model, data], tty);
    expect(tty.stdout.startsWith("Model golden, profile p: 5 units scored")).toBe(true);
    const out = join(dir, "s.csv");
    await scoreCommand([model, data, "--out", out], terminal());
    expect(readFileSync(out, "utf8").startsWith("unit,name,level,parent,status")).toBe(true);
  });

  it("shows names and the grade label of the root on the template, aligned with Chinese names", async () => {
    const table = capture();
    await scoreCommand([TEMPLATE, CITY, "--format", "table", "--top", "5"], table);
    const csv = capture();
    await scoreCommand([TEMPLATE, CITY], csv);
    const byUnit = new Map(
      (parse(csv.stdout, { columns: true }) as Record<string, string>[]).map((r) => [r.unit, r]),
    );
    const lines = table.stdout.split("\n");
    const header = lines.findIndex((l) => /^rank\s+unit\s+name\s+score\s+grade/.test(l));
    const body = lines.slice(header + 1, header + 6);
    for (const line of body) {
      const [rank, unit, name, score, grade] = line.trim().split(/\s{2,}/);
      const row = byUnit.get(unit as string) as Record<string, string>;
      expect(rank).toBe(row.governance_rank);
      expect(name).toBe(row.name);
      expect(score).toBe((Number(row.governance) * 100).toFixed(1));
      expect(grade).toBe(row.governance_grade); // the model's label (优, 良, 中, 差)
    }
    // Columns line up by display width (a 汉字 counts 2): the score column ends at the same place.
    const scoreEnd = (l: string) => displayWidth(l.slice(0, l.search(/\d+\.\d(?=\s)/))) + 4;
    expect(new Set(body.map(scoreEnd)).size).toBe(1);
  });

  it("--scale 100 also scales panel rows (score --period), which it ignored before", async () => {
    const panel = "examples/governance/sample-city-panel.csv";
    const args = [TEMPLATE, panel, "--period", "year"];
    const exact = capture();
    await scoreCommand(args, exact);
    const scaled = capture();
    await scoreCommand([...args, "--scale", "100"], scaled);
    const a = parse(exact.stdout, { columns: true }) as Record<string, string>[];
    const b = parse(scaled.stdout, { columns: true }) as Record<string, string>[];
    expect(b.length).toBe(a.length);
    let checked = 0;
    for (const [k, row] of a.entries())
      if (row.governance !== "") {
        expect(Number(b[k]?.governance)).toBeCloseTo(Number(row.governance) * 100, 9);
        expect(b[k]?.governance_rank).toBe(row.governance_rank);
        checked++;
      }
    expect(checked).toBeGreaterThan(1000);
  });

  it("refuses --format table for panels and --top that is not a positive integer or all", async () => {
    const { model, data } = goldenFiles();
    await expect(scoreCommand([model, data, "--top", "0", "--format", "table"], capture())).rejects.toThrow(
      UsageError,
    );
    expect(topOption("all", 20)).toBe(Number.POSITIVE_INFINITY);
    await expect(
      scoreCommand([model, data, "--format", "table", "--period", "year"], capture()),
    ).rejects.toThrow(/not yet for panels/);
  });
});

describe("evaluate --format table", () => {
  it("sorts by rank and names the units; the ranks are those of the CSV", () => {
    const table = capture();
    evaluateCommand([TEMPLATE, CITY, "--method", "topsis", "--format", "table", "--top", "4"], table);
    const csv = capture();
    evaluateCommand([TEMPLATE, CITY, "--method", "topsis"], csv);
    const rows = (parse(csv.stdout, { columns: true }) as Record<string, string>[])
      .filter((r) => r.rank !== "")
      .sort((a, b) => Number(a.rank) - Number(b.rank));
    const shown = tableRows(table.stdout, /^rank\s+unit\s+name\s+score/);
    expect(shown.map((r) => [r[0], r[1]])).toEqual(rows.slice(0, 4).map((r) => [r.rank, r.unit]));
    expect(shown[0]?.[2]).toMatch(/社区$/);
    expect(table.stdout).toMatch(/\.\.\. \d+ more units/);
  });

  it("labels RSR grades: grade 1 is the best probit band (rank-sum-ratio.ts), in the model's language", () => {
    const table = capture();
    evaluateCommand([TEMPLATE, CITY, "--method", "rsr", "--format", "table", "--top", "all"], table);
    const csv = capture();
    evaluateCommand([TEMPLATE, CITY, "--method", "rsr"], csv);
    const grade = new Map(
      (parse(csv.stdout, { columns: true }) as Record<string, string>[]).map((r) => [r.unit, r.grade]),
    );
    const zh: Record<string, string> = { "1": "优", "2": "中", "3": "差" };
    const shown = tableRows(table.stdout, /^rank\s+unit\s+name\s+score/).filter((r) => r[0] !== "-");
    expect(shown.length).toBeGreaterThan(100);
    for (const r of shown) {
      const g = grade.get(r[1] as string) as string;
      expect(r[r.length - 1]).toBe(`${g} ${zh[g]}`);
    }
  });

  it("rsrGradeLabel: 3, 4 and 5 grades in English and Chinese; other counts keep the number", () => {
    expect(rsrGradeLabel(1, 3)).toBe("1 good");
    expect(rsrGradeLabel(3, 3)).toBe("3 poor");
    expect(rsrGradeLabel(3, 3, "zh")).toBe("3 差");
    expect(rsrGradeLabel(2, 4, "zh")).toBe("2 良");
    expect(rsrGradeLabel(4, 5)).toBe("4 weak");
    expect(rsrGradeLabel(2, 7)).toBe("2");
  });
});

describe("analyze table", () => {
  it("names the units and shows the first --top by nominal rank", () => {
    const io = capture();
    expect(analyzeCommand([TEMPLATE, CITY, "--runs", "20", "--top", "3"], io)).toBe(0);
    const rows = tableRows(io.stdout, /^unit\s+name\s+nominal/);
    expect(rows.map((r) => r[2])).toEqual(["1", "2", "3"]);
    expect(rows[0]?.[1]).toMatch(/社区$/);
    expect(io.stdout).toContain("... 328 more units (--top N, or --top all)");
  });

  it("runs the documented minmax,zscore x arithmetic,geometric example, with notes on what it adapted", () => {
    const args = [
      TEMPLATE,
      CITY,
      "--ahp",
      "--normalization",
      "minmax,zscore",
      "--aggregation",
      "arithmetic,geometric",
    ];
    const io = capture();
    expect(analyzeCommand([...args, "--runs", "60"], io)).toBe(0);
    expect(io.stdout).toContain("Alternatives adapted before the runs:");
    expect(io.stdout).toMatch(/aggregation geometric: normalization minmax gives zeros .*floor 0\.001/);
    expect(io.stdout).toMatch(/normalization zscore gives values down to -\d.*shifted by \+\d+/);
    const json = capture();
    expect(analyzeCommand([...args, "--runs", "60", "--format", "json"], json)).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.adaptations.map((a: { action: string }) => a.action).sort()).toEqual(["floor", "shift"]);
    expect(json.stderr).toMatch(/^note: aggregation geometric/m);
  });
});

describe("compare --scale", () => {
  it("csv is 0-1 by default and 0-100 with --scale 100; text is 0-100 by default and 0-1 with --scale 1", () => {
    const base = [TEMPLATE, CITY, "--profiles", "normal,emergency"];
    const csv1 = capture();
    compareCommand([...base, "--format", "csv"], csv1);
    const csv100 = capture();
    compareCommand([...base, "--format", "csv", "--scale", "100"], csv100);
    const a = parse(csv1.stdout, { columns: true }) as Record<string, string>[];
    const b = parse(csv100.stdout, { columns: true }) as Record<string, string>[];
    expect(b.length).toBe(a.length);
    for (const [k, row] of a.entries())
      if (row.normal_score !== "")
        expect(Number(b[k]?.normal_score)).toBeCloseTo(Number(row.normal_score) * 100, 9);
    const text = capture();
    compareCommand([...base, "--scale", "1", "--top", "2"], text);
    expect(text.stdout).toContain("under normal (score 0-1)");
    expect(() => compareCommand([...base, "--scale", "10"], capture())).toThrow(/--scale must be 1 or 100/);
  });
});
