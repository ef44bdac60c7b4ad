import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { imputePanel } from "../../src/panel/impute-panel.js";
import { toPanel } from "../../src/panel/panel-data.js";
import { scorePanel } from "../../src/panel/score-panel.js";
import { trendOf } from "../../src/panel/trends.js";
import REF from "../fixtures/panel/expected.json" with { type: "json" };

/** Expected values: test/fixtures/panel/compute.py (numpy, scipy), committed as expected.json. */
const { c1 } = REF;
const close = (got: ArrayLike<number>, want: readonly (number | null)[], tol = 1e-12) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? null;
    if (w === null) expect(got[i]).toBeNaN();
    else
      expect(Math.abs((got[i] as number) - w), `[${i}] ${got[i]} vs ${w}`).toBeLessThanOrEqual(
        tol * Math.max(1, Math.abs(w)),
      );
  }
};

const units = ["A", "B", "C"];
const rows = Object.freeze(
  c1.years.flatMap((year, t) =>
    units.map((unit, i) => Object.freeze({ unit, year, x1: c1.x1[t]![i]!, x2: c1.x2[t]![i]! })),
  ),
);
const model = (weights: "equal" | "entropy"): Model => ({
  id: "c1",
  tree: { id: "root", children: [{ id: "x1" }, { id: "x2", direction: "cost" }] },
  profiles: { normal: { weights: { root: weights === "entropy" ? { method: "entropy" } : "equal" } } },
});

describe("scorePanel() on DOMAIN C1's 3 units x 2021-2023 (compute.py)", () => {
  it('basis "pooled" normalizes over every unit-period (COINr global = TRUE)', () => {
    const p = scorePanel(model("equal"), rows);
    for (const [t, year] of c1.years.entries()) {
      close(p.at(year).scores.x1 as Float64Array, c1.x1Pooled[t]!);
      close(p.at(year).scores.x2 as Float64Array, c1.x2Pooled[t]!);
    }
  });

  it('basis "period" normalizes each period alone', () => {
    const p = scorePanel(model("equal"), rows, { basis: "period" });
    for (const [t, year] of c1.years.entries()) {
      close(p.at(year).scores.x1 as Float64Array, c1.x1PerPeriod[t]!);
      close(p.at(year).scores.x2 as Float64Array, c1.x2PerPeriod[t]!);
      expect(p.at(year).normalization.x1?.min).toBe(Math.min(...c1.x1[t]!));
    }
  });

  it("basis { reference: 2021 } carries the 2021 bounds, unclipped (B's 2023 x2 = 6 < 8 gives 1.2857...)", () => {
    const p = scorePanel(model("equal"), rows, { basis: { reference: 2021 } });
    for (const [t, year] of c1.years.entries()) {
      close(p.at(year).scores.x1 as Float64Array, c1.x1Reference2021[t]!);
      close(p.at(year).scores.x2 as Float64Array, c1.x2Reference2021[t]!);
    }
    const clipped = scorePanel(model("equal"), rows, { basis: { reference: 2021, clip: true } });
    expect(Math.max(...(clipped.at(2023).scores.x1 as Float64Array))).toBe(1);
  });

  it("panel entropy (weights pooled): one weight vector, k = 1/ln(r m), and the composite H", () => {
    const p = scorePanel(model("entropy"), rows);
    for (const [t, year] of c1.years.entries()) {
      const r = p.at(year);
      close([r.weights.local.x1 as number, r.weights.local.x2 as number], c1.panelEntropyWeights);
      close(r.scores.root as Float64Array, c1.H[t]!);
      expect([...(r.ranks.root as Uint32Array)]).toEqual(c1.ranksH[t]);
    }
    expect(p.provenance.weights).toBe("pooled");
  });

  it('weights "period": each period its own entropy weights (here on per-period min-max, k = 1/ln m)', () => {
    const p = scorePanel(model("entropy"), rows, { basis: "period", weights: "period" });
    for (const [t, year] of c1.years.entries()) {
      const w = p.at(year).weights.local;
      close([w.x1 as number, w.x2 as number], c1.perPeriodEntropyWeights[t]!);
    }
  });

  it("weights { reference: 2022 }: the 2022 weights in every period", () => {
    const p = scorePanel(model("entropy"), rows, { basis: "period", weights: { reference: 2022 } });
    for (const year of c1.years) {
      const w = p.at(year).weights.local;
      close([w.x1 as number, w.x2 as number], c1.perPeriodEntropyWeights[1]!);
    }
  });

  it("mobility(): Spearman between consecutive periods and the mean absolute rank change", () => {
    const m = scorePanel(model("entropy"), rows).mobility();
    close(
      m.transitions.map((t) => t.spearman),
      c1.spearman,
    );
    close(
      m.transitions.map((t) => t.meanAbsChange),
      c1.meanAbsRankChange,
    );
    expect(m.transitions[1]?.risers.map((r) => r.unit)).toEqual(["B"]);
    expect(m.transitions[1]?.fallers.map((r) => r.unit)).toEqual(["A"]);
  });
});

describe("trendOf (DOMAIN C1.3, COINr CAGR and prc_change; compute.py)", () => {
  const { trend } = REF;
  const y = trend.y.map((v) => (v === null ? Number.NaN : v));
  it("drops the missing year and uses the first and last observed points", () => {
    const m = trendOf(trend.t, y);
    close(
      [m.change, m.perPeriod, m.percent, m.cagr, m.slope, m.prcChange],
      [trend.change, trend.perPeriod, trend.percent, trend.cagr, trend.slope, trend.prcChange],
    );
    expect(m.n).toBe(4);
  });
  it("prc_change on two points, CAGR 0 for equal ends, NaN for a zero base and fewer than 2 points", () => {
    close(
      [trendOf(trend.t, [10, Number.NaN, Number.NaN, Number.NaN, 18]).prcChange],
      [trend.prcChangeTwoPoints],
    );
    expect(trendOf([1, 2, 3], [0, 0, 0]).cagr).toBe(0);
    expect(trendOf([1, 2, 3], [0, 0, 0]).prcChange).toBe(0);
    expect(trendOf([1, 2, 3, 4], [0, 1, Number.NaN, 2]).cagr).toBeNaN();
    expect(trendOf([1, 2], [Number.NaN, 2]).cagr).toBeNaN();
  });
});

describe("imputePanel (COINr impute_panel rules; compute.py)", () => {
  const { impute } = REF;
  const data = impute.t.map((year, k) => ({ unit: "a", year, y: impute.y[k] ?? null }));
  const panel = toPanel(data);
  it('"latest" carries the most recent earlier value forward and reports its period; leading gaps stay', () => {
    const out = imputePanel(panel, { method: "latest" });
    close(out.dataset.columns.get("y") as Float64Array, impute.latest);
    expect(out.imputed.map((v) => [v.period, v.from])).toEqual([
      ["2021", ["2020"]],
      ["2022", ["2020"]],
    ]);
    expect(impute.latestFrom).toEqual([null, 2020, 2020, 2020, 2023]);
  });
  it('"latest" with maxGap 1 looks back one period only', () => {
    close(
      imputePanel(panel, { method: "latest", maxGap: 1 }).dataset.columns.get("y") as Float64Array,
      impute.latestMax1,
    );
  });
  it('"constant" and "linear" fill leading gaps with the first observation', () => {
    close(
      imputePanel(panel, { method: "constant" }).dataset.columns.get("y") as Float64Array,
      impute.constant,
    );
    const lin = imputePanel(panel, { method: "linear" });
    close(lin.dataset.columns.get("y") as Float64Array, impute.linear);
    expect(lin.imputed.find((v) => v.period === "2022")?.from).toEqual(["2020", "2023"]);
  });
  it("refuses maxGap with a rule that does not read it, and never modifies the panel", () => {
    expect(() => imputePanel(panel, { method: "linear", maxGap: 1 })).toThrow(/maxGap/);
    imputePanel(panel, { method: "linear" });
    expect(Number.isNaN(panel.dataset.columns.get("y")?.[0] as number)).toBe(true);
  });
});

describe("scorePanel() on a seeded unbalanced panel (compute.py)", () => {
  const { unbalanced } = REF;
  const m: Model = {
    id: "u",
    tree: {
      id: "root",
      children: [{ id: "g1", children: [{ id: "x1" }, { id: "x2", direction: "cost" }] }, { id: "x3" }],
    },
  };
  it("reports the absent unit, scores pooled and per period as numpy does, missing values skipped", () => {
    const p = scorePanel(m, unbalanced.rows);
    expect(p.absent).toEqual({ "2021": ["u6"], "2022": ["u6"] });
    expect(p.diagnostics.some((d) => d.code === "unbalanced_panel")).toBe(true);
    const long = p.toRows();
    const key = (r: Readonly<Record<string, unknown>>) => `${r.unit} ${r.year ?? r.period}`;
    const got = new Map(long.map((r) => [key(r), r]));
    const per = new Map(
      scorePanel(m, unbalanced.rows, { basis: "period" })
        .toRows()
        .map((r) => [key(r), r]),
    );
    for (const [i, row] of unbalanced.rows.entries()) {
      close([(got.get(key(row))?.root as number | null) ?? Number.NaN], [unbalanced.rootPooled[i] ?? null]);
      close([(got.get(key(row))?.g1 as number | null) ?? Number.NaN], [unbalanced.g1Pooled[i] ?? null]);
      close(
        [(per.get(key(row))?.root as number | null) ?? Number.NaN],
        [unbalanced.rootPerPeriod[i] ?? null],
      );
    }
  });
});
