import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { sqlDialect } from "../../src/sql/dialect.js";
import { toSQL } from "../../src/sql/to-sql.js";
import { codeMessageOf } from "../helpers/errors.js";
import { governance } from "./helpers.js";

const tiny = (extra: Record<string, unknown> = {}, leaf: Record<string, unknown> = {}): Model =>
  ({
    id: "tiny",
    inputs: [{ id: "x" }, { id: "y" }],
    tree: { id: "idx", ...extra, children: [{ id: "a", ...leaf }, { id: "b" }] },
  }) as Model;

describe("sqlDialect quoting (identifiers quoted, literals escaped)", () => {
  it('sqlDialect("duckdb"|"postgres"|"trino").ident doubles the double quote', () => {
    for (const d of ["duckdb", "postgres", "trino"]) expect(sqlDialect(d).ident('a"b')).toBe('"a""b"');
  });
  it('sqlDialect("spark").ident quotes with backticks and doubles them', () => {
    expect(sqlDialect("spark").ident("a`b")).toBe("`a``b`");
  });
  it("ANSI string literals double the single quote; Spark escapes quote and backslash with a backslash", () => {
    expect(sqlDialect("postgres").string("it's")).toBe("'it''s'");
    expect(sqlDialect("spark").string("it's \\")).toBe("'it\\'s \\\\'");
  });
  it("sqlDialect rejects an unknown engine and a NUL character in a literal", () => {
    expect(codeMessageOf(() => sqlDialect("mysql"))).toMatch(/^unknown_dialect/);
    expect(codeMessageOf(() => sqlDialect("duckdb").string("a\u0000b"))).toMatch(/^invalid_identifier/);
  });
});

describe("toSQL text", () => {
  it("toSQL quotes a hostile source table name and unit column instead of pasting them", () => {
    const { sql } = toSQL(tiny(), {
      source: 'units"; DROP TABLE x; --',
      unitColumn: 'u"; DELETE FROM y; --',
      dialect: "postgres",
    });
    expect(sql).toContain('FROM "units""; DROP TABLE x; --"');
    expect(sql).toContain('s."u""; DELETE FROM y; --"');
  });

  it("toSQL escapes a DuckDB file path as a string literal", () => {
    const { sql } = toSQL(tiny(), { source: "/data/it's'); DROP TABLE t; --.parquet" });
    expect(sql).toContain("read_parquet('/data/it''s''); DROP TABLE t; --.parquet')");
  });

  it("toSQL refuses a file source outside DuckDB", () => {
    expect(codeMessageOf(() => toSQL(tiny(), { source: "a.csv", dialect: "trino" }))).toMatch(
      /^invalid_option/,
    );
  });

  it("toSQL inlines the AHP weights of the template as double literals (normal profile)", () => {
    const w = resolveWeights(governance(), { profile: "normal" });
    const { sql } = toSQL(governance(), { source: "t", profile: "normal" });
    const subjects = w.local.subjects as number;
    expect(sql).toContain(`CAST('${String(subjects)}' AS DOUBLE)`);
  });

  it("toSQL writes the dialect functions: Spark FLOOR as double and raise_error, Trino fail, PostgreSQL the cast trick", () => {
    const m = tiny({ aggregate: "geometric" }, { formula: "floor(x) + log2(y)" });
    expect(toSQL(m, { source: "t", dialect: "spark" }).sql).toMatch(
      /CAST\(FLOOR\(.*AS DOUBLE\).*LOG2\(.*raise_error\(/s,
    );
    expect(toSQL(m, { source: "t", dialect: "trino" }).sql).toMatch(/fail\('indicatrix: /);
    const pg = toSQL(m, { source: "t", dialect: "postgres" }).sql;
    expect(pg).toContain("(LN(");
    expect(pg).toMatch(/CAST\(CAST\('indicatrix: .* AS INTEGER\) AS DOUBLE PRECISION\)/s);
    expect(pg).toContain("AS MATERIALIZED (");
  });

  it("toSQL in PostgreSQL ranks with RANK() OVER (ORDER BY score DESC NULLS LAST) and NULL for a unit without a score", () => {
    const { sql } = toSQL(tiny(), { source: "t", dialect: "postgres" });
    expect(sql).toMatch(
      /CASE WHEN v0 IS NULL THEN NULL ELSE RANK\(\) OVER \(ORDER BY v0 DESC NULLS LAST\) END AS "idx_rank"/,
    );
  });

  it("toSQL in DuckDB joins each rank from the node's distinct scores (1 + the count of higher scores), NULL without a score", () => {
    const { sql } = toSQL(tiny(), { source: "t" });
    expect(sql).toMatch(
      /rk0 AS \(SELECT v0 AS v, CAST\(SUM\(COUNT\(\*\)\) OVER \(ORDER BY v0 DESC [^)]*\) - COUNT\(\*\) \+ 1 AS BIGINT\) AS r FROM \w+ WHERE v0 IS NOT NULL GROUP BY v0\)/,
    );
    expect(sql).toContain('rk0.r AS "idx_rank"');
    expect(sql).toMatch(/LEFT JOIN rk0 ON rk0\.v = \w+\.v0/);
  });

  it("toSQL excludes parents only when parentColumn is given", () => {
    expect(toSQL(tiny(), { source: "t" }).sql).not.toContain("NOT IN");
    expect(toSQL(tiny(), { source: "t", parentColumn: "parent" }).sql).toContain(
      'NOT IN (SELECT TRIM(CAST(p."parent"',
    );
  });

  it("toSQL returns the output columns: unit, node scores, node ranks, coverage", () => {
    expect(toSQL(tiny(), { source: "t" }).columns).toEqual([
      "unit",
      "idx",
      "a",
      "b",
      "idx_rank",
      "a_rank",
      "b_rank",
      "coverage",
    ]);
  });
});

describe("toSQL refuses what SQL cannot express (unsupported_in_sql, naming method and node)", () => {
  it("outlier treatment", () => {
    expect(codeMessageOf(() => toSQL(tiny({}, { treat: { log: "ln" } }), { source: "t" }))).toMatch(
      /^unsupported_in_sql: outlier treatment .*node "a"/,
    );
  });
  it("a power mean with |p| < 0.001", () => {
    expect(
      codeMessageOf(() => toSQL(tiny({ aggregate: { method: "power", p: 1e-5 } }), { source: "t" })),
    ).toMatch(/^unsupported_in_sql: the power mean .*node "idx"/);
  });
  it("median imputation in Trino (no exact median)", () => {
    const m = { ...tiny(), defaults: { missing: "median" } } as Model;
    expect(codeMessageOf(() => toSQL(m, { source: "t", dialect: "trino" }))).toMatch(
      /^unsupported_in_sql: missing policy "median" .*node "idx"/,
    );
  });
  it("entropy weights are computed in a weight CTE without `weights`, inlined as resolveWeights' numbers with them", () => {
    const m = { ...tiny(), profiles: { p: { weights: { idx: { method: "entropy" } } } } } as Model;
    const computed = toSQL(m, { source: "t" }).sql;
    expect(computed).toContain("wt0 AS (SELECT");
    expect(computed).toContain("CROSS JOIN wt0");
    const weights = resolveWeights(m, {
      data: [
        { unit: "u1", a: 1, b: 2 },
        { unit: "u2", a: 3, b: 1 },
        { unit: "u3", a: 2, b: 7 },
      ],
    });
    const { sql } = toSQL(m, { source: "t", weights });
    expect(sql).toContain(`CAST('${String(weights.local.a)}' AS DOUBLE) * p.v1`);
    expect(sql).not.toContain("wt0");
  });
  it("weights of another profile are refused", () => {
    const weights = { ...resolveWeights(governance(), { profile: "normal" }) };
    expect(codeMessageOf(() => toSQL(governance(), { source: "t", profile: "emergency", weights }))).toMatch(
      /^invalid_option: weights: .*"normal"/,
    );
  });
});
