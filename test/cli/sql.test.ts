import { describe, expect, it } from "vitest";
import { sqlCommand } from "../../src/cli/commands/sql.js";
import { UsageError } from "../../src/cli/context.js";
import { score } from "../../src/score/score.js";
import { CITY_CSV, csvRows, governance, hasDuckDB } from "../sql/helpers.js";

function run(...argv: string[]): { code: number; stdout: string } {
  let stdout = "";
  const code = sqlCommand(argv, {
    out: (t) => {
      stdout += t;
    },
    err: () => {},
    isTTY: false,
  }) as number;
  return { code, stdout };
}

const TEMPLATE = "templates/grassroots-governance.json";

describe("indicatrix sql", () => {
  it("sql <template> --dialect postgres --source units prints one query reading the quoted table", () => {
    const { code, stdout } = run(TEMPLATE, "--dialect", "postgres", "--source", "units");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^WITH src AS \(SELECT \* FROM "units"\)/);
    expect(stdout).toContain("DOUBLE PRECISION");
    expect(stdout.trimEnd().endsWith(";")).toBe(true);
  });

  it("sql --dialect spark quotes identifiers with backticks", () => {
    const { stdout } = run(TEMPLATE, "--dialect", "spark", "--source", "db.units", "--profile", "emergency");
    expect(stdout).toContain("FROM `db`.`units`");
    expect(stdout).toContain("AS `governance_rank`");
  });

  it("sql --dialect mysql is a usage error naming the dialects", () => {
    expect(() => run(TEMPLATE, "--dialect", "mysql")).toThrow(UsageError);
    expect(() => run(TEMPLATE, "--dialect", "mysql")).toThrow(/duckdb, postgres, spark, trino/);
  });

  it("sql --help prints the usage", () => {
    expect(run("--help").stdout).toMatch(/^Usage: indicatrix sql <model>/);
  });

  it.skipIf(!hasDuckDB)("sql's query for a CSV source runs in DuckDB to score()'s scores", async () => {
    const { stdout } = run(
      TEMPLATE,
      "--source",
      "examples/governance/sample-city.csv",
      "--parent-column",
      "parent",
    );
    const { loadDuckDB } = await import("../../src/duckdb.js");
    const { DuckDBInstance } = await loadDuckDB();
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    const r = await c.runAndReadAll(stdout.trimEnd().replace(/;$/, ""));
    const names = r.columnNames();
    const cols = r.getColumns();
    const ref = score(governance(), csvRows(CITY_CSV));
    const units = (cols[names.indexOf("unit")] as string[]).map(String);
    const gov = cols[names.indexOf("governance")] as number[];
    expect(units).toHaveLength(331);
    units.forEach((u, k) => {
      expect(
        Math.abs((gov[k] as number) - (ref.scores.governance?.[ref.units.indexOf(u)] as number)),
      ).toBeLessThan(1e-9);
    });
    c.disconnectSync?.();
    instance.closeSync?.();
  });
});
