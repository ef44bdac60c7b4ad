import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadDuckDB } from "../../src/duckdb.js";
import { runCli } from "./run-cli.js";

const MODEL = "templates/grassroots-governance.json";
const DATA = "examples/governance/sample-city.csv";

/** Reads a Parquet file with DuckDB (an independent reader): column types and rows as text. */
async function readParquet(path: string): Promise<{ types: Record<string, string>; rows: unknown[][] }> {
  const { DuckDBInstance } = await loadDuckDB();
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  const d = await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
  const [names, types] = d.getColumns() as [string[], string[]];
  const r = await c.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
  const cols = r.getColumns();
  c.disconnectSync?.();
  instance.closeSync?.();
  const rows = (cols[0] ?? []).map((_, i) => cols.map((col) => col[i]));
  return { types: Object.fromEntries(names.map((n, k) => [n, types[k]!])), rows };
}

describe("indicatrix score --out FILE.parquet (through DuckDB)", () => {
  it("writes the rows of the CSV output with typed columns: scores DOUBLE, ranks UINTEGER, text VARCHAR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ix-parquet-"));
    const out = join(dir, "scores.parquet");
    const p = await runCli("score", MODEL, DATA, "--out", out);
    expect(p.code).toBe(0);
    expect(p.stderr).toMatch(/wrote \d+ rows/);
    const csv = await runCli("score", MODEL, DATA);
    // The CSV writer's output (tested on its own in score.test.ts) is the reference for the values.
    const [header, ...lines] = parse(csv.stdout) as string[][];
    const { types, rows } = await readParquet(out);
    expect(Object.keys(types)).toEqual(header);
    expect(types.unit).toBe("VARCHAR");
    expect(types.governance).toBe("DOUBLE");
    expect(types.governance_rank).toBe("UINTEGER");
    expect(types.coverage).toBe("DOUBLE");
    expect(rows.length).toBe(lines.length);
    const mismatches: string[] = [];
    for (const [i, line] of lines.entries())
      for (const [k, cell] of line.entries()) {
        const v = rows[i]![k];
        const same =
          cell === ""
            ? v === null
            : types[header![k]!] === "VARCHAR"
              ? v === cell
              : Number(v) === Number(cell);
        if (!same) mismatches.push(`row ${i + 1} ${header![k]}: csv ${cell}, parquet ${String(v)}`);
      }
    expect(mismatches).toEqual([]);
    // Only the target is left in the folder: both temporary files were removed.
    expect(readdirSync(dir)).toEqual(["scores.parquet"]);
  });

  it("keeps a unit id such as 007 as text (types are given to DuckDB, never guessed)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ix-parquet-"));
    const model = join(dir, "m.json");
    writeFileSync(
      model,
      JSON.stringify({ id: "m", tree: { id: "g", children: [{ id: "a" }, { id: "b" }] } }),
    );
    const data = join(dir, "d.csv");
    writeFileSync(data, "unit,a,b\n007,1,2\n010,3,1\n");
    const out = join(dir, "s.parquet");
    const p = await runCli("score", model, data, "--out", out);
    expect(p.code).toBe(0);
    const { rows } = await readParquet(out);
    expect(rows.map((r) => r[0])).toEqual(["007", "010"]);
  });

  it("refuses --format json with a .parquet target: exit 2, nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ix-parquet-"));
    const out = join(dir, "s.parquet");
    const p = await runCli("score", MODEL, DATA, "--out", out, "--format", "json");
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/Parquet/);
    expect(existsSync(out)).toBe(false);
  });
});
