import { describe, expect, it } from "vitest";
import { aggregateJudgments } from "../../src/weighting/aggregate-judgments.js";
import { consistentMatrix, errorOf, expectClose, frozen } from "./helpers.js";

// Expert A is consistent with w = (4, 2, 1)/7; expert B judges all three equal.
const A = consistentMatrix([4, 2, 1]);
const B = consistentMatrix([1, 1, 1]);
const norm = (xs: number[]) => xs.map((x) => x / xs.reduce((s, y) => s + y, 0));

describe("aggregateJudgments", () => {
  it("AIJ: element-wise geometric mean (a01 = sqrt 2, a02 = 2), weights ∝ (2, sqrt 2, 1) (hand computation)", () => {
    const g = aggregateJudgments([frozen(A), frozen(B)]);
    expect(g.matrix?.[0]?.[1]).toBeCloseTo(Math.SQRT2, 14);
    expect(g.matrix?.[0]?.[2]).toBeCloseTo(2, 14);
    expectClose(g.weights, norm([2, Math.SQRT2, 1]), 1e-12);
    expect(g.group?.cr).toBeCloseTo(0, 12);
    expect(g.experts.map((e) => e?.cr ?? -1).every((cr) => Math.abs(cr) < 1e-12)).toBe(true);
    expect(g.expertWeights).toEqual([0.5, 0.5]);
  });

  it("AIJ with expert weights [3, 1]: a01 = 2^(3/4), weights ∝ (4^(3/4), 2^(3/4), 1) (hand computation)", () => {
    const g = aggregateJudgments([A, B], { expertWeights: [3, 1] });
    expectClose(g.weights, norm([4 ** 0.75, 2 ** 0.75, 1]), 1e-12);
    expect(g.expertWeights).toEqual([0.75, 0.25]);
  });

  it("AIP geometric: normalized geometric mean of the priority vectors (hand computation)", () => {
    const g = aggregateJudgments([A, B], { method: "aip" });
    const wa = norm([4, 2, 1]);
    const wb = [1 / 3, 1 / 3, 1 / 3];
    expectClose(g.weights, norm(wa.map((x, i) => Math.sqrt(x * (wb[i] as number)))), 1e-12);
    expect(g.group).toBeNull();
    expect(g.mean).toBe("geometric");
  });

  it("AIP arithmetic: weighted arithmetic mean of the priority vectors (hand computation)", () => {
    const g = aggregateJudgments([A, B], { method: "aip", mean: "arithmetic", expertWeights: [1, 3] });
    const wa = norm([4, 2, 1]);
    expectClose(
      g.weights,
      wa.map((x) => 0.25 * x + 0.75 / 3),
      1e-12,
    );
  });

  it("AIJ with an entry missing for one expert takes that entry from the others only", () => {
    const partial = [
      [1, 2, null],
      [1 / 2, 1, 2],
      [null, 1 / 2, 1],
    ];
    const g = aggregateJudgments([partial, B]);
    expect(g.matrix?.[0]?.[2]).toBe(1); // only B judged (0, 2)
    expect(g.matrix?.[0]?.[1]).toBeCloseTo(Math.SQRT2, 14);
    expect(g.experts[0]?.missing).toBe(1);
  });

  it("AIJ: an expert whose own judgments are disconnected gets experts[k] = null; the pooled set is used", () => {
    const onlyOne = [
      [1, 3, null],
      [1 / 3, 1, null],
      [null, null, 1],
    ];
    const g = aggregateJudgments([onlyOne, B]);
    expect(g.experts[0]).toBeNull();
    expect(g.experts[1]).not.toBeNull();
    expect(g.weights).toHaveLength(3);
  });

  it("passes ahp options through (sum-product, cn1000)", () => {
    const g = aggregateJudgments([A, B], { ahp: { method: "sum-product", ri: "cn1000" } });
    expect(g.group?.method).toBe("sum-product");
    expect(g.group?.riTable).toBe("cn1000");
  });

  it.each([
    ["no matrices", () => aggregateJudgments([]), "invalid_matrix @ matrices"],
    ["sizes differ", () => aggregateJudgments([A, [[1]]]), "invalid_matrix @ matrices[1]"],
    [
      "bad expert in the list",
      () =>
        aggregateJudgments([
          A,
          [
            [1, 2],
            [3, 1],
          ],
        ]),
      "not_reciprocal @ matrices[1][1][0]",
    ],
    [
      "wrong number of expert weights",
      () => aggregateJudgments([A, B], { expertWeights: [1] }),
      "invalid_option @ opts.expertWeights",
    ],
    [
      "negative expert weight",
      () => aggregateJudgments([A, B], { expertWeights: [1, -1] }),
      "invalid_option @ opts.expertWeights[1]",
    ],
    [
      "all expert weights zero",
      () => aggregateJudgments([A, B], { expertWeights: [0, 0] }),
      "invalid_option @ opts.expertWeights",
    ],
    [
      "unknown method",
      () => aggregateJudgments([A, B], { method: "avg" as never }),
      "invalid_option @ opts.method",
    ],
    [
      "unknown mean",
      () => aggregateJudgments([A, B], { method: "aip", mean: "median" as never }),
      "invalid_option @ opts.mean",
    ],
    [
      "AIP with a disconnected expert",
      () =>
        aggregateJudgments(
          [
            [
              [1, null, 2],
              [null, 1, null],
              [1 / 2, null, 1],
            ],
            B,
          ],
          { method: "aip" },
        ),
      "disconnected_judgments @ matrices[0]",
    ],
    [
      "AIJ where nobody links the groups",
      () =>
        aggregateJudgments([
          [
            [1, null],
            [null, 1],
          ],
          [
            [1, null],
            [null, 1],
          ],
        ]),
      "disconnected_judgments @ matrices",
    ],
  ])("%s", (_name, f, expected) => {
    expect(errorOf(f)).toBe(expected);
  });
});
