import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { checkModel } from "../../src/score/check-model.js";
import { score } from "../../src/score/score.js";
import { variableWeights } from "../../src/weighting/variable-weights.js";
import { EXPECTED } from "../fixtures/space/index.js";

const { c71, twoLevel } = EXPECTED;

describe("variableWeights (DOMAIN C7.1, test/fixtures/space/compute.py)", () => {
  it.each(c71.power)(
    "power alpha = $alpha on w0 = (0.4, 0.35, 0.25), x = (0.9, 0.3, 0.7) matches C7.1's table",
    (row) => {
      const r = variableWeights(c71.w0, c71.x, { alpha: row.alpha });
      row.weights.forEach((w, j) => {
        expect(r.weights[j]).toBeCloseTo(w, 12);
      });
      expect(r.score).toBeCloseTo(row.score, 12);
      expect(r.floored).toEqual([]);
    },
  );

  it("a zero is floored at 0.001 inside S only: x = (0.9, 0, 0.7), alpha 0.5 gives V = 0.0499336235368", () => {
    const r = variableWeights(c71.w0, c71.zero.x, { alpha: 0.5 });
    c71.zero.weights.forEach((w, j) => {
      expect(r.weights[j]).toBeCloseTo(w, 12);
    });
    expect(r.score).toBeCloseTo(c71.zero.score, 12);
    expect(r.floored).toEqual([1]);
  });

  it("exponential beta = 2 gives C7.1's w = (0.2067, 0.6005, 0.1927), V = 0.501128193057", () => {
    const r = variableWeights(c71.w0, c71.x, { form: "exponential", beta: 2 });
    c71.exponential.weights.forEach((w, j) => {
      expect(r.weights[j]).toBeCloseTo(w, 12);
    });
    expect(r.score).toBeCloseTo(c71.exponential.score, 12);
  });

  it("a missing child takes no part: x = (0.9, NaN, 0.7) re-normalizes over the other two", () => {
    const r = variableWeights(c71.w0, [0.9, Number.NaN, 0.7], { alpha: 0.5 });
    c71.missing.weights.forEach((w, j) => {
      expect(r.weights[j]).toBeCloseTo(w, 12);
    });
    expect(r.score).toBeCloseTo(c71.missing.score, 12);
  });

  it("throws alpha_required without alpha (no agreed default) and negative_value for a negative score", () => {
    expect(() => variableWeights([1], [0.5], {})).toThrow(
      expect.objectContaining({ code: "alpha_required" }),
    );
    expect(() => variableWeights([1, 1], [0.5, -0.1], { alpha: 0.5 })).toThrow(
      expect.objectContaining({ code: "negative_value" }),
    );
  });
});

const flat = (variable: object | undefined, weights = { a: 0.4, b: 0.35, c: 0.25 }) =>
  parseModel({
    id: "m",
    tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
    defaults: { normalize: "none" },
    profiles: {
      p: {
        weights: { root: { method: "fixed", weights } },
        ...(variable ? { variableWeights: variable } : {}),
      },
    },
  });

describe("score() with variableWeights", () => {
  it("penalty alpha = 0.5 scores C7.1's unit 0.574010832247 (fixed weights: 0.64), and its weights are in unitWeights", () => {
    const rows = [
      { unit: "u", a: 0.9, b: 0.3, c: 0.7 },
      { unit: "z", a: 0.9, b: 0, c: 0.7 },
    ];
    const r = score(flat({ alpha: 0.5 }), rows);
    expect(r.scores.root![0]).toBeCloseTo(c71.power[1]!.score, 12);
    expect(r.scores.root![1]).toBeCloseTo(c71.zero.score, 12);
    expect(r.unitWeights.b![0]).toBeCloseTo(c71.power[1]!.weights[1]!, 12);
    expect(r.weights.local.b).toBeCloseTo(0.35, 12);
    expect(r.diagnostics.map((d) => d.code)).toContain("floored_value");
    expect(r.provenance.nodes.root?.weights).toMatchObject({
      variable: { form: "power", alpha: 0.5, floor: 0.001 },
    });
    // Contributions use w_j(x): they sum to the score.
    const sum = r.contributions("u").reduce((s, c) => s + c.contribution, 0);
    expect(sum).toBeCloseTo(r.scores.root![0]!, 12);
  });

  it("applies at every level: root -> G1 (a, b), c, alpha 0.5 (compute.py twoLevel; u1 by hand: G1 = 0.5, root = 0.565685)", () => {
    // u1: G1: S = (0.25^-0.5, 1) = (2, 1) -> w = (2/3, 1/3), G1 = 0.5; root: S = (0.5^-0.5, 0.64^-0.5) = (1.41421, 1.25)
    // -> root = (1.41421 * 0.5 + 1.25 * 0.64) / 2.66421 = 0.565685.
    const m = parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "G1", children: [{ id: "a" }, { id: "b" }] }, { id: "c" }] },
      defaults: { normalize: "none" },
      profiles: { p: { variableWeights: { alpha: 0.5 } } },
    });
    const rows = Object.entries(twoLevel.data).map(([unit, [a, b, c]]) => ({ unit, a, b, c }));
    const r = score(m, rows);
    Object.values(twoLevel.scores).forEach((s, i) => {
      expect(r.scores.G1![i]).toBeCloseTo(s.G1, 12);
      expect(r.scores.root![i]).toBeCloseTo(s.root, 12);
      expect(r.unitWeights.c![i]).toBeCloseTo(s.local.c, 12);
      const sum = r.contributions(r.units[i]!).reduce((t, c) => t + c.contribution, 0);
      expect(sum).toBeCloseTo(r.scores.root![i]!, 12);
    });
  });

  it("nodes: limits the groups: only G1 uses variable weights, the root keeps fixed weights", () => {
    const m = parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "G1", children: [{ id: "a" }, { id: "b" }] }, { id: "c" }] },
      defaults: { normalize: "none" },
      profiles: { p: { variableWeights: { alpha: 0.5, nodes: ["G1"] } } },
    });
    const r = score(m, [
      { unit: "u1", a: 0.25, b: 1, c: 0.64 },
      { unit: "u2", a: 0.5, b: 0.5, c: 0.1 },
    ]);
    // u1: G1 = 0.5 (as above), root = 0.5 * 0.5 + 0.5 * 0.64 = 0.57.
    expect(r.scores.root![0]).toBeCloseTo(0.57, 12);
    expect(r.unitWeights.c).toBeUndefined();
  });

  it("alpha = 1 gives the fixed weights' scores (property, random data and weights)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { minLength: 2, maxLength: 8 },
        ),
        fc.tuple(
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: 1, max: 9 }),
          fc.integer({ min: 1, max: 9 }),
        ),
        (xs, [wa, wb, wc]) => {
          const rows = xs.map(([a, b, c], i) => ({ unit: `u${i}`, a, b, c }));
          const weights = { a: wa, b: wb, c: wc };
          const fixed = score(flat(undefined, weights), rows).scores.root!;
          const one = score(flat({ alpha: 1 }, weights), rows).scores.root!;
          fixed.forEach((v, i) => {
            expect(one[i]).toBeCloseTo(v, 12);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it("checkModel: alpha_required and unknown_node; score refuses a non-arithmetic group under variable weights", () => {
    const m = parseModel({
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
      profiles: { p: { variableWeights: { nodes: ["zz"] } } },
    });
    expect(checkModel(m).map((d) => [d.code, d.where])).toEqual([
      ["alpha_required", "profiles.p.variableWeights.alpha"],
      ["unknown_node", "profiles.p.variableWeights.nodes[0]"],
    ]);
    const g = parseModel({
      id: "m",
      tree: { id: "root", aggregate: "geometric", children: [{ id: "a" }, { id: "b" }] },
      profiles: { p: { variableWeights: { alpha: 0.5 } } },
    });
    expect(() =>
      score(g, [
        { unit: "u", a: 1, b: 2 },
        { unit: "v", a: 2, b: 1 },
      ]),
    ).toThrow(IndicatrixError);
  });
});
