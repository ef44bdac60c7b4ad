import { describe, expect, it } from "vitest";
import { sqlCommand } from "../../src/cli/commands/sql.js";
import { UsageError } from "../../src/cli/context.js";
import { score } from "../../src/score/score.js";
import { CITY_CSV, csvRows, governance, hasDuckDB } from "../sql/helpers.js";
import { runCommand } from "./cli-fixtures.js";

const run = (...argv: string[]) => runCommand(sqlCommand, argv);

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

  it("sql --period year --basis period --weights period writes the panel query (issue 13, item 5)", () => {
    const { code, stdout } = run(TEMPLATE, "--period", "year", "--basis", "period", "--weights", "period");
    expect(code).toBe(0);
    expect(stdout).toContain('per AS "period"');
    expect(stdout).toContain("OVER (PARTITION BY per ORDER BY");
    // The template has target indicators (households per grid worker): no reference basis for them,
    // as scorePanel refuses it.
    expect(() => run(TEMPLATE, "--period", "year", "--basis", "reference:2023")).toThrow(
      /indicator "households_per_grid_worker": a reference-period basis needs min-max/,
    );
    expect(() => run(TEMPLATE, "--basis", "period")).toThrow(/--basis and --weights are for panels/);
    expect(() => run(TEMPLATE, "--period", "year", "--basis", "yearly")).toThrow(
      /--basis must be pooled, period or reference:PERIOD/,
    );
  });

  it.skipIf(!hasDuckDB)(
    "sql --period year on the sample city panel runs in DuckDB to scorePanel()'s scores",
    async () => {
      const { stdout } = run(
        TEMPLATE,
        "--source",
        "examples/governance/sample-city-panel.csv",
        "--parent-column",
        "parent",
        "--period",
        "year",
        "--basis",
        "period",
      );
      const { loadDuckDB } = await import("../../src/duckdb.js");
      const { scorePanel } = await import("../../src/panel/score-panel.js");
      const { DuckDBInstance } = await loadDuckDB();
      const instance = await DuckDBInstance.create(":memory:");
      const c = await instance.connect();
      const r = await c.runAndReadAll(stdout.trimEnd().replace(/;$/, ""));
      const names = r.columnNames();
      const cols = r.getColumns();
      const panel = scorePanel(governance(), csvRows("examples/governance/sample-city-panel.csv"), {
        period: "year",
        basis: "period",
      });
      const units = (cols[names.indexOf("unit")] as string[]).map(String);
      const periods = (cols[names.indexOf("period")] as string[]).map(String);
      const gov = cols[names.indexOf("governance")] as number[];
      const rank = cols[names.indexOf("governance_rank")] as (number | bigint)[];
      expect(units).toHaveLength(331 * 5);
      units.forEach((u, k) => {
        const at = panel.at(periods[k] as string);
        const i = at.units.indexOf(u);
        expect(Math.abs((gov[k] as number) - (at.scores.governance?.[i] as number))).toBeLessThan(1e-9);
        expect(Number(rank[k])).toBe(at.ranks.governance?.[i]);
      });
      c.disconnectSync?.();
      instance.closeSync?.();
    },
  );
});
