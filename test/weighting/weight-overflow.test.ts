import { describe, expect, it } from "vitest";
import { shares } from "../../src/internal/shares.js";
import { aggregateJudgments } from "../../src/weighting/aggregate-judgments.js";
import { combineWeights } from "../../src/weighting/combine.js";
import { specWeights } from "../../src/weighting/spec-weights.js";
import { consistentMatrix, expectClose } from "./helpers.js";

// Issue 20 item 6 (these failed before the fix): weights of 1e308 summed to Infinity and every
// w / sum(w) became 0. A weight vector's shares depend only on its ratios (w and c w give the same
// shares for c > 0), so [1e308, 1e308] is [1, 1] and [1e308, 3e307] is [10, 3].
describe("weights near the double range: scaled before they are summed", () => {
  it("shares([1e308, 1e308]) is [0.5, 0.5] and shares([1e308, 3e307]) is [10/13, 3/13] (ratios, by hand)", () => {
    expect(shares([1e308, 1e308])).toEqual([0.5, 0.5]);
    expectClose(shares([1e308, 3e307]) ?? [], [10 / 13, 3 / 13], 1e-15);
    expect(shares([0, 0])).toBeNull();
  });

  it("shares of weights whose sum is finite is exactly w / sum(w), as before ([3, 1] -> [0.75, 0.25])", () => {
    expect(shares([3, 1])).toEqual([0.75, 0.25]);
    expect(shares([1, 2, 4])).toEqual([1 / 7, 2 / 7, 4 / 7]);
  });

  it("specWeights(fixed { a: 1e308, b: 1e308 }) is [0.5, 0.5], not [0, 0] (failed before the fix)", () => {
    expect(specWeights({ method: "fixed", weights: { a: 1e308, b: 1e308 } }, ["a", "b"]).weights).toEqual([
      0.5, 0.5,
    ]);
  });

  it("combineWeights linear of [1e308, 1e308] and [1, 3] is the mean of [0.5, 0.5] and [0.25, 0.75] (failed before)", () => {
    expectClose(
      combineWeights(
        [
          [1e308, 1e308],
          [1, 3],
        ],
        { method: "linear" },
      ),
      [0.375, 0.625],
      1e-15,
    );
  });

  it("combineWeights linear with alpha [1e308, 1e308] weighs both vectors equally (failed before)", () => {
    expectClose(
      combineWeights(
        [
          [1, 1],
          [1, 3],
        ],
        { method: "linear", alpha: [1e308, 1e308] },
      ),
      [0.375, 0.625],
      1e-15,
    );
  });

  it("aggregateJudgments with expert weights [1e308, 1e308] equals equal expert weights (failed before)", () => {
    const A = consistentMatrix([4, 2, 1]);
    const B = consistentMatrix([1, 1, 1]);
    const big = aggregateJudgments([A, B], { expertWeights: [1e308, 1e308] });
    const equal = aggregateJudgments([A, B]);
    expect(big.expertWeights).toEqual([0.5, 0.5]);
    expectClose(big.weights, equal.weights, 1e-15);
  });
});
