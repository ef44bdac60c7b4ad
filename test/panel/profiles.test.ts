import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { scorePanel } from "../../src/panel/score-panel.js";
import { rollup } from "../../src/score/rollup.js";
import REF from "../fixtures/panel/expected.json" with { type: "json" };

/**
 * DOMAIN C1's 3 units x 2021-2023 (test/fixtures/panel/compute.py gives the pooled min-max values);
 * profile "emergency" weighs x1 0.8 and x2 0.2, "normal" equally.
 */
const { c1 } = REF;
const model: Model = {
  id: "c1",
  tree: { id: "root", children: [{ id: "x1" }, { id: "x2", direction: "cost" }] },
  profiles: {
    normal: {},
    emergency: { weights: { root: { method: "fixed", weights: { x1: 0.8, x2: 0.2 } } } },
  },
};
const units = ["A", "B", "C"];
const rows = (state: (unit: string, year: number) => string | undefined) =>
  c1.years.flatMap((year, t) =>
    units.map((unit, i) => ({
      unit,
      year,
      x1: c1.x1[t]![i]!,
      x2: c1.x2[t]![i]!,
      state: state(unit, year) ?? "",
    })),
  );
const pooled = (t: number, i: number, w1: number) =>
  w1 * c1.x1Pooled[t]![i]! + (1 - w1) * c1.x2Pooled[t]![i]!;

describe("scorePanel() profiles", () => {
  it("a map from period to profile scores 2022 with the emergency weights, normalization still pooled", () => {
    const p = scorePanel(
      model,
      rows(() => undefined),
      { profile: { "2022": "emergency" } },
    );
    expect(p.provenance.profiles).toEqual({ "2021": "normal", "2022": "emergency", "2023": "normal" });
    for (const [t, year] of c1.years.entries()) {
      const r = p.at(year);
      expect(r.profile).toBe(year === 2022 ? "emergency" : "normal");
      for (let i = 0; i < 3; i++) {
        expect(r.scores.x1?.[i]).toBeCloseTo(c1.x1Pooled[t]![i]!, 14);
        expect(r.scores.root?.[i]).toBeCloseTo(pooled(t, i, year === 2022 ? 0.8 : 0.5), 14);
      }
    }
  });

  it("a state column scores each unit-period by its own profile; ranks within the period over all units", () => {
    const p = scorePanel(
      model,
      rows((u, y) => (u === "B" && y === 2022 ? "emergency" : undefined)),
      {
        profile: { column: "state" },
      },
    );
    expect(p.provenance.stateColumn).toBe("state");
    expect(p.provenance.profiles["2022"]).toBe("normal+emergency");
    const r = p.at(2022);
    expect(r.units).toEqual(units);
    const want = [pooled(1, 0, 0.5), pooled(1, 1, 0.8), pooled(1, 2, 0.5)];
    for (let i = 0; i < 3; i++) expect(r.scores.root?.[i]).toBeCloseTo(want[i]!, 14);
    const order = [...want].sort((a, b) => b - a);
    expect([...(r.ranks.root as Uint32Array)]).toEqual(want.map((v) => order.indexOf(v) + 1));
    expect(r.contributions("B").find((c) => c.indicator === "x1")?.weight).toBeCloseTo(0.8, 14);
    expect(r.contributions("A").find((c) => c.indicator === "x1")?.weight).toBeCloseTo(0.5, 14);
    // The other periods are all "normal" and equal to a run without a state column.
    const plain = scorePanel(
      model,
      rows(() => undefined),
    );
    expect([...(p.at(2021).scores.root as Float64Array)]).toEqual([
      ...(plain.at(2021).scores.root as Float64Array),
    ]);
  });

  it("refuses a state naming no profile, with the row", () => {
    expect(() =>
      scorePanel(
        model,
        rows((u, y) => (u === "C" && y === 2023 ? "typhoon" : undefined)),
        {
          profile: { column: "state" },
        },
      ),
    ).toThrow(/row 9, unit "C", column "state": "typhoon" is not a profile/);
  });

  it("keeps the unit hierarchy per period: roll-up of each period's result", () => {
    const withStreet = c1.years.flatMap((year, t) => [
      { unit: "s1", parent: "", year, population: 3 },
      ...units.map((unit, i) => ({
        unit,
        parent: "s1",
        year,
        x1: c1.x1[t]![i]!,
        x2: c1.x2[t]![i]!,
        population: i + 1,
      })),
    ]);
    const p = scorePanel(model, withStreet, { basis: "period" });
    for (const [t, year] of c1.years.entries()) {
      const r = p.at(year);
      expect(r.units).toEqual(units);
      expect(r.hierarchy.units).toEqual(["s1", ...units]);
      const up = rollup(r, { by: { weight: "population" } });
      const s =
        [0, 1, 2].reduce(
          (acc, i) => acc + (i + 1) * (0.5 * c1.x1PerPeriod[t]![i]! + 0.5 * c1.x2PerPeriod[t]![i]!),
          0,
        ) / 6;
      expect(up.scores.root?.[up.units.indexOf("s1")]).toBeCloseTo(s, 14);
    }
  });
});
