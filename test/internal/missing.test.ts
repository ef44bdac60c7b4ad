import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isMissingToken, MISSING_TOKENS } from "../../src/internal/missing.js";
import { readCsvColumns } from "../../src/node/read-csv-columns.js";
import { toDataset } from "../../src/score/dataset.js";
import { sqlDialect } from "../../src/sql/dialect.js";
import { sqlSource } from "../../src/sql/source.js";

const tmp = mkdtempSync(join(tmpdir(), "indicatrix-missing-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("MISSING_TOKENS: one list of missing-value texts for every data reader", () => {
  it("is the list documented in toDataset and docs: '', NA, N/A, NaN, nan, null, NULL, -, .", () => {
    expect(MISSING_TOKENS).toEqual(["", "NA", "N/A", "NaN", "nan", "null", "NULL", "-", "."]);
    expect(Object.isFrozen(MISSING_TOKENS)).toBe(true);
  });

  it("isMissingToken matches exactly: 'NA' and '.' are missing, 'na', 'Null' and '0' are not", () => {
    for (const t of MISSING_TOKENS) expect(isMissingToken(t)).toBe(true);
    for (const t of ["na", "Null", "0", "none", " NA"]) expect(isMissingToken(t)).toBe(false);
  });

  it("toDataset reads every token (padded with blanks) as NaN", () => {
    const rows = MISSING_TOKENS.map((t, i) => ({ unit: `u${i}`, a: ` ${t} ` }));
    expect([...(toDataset(rows).columns.get("a") ?? [])].every(Number.isNaN)).toBe(true);
  });

  it("readCsvColumns (indicatrix/node, the CLI) reads every token as NaN", () => {
    const file = join(tmp, "missing.csv");
    writeFileSync(file, `unit,a\n${MISSING_TOKENS.map((t, i) => `u${i},"${t}"`).join("\n")}\n`);
    const data = readCsvColumns(file);
    expect(data.units).toHaveLength(MISSING_TOKENS.length);
    expect(Array.from(data.values.a ?? [1]).every(Number.isNaN)).toBe(true);
  });

  it("toSQL's DuckDB read_csv source lists the same tokens as nullstr", () => {
    const d = sqlDialect("duckdb");
    expect(sqlSource("data.csv", d)).toContain(
      `nullstr = [${MISSING_TOKENS.map((t) => d.string(t)).join(", ")}]`,
    );
  });
});
