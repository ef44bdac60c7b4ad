// The @example blocks of MARCOS, MOORA, MULTIMOORA, ARAS, CoCoSo, CODAS, ELECTRE I, Borda, Copeland
// and the rank similarity measures, run as tests so that the documented results stay true.
import { describe, expect, it } from "vitest";
import { rankAgreement, weightedSpearman, wsCoefficient } from "../../src/analysis/rank-similarity.js";
import {
  aras,
  borda,
  cocoso,
  codas,
  copeland,
  electre1,
  marcos,
  moora,
  multimoora,
} from "../../src/evaluate/index.js";

describe("documented examples of the issue 17 group B methods", () => {
  it("marcos, moora, multimoora, aras, cocoso, codas, electre1 give their documented results", () => {
    expect(
      marcos(
        [
          [1, 4],
          [2, 2],
          [4, 2],
        ],
        [0.5, 0.5],
      ).ranks,
    ).toEqual([2, 3, 1]);
    const bc = { directions: ["benefit", "cost"] as ("benefit" | "cost")[] };
    expect(
      moora(
        [
          [3, 4],
          [4, 3],
          [1, 1],
        ],
        [0.5, 0.5],
        bc,
      ).ranks,
    ).toEqual([3, 1, 2]);
    expect(
      multimoora(
        [
          [3, 4],
          [4, 3],
          [1, 1],
        ],
        [0.5, 0.5],
        bc,
      ).ranks,
    ).toEqual([3, 1, 2]);
    expect(
      aras(
        [
          [2, 1],
          [1, 2],
        ],
        [0.5, 0.5],
        bc,
      ).scores,
    ).toEqual([1, 0.5]);
    expect(
      cocoso(
        [
          [3, 1],
          [1, 3],
          [2, 2],
        ],
        [0.5, 0.5],
      ).ranks,
    ).toEqual([2, 2, 1]);
    expect(
      codas(
        [
          [1, 1],
          [0.5, 1],
          [0.5, 0.5],
        ],
        [0.5, 0.5],
      ).ranks,
    ).toEqual([1, 2, 3]);
    expect(
      electre1(
        [
          [3, 3],
          [2, 2],
          [5, 0],
        ],
        [0.5, 0.5],
      ).kernel,
    ).toEqual([0, 2]);
  });

  it("borda, copeland, weightedSpearman, wsCoefficient, rankAgreement give their documented results", () => {
    expect(
      borda([
        [1, 2, 3],
        [2, 1, 3],
        [1, 3, 2],
      ]).ranks,
    ).toEqual([1, 2, 3]);
    expect(
      copeland([
        [1, 2, 3],
        [2, 1, 3],
        [1, 3, 2],
      ]).scores,
    ).toEqual([2, 0, -2]);
    expect(weightedSpearman([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1);
    expect(weightedSpearman([1, 2, 3, 4], [2, 1, 3, 4])).toBeCloseTo(0.72, 15);
    expect(wsCoefficient([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(wsCoefficient([1, 2, 3], [2, 1, 3])).toBe(0.5);
    expect(
      rankAgreement(
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        ["topsis", "vikor"],
      ).ws,
    ).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
});
