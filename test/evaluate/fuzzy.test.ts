import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { fuzzyEvaluation, fuzzyMembership } from "../../src/evaluate/fuzzy.js";
import { fuzzyEvaluationMultiLevel } from "../../src/evaluate/fuzzy-multilevel.js";
import { errorOf } from "../helpers/errors.js";
import { expectClose } from "./golden.js";

// Hand-computed example: 3 indicators graded against breakpoints 60 < 70 < 80 < 90 (4 grades, best
// first: >= 90, 80, 70, <= 60), one unit with values 75, 92, 62 and weights 0.5, 0.3, 0.2.
// Memberships (best first): 75 -> [0, .5, .5, 0]; 92 -> [1, 0, 0, 0]; 62 -> [0, 0, .2, .8].
const BP = Object.freeze([60, 70, 80, 90]);
const VALUES = Object.freeze([Object.freeze([75, 92, 62])]) as number[][];
const A = Object.freeze([0.5, 0.3, 0.2]);

describe("fuzzyMembership (half-trapezoid scheme, 升/降半梯形; docs/methods.md)", () => {
  it("shares a value between the two neighbouring grades, best grade first (hand computation)", () => {
    expect(fuzzyMembership(75, BP)).toEqual([0, 0.5, 0.5, 0]);
    expectClose(fuzzyMembership(62, BP), [0, 0, 0.2, 0.8], 1e-15);
    expect(fuzzyMembership(92, BP)).toEqual([1, 0, 0, 0]);
    expect(fuzzyMembership(50, BP)).toEqual([0, 0, 0, 1]);
    expect(fuzzyMembership(80, BP)).toEqual([0, 1, 0, 0]);
  });

  it("a cost indicator makes the lowest breakpoint the best grade", () => {
    expect(fuzzyMembership(15, [10, 20, 30], "cost")).toEqual([0.5, 0.5, 0]);
    expect(fuzzyMembership(15, [10, 20, 30], "benefit")).toEqual([0, 0.5, 0.5]);
    expect(fuzzyMembership(5, [10, 20, 30], "cost")).toEqual([1, 0, 0]);
  });

  it("rejects breakpoints out of order and fewer than two grades", () => {
    expect(errorOf(() => fuzzyMembership(1, [10, 5, 20]))).toBe("invalid_breakpoints @ breakpoints");
    expect(errorOf(() => fuzzyMembership(1, [10, 10]))).toBe("invalid_breakpoints @ breakpoints");
    expect(errorOf(() => fuzzyMembership(1, [10]))).toBe("too_few_grades @ breakpoints");
    expect(errorOf(() => fuzzyMembership(Number.NaN, [1, 2]))).toBe("invalid_option @ x");
  });

  test.prop([fc.double({ min: -1e6, max: 1e6, noNaN: true })], { seed: 42, numRuns: 300 })(
    "memberships are in [0, 1] and sum to 1",
    (x) => {
      const mu = fuzzyMembership(x, [-10, 0, 5, 100, 1000]);
      expect(mu.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      for (const v of mu) expect(v >= 0 && v <= 1).toBe(true);
    },
  );
});

describe("fuzzyEvaluation operators on the hand-computed example", () => {
  const input = { values: VALUES, breakpoints: BP };
  it("weighted-average M(·,+): B = [.3 .25 .29 .16], score 67.25 with grade scores 100/75/50/25", () => {
    const r = fuzzyEvaluation(input, A);
    expectClose(r.memberships[0] as number[], [0.3, 0.25, 0.29, 0.16], 1e-15);
    expect(r.grades).toEqual([0]);
    expect(r.labels).toEqual(["grade 1"]);
    expect(r.scores[0]).toBeCloseTo(67.25, 12);
    expect(r.options.gradeScores).toEqual([100, 75, 50, 25]);
    expect(r.options.operator).toBe("weighted-average");
  });

  it("min-max M(∧,∨): B = [.3 .5 .5 .2], a tie goes to the better grade, score 65", () => {
    const r = fuzzyEvaluation(input, A, { operator: "min-max" });
    expectClose(r.memberships[0] as number[], [0.3, 0.5, 0.5, 0.2], 1e-15);
    expectClose(r.normalized[0] as number[], [0.2, 1 / 3, 1 / 3, 0.2 / 1.5], 1e-15);
    expect(r.grades).toEqual([1]);
    expect(r.scores[0]).toBeCloseTo(65, 12);
  });

  it("product-max M(·,∨): B = [.3 .25 .25 .16], score 65.25 / 0.96", () => {
    const r = fuzzyEvaluation(input, A, { operator: "product-max" });
    expectClose(r.memberships[0] as number[], [0.3, 0.25, 0.25, 0.16], 1e-15);
    expect(r.grades).toEqual([0]);
    expect(r.scores[0]).toBeCloseTo(65.25 / 0.96, 12);
  });

  it("min-bounded-sum M(∧,⊕): B = [.3 .5 .7 .2], grade 3 of 4, score 107.5 / 1.7", () => {
    const r = fuzzyEvaluation(input, A, { operator: "min-bounded-sum" });
    expectClose(r.memberships[0] as number[], [0.3, 0.5, 0.7, 0.2], 1e-15);
    expect(r.grades).toEqual([2]);
    expect(r.scores[0]).toBeCloseTo(107.5 / 1.7, 12);
  });

  it("min-bounded-sum caps each grade at 1", () => {
    const r = fuzzyEvaluation(
      {
        memberships: [
          [
            [1, 0],
            [1, 0],
            [1, 0],
          ],
        ],
      },
      [1, 1, 1],
      { operator: "min-bounded-sum" },
    );
    expect(r.memberships[0]).toEqual([1, 0]);
  });

  it("per-indicator breakpoints, cost directions, grade scores and labels", () => {
    const r = fuzzyEvaluation(
      {
        values: [
          [75, 15],
          [95, 35],
        ],
        breakpoints: [
          [60, 70, 80],
          [10, 20, 30],
        ],
        directions: ["benefit", "cost"],
      },
      [0.5, 0.5],
      { gradeScores: [90, 70, 50], gradeLabels: ["good", "fair", "poor"] },
    );
    // unit 1: 75 -> [.5 .5 0]; 15 (cost) -> [.5 .5 0]; unit 2: 95 -> [1 0 0]; 35 (cost) -> [0 0 1]
    expect(r.memberships).toEqual([
      [0.5, 0.5, 0],
      [0.5, 0, 0.5],
    ]);
    expect(r.labels).toEqual(["good", "good"]);
    expect(r.scores).toEqual([80, 70]);
    expect(r.ranks).toEqual([1, 2]);
  });

  it("five grades default to scores 100/80/60/40/20 and labels excellent ... very poor", () => {
    const r = fuzzyEvaluation({ memberships: [[[0.1, 0.2, 0.4, 0.2, 0.1]]] }, [1]);
    expect(r.options.gradeScores).toEqual([100, 80, 60, 40, 20]);
    expect(r.labels).toEqual(["fair"]);
    expect(r.scores[0]).toBeCloseTo(60, 12);
  });
});

describe("fuzzyEvaluation with survey shares", () => {
  it("rescales rows within the tolerance (0.33 x 3) to sum 1", () => {
    const r = fuzzyEvaluation({ memberships: [[[0.33, 0.33, 0.33]]] }, [1]);
    expectClose(r.memberships[0] as number[], [1 / 3, 1 / 3, 1 / 3], 1e-15);
  });

  it("rejects rows that do not sum to about 1, entries outside [0, 1] and fewer than two grades", () => {
    expect(errorOf(() => fuzzyEvaluation({ memberships: [[[0.5, 0.3, 0.1]]] }, [1]))).toBe(
      "invalid_membership @ input.memberships[0][0]",
    );
    expect(errorOf(() => fuzzyEvaluation({ memberships: [[[1.2, -0.2]]] }, [1]))).toBe(
      "invalid_membership @ input.memberships[0][0][0]",
    );
    expect(errorOf(() => fuzzyEvaluation({ memberships: [[[1]]] }, [1]))).toBe(
      "too_few_grades @ input.memberships[0][0]",
    );
    expect(
      errorOf(() =>
        fuzzyEvaluation(
          {
            memberships: [
              [[0.5, 0.5]],
              [
                [0.5, 0.5],
                [1, 0],
              ],
            ],
          },
          [1],
        ),
      ),
    ).toBe("invalid_membership @ input.memberships[1]");
    expect(
      errorOf(() => fuzzyEvaluation({ memberships: [[[0.5, 0.3, 0.1]]] }, [1], { tolerance: 0.2 })),
    ).toBe("no error");
  });

  it("rejects bad breakpoints, weights and options, naming the argument", () => {
    expect(errorOf(() => fuzzyEvaluation({ values: VALUES, breakpoints: [3, 2, 1] }, A))).toBe(
      "invalid_breakpoints @ input.breakpoints",
    );
    expect(
      errorOf(() =>
        fuzzyEvaluation(
          {
            values: VALUES,
            breakpoints: [
              [1, 2],
              [1, 2, 3],
              [1, 2],
            ],
          },
          A,
        ),
      ),
    ).toBe("invalid_breakpoints @ input.breakpoints[1]");
    expect(errorOf(() => fuzzyEvaluation({ values: VALUES, breakpoints: [5] }, A))).toBe(
      "too_few_grades @ input.breakpoints",
    );
    expect(errorOf(() => fuzzyEvaluation({ values: VALUES, breakpoints: BP }, [1, 1]))).toBe(
      "invalid_weights @ weights",
    );
    expect(
      errorOf(() => fuzzyEvaluation({ values: VALUES, breakpoints: BP }, A, { operator: "M(·,+)" as never })),
    ).toBe("invalid_option @ opts.operator");
    expect(
      errorOf(() => fuzzyEvaluation({ values: VALUES, breakpoints: BP }, A, { gradeScores: [1, 2] })),
    ).toBe("invalid_option @ opts.gradeScores");
    expect(
      errorOf(() =>
        fuzzyEvaluation({ values: VALUES, breakpoints: BP, directions: ["up", "cost", "cost"] as never }, A),
      ),
    ).toBe("invalid_direction @ input.directions[0]");
  });

  test.prop(
    [
      fc.array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    ],
    { seed: 42, numRuns: 200 },
  )("weighted-average B sums to 1 and the score lies within the grade scores", (values, w) => {
    const r = fuzzyEvaluation({ values, breakpoints: [20, 40, 60, 80, 90] }, w);
    for (const b of r.memberships) expect(b.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    for (const s of r.scores) expect(s >= 20 - 1e-9 && s <= 100 + 1e-9).toBe(true);
  });
});

describe("fuzzyEvaluationMultiLevel", () => {
  // One unit, three indicators, two grades; groups G1 (0.7: indicators 0, 1 at 0.75/0.25), G2 (0.3: indicator 2).
  const input = {
    memberships: [
      [
        [1, 0],
        [0, 1],
        [0.4, 0.6],
      ],
    ],
  };
  const groups = [
    { weight: 0.7, label: "G1", indices: [0, 1], weights: [0.75, 0.25] },
    { weight: 0.3, label: "G2", indices: [2], weights: [1] },
  ];

  it("weighted-average: group vectors [.75 .25] and [.4 .6], top [.645 .355] (hand computation)", () => {
    const r = fuzzyEvaluationMultiLevel(input, { groups });
    expect(r.groups.map((g) => g.label)).toEqual(["G1", "G2"]);
    expectClose(r.groups[0]?.memberships[0] as number[], [0.75, 0.25], 1e-15);
    expectClose(r.groups[1]?.memberships[0] as number[], [0.4, 0.6], 1e-15);
    expectClose(r.memberships[0] as number[], [0.645, 0.355], 1e-15);
  });

  it("weighted-average equals one-level evaluation with the global weights (products along the path)", () => {
    const flat = fuzzyEvaluation(input, [0.525, 0.175, 0.3]);
    expectClose(
      fuzzyEvaluationMultiLevel(input, { groups }).memberships[0] as number[],
      flat.memberships[0] as number[],
      1e-15,
    );
  });

  it("min-max at both levels: top B = [max(min(.7,.75), min(.3,.4)), max(min(.7,.25), min(.3,.6))] = [.7 .3]", () => {
    const r = fuzzyEvaluationMultiLevel(input, { groups, operator: "min-max" });
    expectClose(r.memberships[0] as number[], [0.7, 0.3], 1e-15);
    expect(r.scores[0]).toBeCloseTo(85, 12); // grade scores 100, 50
  });

  it("nested groups: a group of groups combines its children's vectors", () => {
    const r = fuzzyEvaluationMultiLevel(input, {
      groups: [
        {
          weight: 1,
          label: "all",
          groups: [
            { weight: 0.7, indices: [0, 1], weights: [0.75, 0.25] },
            { weight: 0.3, indices: [2], weights: [1] },
          ],
        },
      ],
    });
    expectClose(r.memberships[0] as number[], [0.645, 0.355], 1e-15);
    expect(r.groups.map((g) => g.path)).toEqual(["groups[0].groups[0]", "groups[0].groups[1]", "groups[0]"]);
  });

  it("rejects an indicator in two groups or in none, and bad group shapes", () => {
    expect(
      errorOf(() =>
        fuzzyEvaluationMultiLevel(input, {
          groups: [
            { weight: 1, indices: [0, 1], weights: [1, 1] },
            { weight: 1, indices: [1, 2], weights: [1, 1] },
          ],
        }),
      ),
    ).toBe("invalid_option @ groups[1].indices[0]");
    expect(
      errorOf(() =>
        fuzzyEvaluationMultiLevel(input, { groups: [{ weight: 1, indices: [0, 1], weights: [1, 1] }] }),
      ),
    ).toBe("invalid_option @ opts.groups");
    expect(errorOf(() => fuzzyEvaluationMultiLevel(input, { groups: [{ weight: 1 }] }))).toBe(
      "invalid_option @ groups[0]",
    );
    expect(
      errorOf(() =>
        fuzzyEvaluationMultiLevel(input, { groups: [{ weight: 1, indices: [0, 1, 5], weights: [1, 1, 1] }] }),
      ),
    ).toBe("invalid_option @ groups[0].indices[2]");
    expect(
      errorOf(() =>
        fuzzyEvaluationMultiLevel(input, { groups: [{ weight: 1, indices: [0, 1, 2], weights: [1, 1] }] }),
      ),
    ).toBe("invalid_weights @ groups[0].weights");
  });
});
