import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compareHelp } from "../../src/cli/commands/compare.js";
import { evaluateHelp } from "../../src/cli/commands/evaluate.js";
import { scoreHelp } from "../../src/cli/commands/score.js";
import { csvCell, toCsv } from "../../src/cli/format.js";
import { runCli } from "./run-cli.js";

const MODEL = "templates/grassroots-governance.json";
const DATA = "examples/governance/sample-city.csv";

/** Formula-like names (the OWASP CSV injection starters), given to the first four units of the sample city. */
const FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-3+4", "@SUM(A1)"];

/** The sample city with the formula-like names, written to a temporary folder. */
function formulaData(): { dir: string; data: string } {
  const rows = parse(readFileSync(DATA), { columns: true }) as Record<string, string>[];
  const columns = Object.keys(rows[0] as Record<string, string>);
  for (const [k, f] of FORMULAS.entries()) (rows[k] as Record<string, string>).name = f;
  const dir = mkdtempSync(join(tmpdir(), "indicatrix-csv-safe-"));
  const data = join(dir, "data.csv");
  writeFileSync(data, toCsv(columns, rows));
  return { dir, data };
}

describe("csvCell with { safe: true } (OWASP CSV injection rule)", () => {
  it("prefixes text beginning with =, +, -, @, tab or CR with ' and leaves other text as is", () => {
    expect(["=1+2", "+1", "-x", "@A1", "\tx", "a=b", "x-"].map((v) => csvCell(v, { safe: true }))).toEqual([
      "'=1+2",
      "'+1",
      "'-x",
      "'@A1",
      "'\tx",
      "a=b",
      "x-",
    ]);
  });

  it("writes numbers, negative ones too, exactly as without it (shortest round-trip text)", () => {
    for (const v of [-0.1, -1e-300, -5, 0.30000000000000004])
      expect(csvCell(v, { safe: true })).toBe(String(v));
    expect(Number(csvCell(-0.1, { safe: true }))).toBe(-0.1);
  });

  it("quotes a prefixed cell when it holds a quote or comma", () => {
    expect(csvCell('=HYPERLINK("a","b")', { safe: true })).toBe(`"'=HYPERLINK(""a"",""b"")"`);
  });
});

describe("score, compare, evaluate: --csv-safe, --bom, --no-csv-safe", () => {
  const { dir, data } = formulaData();

  it("score without the option writes formula-like names as is (unchanged behaviour)", async () => {
    const r = await runCli("score", MODEL, data);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.slice(0, 4).map((x) => x.name)).toEqual(FORMULAS);
  });

  it("score --csv-safe prefixes those names with ' and keeps every score the same double", async () => {
    const plain = parse((await runCli("score", MODEL, data)).stdout, { columns: true }) as Record<
      string,
      string
    >[];
    const r = await runCli("score", MODEL, data, "--csv-safe");
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.slice(0, 4).map((x) => x.name)).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(rows.map((x) => x.governance)).toEqual(plain.map((x) => x.governance));
    expect(rows.map((x) => x.unit)).toEqual(plain.map((x) => x.unit));
  });

  it("score --bom --out writes a UTF-8 byte order mark and turns --csv-safe on; --no-csv-safe turns it off", async () => {
    const out = join(dir, "bom.csv");
    expect((await runCli("score", MODEL, data, "--bom", "--out", out)).code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows[0]?.name).toBe(`'${FORMULAS[0]}`);
    const off = await runCli("score", MODEL, data, "--bom", "--no-csv-safe");
    const offRows = parse(off.stdout.slice(1), { columns: true }) as Record<string, string>[];
    expect(offRows[0]?.name).toBe(FORMULAS[0]);
  });

  it("--csv-safe with --no-csv-safe is a usage error (exit 2, as every usage error)", async () => {
    const r = await runCli("score", MODEL, data, "--csv-safe", "--no-csv-safe");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--csv-safe or --no-csv-safe/);
  });

  it("compare --format csv --csv-safe prefixes a formula-like unit id", async () => {
    const rows = parse(readFileSync(data), { columns: true }) as Record<string, string>[];
    const columns = Object.keys(rows[0] as Record<string, string>);
    const leaf = rows.findIndex((x) => !rows.some((y) => y.parent === x.unit));
    (rows[leaf] as Record<string, string>).unit = "=cmd|' /C calc'!A0";
    const path = join(dir, "leaf.csv");
    writeFileSync(path, toCsv(columns, rows));
    const r = await runCli(
      "compare",
      MODEL,
      path,
      "--profiles",
      "normal,emergency",
      "--format",
      "csv",
      "--csv-safe",
    );
    expect(r.code).toBe(0);
    const units = (parse(r.stdout, { columns: true }) as Record<string, string>[]).map((x) => x.unit);
    expect(units).toContain("'=cmd|' /C calc'!A0");
    expect(units).not.toContain("=cmd|' /C calc'!A0");
  });

  it("evaluate --bom begins the CSV with a byte order mark", async () => {
    const r = await runCli("evaluate", MODEL, data, "--method", "topsis", "--bom");
    expect(r.code).toBe(0);
    expect(r.stdout.charCodeAt(0)).toBe(0xfeff);
  });

  it("docs/cli.md shows the --bom/--csv-safe help of score, compare and evaluate as the commands print it", () => {
    const docs = readFileSync("docs/cli.md", "utf8");
    for (const help of [scoreHelp, compareHelp, evaluateHelp]) {
      expect(help).toContain("--csv-safe");
      expect(docs).toContain(help);
    }
  });
});
