// Issue 18, "AHP as people write it": judgments as a person types them in a YAML or JSON model file.
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { ahp } from "../../src/weighting/ahp.js";
import { readJudgmentValue } from "../../src/weighting/judgment-value.js";

/** A YAML model whose root compares a, b, c by the judgments given (written as YAML flow sequences). */
function yamlModel(judgments: string): string {
  return `id: m
tree:
  id: root
  children: [{ id: a }, { id: b }, { id: c }]
profiles:
  p:
    weights:
      root:
        method: ahp
        judgments:
${judgments}
`;
}

// Reference: the consistent matrix with w = (9, 3, 1)/13 has a_ab = 3, a_ac = 9, a_bc = 3 (a_ij = w_i / w_j), so
// AHP returns w exactly and CR = 0 (Saaty 1980: a consistent matrix gives back its ratios).
const W = [9 / 13, 3 / 13, 1 / 13];

describe("AHP judgments as people write them (issue 18)", () => {
  it("a YAML model with 1/3 and 1/9 (read by YAML as strings) validates and gives the exact weights", () => {
    const model = parseModel(
      yamlModel(`          - [b, a, 1/3]\n          - [c, a, 1/9]\n          - [c, b, 1/3]`),
    );
    expect(checkModel(model)).toEqual([]);
    const w = resolveWeights(model, { profile: "p" });
    for (const [k, id] of ["a", "b", "c"].entries()) expect(w.local[id]).toBeCloseTo(W[k] as number, 12);
    expect(w.consistency.root?.cr).toBeCloseTo(0, 12);
  });

  it("rounded reciprocals 0.333, 0.111, 0.33 are read as 1/3, 1/9, 1/3: same weights, one rounded_judgment note", () => {
    const model = parseModel(
      yamlModel(`          - [b, a, 0.333]\n          - [c, a, 0.111]\n          - [c, b, 0.33]`),
    );
    const diags = checkModel(model);
    expect(diags.map((d) => `${d.severity} ${d.code} @ ${d.where}`)).toEqual([
      "warning rounded_judgment @ profiles.p.weights.root.judgments",
    ]);
    expect(diags[0]?.message).toContain("0.111 at profiles.p.weights.root.judgments[1][2] as 1/9");
    const w = resolveWeights(model, { profile: "p" });
    for (const [k, id] of ["a", "b", "c"].entries()) expect(w.local[id]).toBeCloseTo(W[k] as number, 12);
  });

  it("a JSON matrix with string fractions and rounded reciprocals gives the same weights", () => {
    const model = parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
      profiles: {
        p: {
          weights: {
            root: {
              method: "ahp",
              matrix: [
                [1, 3, 9],
                ["1/3", 1, 3],
                [0.1111, 0.333, 1],
              ],
            },
          },
        },
      },
    });
    expect(checkModel(model).map((d) => d.code)).toEqual(["rounded_judgment"]);
    const w = resolveWeights(model, { profile: "p" });
    for (const [k, id] of ["a", "b", "c"].entries()) expect(w.local[id]).toBeCloseTo(W[k] as number, 12);
  });

  it("a string that is not a fraction is refused by the schema, naming the judgment", () => {
    expect(() => parseModel(yamlModel(`          - [b, a, one third]`))).toThrow(/judgments\[0\]\[2\]/);
  });

  it("ahp(matrix) on numbers keeps them as given (0.333 is not rounded to 1/3 by the numeric API)", () => {
    const r = ahp([
      [1, 3],
      [0.333, 1],
    ]);
    expect(r.completed[1]?.[0]).toBe(0.333);
    expect(readJudgmentValue(0.333, 0.01, false)).toEqual({ value: 0.333 });
  });
});
