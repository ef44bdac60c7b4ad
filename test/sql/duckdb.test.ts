import { describe, expect, it } from "vitest";
import { scoreSQL } from "../../src/duckdb.js";
import { score } from "../../src/score/score.js";
import {
  ASEM_DATA,
  asemModel,
  CITY_CSV,
  csvRows,
  expectSameScores,
  governance,
  hasDuckDB,
} from "./helpers.js";

const city = csvRows(CITY_CSV);
const asemData = csvRows(ASEM_DATA);

describe.skipIf(!hasDuckDB)("scoreSQL in DuckDB equals score() (the reference implementation)", () => {
  for (const profile of ["normal", "emergency"])
    it(`scoreSQL(governance template, sample-city.csv, ${profile}) equals score() to 1e-9 with the same ranks`, async () => {
      const model = governance();
      const ref = score(model, city, { profile });
      const got = await scoreSQL(model, CITY_CSV, { profile });
      expect(got.units).toHaveLength(331); // the parent column drops the city, districts and streets
      expect(expectSameScores(ref, got)).toBe(331 * ref.resolved.nodes.size);
    });

  const normalizations: [string, unknown][] = [
    ["minmax [0, 100] (COINr's ASEM run)", { method: "minmax", range: [0, 100] }],
    ["zscore ddof 1", "zscore"],
    ["zscore ddof 0", { method: "zscore", ddof: 0 }],
    ["rank (ties min)", "rank"],
    ["rank (ties average)", { method: "rank", ties: "average" }],
    ["percentile", "percentile"],
    ["borda", "borda"],
    ["distance-to-max", "distance-to-max"],
    ["vector", "vector"],
    ["none", "none"],
  ];
  for (const [name, normalize] of normalizations)
    it(`scoreSQL(ASEM, normalize ${name}, arithmetic, skip) equals score()`, async () => {
      const model = asemModel({ normalize });
      const ref = score(model, asemData);
      const got = await scoreSQL(model, ASEM_DATA, { unitColumn: "uCode" });
      expect(expectSameScores(ref, got)).toBe(51 * ref.resolved.nodes.size);
    });

  const aggregations: [string, Record<string, unknown>][] = [
    ["geometric with zero floor", { aggregate: { method: "geometric", zero: "floor" } }],
    ["geometric on [1, 100]", { aggregate: "geometric", normalize: { method: "minmax", range: [1, 100] } }],
    ["harmonic on [1, 100]", { aggregate: "harmonic", normalize: { method: "minmax", range: [1, 100] } }],
    ["minimum", { aggregate: "minimum" }],
    ["power mean p = 2", { aggregate: { method: "power", p: 2 } }],
    [
      "power mean p = -0.5 on [1, 100]",
      { aggregate: { method: "power", p: -0.5 }, normalize: { method: "minmax", range: [1, 100] } },
    ],
    [
      "Mazziotta-Pareto positive penalty",
      {
        aggregate: { method: "mazziotta-pareto", penalty: "positive" },
        normalize: { method: "minmax", range: [1, 100] },
      },
    ],
    ["missing zero", { missing: "zero" }],
    ["missing mean", { missing: "mean" }],
    ["missing median", { missing: "median" }],
    ["minimum coverage 0.8", { minCoverage: 0.8 }],
  ];
  for (const [name, defaults] of aggregations)
    it(`scoreSQL(ASEM, ${name}) equals score()`, async () => {
      const model = asemModel(defaults);
      const ref = score(model, asemData);
      const got = await scoreSQL(model, ASEM_DATA, { unitColumn: "uCode" });
      expect(expectSameScores(ref, got)).toBe(51 * ref.resolved.nodes.size);
    });

  // Issue 20 item 5 (failed before the scaled form): on [0.01, 0.1], x^400 underflows to 0 and
  // x^-400 overflows, so the mean came out 0; a power mean lies between the smallest and the
  // largest child (Hardy, Littlewood, Polya, Inequalities, 2.4), here within [0.01, 0.1].
  for (const p of [400, -400])
    it(`scoreSQL(ASEM, power mean p = ${p} on [0.01, 0.1]) equals score(), every score within [0.01, 0.1]`, async () => {
      const model = asemModel({
        aggregate: { method: "power", p },
        normalize: { method: "minmax", range: [0.01, 0.1] },
      });
      const ref = score(model, asemData);
      const got = await scoreSQL(model, ASEM_DATA, { unitColumn: "uCode" });
      expectSameScores(ref, got);
      for (const col of Object.values(got.scores))
        for (const v of col)
          if (!Number.isNaN(v)) expect(v >= 0.01 - 1e-12 && v <= 0.1 + 1e-12, `${v}`).toBe(true);
    });

  it("scoreSQL(ASEM, minimum coverage 0.8) leaves some units without an index score, ranked NULL -> 0 as score()", async () => {
    const model = asemModel({ minCoverage: 0.8 });
    const got = await scoreSQL(model, ASEM_DATA, { unitColumn: "uCode" });
    const ref = score(model, asemData);
    const missingNodes = Object.values(ref.scores).filter((col) => col.some((v) => Number.isNaN(v)));
    expect(missingNodes.length).toBeGreaterThan(0); // the test exercises NULL scores
    expectSameScores(ref, got);
  });

  it("scoreSQL fails where score() throws: Mazziotta-Pareto with a non-positive mean (ASEM on [1, 100], negative penalty)", async () => {
    const model = asemModel({
      aggregate: "mazziotta-pareto",
      normalize: { method: "minmax", range: [1, 100] },
    });
    expect(() => score(model, asemData)).toThrow(/Mazziotta-Pareto index needs a positive mean/);
    await expect(scoreSQL(model, ASEM_DATA, { unitColumn: "uCode" })).rejects.toThrow(
      /indicatrix: node "[^"]+": the Mazziotta-Pareto index needs a positive mean/,
    );
  });
});
