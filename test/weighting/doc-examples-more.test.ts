// The @example blocks of the weighting methods of issue 17, run as tests so that the documented results stay true.
import { describe, expect, it } from "vitest";
import { bwm, bwmConsistencyIndex } from "../../src/weighting/bwm.js";
import { cilosWeights, cilosWeightsDetailed } from "../../src/weighting/cilos.js";
import { dematel } from "../../src/weighting/dematel.js";
import { fuzzyAhp, toTfn } from "../../src/weighting/fuzzy-ahp.js";
import { g1Weights } from "../../src/weighting/g1.js";
import { giniWeights, giniWeightsDetailed } from "../../src/weighting/gini.js";
import { idocriwWeights, idocriwWeightsDetailed } from "../../src/weighting/idocriw.js";
import { merecWeights, merecWeightsDetailed } from "../../src/weighting/merec.js";

const r4 = (a: readonly number[]) => a.map((w) => +w.toFixed(4));
const X = [
  [3, 100, 10],
  [4, 120, 8],
  [2, 80, 12],
];

describe("documented examples of the issue 17 weighting methods", () => {
  it("merecWeights / merecWeightsDetailed", () => {
    expect(
      r4(
        merecWeights(
          [
            [250, 16, 12],
            [200, 16, 8],
            [300, 32, 16],
          ],
          { directions: ["cost", "benefit", "benefit"] },
        ),
      ),
    ).toEqual([0.2783, 0.2676, 0.4541]);
    expect(
      merecWeightsDetailed([
        [1, 5],
        [2, 5],
      ]).removalEffect[1],
    ).toBe(0);
  });
  it("giniWeights / giniWeightsDetailed", () => {
    expect(
      r4(
        giniWeights([
          [1, 10],
          [2, 10],
          [3, 40],
        ]),
      ),
    ).toEqual([0.4, 0.6]);
    expect(
      r4(
        giniWeightsDetailed([
          [0, 1],
          [0, 1],
          [3, 2],
        ]).gini,
      ),
    ).toEqual([0.6667, 0.1667]);
  });
  it("cilosWeights / idocriwWeights and their details", () => {
    const directions = ["benefit", "cost", "benefit"] as const;
    expect(r4(cilosWeights(X, { directions: [...directions] }))).toEqual([0.25, 0.375, 0.375]);
    expect(
      cilosWeightsDetailed([
        [1, 2],
        [2, 1],
      ]).best,
    ).toEqual([1, 0]);
    expect(r4(idocriwWeights(X, { directions: [...directions] }))).toEqual([0.4839, 0.2581, 0.2581]);
    expect(
      idocriwWeightsDetailed([
        [1, 2],
        [2, 1],
        [1.5, 1.5],
      ]).cilos.length,
    ).toBe(2);
  });
  it("g1Weights, bwm, bwmConsistencyIndex", () => {
    expect(r4(g1Weights([1.2, 1.4, 1.0]))).toEqual([0.3307, 0.2756, 0.1969, 0.1969]);
    const r = bwm({ best: 0, worst: 4, bestToOthers: [1, 2, 4, 3, 8], othersToWorst: [8, 4, 2, 3, 1] });
    expect(r4(r.weights)).toEqual([0.4481, 0.2295, 0.1148, 0.153, 0.0546]);
    expect(+r.xi.toFixed(4)).toBe(0.0109);
    expect(+bwmConsistencyIndex(8).toFixed(2)).toBe(4.47);
  });
  it("fuzzyAhp, toTfn, dematel", () => {
    const M = [
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ];
    expect(r4(fuzzyAhp(M).weights)).toEqual([0.6374, 0.2333, 0.1294]);
    expect(r4(fuzzyAhp(M, { method: "chang" }).weights)).toEqual([0.9464, 0.0536, 0]);
    expect(toTfn(3)).toEqual([2, 3, 4]);
    expect(toTfn(1 / 9)).toEqual([1 / 9, 1 / 9, 1 / 9]);
    const d = dematel([
      [0, 3, 2],
      [1, 0, 4],
      [2, 1, 0],
    ]);
    expect(r4(d.weights)).toEqual([0.3252, 0.3287, 0.3461]);
    expect(r4(d.relation)).toEqual([0.8226, 0.3871, -1.2097]);
  });
});
