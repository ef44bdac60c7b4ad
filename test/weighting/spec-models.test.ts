// Every weighting method of issue 17 as a model weight spec, end to end: the model file
// test/fixtures/models/valid/weights-issue17.json (one profile per spec) passes the JSON Schema and zod,
// checkModel finds nothing, and score() weights the root's children as the method's function does on the
// same input (judgments: the functions on the judgments in child order; data-driven specs: the functions
// on the children's min-max normalized columns, which are what a model weights).
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { modelJsonSchema } from "../../src/indicators/json-schema.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { score } from "../../src/score/score.js";
import { bwm } from "../../src/weighting/bwm.js";
import { cilosWeights } from "../../src/weighting/cilos.js";
import { dematel } from "../../src/weighting/dematel.js";
import { fuzzyAhp } from "../../src/weighting/fuzzy-ahp.js";
import { g1Weights } from "../../src/weighting/g1.js";
import { giniWeights } from "../../src/weighting/gini.js";
import { idocriwWeights } from "../../src/weighting/idocriw.js";
import { merecWeights } from "../../src/weighting/merec.js";
import { expectClose } from "./helpers.js";

const FILE = "test/fixtures/models/valid/weights-issue17.json";
const input = JSON.parse(readFileSync(FILE, "utf8"));
const model = parseModel(input);
const data = [
  { unit: "u1", a: 2, b: 30, c: 9 },
  { unit: "u2", a: 5, b: 10, c: 2 },
  { unit: "u3", a: 9, b: 80, c: 4 },
  { unit: "u4", a: 4, b: 60, c: 5 },
  { unit: "u5", a: 7, b: 20, c: 7 },
];
// min-max by direction (b is a cost): the normalized values the root's weights see
const norm = (xs: number[], cost = false) =>
  xs.map((x) => (cost ? Math.max(...xs) - x : x - Math.min(...xs)) / (Math.max(...xs) - Math.min(...xs)));
const Z = [
  norm(data.map((r) => r.a)),
  norm(
    data.map((r) => r.b),
    true,
  ),
  norm(data.map((r) => r.c)),
];
const rowsZ = data.map((_, i) => Z.map((col) => col[i]!));
const shifted = rowsZ.map((r) => r.map((v) => v + 0.01));
const crisp = [
  [1, 3, 5],
  [1 / 3, 1, 2],
  [1 / 5, 1 / 2, 1],
];
const judged = { best: 0, worst: 2, bestToOthers: [1, 2, 5], othersToWorst: [5, 3, 1] };

/** What each profile's root weights should be, by the functions, in the order a, b, c. */
const WANT: Record<string, () => number[]> = {
  // order c > a > b with r = (1.4, 1.2): g1Weights gives them in that order
  g1: () => {
    const w = g1Weights([1.4, 1.2]);
    return [w[1]!, w[2]!, w[0]!];
  },
  bwm: () => bwm(judged).weights,
  "bwm-nonlinear": () => bwm(judged, { model: "nonlinear" }).weights,
  "fuzzy-ahp": () => fuzzyAhp(crisp).weights,
  "fuzzy-ahp-chang": () => fuzzyAhp(crisp, { method: "chang" }).weights,
  // the same judgments written as the scale's TFNs: the same weights as the crisp profile
  "fuzzy-ahp-tfn": () => fuzzyAhp(crisp).weights,
  dematel: () =>
    dematel([
      [0, 3, 2],
      [1, 0, 4],
      [2, 1, 0],
    ]).weights,
  merec: () => merecWeights(shifted),
  gini: () => giniWeights(rowsZ),
  cilos: () => cilosWeights(rowsZ),
  idocriw: () => idocriwWeights(rowsZ),
};

describe("the weighting methods of issue 17 as model weight specs (weights-issue17.json)", () => {
  it("the model passes the JSON Schema and zod, and checkModel reports no error", () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(modelJsonSchema());
    expect(validate(input), JSON.stringify(validate.errors)).toBe(true);
    expect(checkModel(model).filter((d) => d.severity === "error")).toEqual([]);
    expect(Object.keys(model.profiles ?? {}).sort()).toEqual(Object.keys(WANT).sort());
  });

  it.each(Object.keys(WANT))(
    "score(model, data, { profile: %s }) weights a, b, c as the function does",
    (p) => {
      const r = score(model, data, { profile: p });
      expectClose(
        ["a", "b", "c"].map((id) => r.weights.local[id]!),
        WANT[p]!(),
        1e-12,
      );
      const w = ["a", "b", "c"].map((id) => r.weights.local[id]!);
      expect(Math.abs(w.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
    },
  );
});
