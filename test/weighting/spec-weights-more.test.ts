import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { Model, WeightSpec } from "../../src/indicators/schema.js";
import { checkModel } from "../../src/score/check-model.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { bwm } from "../../src/weighting/bwm.js";
import { cilosWeights } from "../../src/weighting/cilos.js";
import { dematel } from "../../src/weighting/dematel.js";
import { fuzzyAhp } from "../../src/weighting/fuzzy-ahp.js";
import { g1Weights } from "../../src/weighting/g1.js";
import { giniWeights } from "../../src/weighting/gini.js";
import { idocriwWeights } from "../../src/weighting/idocriw.js";
import { merecWeights } from "../../src/weighting/merec.js";
import { resolveWeightSpec } from "../../src/weighting/resolve-weight-spec.js";
import { specWeights } from "../../src/weighting/spec-weights.js";
import { errorOf, expectClose } from "./helpers.js";

const kids = ["a", "b", "c"];
const columns = [
  Float64Array.from([0.2, 0.5, 0.9, 0.4, 0.7]),
  Float64Array.from([0.3, 0.3, 0.8, 0.6, 0.1]),
  Float64Array.from([0.9, 0.2, 0.4, 0.5, 0.6]),
];
const rows = Array.from({ length: 5 }, (_, i) => columns.map((c) => c[i]!));

describe("resolveWeightSpec: defaults of the new specs", () => {
  it("merec has shift 0; g1 scale strict; bwm linear; fuzzy-ahp buckley + centroid; dematel max-row-column", () => {
    expect(resolveWeightSpec({ method: "merec" })).toEqual({ method: "merec", needsData: true, shift: 0 });
    expect(resolveWeightSpec({ method: "gini" }).needsData).toBe(true);
    expect(resolveWeightSpec({ method: "g1", order: ["a", "b"], ratios: [1.2] })).toMatchObject({
      needsData: false,
      scale: "strict",
      experts: [{ order: ["a", "b"], ratios: [1.2] }],
    });
    expect(
      resolveWeightSpec({ method: "bwm", best: "a", worst: "b", bestToOthers: {}, othersToWorst: {} }),
    ).toMatchObject({ model: "linear", needsData: false });
    expect(resolveWeightSpec({ method: "fuzzy-ahp", judgments: [] })).toMatchObject({
      variant: "buckley",
      defuzzify: "centroid",
      ri: "saaty",
      threshold: 0.1,
    });
    expect(resolveWeightSpec({ method: "dematel", matrix: [] })).toMatchObject({
      normalization: "max-row-column",
    });
  });
});

describe("specWeights: the new specs give what their functions give", () => {
  it("data-driven merec (shift), gini, cilos, idocriw on the children's columns equal the functions on the data", () => {
    const at = (spec: WeightSpec) => specWeights(spec, kids, { columns }).weights;
    expectClose(at({ method: "merec", shift: 0.01 }), merecWeights(rows, { shift: 0.01 }), 1e-15);
    expectClose(at({ method: "gini" }), giniWeights(rows), 1e-15);
    expectClose(at({ method: "cilos" }), cilosWeights(rows), 1e-15);
    expectClose(at({ method: "idocriw" }), idocriwWeights(rows), 1e-15);
    expect(errorOf(() => specWeights({ method: "gini" }, kids))).toBe("data_required @ node");
  });
  it("g1 with order c > a > b and ratios (1.4, 1.2) gives g1Weights in that order; two experts are averaged", () => {
    const w = g1Weights([1.4, 1.2]);
    expectClose(
      specWeights({ method: "g1", order: ["c", "a", "b"], ratios: [1.4, 1.2] }, kids).weights,
      [w[1]!, w[2]!, w[0]!],
      1e-15,
    );
    const two = specWeights(
      {
        method: "g1",
        experts: [
          { order: ["a", "b", "c"], ratios: [1.2, 1.4] },
          { order: ["c", "a", "b"], ratios: [1.4, 1.2] },
        ],
      },
      kids,
    ).weights;
    const v = g1Weights([1.2, 1.4]);
    expectClose(two, [(v[0]! + w[1]!) / 2, (v[1]! + w[2]!) / 2, (v[2]! + w[0]!) / 2], 1e-15);
  });
  it("g1 restricted to the active children re-normalizes over them", () => {
    const w = g1Weights([1.4, 1.2]);
    expectClose(
      specWeights({ method: "g1", order: ["c", "a", "b"], ratios: [1.4, 1.2] }, ["a", "c"]).weights,
      [w[1]! / (w[0]! + w[1]!), w[0]! / (w[0]! + w[1]!)],
      1e-15,
    );
  });
  it("bwm by ids gives bwm() by indices", () => {
    const spec = {
      method: "bwm" as const,
      best: "b",
      worst: "c",
      bestToOthers: { a: 3, b: 1, c: 8 },
      othersToWorst: { a: 4, b: 8, c: 1 },
    };
    const r = bwm({ best: 1, worst: 2, bestToOthers: [3, 1, 8], othersToWorst: [4, 8, 1] });
    const got = specWeights(spec, kids);
    expectClose(got.weights, r.weights, 1e-15);
    expect(got.provenance).toMatchObject({ method: "bwm", model: "linear", xi: r.xi });
  });
  it("fuzzy-ahp from judgments gives fuzzyAhp() of the crisp matrix, with the modal matrix's consistency", () => {
    const got = specWeights(
      {
        method: "fuzzy-ahp",
        judgments: [
          ["a", "b", 3],
          ["a", "c", 5],
          ["b", "c", 2],
        ],
      },
      kids,
    );
    const r = fuzzyAhp([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    expectClose(got.weights, r.weights, 1e-15);
    expect(got.consistency?.cr).toBeCloseTo(r.consistency.cr, 15);
    expect(
      errorOf(() =>
        specWeights(
          {
            method: "fuzzy-ahp",
            judgments: [
              ["a", "b", 3],
              ["a", "c", 5],
            ],
          },
          kids,
        ),
      ),
    ).toBe("missing_judgments @ node.judgments");
  });
  it("dematel with an order gives dematel() of the matrix re-ordered to the children", () => {
    const M = [
      [0, 3, 2],
      [1, 0, 4],
      [2, 1, 0],
    ];
    const got = specWeights({ method: "dematel", order: ["c", "a", "b"], matrix: M }, kids).weights;
    const w = dematel(M).weights;
    expectClose(got, [w[1]!, w[2]!, w[0]!], 1e-14);
  });
});

describe("checkModel: the rules of the new specs", () => {
  const model = (weights: unknown): Model =>
    parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
      profiles: { p: { weights: { root: weights } } },
    });
  const codes = (weights: unknown) => checkModel(model(weights)).map((d) => `${d.code} @ ${d.where}`);
  it("a valid spec of each kind gives no diagnostic", () => {
    expect(codes({ method: "g1", order: ["a", "b", "c"], ratios: [1.2, 1.4] })).toEqual([]);
    expect(
      codes({
        method: "bwm",
        best: "a",
        worst: "c",
        bestToOthers: { a: 1, b: 2, c: 5 },
        othersToWorst: { a: 5, b: 3, c: 1 },
      }),
    ).toEqual([]);
    expect(
      codes({
        method: "fuzzy-ahp",
        judgments: [
          ["a", "b", 3],
          ["a", "c", 5],
          ["b", "c", 2],
        ],
      }),
    ).toEqual([]);
    expect(
      codes({
        method: "dematel",
        matrix: [
          [0, 1, 2],
          [3, 0, 1],
          [1, 1, 0],
        ],
      }),
    ).toEqual([]);
    expect(
      codes({
        method: "combine",
        rule: "linear",
        of: [
          { method: "merec", shift: 0.01 },
          { method: "g1", order: ["a", "b", "c"], ratios: [1, 1] },
        ],
      }),
    ).toEqual([]);
  });
  it("g1: an order naming an unknown child, leaving one out, a wrong ratio count and a ratio off the scale", () => {
    expect(codes({ method: "g1", order: ["a", "x", "c"], ratios: [1.2, 2] })).toEqual([
      "unknown_child @ profiles.p.weights.root.order[1]",
      "missing_child @ profiles.p.weights.root.order",
      "invalid_judgment @ profiles.p.weights.root.ratios[1]",
    ]);
    expect(codes({ method: "g1", order: ["a", "b", "c"], ratios: [1.2] })).toEqual([
      "invalid_judgment @ profiles.p.weights.root.ratios",
    ]);
  });
  it("bwm: best not among the children, a judgment off 1-9, a child missing from othersToWorst", () => {
    expect(
      codes({
        method: "bwm",
        best: "z",
        worst: "c",
        bestToOthers: { a: 1, b: 12, c: 5 },
        othersToWorst: { a: 5, c: 1 },
      }),
    ).toEqual([
      "unknown_child @ profiles.p.weights.root.best",
      "judgment_out_of_scale @ profiles.p.weights.root.bestToOthers.b",
      "missing_child @ profiles.p.weights.root.othersToWorst",
    ]);
  });
  it("dematel: a matrix of the wrong size and a non-zero diagonal; fuzzy-ahp: the AHP rules on its judgments", () => {
    expect(
      codes({
        method: "dematel",
        matrix: [
          [0, 1],
          [1, 0],
        ],
      }),
    ).toEqual(["matrix_wrong_size @ profiles.p.weights.root.matrix"]);
    expect(
      codes({
        method: "dematel",
        matrix: [
          [0, 1, 2],
          [3, 1, 1],
          [1, 1, 0],
        ],
      }),
    ).toEqual(["invalid_diagonal @ profiles.p.weights.root.matrix[1][1]"]);
    expect(
      codes({
        method: "fuzzy-ahp",
        judgments: [
          ["a", "b", 12],
          ["a", "c", 5],
          ["b", "c", 2],
        ],
      })[0],
    ).toMatch(/^judgment_out_of_scale @ profiles\.p\.weights\.root\.judgments\[0\]/);
  });
});

describe("resolveWeights: the new specs end to end", () => {
  const data = [
    { unit: "u1", a: 2, b: 30, c: 9 },
    { unit: "u2", a: 5, b: 30, c: 2 },
    { unit: "u3", a: 9, b: 80, c: 4 },
    { unit: "u4", a: 4, b: 60, c: 5 },
  ];
  const modelWith = (weights: unknown): Model =>
    ({
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
      profiles: { p: { weights: { root: weights } } },
    }) as Model;
  it("a merec spec with a shift gives merecWeights of the min-max normalized columns + shift", () => {
    const w = resolveWeights(modelWith({ method: "merec", shift: 0.1 }), { profile: "p", data });
    const norm = (xs: number[]) => xs.map((x) => (x - Math.min(...xs)) / (Math.max(...xs) - Math.min(...xs)));
    const cols = [data.map((r) => r.a), data.map((r) => r.b), data.map((r) => r.c)].map(norm);
    const rowsN = cols[0]!.map((_, i) => cols.map((c) => c[i]!));
    expectClose(
      ["a", "b", "c"].map((id) => w.local[id]!),
      merecWeights(rowsN, { shift: 0.1 }),
      1e-12,
    );
    expect(w.provenance.root).toMatchObject({ method: "merec", shift: 0.1 });
  });
  it("a g1 spec needs no data", () => {
    const w = resolveWeights(modelWith({ method: "g1", order: ["a", "b", "c"], ratios: [1.2, 1.4] }), {
      profile: "p",
    });
    expectClose(
      ["a", "b", "c"].map((id) => w.local[id]!),
      g1Weights([1.2, 1.4]),
      1e-15,
    );
  });
});

describe("fuzzy-ahp specs with triangular judgments [a, b, [l, m, u]]", () => {
  const tfnModel = (judgments: unknown): Model =>
    parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
      profiles: { p: { weights: { root: { method: "fuzzy-ahp", judgments } } } },
    });
  it("give fuzzyAhp() of the TFN matrix (reciprocals (1/u, 1/m, 1/l) below); crisp and TFN judgments mix", () => {
    const t = [
      ["a", "b", [2, 3, 5]],
      ["a", "c", [4, 5, 6]],
      ["c", "b", [1, 1, 2]],
    ];
    const w = resolveWeights(tfnModel(t), { profile: "p" });
    const M = [
      [
        [1, 1, 1],
        [2, 3, 5],
        [4, 5, 6],
      ],
      [
        [1 / 5, 1 / 3, 1 / 2],
        [1, 1, 1],
        [1 / 2, 1, 1],
      ],
      [
        [1 / 6, 1 / 5, 1 / 4],
        [1, 1, 2],
        [1, 1, 1],
      ],
    ] as [number, number, number][][];
    expectClose(
      ["a", "b", "c"].map((id) => w.local[id]!),
      fuzzyAhp(M).weights,
      1e-14,
    );
    // a crisp 5 is the scale's (4, 5, 6): the same weights
    const mixed = resolveWeights(tfnModel([t[0], ["a", "c", 5], t[2]]), { profile: "p" });
    expectClose(
      ["a", "b", "c"].map((id) => mixed.local[id]!),
      fuzzyAhp(M).weights,
      1e-14,
    );
    expect(checkModel(tfnModel(t)).filter((d) => d.severity === "error")).toEqual([]);
  });
  it("checkModel: a TFN with l > m is invalid_judgment; a modal value off 1-9 follows the AHP rules", () => {
    const codes = (judgments: unknown) =>
      checkModel(tfnModel(judgments))
        .filter((d) => d.severity === "error")
        .map((d) => `${d.code} @ ${d.where}`);
    expect(
      codes([
        ["a", "b", [3, 2, 5]],
        ["a", "c", 5],
        ["b", "c", 2],
      ]),
    ).toContain("invalid_judgment @ profiles.p.weights.root.judgments[0]");
    expect(
      codes([
        ["a", "b", [10, 12, 14]],
        ["a", "c", 5],
        ["b", "c", 2],
      ]).length,
    ).toBeGreaterThan(0);
  });
});
