// toSQL with a period column (issue 13, item 5): what the query looks like and what it refuses,
// without running it (panel-duckdb.test.ts and panel-postgres.test.ts run it against scorePanel).
import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { scorePanel } from "../../src/panel/score-panel.js";
import { toSQL } from "../../src/sql/to-sql.js";
import { thrown } from "../helpers/errors.js";
import { asemPanelModel } from "./panel-helpers.js";

const small = (normalize: unknown = "minmax"): Model =>
  ({
    id: "m",
    defaults: { normalize },
    tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
  }) as Model;

describe("toSQL with a period column", () => {
  it("returns unit, period, the scores, the ranks within each period and the coverage", () => {
    const q = toSQL(small(), { source: "t", period: "year" });
    expect(q.columns).toEqual([
      "unit",
      "period",
      "root",
      "a",
      "b",
      "root_rank",
      "a_rank",
      "b_rank",
      "coverage",
    ]);
    expect(q.sql).toContain('per AS "period"');
    // DuckDB joins each rank from its distinct scores per period; the other engines rank in windows.
    expect(q.sql).toContain("OVER (PARTITION BY per ORDER BY");
    expect(q.sql).toContain(".per = g0.per");
    expect(toSQL(small(), { source: "t", period: "year", dialect: "postgres" }).sql).toContain(
      "RANK() OVER (PARTITION BY per ORDER BY",
    );
    // pooled (the default): one statistics row over every unit-period
    expect(q.sql).toMatch(/st0? AS \(SELECT [^)]*MIN\(r0\)[\s\S]*FROM raw\)/);
    expect(q.sql).not.toContain("FROM raw GROUP BY per");
  });

  it("basis period groups the statistics by period and partitions rank normalizations; reference filters them", () => {
    expect(toSQL(small(), { source: "t", period: "year", basis: "period" }).sql).toContain(
      "FROM raw GROUP BY per)",
    );
    expect(toSQL(small("rank"), { source: "t", period: "year", basis: "period" }).sql).toContain(
      "RANK() OVER (PARTITION BY raw.per ORDER BY",
    );
    const ref = toSQL(small(), { source: "t", period: "year", basis: { reference: 2019 } }).sql;
    expect(ref).toContain("FROM raw WHERE per = '2019')");
  });

  it("without period, the panel options are refused, and the query is unchanged by a period-less default", () => {
    expect(thrown(() => toSQL(small(), { source: "t", basis: "period" })).code).toBe("invalid_option");
    expect(thrown(() => toSQL(small(), { source: "t", weightsBasis: "period" })).message).toMatch(
      /weightsBasis: a panel basis needs the period column/,
    );
    expect(toSQL(small(), { source: "t" }).columns[1]).toBe("root");
  });

  it("a malformed basis is invalid_option; a node named period is a column collision", () => {
    expect(
      thrown(() => toSQL(small(), { source: "t", period: "year", basis: "yearly" as never })).message,
    ).toMatch(/basis: expected "pooled", "period" or \{ reference: period \}, got "yearly"/);
    expect(thrown(() => toSQL(small(), { source: "t", period: "  " })).code).toBe("invalid_option");
    const m = { id: "m", tree: { id: "root", children: [{ id: "period" }, { id: "b" }] } } as Model;
    expect(thrown(() => toSQL(m, { source: "t", period: "year" })).code).toBe("column_collision");
  });

  it("a reference basis for a rank-type normalization is unsupported_basis, as in scorePanel", () => {
    const rows = [
      { unit: "a", year: 2021, a: 1, b: 2 },
      { unit: "b", year: 2021, a: 3, b: 1 },
      { unit: "a", year: 2022, a: 2, b: 2 },
      { unit: "b", year: 2022, a: 4, b: 3 },
    ];
    for (const normalize of ["rank", "percentile", "borda", "vector", "sum"]) {
      const model = small(normalize);
      const basis = { reference: "2021" };
      expect(thrown(() => scorePanel(model, rows, { period: "year", basis })).code).toBe("unsupported_basis");
      const e = thrown(() => toSQL(model, { source: "t", period: "year", basis }));
      expect(e.code, normalize).toBe("unsupported_basis");
      expect(e.message).toMatch(/indicator "a": a reference-period basis needs min-max/);
    }
  });

  it("reference-period weights with mean or median imputation are unsupported_in_sql, naming the node", () => {
    const e = thrown(() =>
      toSQL(asemPanelModel({ missing: "mean" }, true), {
        source: "t",
        period: "Time",
        weightsBasis: { reference: "2020" },
      }),
    );
    expect(e.code).toBe("unsupported_in_sql");
    expect(e.message).toMatch(/reference-period weights .*"mean" \(node "Conn"\) cannot be compiled to SQL/);
    // Per period and pooled they compile, and so do reference weights under the policy skip.
    for (const weightsBasis of ["pooled", "period"] as const)
      expect(
        toSQL(asemPanelModel({ missing: "mean" }, true), { source: "t", period: "Time", weightsBasis }).sql,
      ).toContain("wt");
    expect(
      toSQL(asemPanelModel({}, true), { source: "t", period: "Time", weightsBasis: { reference: "2020" } })
        .sql,
    ).toContain("AND per = '2020'");
  });
});
