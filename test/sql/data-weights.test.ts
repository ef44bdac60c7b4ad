import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Matrix, solve } from "ml-matrix";
import { afterAll, describe, expect, it } from "vitest";
import { scoreSQL } from "../../src/duckdb.js";
import type { Model } from "../../src/indicators/schema.js";
import { score } from "../../src/score/score.js";
import { toSQL } from "../../src/sql/to-sql.js";
import { EXPECTED, rowsOfX } from "../fixtures/five-communities/index.js";
import { codeMessageOf } from "../helpers/errors.js";
import {
  ASEM_DATA,
  asemModel,
  CITY_CSV,
  csvRows,
  expectSameScores,
  governanceToEdit,
  hasDuckDB,
} from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "indicatrix-sqlw-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const city = csvRows(CITY_CSV);

function writeCsv(name: string, rows: Record<string, string | number>[]): string {
  const cols = Object.keys(rows[0] as object);
  const path = join(dir, name);
  writeFileSync(
    path,
    `${cols.join(",")}\n${rows.map((r) => cols.map((c) => r[c] ?? "").join(",")).join("\n")}\n`,
  );
  return path;
}

/** The governance template with the weights of some nodes of `profile` overridden (a copied model object). */
function withWeights(profile: string, weights: Record<string, unknown>): Model {
  const m = governanceToEdit() as Model & { profiles: Record<string, { weights?: Record<string, unknown> }> };
  const p = m.profiles[profile] as { weights?: Record<string, unknown> };
  p.weights = { ...(p.weights ?? {}), ...weights };
  return m;
}

// The five-communities example (test/fixtures/five-communities): 5 x 4 (benefit, benefit, cost, target 300);
// reference weights computed by its compute.py.
const rows = rowsOfX(["i1", "i2", "i3", "i4"]);
const domainModel = (weights: unknown): Model =>
  ({
    id: "m",
    tree: {
      id: "root",
      children: [
        { id: "i1" },
        { id: "i2" },
        { id: "i3", direction: "cost" },
        { id: "i4", direction: { target: 300 } },
      ],
    },
    profiles: { p: { weights: { root: weights } } },
  }) as Model;

/** The weights w solving root_i = sum_j w_j z_ij (ml-matrix least squares over the 5 units): read from SQL scores. */
function impliedWeights(got: { units: string[]; scores: Record<string, Float64Array> }): number[] {
  const A = new Matrix(
    got.units.map((_, i) => ["i1", "i2", "i3", "i4"].map((id) => got.scores[id]?.[i] as number)),
  );
  const b = Matrix.columnVector([...(got.scores.root as Float64Array)]);
  return solve(A, b).to1DArray();
}

describe.skipIf(!hasDuckDB)("toSQL computes data-driven weights in the query (DuckDB) as score()", () => {
  it("entropy weights of the five-communities example through a model: SQL scores imply w = [0.301436 0.248893 0.237813 0.211857]", async () => {
    const model = domainModel({ method: "entropy" });
    const path = writeCsv("domain.csv", rows);
    const got = await scoreSQL(model, path);
    const ref = score(model, rows);
    expectSameScores(ref, got);
    const w = impliedWeights(got);
    EXPECTED.entropy.weights.forEach((v, j) => {
      expect(w[j]).toBeCloseTo(v, 6);
    });
  });

  it("CRITIC (1 - r) of the five-communities example through a model: SQL scores imply w = [0.244972 0.251521 0.246231 0.257277]", async () => {
    const model = domainModel({ method: "critic" });
    const got = await scoreSQL(model, writeCsv("domain-critic.csv", rows));
    expectSameScores(score(model, rows), got);
    const w = impliedWeights(got);
    EXPECTED.critic["1-r"].forEach((v, j) => {
      expect(w[j]).toBeCloseTo(v, 6);
    });
  });

  const cases: [string, string, Record<string, unknown>][] = [
    [
      "entropy (shift 0.01) at a dimension, CRITIC 1 - r at another, CRITIC 1 - |r| at a criterion",
      "normal",
      {
        subjects: { method: "entropy", shift: 0.01 },
        process: { method: "critic" },
        party_building: { method: "critic", correlation: "1-|r|" },
      },
    ],
    [
      "entropy on indicators and on dimension scores (root), stddev, cv",
      "normal",
      {
        governance: { method: "entropy" },
        four_level_linkage: { method: "entropy" },
        path: { method: "stddev" },
        technology: { method: "cv", ddof: 0 },
      },
    ],
    [
      "combine linear (fixed + entropy), multiplicative (AHP + CRITIC), min-discrimination (entropy + stddev)",
      "normal",
      {
        subjects: {
          method: "combine",
          rule: "linear",
          alpha: 0.3,
          of: [
            {
              method: "fixed",
              weights: { party_building: 4, co_governance: 3, mass_mobilization: 2, cadre_capacity: 1 },
            },
            { method: "entropy" },
          ],
        },
        governance: {
          method: "combine",
          rule: "multiplicative",
          of: [
            {
              method: "ahp",
              judgments: [
                ["subjects", "process", 2],
                ["performance", "path", 3],
                ["subjects", "performance", 1],
                ["path", "technology", 2],
                ["process", "evaluation", 2],
              ],
            },
            { method: "critic" },
          ],
        },
        process: {
          method: "combine",
          rule: "min-discrimination",
          of: [{ method: "entropy" }, { method: "stddev" }],
        },
      },
    ],
    [
      "the emergency profile with entropy and CRITIC (emergency-only indicators active)",
      "emergency",
      {
        process: { method: "entropy" },
        performance: { method: "critic" },
        preparedness: { method: "entropy" },
      },
    ],
    [
      "a scenario profile whose multipliers double some children (entropy, CRITIC, re-normalized)",
      "public_health",
      {
        process: { method: "entropy" },
        performance: { method: "critic" },
        emergency_response: { method: "cv" },
      },
    ],
  ];
  for (const [name, profile, weights] of cases)
    it(`scoreSQL(governance template, sample city, ${profile}: ${name}) equals score() to 1e-9`, async () => {
      const model = withWeights(profile, weights);
      const ref = score(model, city, { profile });
      const got = await scoreSQL(model, CITY_CSV, { profile });
      expect(got.units).toHaveLength(331);
      expect(expectSameScores(ref, got)).toBe(331 * ref.resolved.nodes.size);
      // The SQL did not just inline weights: the query holds the weight CTEs.
      expect(toSQL(model, { source: "city", profile }).sql).toMatch(/wt\d+_s AS \(SELECT CAST\(COUNT\(\*\)/);
    });

  const aggregations: [string, Record<string, unknown>][] = [
    ["geometric on [1, 100]", { aggregate: "geometric", normalize: { method: "minmax", range: [1, 100] } }],
    ["harmonic on [1, 100]", { aggregate: "harmonic", normalize: { method: "minmax", range: [1, 100] } }],
    ["minimum", { aggregate: "minimum" }],
    ["power mean p = 2", { aggregate: { method: "power", p: 2 } }],
    [
      "Mazziotta-Pareto on [1, 100]",
      {
        aggregate: { method: "mazziotta-pareto", penalty: "positive" },
        normalize: { method: "minmax", range: [1, 100] },
      },
    ],
    ["missing mean", { missing: "mean" }],
    ["missing zero, minimum coverage 0.8", { missing: "zero", minCoverage: 0.8 }],
  ];
  const asem = csvRows(ASEM_DATA);
  for (const [name, defaults] of aggregations)
    it(`scoreSQL(ASEM, ${name}, entropy at the root and CRITIC / stddev at the pillars) equals score()`, async () => {
      const model = asemModel(defaults) as Model & { profiles?: unknown };
      const tree = model.tree as { id: string; children: { id: string; children?: { id: string }[] }[] };
      const pillars = tree.children.flatMap((c) => c.children ?? []).filter((c) => "children" in c);
      expect(pillars.length).toBeGreaterThan(2);
      const weights: Record<string, unknown> = { [tree.id]: { method: "entropy" } };
      pillars.forEach((g, i) => {
        weights[g.id] = i % 2 === 0 ? { method: "critic" } : { method: "stddev" };
      });
      model.profiles = { p: { weights } } as never;
      const ref = score(model, asem);
      const got = await scoreSQL(model, ASEM_DATA, { unitColumn: "uCode" });
      expect(expectSameScores(ref, got)).toBe(51 * ref.resolved.nodes.size);
    });

  it("a constant child gets entropy weight 0 and takes no part in a geometric mean (its zeros raise nothing), as score()", async () => {
    const data = [
      { unit: "u1", a: 1, b: 4, c: 0 },
      { unit: "u2", a: 3, b: 2, c: 0 },
      { unit: "u3", a: 2, b: 7, c: 0 },
      { unit: "u4", a: 5, b: 1, c: 0 },
    ];
    const model = {
      id: "m",
      defaults: { normalize: "none", aggregate: "geometric" },
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
      profiles: { p: { weights: { root: { method: "entropy" } } } },
    } as Model;
    const ref = score(model, data);
    expect(ref.weights.local.c).toBe(0);
    expectSameScores(ref, await scoreSQL(model, writeCsv("constant.csv", data)));
  });

  it("entropy on z-scores (negative values) fails in SQL as score() throws", async () => {
    const model = domainModel({ method: "entropy" }) as Model & { defaults?: unknown };
    model.defaults = { normalize: "zscore" } as never;
    expect(() => score(model, rows)).toThrow(/negative/);
    await expect(scoreSQL(model, writeCsv("domain-z.csv", rows))).rejects.toThrow(
      /indicatrix: node "root", child "i\d": entropy weights need values >= 0/,
    );
  });

  it("CRITIC with fewer than 2 complete units fails in SQL as score() throws (too_few_units)", async () => {
    const sparse = rows.map((r, i) => (i === 0 ? r : { ...r, i2: "" }));
    const model = domainModel({ method: "critic" });
    expect(codeMessageOf(() => score(model, sparse))).toMatch(/^too_few_units/);
    await expect(scoreSQL(model, writeCsv("domain-sparse.csv", sparse))).rejects.toThrow(
      /indicatrix: node "root": "critic" weights need at least 2 units with all children present/,
    );
  });
});

describe("toSQL writes the weight CTEs in each dialect's functions and quoting", () => {
  const model = domainModel({
    method: "combine",
    rule: "linear",
    of: [{ method: "entropy" }, { method: "critic" }],
  });
  // Spark and Trino copy a CTE into every query reading it: the aggregates are window aggregates
  // OVER () of the row pipeline there, over the units with every child present (wt0_ok = 1).
  const masked = (c: string) => `(CASE WHEN wt0_ok = 1 THEN ${c} END)`;
  it("Spark: LN, CORR, STDDEV_SAMP as window aggregates, DOUBLE casts, raise_error with a backslash-escaped literal", () => {
    const { sql } = toSQL(model, { source: "t", dialect: "spark" });
    expect(sql).toContain(`LN(${masked("v1")})`);
    expect(sql).toContain(`CORR(${masked("v1")}, ${masked("v2")}) OVER ()`);
    expect(sql).toContain(`STDDEV_SAMP(${masked("v1")}) OVER ()`);
    expect(sql).toContain("CAST(SUM(wt0_ok) OVER () AS DOUBLE) AS wt0_m");
    expect(sql).toContain(`raise_error('indicatrix: node "root" part 0`);
    expect(sql).toContain("v0 AS `root`");
  });
  it("Trino: LN, CORR, STDDEV_SAMP as window aggregates, fail with an ANSI literal", () => {
    const { sql } = toSQL(model, { source: "t", dialect: "trino" });
    expect(sql).toContain(`LN(${masked("v1")})`);
    expect(sql).toContain(`CORR(${masked("v1")}, ${masked("v2")}) OVER ()`);
    expect(sql).toContain(`STDDEV_SAMP(${masked("v1")}) OVER ()`);
    expect(sql).toContain(`fail('indicatrix: node "root" part 0`);
  });
  it("a combine rule that SQL does not compute (game-theory, moment) with a data-driven part is refused", () => {
    for (const rule of ["game-theory", "moment"])
      expect(
        codeMessageOf(() =>
          toSQL(domainModel({ method: "combine", rule, of: [{ method: "equal" }, { method: "entropy" }] }), {
            source: "t",
          }),
        ),
      ).toMatch(new RegExp(`^unsupported_in_sql: combine rule "${rule}" .*node "root"`));
  });
});
