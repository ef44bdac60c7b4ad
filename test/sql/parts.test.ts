import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { Model } from "../../src/indicators/schema.js";
import { MISSING_TOKENS } from "../../src/internal/missing.js";
import { AGGREGATE_METHODS, NORMALIZE_METHODS } from "../../src/internal/specs.js";
import { resolveProfile } from "../../src/score/resolve-profile.js";
import { sqlDialect } from "../../src/sql/dialect.js";
import { oneRow } from "../../src/sql/one-row.js";
import { checkSqlOptions } from "../../src/sql/options.js";
import { RANK_MODES, rankedNodes } from "../../src/sql/ranks.js";
import { sqlSource } from "../../src/sql/source.js";
import { toSQL } from "../../src/sql/to-sql.js";
import { sqlNumber, sqlWriter } from "../../src/sql/writer.js";
import { thrown } from "../helpers/errors.js";

const nested: Model = {
  id: "nested",
  tree: { id: "idx", children: [{ id: "g", children: [{ id: "a" }, { id: "b" }] }, { id: "c" }] },
} as Model;

describe("sqlWriter and sqlNumber (the literals and the raise expression of every part)", () => {
  it("sqlNumber writes a string cast to the dialect's double, so that 0.1 stays the IEEE 0.1", () => {
    expect(sqlNumber(sqlDialect("postgres"), 0.1)).toBe("CAST('0.1' AS DOUBLE PRECISION)");
    expect(thrown(() => sqlNumber(sqlDialect("duckdb"), Number.NaN)).code).toBe("non_finite_value");
  });
  it("sqlWriter(duckdb).raise prefixes the message with 'indicatrix: ' and appends the value as text", () => {
    expect(sqlWriter(sqlDialect("duckdb")).raise("bad unit ", "u")).toBe(
      "CAST(error('indicatrix: bad unit ' || CAST(u AS VARCHAR)) AS DOUBLE)",
    );
  });
});

describe("oneRow (the statistics CTE st and the imputation CTEs mi<depth>)", () => {
  it("oneRow('st', 's') numbers the aggregates in the order registered and returns st.s<k>", () => {
    const st = oneRow("st", "s");
    expect([st.add("MIN(r0)"), st.add("MAX(r0)")]).toEqual(["st.s0", "st.s1"]);
    expect(st.items).toEqual(["MIN(r0) AS s0", "MAX(r0) AS s1"]);
  });
});

describe("sqlSource (the FROM item)", () => {
  it('sqlSource("stats.units") quotes each dotted part as an identifier', () => {
    expect(sqlSource("stats.units", sqlDialect("postgres"))).toBe('"stats"."units"');
    expect(sqlSource("stats.units", sqlDialect("spark"))).toBe("`stats`.`units`");
  });
  it("sqlSource reads a DuckDB CSV with every MISSING_TOKENS text as NULL, in the list's order", () => {
    const d = sqlDialect("duckdb");
    expect(sqlSource("a.tsv.gz", d)).toBe(
      `read_csv('a.tsv.gz', header = true, nullstr = [${MISSING_TOKENS.map((t) => d.string(t)).join(", ")}])`,
    );
  });
  it("sqlSource refuses a file outside DuckDB (invalid_option)", () => {
    expect(thrown(() => sqlSource("a.parquet", sqlDialect("trino"))).code).toBe("invalid_option");
  });
});

describe("checkSqlOptions (toSQL's options, checked once)", () => {
  it("checkSqlOptions fills the defaults: DuckDB, unit column 'unit', ranks 'all'", () => {
    const o = checkSqlOptions({ source: "t" });
    expect([o.d.name, o.source, o.unitColumn, o.ranks]).toEqual(["duckdb", "t", "unit", "all"]);
  });
  it("checkSqlOptions rejects an unknown rank mode, listing RANK_MODES", () => {
    const e = thrown(() => checkSqlOptions({ source: "t", ranks: "leaves" as never }));
    expect(e.code).toBe("invalid_option");
    expect(e.message).toBe('ranks: expected "all", "groups", "root" or "none", got "leaves"');
  });
  it("checkSqlOptions rejects a blank source and an unknown dialect", () => {
    expect(thrown(() => checkSqlOptions({ source: " " })).code).toBe("invalid_option");
    expect(thrown(() => checkSqlOptions({ source: "t", dialect: "mysql" as never })).code).toBe(
      "unknown_dialect",
    );
  });
});

describe("rankedNodes (which nodes get a rank column)", () => {
  const profile = resolveProfile(parseModel(nested));
  const ids = [...profile.nodes.keys()];
  it("rankedNodes of idx > (g > a, b), c: all, groups (idx, g), root (idx), none, in tree order", () => {
    const got = Object.fromEntries(RANK_MODES.map((m) => [m, rankedNodes(profile, ids, m)]));
    expect(got).toEqual({ all: ["idx", "g", "a", "b", "c"], groups: ["idx", "g"], root: ["idx"], none: [] });
  });
  it("toSQL's ranked and columns follow rankedNodes", () => {
    const q = toSQL(nested, { source: "t", ranks: "groups" });
    expect(q.ranked).toEqual(["idx", "g"]);
    expect(q.columns).toEqual(["unit", "idx", "g", "a", "b", "c", "idx_rank", "g_rank", "coverage"]);
  });
});

describe("every method of NORMALIZE_METHODS and AGGREGATE_METHODS has a SQL form", () => {
  it("toSQL compiles each aggregation method of AGGREGATE_METHODS (power with p = 2), each to its own text", () => {
    const texts = AGGREGATE_METHODS.map((method) => {
      const aggregate = method === "power" ? { method, p: 2 } : method;
      return toSQL({ ...nested, defaults: { aggregate } } as Model, { source: "t" }).sql;
    });
    expect(new Set(texts).size).toBe(AGGREGATE_METHODS.length);
  });
  it("toSQL compiles each normalization method of NORMALIZE_METHODS (target with a target direction), each to its own text", () => {
    const texts = NORMALIZE_METHODS.map((method) => {
      const leaf = method === "target" ? { direction: { target: 1 } } : {};
      const m = {
        id: "one",
        tree: {
          id: "idx",
          children: [{ id: "a", normalize: method, goalposts: [0, 10], ...leaf }, { id: "b" }],
        },
      } as Model;
      return toSQL(m, { source: "t" }).sql;
    });
    expect(new Set(texts).size).toBe(NORMALIZE_METHODS.length);
  });
});
