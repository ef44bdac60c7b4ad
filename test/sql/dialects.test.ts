// Dialect correctness by construction (issue 19, item 2): every query toSQL writes is parsed with a
// real SQL parser for its dialect (node-sql-parser's Trino, Hive (for Spark SQL) and PostgreSQL
// grammars; DuckDB parses and binds its own with EXPLAIN), and its syntax tree is checked for the
// dialect rules of sql-ast.ts: no exact-decimal literal or quotient, no integer quotient, every
// divisor guarded against 0 (Spark in ANSI mode and PostgreSQL stop on a division by zero even in a
// branch the row does not take), FLOOR / CEIL kept double in Spark.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDuckDB } from "../../src/duckdb.js";
import type { Model } from "../../src/indicators/schema.js";
import { SQL_DIALECTS, type SqlDialectName } from "../../src/sql/dialect.js";
import { type ToSqlOptions, toSQL } from "../../src/sql/to-sql.js";
import { thrown } from "../helpers/errors.js";
import {
  ASEM_DATA,
  asemModel,
  CITY_CSV,
  everyMethodModel,
  everyMethodRows,
  governance,
  hasDuckDB,
} from "./helpers.js";
import { CITY_PANEL_CSV, cityPanelModel } from "./panel-helpers.js";
import { dialectViolations, parseSql } from "./sql-ast.js";

const dir = mkdtempSync(join(tmpdir(), "indicatrix-dialects-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The models checked: the bundled governance template (every profile SQL compiles: `assessment` has
 * assessment rules, which toSQL refuses with unsupported_in_sql), ASEM, and every method.
 */
function cases(dialect: SqlDialectName): {
  name: string;
  model: Model;
  profile?: string;
  source: string;
  panel?: Partial<ToSqlOptions>;
}[] {
  const every = everyMethodRows();
  const everyCsv = join(dir, "every.csv");
  const cols = Object.keys(every[0] as object);
  writeFileSync(
    everyCsv,
    `${cols.join(",")}\n${every.map((r) => cols.map((c) => r[c]).join(",")).join("\n")}\n`,
  );
  // The same rows as a panel of 3 periods (a year column), for the panel queries (issue 13, item 5).
  const everyPanelCsv = join(dir, "every-panel.csv");
  writeFileSync(
    everyPanelCsv,
    `year,${cols.join(",")}\n${every.map((r, i) => `${2020 + (i % 3)},${cols.map((c) => r[c]).join(",")}`).join("\n")}\n`,
  );
  const cityPanel = { period: "year", parentColumn: "parent" };
  const panelCases: [string, Partial<ToSqlOptions>][] = [
    ["pooled", { ...cityPanel }],
    ["per period", { ...cityPanel, basis: "period", weightsBasis: "period" }],
    [
      "reference 2023, weights of 2022",
      { ...cityPanel, basis: { reference: "2023" }, weightsBasis: { reference: "2022" } },
    ],
    ["reference 2023 clipped", { ...cityPanel, basis: { reference: "2023", clip: true } }],
  ];
  const gov = governance() as Model & { profiles: Record<string, unknown> };
  return [
    ...Object.keys(gov.profiles)
      // toSQL refuses assessment rules (`assessment`) and local indicators (`typhoon`: appliesTo) with
      // unsupported_in_sql, tested in test/sql/to-sql.test.ts and test/space.
      .filter((profile) => profile !== "assessment" && profile !== "typhoon")
      .map((profile) => ({
        name: `governance template, profile ${profile}`,
        model: gov,
        profile,
        source: CITY_CSV,
      })),
    { name: "ASEM (COINr's example)", model: asemModel(), source: ASEM_DATA },
    ...["skip", "mean", "zero", ...(dialect === "trino" ? [] : ["median"])].map((profile) => ({
      name: `every method, profile ${profile}`,
      model: everyMethodModel(),
      profile,
      source: everyCsv,
    })),
    ...panelCases.map(([name, panel]) => ({
      name: `panel: sample city panel, min-max and data-driven weights, ${name}`,
      model: cityPanelModel(),
      profile: "normal",
      source: CITY_PANEL_CSV,
      panel,
    })),
    ...["skip", "mean", "zero", ...(dialect === "trino" ? [] : ["median"])].map((profile) => ({
      name: `panel: every method, profile ${profile}, basis and weights per period`,
      model: everyMethodModel(),
      profile,
      source: everyPanelCsv,
      panel: { period: "year", basis: "period", weightsBasis: "period" } as Partial<ToSqlOptions>,
    })),
  ];
}

describe("the syntax-tree rules catch what they are for (a check that can fail)", () => {
  it("Trino's sum-normalization bug 1.0 / COUNT(x), an integer quotient, an unguarded divisor, a bare FLOOR in Spark are all found", () => {
    const sql =
      "WITH st AS (SELECT COUNT(x) AS s0, CAST(MIN(x) AS DOUBLE) AS s1 FROM t) " +
      "SELECT 1.0 / COUNT(x) AS a, st.s0 / NULLIF(st.s0, 0) AS b, st.s1 / st.s1 AS c, FLOOR(st.s1) AS f FROM st";
    for (const dialect of ["trino", "spark", "postgres"] as const) {
      const found = dialectViolations(parseSql(sql, dialect), dialect).join("\n");
      expect(found).toMatch(/decimal literal 1\.0/);
      expect(found).toMatch(/exact-decimal division/);
      expect(found).toMatch(/division of int by int/); // s0 is a COUNT, through the CTE column
      expect(found).toMatch(/divisor not guarded against 0/);
      if (dialect === "spark") expect(found).toMatch(/FLOOR not cast to DOUBLE/);
    }
  });
});

for (const dialect of ["trino", "spark", "postgres"] as const)
  describe(`toSQL(..., { dialect: "${dialect}" }) parses and obeys the dialect rules`, () => {
    for (const c of cases(dialect))
      it(`${c.name}: parsed by node-sql-parser (${dialect === "spark" ? "hive" : dialect} grammar), no violation`, () => {
        const { sql } = toSQL(c.model, {
          source: "units",
          dialect,
          ...(c.profile ? { profile: c.profile } : {}),
          ...c.panel,
        });
        expect(dialectViolations(parseSql(sql, dialect), dialect)).toEqual([]);
      });
  });

describe.skipIf(!hasDuckDB)(
  'toSQL(..., { dialect: "duckdb" }) is parsed and bound by DuckDB (EXPLAIN)',
  () => {
    for (const c of cases("duckdb"))
      it(`${c.name}: EXPLAIN succeeds`, async () => {
        const { DuckDBInstance } = await loadDuckDB();
        const instance = await DuckDBInstance.create(":memory:");
        const connection = await instance.connect();
        const unitColumn = c.source === ASEM_DATA ? "uCode" : "unit";
        const { sql } = toSQL(c.model, {
          source: c.source,
          unitColumn,
          ...(c.profile ? { profile: c.profile } : {}),
          ...c.panel,
        });
        const plan = await connection.runAndReadAll(`EXPLAIN ${sql}`);
        expect(plan.getColumns()[0]?.length).toBeGreaterThan(0);
        connection.disconnectSync?.();
        instance.closeSync?.();
      });
  },
);

describe("names that differ only in case are refused for Spark and Trino (case-insensitive identifiers)", () => {
  const model = {
    id: "m",
    tree: { id: "root", children: [{ id: "GDP" }, { id: "gdp" }] },
  } as Model;
  for (const dialect of ["spark", "trino"] as const)
    it(`toSQL(nodes "GDP" and "gdp", ${dialect}) throws column_collision naming both`, () => {
      const e = thrown(() => toSQL(model, { source: "t", dialect }));
      expect(e.code).toBe("column_collision");
      expect(e.message).toMatch(/"GDP" and "gdp" differ only in case/);
    });
  it("a rank column against a node (root_RANK vs root_rank) and a unit column against an indicator (Unit) are refused in Spark", () => {
    const ranks = { id: "m", tree: { id: "root", children: [{ id: "root_RANK" }, { id: "b" }] } } as Model;
    expect(thrown(() => toSQL(ranks, { source: "t", dialect: "spark", ranks: "root" })).message).toMatch(
      /"root_RANK" and "root_rank"/,
    );
    const unit = { id: "m", tree: { id: "root", children: [{ id: "Unit" }, { id: "b" }] } } as Model;
    expect(thrown(() => toSQL(unit, { source: "t", dialect: "trino", ranks: "none" })).message).toMatch(
      /"unit" and "Unit" differ only in case/,
    );
  });
  it("the unit column against a source column (ID vs id) is refused in Trino", () => {
    const m = { id: "m", tree: { id: "root", children: [{ id: "id" }, { id: "b" }] } } as Model;
    expect(
      thrown(() => toSQL(m, { source: "t", dialect: "trino", unitColumn: "ID", ranks: "none" })).message,
    ).toMatch(/source columns "ID" and "id"/);
  });
  for (const dialect of ["duckdb", "postgres"] as const)
    it(`${dialect} keeps quoted identifiers apart: the same model compiles`, () => {
      expect(toSQL(model, { source: "t", dialect }).columns).toContain("gdp");
    });
  it("every dialect is covered by the tests above", () => {
    expect([...SQL_DIALECTS].sort()).toEqual(["duckdb", "postgres", "spark", "trino"]);
  });
});
