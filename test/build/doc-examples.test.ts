// The @example blocks of src/build/, run as tests so that the documented results stay true.
import { describe, expect, it } from "vitest";
import {
  ahpQuestionnaire,
  bartlettSphericity,
  DELPHI_BASIS_TABLE,
  DELPHI_FAMILIARITY_TABLE,
  delphi,
  delphiRoundFromTable,
  delphiToModel,
  factorAnalysis,
  kendallW,
  kmo,
  pca,
  readAhpQuestionnaires,
  screenIndicators,
  varimax,
} from "../../src/build/index.js";

describe("documented examples of src/build", () => {
  it("kendallW, delphi and the authority tables give their documented results", () => {
    expect(
      +kendallW([
        [1, 2, 3],
        [1, 2, 3],
        [1, 3, 2],
      ]).w.toFixed(4),
    ).toBe(0.7778);
    const r = delphi(
      {
        indicators: ["a", "b", "c"],
        ratings: [
          [5, 4, 2],
          [5, 3, 2],
          [4, 4, 1],
        ],
        sent: 4,
      },
      { scaleMax: 5 },
    );
    expect(r.rounds[0]?.positiveCoefficient).toBe(0.75);
    expect(r.rounds[0]?.verdicts.map((v) => v.verdict)).toEqual(["keep", "keep", "drop"]);
    expect(DELPHI_BASIS_TABLE.practice.high).toBe(0.5);
    expect(DELPHI_FAMILIARITY_TABLE.familiar).toBe(0.8);
    const model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] } };
    const pruned = delphiToModel(model, r, { weights: true });
    expect(pruned.tree.children?.map((c) => c.id)).toEqual(["a", "b"]);
    expect(pruned.history?.[0]?.removed).toEqual([
      { id: "c", reason: "cutoff: mean 1.6667 < 1.8058; cv 0.3464 > 0.3292" },
    ]);
    const round = delphiRoundFromTable([
      { expert: "Li", a: "5", b: "4", familiarity: "熟悉" },
      { expert: "Wang", a: "4", b: "", familiarity: "very familiar" },
    ]);
    expect(round.ratings).toEqual([
      [5, 4],
      [4, null],
    ]);
    expect(round.authority?.[1]?.familiarity).toBe("very-familiar");
  });

  it("kmo, bartlettSphericity, varimax, pca and factorAnalysis give their documented results", () => {
    expect(
      +kmo([
        [1, 0.5, 0.4],
        [0.5, 1, 0.3],
        [0.4, 0.3, 1],
      ]).overall.toFixed(4),
    ).toBe(0.6279);
    expect(
      +bartlettSphericity(
        [
          [1, 0.5],
          [0.5, 1],
        ],
        30,
      ).chi2.toFixed(4),
    ).toBe(7.9113);
    const v = varimax([
      [0.8, 0.3],
      [0.7, 0.4],
      [0.3, 0.8],
      [0.2, 0.7],
    ]);
    expect(v.loadings.map((row) => row.map((x) => +x.toFixed(3)))).toEqual([
      [0.813, 0.264],
      [0.717, 0.368],
      [0.336, 0.786],
      [0.231, 0.69],
    ]);
    const r = pca([
      [1, 2, 1],
      [2, 3, 3],
      [3, 5, 2],
      [4, 4, 5],
      [5, 6, 4],
    ]);
    expect(r.components).toBe(1);
    expect(r.eigenvalues.map((x) => +x.toFixed(4))).toEqual([2.4788, 0.5052, 0.016]);
    const x = [
      [1, 2, 9, 8],
      [2, 3, 7, 9],
      [3, 5, 8, 6],
      [4, 4, 5, 7],
      [5, 6, 6, 4],
      [6, 7, 3, 5],
    ];
    expect(factorAnalysis(x, { factors: 2 }).rotated.map((row) => row.map((y) => +y.toFixed(2)))).toEqual([
      [0.67, 0.74],
      [0.81, 0.56],
      [-0.27, -0.96],
      [-0.96, -0.24],
    ]);
  });

  it("screenIndicators gives its documented result", () => {
    const model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] } };
    const rows = [
      { unit: "u1", a: 1, b: 2, c: 5 },
      { unit: "u2", a: 2, b: 4, c: 5 },
      { unit: "u3", a: 3, b: 6.1, c: 5 },
      { unit: "u4", a: 4, b: 8, c: 6 },
    ];
    expect(
      screenIndicators(model, rows, { minCv: 0.1 }).flags.map((f) => `${f.code} ${f.indicator}`),
    ).toEqual(["low_discrimination c", "collinear b"]);
  });

  it("ahpQuestionnaire and readAhpQuestionnaires give their documented results", () => {
    const model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] } };
    const q = ahpQuestionnaire(model, { language: "en" });
    expect(q.groups[0]?.pairs).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
    expect(q.csv.split("\n")[0]).toBe("expert,group,a,a_name,b,b_name,more_important,intensity");
    const m2 = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } };
    const row = {
      expert: "Li",
      group: "root",
      a: "a",
      a_name: "a",
      b: "b",
      b_name: "b",
      more_important: "a",
      intensity: "3",
    };
    expect(readAhpQuestionnaires(m2, [{ name: "li.csv", rows: [row] }]).groups[0]?.weights).toEqual([
      0.75, 0.25,
    ]);
  });
});
