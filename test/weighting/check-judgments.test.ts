import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { Model } from "../../src/indicators/schema.js";
import { checkModel } from "../../src/score/check-model.js";
import { ahp } from "../../src/weighting/ahp.js";
import { checkJudgments } from "../../src/weighting/check-judgments.js";
import { checkMatrix } from "../../src/weighting/check-matrix.js";
import { judgmentsToMatrix } from "../../src/weighting/judgments.js";
import { errorOf } from "./helpers.js";

type Triple = [string, string, number];

/** A model whose root compares the children `ids` by the AHP judgments given. */
function ahpModel(ids: string[], judgments: Triple[]): Model {
  return parseModel({
    id: "m",
    tree: { id: "root", children: ids.map((id) => ({ id })) },
    profiles: { p: { weights: { root: { method: "ahp", judgments } } } },
  });
}

/** The same with a matrix. */
function matrixModel(ids: string[], matrix: (number | null)[][]): Model {
  return parseModel({
    id: "m",
    tree: { id: "root", children: ids.map((id) => ({ id })) },
    profiles: { p: { weights: { root: { method: "ahp", matrix } } } },
  });
}

/** "code @ path" of each diagnostic of checkModel. */
function diagnostics(model: Model): string[] {
  return checkModel(model).map((d) => `${d.code} @ ${d.where}`);
}

const JUDGMENTS = "profiles.p.weights.root.judgments";

describe("checkModel and judgmentsToMatrix apply one set of judgment rules", () => {
  it.each([
    ["9.05, above Saaty's upper bound 9", [["a", "b", 9.05]], "judgment_out_of_scale"],
    [
      "1/9.5, below the lower bound even allowing the 1% tolerance",
      [["a", "b", 1 / 9.5]],
      "judgment_out_of_scale",
    ],
    ["a self comparison", [["a", "a", 1]], "self_comparison"],
    ["an id that is not a child", [["a", "x", 2]], "unknown_child"],
    [
      "the same ordered pair twice",
      [
        ["a", "b", 2],
        ["a", "b", 2],
      ],
      "duplicate_judgment",
    ],
    [
      "a pair in both orders with values that are not reciprocal",
      [
        ["a", "b", 2],
        ["b", "a", 2],
      ],
      "contradictory_judgment",
    ],
    [
      "the same ordered pair twice with different values",
      [
        ["a", "b", 2],
        ["a", "b", 3],
      ],
      "contradictory_judgment",
    ],
  ] as [string, Triple[], string][])("%s: both refuse it with the same code", (_name, judgments, code) => {
    expect(errorOf(() => judgmentsToMatrix(["a", "b"], judgments)).split(" @ ")[0]).toBe(code);
    expect(checkModel(ahpModel(["a", "b"], judgments)).map((d) => d.code)).toEqual([code]);
  });

  it.each([
    ["9, Saaty's upper bound", [["a", "b", 9]]],
    ["1/9, the lower bound", [["a", "b", 1 / 9]]],
    [
      "a pair restated in the other order with the reciprocal rounded (3 and 0.33)",
      [
        ["a", "b", 3],
        ["b", "a", 0.33],
      ],
    ],
  ] as [string, Triple[]][])("%s: both accept it", (_name, judgments) => {
    expect(errorOf(() => judgmentsToMatrix(["a", "b"], judgments))).toBe("no error");
    expect(checkModel(ahpModel(["a", "b"], judgments))).toEqual([]);
  });

  it("one judgment off the scale gives exactly one diagnostic, at its value (no missing_child for its pair)", () => {
    const model = ahpModel(
      ["a", "b", "c"],
      [
        ["a", "b", 2],
        ["b", "c", 12],
      ],
    );
    expect(diagnostics(model)).toEqual([`judgment_out_of_scale @ ${JUDGMENTS}[1][2]`]);
  });

  it("a self comparison naming the only judgment of a child gives one diagnostic (no missing_child)", () => {
    const model = ahpModel(
      ["a", "b", "c"],
      [
        ["a", "b", 2],
        ["c", "c", 1],
      ],
    );
    expect(diagnostics(model)).toEqual([`self_comparison @ ${JUDGMENTS}[1]`]);
  });

  it("a bad judgment that was the only link between two groups gives no disconnected_judgments", () => {
    const model = ahpModel(
      ["a", "b", "c", "d"],
      [
        ["a", "b", 2],
        ["c", "d", 2],
        ["b", "c", 10],
      ],
    );
    expect(diagnostics(model)).toEqual([`judgment_out_of_scale @ ${JUDGMENTS}[2][2]`]);
  });

  it("a clean set still reports a child that appears in no judgment", () => {
    const model = ahpModel(["a", "b", "c"], [["a", "b", 2]]);
    expect(diagnostics(model)).toEqual([`missing_child @ ${JUDGMENTS}`]);
  });
});

describe("checkModel and ahp apply one set of matrix rules", () => {
  const MATRIX = "profiles.p.weights.root.matrix";

  it.each([
    [
      "9.05 above the diagonal",
      [
        [1, 9.05],
        [1 / 9.05, 1],
      ],
      "judgment_out_of_scale @ [0][1]",
    ],
    [
      "a pair given on one side only",
      [
        [1, 2],
        [null, 1],
      ],
      "not_reciprocal @ [1][0]",
    ],
    [
      "a diagonal entry other than 1",
      [
        [1, 2],
        [0.5, 2],
      ],
      "invalid_diagonal @ [1][1]",
    ],
    ["a row too short", [[1, 2], [0.5]], "matrix_not_square @ [1]"],
  ] as [string, (number | null)[][], string][])(
    "%s: both refuse it with the same code at the same cell",
    (_n, m, expected) => {
      const [code, cell] = expected.split(" @ ");
      expect(errorOf(() => ahp(m))).toBe(`${code} @ matrix${cell}`);
      expect(diagnostics(matrixModel(["a", "b"], m))).toEqual([`${code} @ ${MATRIX}${cell}`]);
    },
  );

  it("both accept 0.111 below the diagonal as the mirror of 9 (1/9 rounded, as a JSON file must write it)", () => {
    const m = [
      [1, 9],
      [0.111, 1],
    ];
    expect(errorOf(() => ahp(m))).toBe("no error");
    // In a model file the rounded 0.111 is read as exactly 1/9, with one note (issue 18).
    expect(diagnostics(matrixModel(["a", "b"], m))).toEqual([`rounded_judgment @ ${MATRIX}`]);
    expect(checkMatrix(m, { exact: true }).a[2]).toBe(1 / 9);
    expect(checkMatrix(m).a[2]).toBe(0.111);
  });

  it("a matrix of the wrong size is matrix_wrong_size, and nothing else", () => {
    const m = [
      [1, 2, 3],
      [0.5, 1, 2],
      [1 / 3, 0.5, 1],
    ];
    expect(diagnostics(matrixModel(["a", "b"], m))).toEqual([`matrix_wrong_size @ ${MATRIX}`]);
  });
});

describe("checkJudgments", () => {
  it("returns every problem, one per judgment, in the order of the judgments, and the judgments that passed", () => {
    const r = checkJudgments(
      ["a", "b", "c"],
      [
        ["a", "b", 2],
        ["a", "a", 1],
        ["b", "c", 0],
        ["x", "y", 2],
        ["b", "a", 0.5],
      ],
    );
    expect(r.issues.map((i) => `${i.code} @ ${i.where}`)).toEqual([
      "self_comparison @ judgments[1]",
      "judgment_out_of_scale @ judgments[2]",
      "unknown_child @ judgments[3]",
      "unknown_child @ judgments[3]",
    ]);
    expect(r.judgments).toEqual([["a", "b", 2]]);
    expect(r.issues.every((i) => i.severity === "error")).toBe(true);
  });

  it("names the group in messages when given its id, and points a value off the scale at [2] with valuePaths", () => {
    const r = checkJudgments(
      ["a", "b"],
      [
        ["a", "z", 2],
        ["a", "b", 10],
      ],
      { path: "w.judgments", owner: "g", valuePaths: true },
    );
    expect(r.issues.map((i) => i.where)).toEqual(["w.judgments[0]", "w.judgments[1][2]"]);
    expect(r.issues[0]?.message).toBe('"z" is not a child of "g" (children: a, b)');
  });

  // Issue 18: 0.111, 0.1111 and 0.11 (1/9 rounded) were refused as "outside Saaty's scale" (1/0.111 = 9.009 > 9).
  it.each([
    [0.111, 9],
    [0.1111, 9],
    [0.11, 9],
    [0.33, 3],
    [0.333, 3],
    [0.143, 7],
    [0.167, 6],
  ])("reads the rounded reciprocal %s as exactly 1/%i and records it", (v, k) => {
    const r = checkJudgments(["a", "b"], [["a", "b", v]]);
    expect(r.issues).toEqual([]);
    expect(r.judgments).toEqual([["a", "b", 1 / k]]);
    expect(r.rounded).toEqual([{ where: "judgments[0]", written: String(v), exact: `1/${k}` }]);
  });

  it("keeps a value more than 1% from every 1/k as written (0.14 is 2% from 1/7), and exact fractions unrecorded", () => {
    const r = checkJudgments(
      ["a", "b", "c"],
      [
        ["a", "b", 0.14],
        ["a", "c", 0.25],
      ],
    );
    expect(r.judgments).toEqual([
      ["a", "b", 0.14],
      ["a", "c", 0.25],
    ]);
    expect(r.rounded).toEqual([]);
  });

  it('reads "1/9", " 1 / 3 " and "2.5" written as strings (YAML reads 1/9 as a string); refuses "1/0" and "abc"', () => {
    const r = checkJudgments(
      ["a", "b", "c", "d"],
      [
        ["a", "b", "1/9"],
        ["a", "c", " 1 / 3 "],
        ["a", "d", "2.5"],
      ],
    );
    expect(r.issues).toEqual([]);
    expect(r.judgments.map((j) => j[2])).toEqual([1 / 9, 1 / 3, 2.5]);
    expect(r.rounded).toEqual([]);
    const bad = checkJudgments(
      ["a", "b", "c"],
      [
        ["a", "b", "1/0"],
        ["a", "c", "abc"],
      ],
    );
    expect(bad.issues.map((i) => i.code)).toEqual(["invalid_judgment", "invalid_judgment"]);
    expect(bad.issues[1]?.message).toBe('"a" over "c" = "abc" is not a number or a fraction such as "1/3"');
  });

  it("refuses what is not an array of triples with invalid_judgment", () => {
    expect(checkJudgments(["a"], "a>b").issues.map((i) => i.code)).toEqual(["invalid_judgment"]);
    expect(checkJudgments(["a", "b"], [["a", "b"]]).issues.map((i) => i.where)).toEqual(["judgments[0]"]);
  });
});

describe("checkMatrix", () => {
  it("reads a clean incomplete matrix: NaN where missing, the number of missing pairs, no issue", () => {
    const r = checkMatrix([
      [1, 2, null],
      [0.5, 1, 3],
      [null, 1 / 3, 1],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.missingPairs).toBe(1);
    expect(Array.from(r.a).map((v) => (Number.isNaN(v) ? null : v))).toEqual([
      1,
      2,
      null,
      0.5,
      1,
      3,
      null,
      1 / 3,
      1,
    ]);
  });

  it("does not compare an entry that has its own problem with its mirror (one issue per mistake)", () => {
    const r = checkMatrix([
      [1, 20],
      [0.5, 1],
    ]);
    expect(r.issues.map((i) => `${i.code} @ ${i.where}`)).toEqual(["judgment_out_of_scale @ matrix[0][1]"]);
  });
});

describe("checkModel on an AHP group whose children share an id (found by test/reliability/fuzz-model)", () => {
  it("reports duplicate_id once and does not throw from building the judgment matrix", () => {
    const model = {
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "a" }] },
      profiles: { p: { weights: { root: { method: "ahp", judgments: [["a", "b", 3]] } } } },
    } as unknown as Model;
    const issues = checkModel(model);
    expect(issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["duplicate_id"]);
  });
});
