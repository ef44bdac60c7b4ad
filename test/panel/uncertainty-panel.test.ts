import { describe, expect, it } from "vitest";
import { uncertaintyAnalysis } from "../../src/analysis/uncertainty.js";
import type { Model } from "../../src/indicators/schema.js";
import { uncertaintyPanel } from "../../src/panel/uncertainty-panel.js";
import REF from "../fixtures/panel/expected.json" with { type: "json" };

/**
 * Rank intervals per period on DOMAIN C1's 3 units x 2021-2023 (test/fixtures/panel/compute.py gives
 * the pooled min-max values), profile "normal" (x1, x2 equally weighted), leave-one-out only. Each run
 * scores the panel one of three ways: both indicators, x1 alone (x2 left out), x2 alone. Ranks within
 * the period under each, from x1Pooled, x2Pooled and their mean:
 *   2021: x1 [0.263, 0, 0.789], x2 [0.333, 0, 0.778], mean alike -> A 2, B 3, C 1 every time
 *   2022: mean A 2 B 3 C 1; x1 [0.395, 0.474, 0.684] A 3 B 2 C 1; x2 [0.556, 0.444, 0.667] A 2 B 3 C 1
 *   2023: mean [0.596, 0.789, 0.778] A 3 B 1 C 2; x1 [0.526, 0.579, 1] A 3 B 2 C 1; x2 [0.667, 1, 0.556] A 2 B 1 C 3
 * With 300 runs each way is drawn about 100 times, so the 5-95% interval spans the ranks a unit takes.
 */
const { c1 } = REF;
const units = ["A", "B", "C"];
const model: Model = {
  id: "c1",
  tree: { id: "root", children: [{ id: "x1" }, { id: "x2", direction: "cost" }] },
  profiles: { normal: {} },
};
const rows = c1.years.flatMap((year, t) =>
  units.map((unit, i) => ({ unit, year, x1: c1.x1[t]![i]!, x2: c1.x2[t]![i]! })),
);

describe("uncertaintyPanel()", () => {
  it("leave-one-out: the rank intervals of each period span the ranks of its three variants (by hand)", () => {
    const ua = uncertaintyPanel(model, rows, {
      period: "year",
      runs: 300,
      seed: 3,
      weights: false,
      leaveOneOut: true,
    });
    expect(ua.periods).toEqual(["2021", "2022", "2023"]);
    const span = (year: number) =>
      ua.byPeriod[String(year)]!.ranks.map((r) => [r.unit, r.nominal, r.p05, r.p95, r.scoredRuns]);
    expect(span(2021)).toEqual([
      ["A", 2, 2, 2, 300],
      ["B", 3, 3, 3, 300],
      ["C", 1, 1, 1, 300],
    ]);
    expect(ua.byPeriod["2021"]!.meanAbsShift).toBe(0);
    expect(span(2022)).toEqual([
      ["A", 2, 2, 3, 300],
      ["B", 3, 2, 3, 300],
      ["C", 1, 1, 1, 300],
    ]);
    expect(span(2023)).toEqual([
      ["A", 3, 2, 3, 300],
      ["B", 1, 1, 2, 300],
      ["C", 2, 1, 3, 300],
    ]);
    expect(ua.provenance).toMatchObject({ basis: "pooled", ranks: "within each period", seed: 3 });
  });

  it("is deterministic with the seed, and a one-period panel gives uncertaintyAnalysis on its rows", () => {
    const opts = {
      runs: 200,
      seed: 11,
      weights: { noise: 0.5 },
      normalization: ["minmax", "zscore"],
    } as const;
    const a = uncertaintyPanel(model, rows, { period: "year", ...opts });
    const b = uncertaintyPanel(model, rows, { period: "year", ...opts });
    expect([...a.outputs]).toEqual([...b.outputs]);
    const y2022 = rows.filter((r) => r.year === 2022);
    const one = uncertaintyPanel(model, y2022, { period: "year", ...opts });
    const plain = uncertaintyAnalysis(
      model,
      y2022.map(({ year: _, ...r }) => r),
      opts,
    );
    expect(one.byPeriod["2022"]!.ranks).toEqual(plain.ranks);
    expect([...one.outputs]).toEqual([...plain.outputs]);
    expect(one.sensitivity).toEqual(plain.sensitivity);
  });

  it("refuses a profile map (one profile for every period)", () => {
    expect(() =>
      uncertaintyPanel(model, rows, { period: "year", profile: { "2022": "normal" } as unknown as string }),
    ).toThrow(/one profile name/);
  });
});
