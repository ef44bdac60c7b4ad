import { describe, expect, it } from "vitest";
import { evaluate, evaluateModel } from "../../src/analysis/evaluate-model/index.js";
import type { Model } from "../../src/indicators/schema.js";
import { EXPECTED } from "../fixtures/five-communities/index.js";
import { goldenModel, goldenRows, governance, sampleCity } from "./models.js";

const close = (got: (number | string | null | undefined)[], want: number[], digits = 5) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    expect(g as number, `entry ${i}`).toBeCloseTo(want[i] as number, digits);
  });
};

// Reference values: test/fixtures/five-communities/compute.py (expected.json).
describe("evaluateModel on the five-communities example (Z = min-max by direction, global weights w*)", () => {
  it("topsis: C = [0.423852, 0.471874, 0.47575, 0.52425, 0.553203] (vector normalization of Z, w*)", () => {
    const ev = evaluateModel(goldenModel(), goldenRows(), { method: "topsis" });
    close(
      ev.rows.map((r) => r.score),
      EXPECTED.topsis.vector,
    );
    expect(ev.rows.map((r) => r.rank)).toEqual([5, 4, 3, 2, 1]);
    expect(ev.columns).toEqual(["unit", "score", "rank", "dPlus", "dMinus"]);
    expect(ev.criteria).toEqual(["I1", "I2", "I3", "I4"]);
  });

  it("topsis passes its own options through: normalization none gives 'TOPSIS directly on Z'", () => {
    const ev = evaluateModel(goldenModel(), goldenRows(), { method: "topsis", normalization: "none" });
    close(
      ev.rows.map((r) => r.score),
      EXPECTED.topsis.none,
    );
  });

  it("grey: the weighted grade = [0.528825, 0.51349, 0.663111, 0.672044, 0.569445]", () => {
    const ev = evaluateModel(goldenModel(), goldenRows(), { method: "grey" });
    close(
      ev.rows.map((r) => r.score),
      EXPECTED.grey.gradesWeighted,
    );
  });

  it("rsr: WRSR(w*) = [0.530615, 0.602134, 0.595733, 0.604267, 0.667251]", () => {
    const ev = evaluateModel(goldenModel(), goldenRows(), { method: "rsr" });
    close(
      ev.rows.map((r) => r.score),
      EXPECTED.rsr.wrsr,
    );
  });

  it("obstacle: row 1 = [45.33, 26.31, 25.42, 2.94] %, and the one dimension holds 100%", () => {
    const ev = evaluateModel(goldenModel(), goldenRows(), { method: "obstacle", top: 2 });
    const row = ev.rows[0] ?? {};
    close(
      ["I1", "I2", "I3", "I4"].map((k) => row[k]),
      EXPECTED.obstacle.degrees[0] as number[],
      2,
    );
    expect(row.top).toBe("I1 45.3%; I2 26.3%");
  });

  it("fuzzy: five grades over [0, 1] by default; memberships sum to 1 and the best unit ranks first", () => {
    const ev = evaluateModel(goldenModel(), goldenRows(), { method: "fuzzy" });
    expect(ev.columns).toEqual([
      "unit",
      "score",
      "rank",
      "grade",
      "excellent",
      "good",
      "fair",
      "poor",
      "very poor",
    ]);
    for (const r of ev.rows) {
      const s = ["excellent", "good", "fair", "poor", "very poor"].reduce((a, k) => a + (r[k] as number), 0);
      expect(s).toBeCloseTo(1, 12);
    }
    // c1: Z = (0.1875, 0.578947, 0.333333, 0.9) on breakpoints 0, .25, .5, .75, 1 (hand, half-trapezoids):
    // I1 -> poor .75, very poor .25; I2 -> good .315789, fair .684211; I3 -> fair 1/3, poor 2/3; I4 -> excellent .6, good .4
    // B = w* R: excellent .158411 * .6 = .095047; good .336255 * .315789 + .158411 * .4 = .169550;
    // fair .336255 * .684211 + .20514 / 3 = .298449; poor .300194 * .75 + .20514 * 2/3 = .361905; very poor .075049
    const c1 = ev.rows[0] ?? {};
    close(
      ["excellent", "good", "fair", "poor", "very poor"].map((k) => c1[k]),
      [0.095047, 0.16955, 0.298449, 0.361905, 0.075049],
    );
    // S = B . (100, 80, 60, 40, 20)
    expect(c1.score as number).toBeCloseTo(56.952818, 4);
    expect(c1.grade).toBe("poor");
  });

  it("coupling between dimensions: U = (0.6, 0.4, 0.5) gives C = 0.986485, T = 0.5, D = 0.702312", () => {
    const model = {
      id: "c",
      tree: {
        id: "root",
        children: ["a", "b", "c"].map((d) => ({ id: d, children: [{ id: `${d}1` }] })),
      },
      defaults: { normalize: "none" },
    } as Model;
    const rows = [
      { unit: "u1", a1: 0.6, b1: 0.4, c1: 0.5 },
      { unit: "u2", a1: 0.2, b1: 0.2, c1: 0.2 },
    ];
    const ev = evaluateModel(model, rows, { method: "coupling" });
    const r = ev.rows[0] ?? {};
    close([r.C, r.T, r.D], [0.986485, 0.5, 0.702312]);
    expect(r).toMatchObject({ U_a: 0.6, U_b: 0.4, U_c: 0.5, grade: 8, band: "intermediate coordination" });
    expect(ev.rows[1]?.C).toBeCloseTo(1, 12); // equal subsystems couple perfectly
  });
});

describe("evaluateModel on the governance template", () => {
  it("coupling between the normal and emergency profiles' root scores (平急结合), one row per unit", () => {
    const ev = evaluateModel(governance, sampleCity(), {
      method: "coupling",
      profiles: ["normal", "emergency"],
    });
    expect(ev.profile).toBe("normal,emergency");
    expect(ev.rows.length).toBe(ev.units.length);
    const r = ev.rows[0] ?? {};
    const u1 = r.U_normal as number;
    const u2 = r.U_emergency as number;
    // k = 2: C = 2 sqrt(U1 U2) / (U1 + U2), T = (U1 + U2) / 2, D = sqrt(C T)
    const c = (2 * Math.sqrt(u1 * u2)) / (u1 + u2);
    close([r.C, r.T, r.D], [c, (u1 + u2) / 2, Math.sqrt((c * (u1 + u2)) / 2)], 12);
  });

  it("units with a missing indicator are left out with null values, and rows stay aligned with units", () => {
    const ev = evaluateModel(governance, sampleCity(), { method: "topsis", profile: "normal" });
    expect(ev.excluded.length).toBeGreaterThan(0);
    ev.rows.forEach((r, i) => {
      expect(r.unit).toBe(ev.units[i]);
      expect(r.score === null).toBe(ev.excluded.includes(ev.units[i] as string));
    });
    expect(ev.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("obstacle groups are the root's children (dimensions) and sum to 100% per unit", () => {
    const ev = evaluateModel(governance, sampleCity(), { method: "obstacle", profile: "emergency" });
    const dims = ["subjects", "process", "path", "technology", "performance", "evaluation"];
    const row = ev.rows.find((r) => r.subjects !== null) ?? {};
    expect(dims.reduce((a, d) => a + (row[d] as number), 0)).toBeCloseTo(100, 9);
  });
});

describe("evaluateModel errors", () => {
  it.each([
    [{ method: "electre" }, /opts\.method/],
    [{ method: "coupling", profiles: ["normal"] }, /opts\.profiles/],
    [{ method: "topsis", profile: "nope" }, /nope/],
    [{ method: "topsis", ideal: "best" }, /evaluateModel \(topsis\)/],
  ])("evaluateModel(%j) throws naming the argument", (opts, message) => {
    expect(() => evaluateModel(governance, sampleCity(), opts as never)).toThrow(message);
  });

  it("fuzzy without breakpoints on mixed normalization ranges asks for breakpoints", () => {
    const model = {
      id: "z",
      tree: { id: "root", children: [{ id: "I1" }, { id: "I2", normalize: "zscore" }] },
    } as Model;
    expect(() => evaluateModel(model, goldenRows(), { method: "fuzzy" })).toThrow(/breakpoints/);
  });
});

describe("evaluate (deprecated alias)", () => {
  it("evaluate is evaluateModel itself and gives the same TOPSIS table", () => {
    expect(evaluate).toBe(evaluateModel);
    expect(evaluate(goldenModel(), goldenRows(), { method: "topsis" })).toEqual(
      evaluateModel(goldenModel(), goldenRows(), { method: "topsis" }),
    );
  });
});
