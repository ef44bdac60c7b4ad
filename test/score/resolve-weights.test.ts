import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { normalize } from "../../src/normalize/normalize.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { score } from "../../src/score/score.js";
import { combineWeights } from "../../src/weighting/combine.js";
import { criticWeights } from "../../src/weighting/critic.js";
import { entropyWeights } from "../../src/weighting/entropy.js";
import { EXPECTED, rowsOfX, U_AHP, X } from "../fixtures/five-communities/index.js";

// The five-communities example (test/fixtures/five-communities): 5 x 4 (benefit, benefit, cost, target 300);
// reference weights computed by its compute.py.
const rows = rowsOfX(["i1", "i2", "i3", "i4"]);
const tree = {
  id: "root",
  children: [
    { id: "i1" },
    { id: "i2" },
    { id: "i3", direction: "cost" as const },
    { id: "i4", direction: { target: 300 } },
  ],
};

describe("resolveWeights", () => {
  it("entropy weights of a node are computed on the profile's normalized data: w = [0.301436 0.248893 0.237813 0.211857]", () => {
    const model = parseModel({
      id: "m",
      tree,
      profiles: { p: { weights: { root: { method: "entropy" } } } },
    });
    const w = resolveWeights(model, { data: rows });
    const expected = EXPECTED.entropy.weights;
    ["i1", "i2", "i3", "i4"].forEach((id, j) => {
      expect(w.local[id]).toBeCloseTo(expected[j] as number, 6);
    });
    expect(w.provenance.root).toMatchObject({ method: "entropy", shift: 0, from: "p" });
  });

  it("CRITIC (1 - r) on the normalized data matches w = [0.244972 0.251521 0.246231 0.257277]", () => {
    const model = parseModel({ id: "m", tree, profiles: { p: { weights: { root: { method: "critic" } } } } });
    const w = resolveWeights(model, { data: rows });
    EXPECTED.critic["1-r"].forEach((v, j) => {
      expect(w.local[`i${j + 1}`]).toBeCloseTo(v, 6);
    });
  });

  it("a combine spec equals combineWeights over its parts (AHP-given u and entropy A=1e-4; the five-communities game theory)", () => {
    const model = parseModel({
      id: "m",
      tree,
      profiles: {
        p: {
          weights: {
            root: {
              method: "combine",
              rule: "game-theory",
              of: [
                { method: "fixed", weights: Object.fromEntries(U_AHP.map((u, j) => [`i${j + 1}`, u])) },
                { method: "entropy", shift: 1e-4 },
              ],
            },
          },
        },
      },
    });
    const w = resolveWeights(model, { data: rows });
    EXPECTED.combination.gameTheory.weights.forEach((v, j) => {
      expect(w.local[`i${j + 1}`]).toBeCloseTo(v, 5);
    });
    // Independently: combine the two parts with the primitive.
    const cols = [
      normalize(
        X.map((r) => r[0] as number),
        "minmax",
      ),
      normalize(
        X.map((r) => r[1] as number),
        "minmax",
      ),
      normalize(
        X.map((r) => r[2] as number),
        "minmax",
        { direction: "cost" },
      ),
      normalize(
        X.map((r) => r[3] as number),
        "minmax",
        { direction: { target: 300 } },
      ),
    ];
    const e = entropyWeights({ columns: cols }, { shift: 1e-4 });
    const g = combineWeights([U_AHP, e], { method: "game-theory" });
    g.forEach((v, j) => {
      expect(w.local[`i${j + 1}`]).toBeCloseTo(v, 12);
    });
    expect(criticWeights({ columns: cols })).toHaveLength(4);
  });

  it("needs data for data-driven specs and says so", () => {
    const model = parseModel({
      id: "m",
      tree,
      profiles: { p: { weights: { root: { method: "entropy" } } } },
    });
    expect(() => resolveWeights(model)).toThrowError(IndicatrixError);
    try {
      resolveWeights(model);
    } catch (e) {
      expect((e as IndicatrixError).code).toBe("data_required");
      expect((e as IndicatrixError).message).toMatch(/profiles\.p\.weights\.root/);
    }
  });

  it("global weights are the products down the tree, multipliers re-normalize siblings, and CR_total is reported", () => {
    const model = parseModel({
      id: "m",
      tree: {
        id: "root",
        children: [
          { id: "g", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
          { id: "h", children: [{ id: "d" }, { id: "e" }] },
        ],
      },
      profiles: {
        base: {
          weights: {
            root: { method: "ahp", judgments: [["g", "h", 3]] },
            g: {
              method: "ahp",
              judgments: [
                ["a", "b", 2],
                ["a", "c", 4],
                ["b", "c", 2],
              ],
            },
          },
        },
        boost: { extends: "base", multipliers: { e: 3 } },
      },
    });
    const base = resolveWeights(model, { profile: "base" });
    // Consistent 3x3 (a_ij = w_i / w_j with w = 4:2:1): weights 4/7, 2/7, 1/7, CR 0.
    expect(base.local.a).toBeCloseTo(4 / 7, 12);
    expect(base.global.a).toBeCloseTo(0.75 * (4 / 7), 12);
    expect(base.global.d).toBeCloseTo(0.25 * 0.5, 12);
    expect(base.consistency.g?.cr).toBeCloseTo(0, 9);
    expect(base.consistency.total?.cr).toBeCloseTo(0, 9);
    const boost = resolveWeights(model, { profile: "boost" });
    // e: 0.5 x 3 = 1.5, d: 0.5 -> 0.75 / 0.25 within h.
    expect(boost.local.e).toBeCloseTo(0.75, 12);
    expect(boost.local.d).toBeCloseTo(0.25, 12);
  });

  it("agrees with the weights score() reports", () => {
    const model = parseModel({
      id: "m",
      tree,
      profiles: { p: { weights: { root: { method: "critic", correlation: "1-|r|" } } } },
    });
    const fromScore = score(model, rows).weights;
    const resolved = resolveWeights(model, { data: rows });
    expect(resolved.global).toEqual(fromScore.global);
  });
});
