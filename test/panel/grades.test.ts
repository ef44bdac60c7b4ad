import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { scorePanel } from "../../src/panel/score-panel.js";
import REF from "../fixtures/panel/expected.json" with { type: "json" };

/**
 * Grades per period of a panel. Data: DOMAIN C1's 3 units x 2021-2023 (test/fixtures/panel/compute.py
 * gives the pooled min-max values x1Pooled, x2Pooled). Root = (x1Pooled + x2Pooled) / 2 (equal weights):
 *   2021: A (0.2632 + 0.3333) / 2 = 0.2982, B 0, C (0.7895 + 0.7778) / 2 = 0.7836
 *   2022: A (0.3947 + 0.5556) / 2 = 0.4751, B (0.4737 + 0.4444) / 2 = 0.4591, C (0.6842 + 0.6667) / 2 = 0.6754
 *   2023: A (0.5263 + 0.6667) / 2 = 0.5965, B (0.5789 + 1) / 2 = 0.7895, C (1 + 0.5556) / 2 = 0.7778
 * Fixed cuts [0.4, 0.6] (lower-closed, scores rounded to 2 decimals first, cutPoints' default):
 *   2021: low low high; 2022: mid mid high; 2023: high (A 0.5965 rounds to 0.60, on the cut) high high.
 */
const { c1 } = REF;
const units = ["A", "B", "C"];
const base = (extra: Partial<Model> = {}): Model => ({
  id: "c1",
  tree: { id: "root", children: [{ id: "x1" }, { id: "x2", direction: "cost" }] },
  profiles: {
    normal: {},
    emergency: { weights: { root: { method: "fixed", weights: { x1: 0.8, x2: 0.2 } } } },
  },
  grades: { root: { method: "fixed", cuts: [0.4, 0.6], labels: ["low", "mid", "high"] } },
  ...extra,
});
const rows = (extra: (unit: string, year: number) => Record<string, string | number> = () => ({})) =>
  c1.years.flatMap((year, t) =>
    units.map((unit, i) => ({ unit, year, x1: c1.x1[t]![i]!, x2: c1.x2[t]![i]!, ...extra(unit, year) })),
  );
const expected: Record<number, string[]> = {
  2021: ["low", "low", "high"],
  2022: ["mid", "mid", "high"],
  2023: ["high", "high", "high"],
};

describe("scorePanel() grades per period", () => {
  it("grades every period on its pooled scores, in at(period) and in toRows()", () => {
    const p = scorePanel(base(), rows());
    for (const year of c1.years) {
      const g = p.at(year).grades.root;
      expect(g, String(year)).toBeDefined();
      expect([...g!.grade].map((k) => g!.names[k])).toEqual(expected[year]);
    }
    const table = p.toRows();
    expect(table.map((r) => [r.unit, r.period, r.root_grade])).toEqual(
      c1.years.flatMap((y) => units.map((u, i) => [u, String(y), expected[y]![i]])),
    );
  });

  it("a veto holding in one unit-period forces its lowest grade there only (root_veto in toRows)", () => {
    const m = base({
      inputs: [{ id: "accident" }],
      rules: { root: { veto: [{ id: "accident", when: "accident >= 1" }] } },
    });
    const p = scorePanel(
      m,
      rows((u, y) => ({ accident: u === "B" && y === 2022 ? 1 : 0 })),
    );
    const g = p.at(2022).grades.root!;
    // B in 2022: mid by its score, forced to "low" by the veto; its score is left as it is.
    expect([...g.grade].map((k) => g.names[k])).toEqual(["mid", "low", "high"]);
    expect([...g.unforced].map((k) => g.names[k])).toEqual(["mid", "mid", "high"]);
    expect(g.forced).toEqual({ B: ["accident"] });
    expect(p.at(2022).scores.root?.[1]).toBeCloseTo((0.47368421052631576 + 0.4444444444444444) / 2, 14);
    const b = p.toRows().filter((r) => r.unit === "B");
    expect(b.map((r) => [r.period, r.root_grade, r.root_veto])).toEqual([
      ["2021", "low", null],
      ["2022", "low", "accident"],
      ["2023", "high", null],
    ]);
  });

  it("data-driven cuts come from each period's units (the median of the period for 2 quantile classes)", () => {
    const p = scorePanel(base(), rows(), { grades: { root: { method: "quantile", classes: 2 } } });
    // Medians of the root scores above: 2021 A 0.2982, 2022 C... no: 2022 A 0.4751, 2023 C 0.7778.
    const medians: Record<number, number> = { 2021: 0.2982, 2022: 0.4751, 2023: 0.7778 };
    for (const year of c1.years) expect(p.at(year).grades.root?.cuts[0]).toBeCloseTo(medians[year]!, 2);
  });

  it("a period scored by several profiles (state column) is graded over all its units", () => {
    // B in 2022 under "emergency": 0.8 x 0.4737 + 0.2 x 0.4444 = 0.4678 -> still "mid".
    // A in 2022 under "emergency" too: 0.8 x 0.3947 + 0.2 x 0.5556 = 0.4269 -> "mid".
    const p = scorePanel(
      base(),
      rows((u, y) => ({ state: y === 2022 && u !== "C" ? "emergency" : "" })),
      { profile: { column: "state" } },
    );
    const r = p.at(2022);
    expect(r.scores.root?.[1]).toBeCloseTo(0.8 * 0.47368421052631576 + 0.2 * 0.4444444444444444, 14);
    const g = r.grades.root!;
    expect([...g.grade].map((k) => g.names[k])).toEqual(["mid", "mid", "high"]);
    expect(
      p
        .toRows()
        .filter((x) => x.period === "2022")
        .map((x) => x.root_grade),
    ).toEqual(["mid", "mid", "high"]);
  });
});
