import { describe, expect, it } from "vitest";
import {
  cvWeights,
  cvWeightsDetailed,
  stdDevWeights,
  stdDevWeightsDetailed,
} from "../../src/weighting/variation.js";
// Reference values: test/fixtures/five-communities/compute.py (expected.json), through ./golden.js.
import { CV_W, DIRS, X, Z } from "./golden.js";
import { errorOf, expectClose, frozen } from "./helpers.js";

describe("cvWeights and stdDevWeights", () => {
  it("cvWeights(X, directions) (CV on Z, ddof 1) gives the five-communities reference weights to 1e-6", () => {
    expectClose(cvWeights(X, { directions: DIRS }), CV_W, 1e-6);
  });
  it("cvWeights on Z rounded to 6 decimals without normalization gives the same weights to 1e-5", () => {
    expectClose(cvWeights(Z), CV_W, 1e-5);
  });
  it("stdDevWeights on raw data: sd [2, 2.3094] for columns [1,3,5] and [10,10,14] (hand computation)", () => {
    const d = stdDevWeightsDetailed(
      frozen([
        [1, 10],
        [3, 10],
        [5, 14],
      ]),
    );
    expectClose(d.sd, [2, Math.sqrt(16 / 3)], 1e-12);
    expectClose(d.weights, [2 / (2 + Math.sqrt(16 / 3)), Math.sqrt(16 / 3) / (2 + Math.sqrt(16 / 3))], 1e-12);
    expect(d.normalized).toBe(false);
    expect(d.ddof).toBe(1);
  });
  it("stdDevWeights with normalize: sd of z = [0, .5, 1] and [0, 0, 1] (hand computation)", () => {
    const s1 = 0.5;
    const s2 = Math.sqrt(1 / 3);
    expectClose(
      stdDevWeights(
        [
          [1, 10],
          [3, 10],
          [5, 14],
        ],
        { normalize: true },
      ),
      [s1 / (s1 + s2), s2 / (s1 + s2)],
      1e-12,
    );
  });
  it("cvWeights on raw data: cv = [2/3, 2.3094/11.333] (hand computation)", () => {
    const d = cvWeightsDetailed([
      [1, 10],
      [3, 10],
      [5, 14],
    ]);
    expectClose(d.cv, [2 / 3, Math.sqrt(16 / 3) / (34 / 3)], 1e-12);
  });
  it("ddof does not change the weights", () => {
    expectClose(cvWeights(X, { directions: DIRS, ddof: 0 }), CV_W, 1e-6);
  });
  it("a constant column gets weight 0", () => {
    expect(
      stdDevWeights([
        [1, 4],
        [2, 4],
      ]),
    ).toEqual([1, 0]);
  });
  it.each([
    ["one unit", () => cvWeights([[1, 2]]), "too_few_units @ matrix"],
    [
      "zero mean with spread",
      () =>
        cvWeights([
          [1, 2],
          [-1, 3],
        ]),
      "zero_mean @ matrix[*][0]",
    ],
    [
      "all constant",
      () =>
        stdDevWeights([
          [1, 2],
          [1, 2],
        ]),
      "all_constant @ matrix",
    ],
    [
      "bad ddof",
      () =>
        stdDevWeights(
          [
            [1, 2],
            [2, 1],
          ],
          { ddof: 3 as 1 },
        ),
      "invalid_option @ opts.ddof",
    ],
    [
      "bad normalize",
      () =>
        stdDevWeights(
          [
            [1, 2],
            [2, 1],
          ],
          { normalize: "yes" as unknown as boolean },
        ),
      "invalid_option @ opts.normalize",
    ],
  ])("%s", (_name, f, expected) => {
    expect(errorOf(f)).toBe(expected);
  });
});
