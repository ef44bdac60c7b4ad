import { describe, expect, it } from "vitest";
import { ahp } from "../../src/weighting/ahp.js";
import { judgmentsToMatrix } from "../../src/weighting/judgments.js";
import { DIMENSION_CODES, EXPECTED, level1Judgments } from "../fixtures/governance/index.js";
import { errorOf, expectClose } from "./helpers.js";

describe("judgmentsToMatrix", () => {
  it("builds a reciprocal matrix in the order of ids, null for pairs not judged", () => {
    expect(
      judgmentsToMatrix(
        ["S", "P", "R"],
        [
          ["S", "P", 2],
          ["R", "S", 4],
        ],
      ),
    ).toEqual([
      [1, 2, 0.25],
      [0.5, 1, null],
      [4, null, 1],
    ]);
  });

  it("the governance design's normal-profile judgments reproduce its eigenvector weights (test/fixtures/governance, compute.py)", () => {
    const w = ahp(judgmentsToMatrix([...DIMENSION_CODES], level1Judgments("normal"))).weights;
    expectClose(w, EXPECTED.level1.normal.eigenvector.weights, 5e-5);
  });

  it("accepts a pair given in both orders when reciprocal (0.33 for 1/3 within 1%)", () => {
    expect(
      judgmentsToMatrix(
        ["a", "b"],
        [
          ["a", "b", 3],
          ["b", "a", 0.33],
        ],
      ),
    ).toEqual([
      [1, 3],
      [1 / 3, 1],
    ]);
  });

  it("does not mutate frozen judgments", () => {
    const js = Object.freeze([Object.freeze(["a", "b", 2] as const)]);
    expect(judgmentsToMatrix(Object.freeze(["a", "b"]), js)[0]).toEqual([1, 2]);
  });

  it.each([
    ["duplicate id", ["a", "a"], [], "duplicate_id @ ids[1]"],
    ["empty ids", [], [], "invalid_option @ ids"],
    ["unknown id", ["a", "b"], [["a", "c", 2]], "unknown_child @ judgments[0]"],
    ["self pair", ["a", "b"], [["a", "a", 1]], "self_comparison @ judgments[0]"],
    ["above 9", ["a", "b"], [["a", "b", 10]], "judgment_out_of_scale @ judgments[0]"],
    ["below 1/9", ["a", "b"], [["a", "b", 0.1]], "judgment_out_of_scale @ judgments[0]"],
    ["zero", ["a", "b"], [["a", "b", 0]], "judgment_out_of_scale @ judgments[0]"],
    ["not a number", ["a", "b"], [["a", "b", "three"]], "invalid_judgment @ judgments[0]"],
    ["not a number at all", ["a", "b"], [["a", "b", true]], "judgment_out_of_scale @ judgments[0]"],
    [
      "repeated pair",
      ["a", "b"],
      [
        ["a", "b", 2],
        ["a", "b", 2],
      ],
      "duplicate_judgment @ judgments[1]",
    ],
    [
      "contradictory pair",
      ["a", "b"],
      [
        ["a", "b", 2],
        ["b", "a", 2],
      ],
      "contradictory_judgment @ judgments[1]",
    ],
    ["not a triple", ["a", "b"], [["a", "b"]], "invalid_judgment @ judgments[0]"],
  ])("%s", (_name, ids, js, expected) => {
    expect(errorOf(() => judgmentsToMatrix(ids as string[], js as never))).toBe(expected);
  });
});
