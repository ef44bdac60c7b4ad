// The @example blocks of src/evaluate, run as tests so that the documented results stay true.
import { describe, expect, it } from "vitest";
import {
  coordinationBand,
  couplingCoordination,
  fuzzyEvaluation,
  fuzzyEvaluationMultiLevel,
  fuzzyMembership,
  greyRelational,
  obstacleDegree,
  rankSumRatio,
  topsis,
} from "../../src/evaluate/index.js";
import { expectClose } from "./golden.js";

describe("documented examples of src/evaluate", () => {
  it("topsis: ideal, anti-ideal and half-way units score 1, 0 and 0.5", () => {
    expect(
      topsis(
        [
          [1, 1],
          [0, 0],
          [1, 0],
        ],
        [0.5, 0.5],
        { normalization: "none" },
      ).scores,
    ).toEqual([1, 0, 0.5]);
  });

  it("greyRelational: grades of a 3 x 2 matrix (hand check: Delta max 1, xi = 0.5 / (Delta + 0.5))", () => {
    expectClose(
      greyRelational([
        [1, 0],
        [0.5, 1],
        [0, 0.5],
      ]).grades,
      [(1 + 1 / 3) / 2, (0.5 + 1) / 2, (1 / 3 + 0.5) / 2],
      1e-15,
    );
  });

  it("fuzzyMembership and fuzzyEvaluation examples", () => {
    expect(fuzzyMembership(75, [60, 70, 80, 90])).toEqual([0, 0.5, 0.5, 0]);
    expectClose(fuzzyMembership(62, [60, 70, 80, 90]), [0, 0, 0.2, 0.8], 1e-15);
    expectClose(fuzzyMembership(62, [60, 70, 80, 90], "cost"), [0.8, 0.2, 0, 0], 1e-15);
    expect(fuzzyMembership(95, [60, 70, 80, 90])).toEqual([1, 0, 0, 0]);
    const r = fuzzyEvaluation(
      {
        memberships: [
          [
            [0.6, 0.3, 0.1],
            [0.2, 0.5, 0.3],
          ],
        ],
      },
      [0.5, 0.5],
    );
    expectClose(r.memberships[0] as number[], [0.4, 0.4, 0.2], 1e-15);
    expect(r.labels[0]).toBe("grade 1");
    expect(r.scores[0]).toBeCloseTo(0.4 * 100 + (0.4 * 200) / 3 + (0.2 * 100) / 3, 12);
  });

  it("fuzzyEvaluationMultiLevel example", () => {
    const r = fuzzyEvaluationMultiLevel(
      {
        memberships: [
          [
            [1, 0],
            [0, 1],
            [0.4, 0.6],
          ],
        ],
      },
      {
        groups: [
          { weight: 0.7, label: "G1", indices: [0, 1], weights: [0.75, 0.25] },
          { weight: 0.3, label: "G2", indices: [2], weights: [1] },
        ],
      },
    );
    expect(r.groups.map((g) => g.memberships[0])).toEqual([
      [0.75, 0.25],
      [0.4, 0.6],
    ]);
    expectClose(r.memberships[0] as number[], [0.645, 0.355], 1e-15);
    expect(r.scores[0]).toBeCloseTo(82.25, 12);
  });

  it("obstacleDegree, coordinationBand, couplingCoordination and rankSumRatio examples", () => {
    expect(obstacleDegree([[0.5, 1, 0]], [0.5, 0.25, 0.25]).degrees[0]).toEqual([50, 0, 50]);
    expect(coordinationBand(0.702312)).toEqual({ level: 8, zh: "中级协调", en: "intermediate coordination" });
    const c = couplingCoordination([[0.6, 0.4, 0.5]]);
    expectClose(
      [c.c[0] as number, c.t[0] as number, c.d[0] as number],
      [0.9864848297321881, 0.5, 0.7023121918819963],
      1e-15,
    );
    expect(c.grades[0]?.en).toBe("intermediate coordination");
    const r = rankSumRatio([
      [1, 10],
      [2, 30],
      [3, 20],
    ]);
    expectClose(r.rsr, [2 / 6, 5 / 6, 5 / 6], 1e-15);
    expect(r.ranks).toEqual([3, 1, 1]);
  });
});
