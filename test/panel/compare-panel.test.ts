import { describe, expect, it } from "vitest";
import { compareProfiles } from "../../src/analysis/compare-profiles.js";
import type { Model } from "../../src/indicators/schema.js";
import { compareProfilesByPeriod } from "../../src/panel/compare-panel.js";
import REF from "../fixtures/panel/expected.json" with { type: "json" };

/**
 * compareProfilesByPeriod on DOMAIN C1's 3 units x 2021-2023 (test/fixtures/panel/compute.py gives
 * the pooled min-max values x1Pooled, x2Pooled). "normal" weighs x1 and x2 equally, "emergency" 0.8/0.2.
 * 2022 by hand (x1Pooled [0.3947, 0.4737, 0.6842], x2Pooled [0.5556, 0.4444, 0.6667]):
 *   normal    A 0.4751, B 0.4591, C 0.6754 -> ranks A 2, B 3, C 1
 *   emergency A 0.8 x 0.3947 + 0.2 x 0.5556 = 0.4269, B 0.4678, C 0.6807 -> ranks A 3, B 2, C 1
 *   rank shift (emergency - normal): A +1, B -1, C 0
 *   Spearman: d = (1, 1, 0), rho = 1 - 6 x 2 / (3 x 8) = 0.5; Kendall: (A,B) discordant, the two pairs
 *   with C concordant: tau = (2 - 1) / 3 = 1/3.
 */
const { c1 } = REF;
const units = ["A", "B", "C"];
const model = (goalposts?: { x1: [number, number]; x2: [number, number] }): Model => ({
  id: "c1",
  tree: {
    id: "root",
    children: [
      { id: "x1", ...(goalposts ? { goalposts: goalposts.x1 } : {}) },
      { id: "x2", direction: "cost", ...(goalposts ? { goalposts: goalposts.x2 } : {}) },
    ],
  },
  profiles: {
    normal: {},
    emergency: { weights: { root: { method: "fixed", weights: { x1: 0.8, x2: 0.2 } } } },
  },
  ...(goalposts ? { defaults: { normalize: "goalposts" } } : {}),
});
const rows = c1.years.flatMap((year, t) =>
  units.map((unit, i) => ({ unit, year, x1: c1.x1[t]![i]!, x2: c1.x2[t]![i]! })),
);

describe("compareProfilesByPeriod()", () => {
  it("gives one comparison per period; 2022 as computed by hand", () => {
    const c = compareProfilesByPeriod(model(), rows, ["normal", "emergency"], { period: "year" });
    expect(c.periods).toEqual(["2021", "2022", "2023"]);
    const y = c.byPeriod["2022"]!;
    expect(y.units).toEqual(units);
    const x1 = c1.x1Pooled[1]!;
    const x2 = c1.x2Pooled[1]!;
    for (let i = 0; i < 3; i++) {
      expect(y.scores.normal?.[i]).toBeCloseTo(0.5 * x1[i]! + 0.5 * x2[i]!, 14);
      expect(y.scores.emergency?.[i]).toBeCloseTo(0.8 * x1[i]! + 0.2 * x2[i]!, 14);
    }
    expect([...(y.ranks.normal as Uint32Array)]).toEqual([2, 3, 1]);
    expect([...(y.ranks.emergency as Uint32Array)]).toEqual([3, 2, 1]);
    expect([...y.rankShift]).toEqual([1, -1, 0]);
    expect(y.correlations).toEqual([
      { a: "normal", b: "emergency", spearman: expect.closeTo(0.5, 14), kendall: expect.closeTo(1 / 3, 14) },
    ]);
    const w = y.weights.find((r) => r.node === "x1");
    expect(w?.weights).toEqual({ normal: expect.closeTo(0.5, 14), emergency: expect.closeTo(0.8, 14) });
    expect(w?.difference).toBeCloseTo(0.3, 14);
  });

  it("each period equals compareProfiles on that period's rows scored with the pooled bounds as goalposts", () => {
    // Pooled bounds over the 9 unit-periods: x1 in [40, 78], x2 in [6, 15] (the data above).
    const fixed = model({ x1: [40, 78], x2: [6, 15] });
    const c = compareProfilesByPeriod(model(), rows, ["normal", "emergency"], { period: "year" });
    for (const year of c1.years) {
      const alone = compareProfiles(
        fixed,
        rows.filter((r) => r.year === year).map(({ year: _, ...r }) => r),
        ["normal", "emergency"],
      );
      const y = c.byPeriod[String(year)]!;
      for (const p of ["normal", "emergency"]) {
        for (let i = 0; i < 3; i++) expect(y.scores[p]?.[i]).toBeCloseTo(alone.scores[p]![i]!, 14);
        expect([...(y.ranks[p] as Uint32Array)]).toEqual([...(alone.ranks[p] as Uint32Array)]);
      }
      expect([...y.rankShift]).toEqual([...alone.rankShift]);
      expect(y.correlations[0]?.spearman).toBeCloseTo(alone.correlations[0]!.spearman, 14);
    }
  });

  it("refuses fewer than two profiles", () => {
    expect(() => compareProfilesByPeriod(model(), rows, ["normal"], { period: "year" })).toThrow(
      /at least two profile/,
    );
  });
});
