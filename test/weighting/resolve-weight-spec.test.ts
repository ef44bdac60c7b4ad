import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { WeightSpec } from "../../src/indicators/schema.js";
import { ahp } from "../../src/weighting/ahp.js";
import { resolveWeightSpec } from "../../src/weighting/resolve-weight-spec.js";
import { specNeedsData, specWeights } from "../../src/weighting/spec-weights.js";

// Expected defaults: the model format's documented defaults (docs/model-schema.md, "weights"): AHP by the
// eigenvector with Saaty's RI table and CR < 0.10 (Saaty 1980), entropy without shift, CRITIC with 1 - r
// (Diakoulaki et al. 1995), standard deviation and CV with ddof 1, AHP experts aggregated by AIJ with weight 1.
describe("resolveWeightSpec", () => {
  it('resolveWeightSpec("equal") is { method: "equal", needsData: false }', () => {
    expect(resolveWeightSpec("equal")).toEqual({ method: "equal", needsData: false });
  });

  it("fills the defaults of every data-driven method", () => {
    expect(resolveWeightSpec({ method: "entropy" })).toEqual({
      method: "entropy",
      needsData: true,
      shift: 0,
    });
    expect(resolveWeightSpec({ method: "critic" })).toEqual({
      method: "critic",
      needsData: true,
      correlation: "1-r",
    });
    expect(resolveWeightSpec({ method: "stddev" })).toEqual({ method: "stddev", needsData: true, ddof: 1 });
    expect(resolveWeightSpec({ method: "cv", ddof: 0 })).toEqual({ method: "cv", needsData: true, ddof: 0 });
  });

  it("fills AHP's priority method, RI table and threshold, and names where its judgments come from", () => {
    const r = resolveWeightSpec({ method: "ahp", judgments: [["a", "b", 3]] });
    expect(r).toEqual({
      method: "ahp",
      needsData: false,
      priority: "eigenvector",
      ri: "saaty",
      threshold: 0.1,
      source: { kind: "judgments", judgments: [["a", "b", 3]] },
    });
    const experts = resolveWeightSpec({
      method: "ahp",
      experts: [{ judgments: [["a", "b", 3]] }, { judgments: [["a", "b", 5]], weight: 2 }],
      priority: "geometric-mean",
    });
    expect(experts).toMatchObject({
      priority: "geometric-mean",
      source: { kind: "experts", weights: [1, 2], aggregation: "aij" },
    });
  });

  it("a combination needs data when any part does, and keeps the rule's options as given", () => {
    const spec: WeightSpec = {
      method: "combine",
      rule: "linear",
      alpha: 0.3,
      of: [{ method: "fixed", weights: { a: 1, b: 1 } }, { method: "entropy" }],
    };
    const r = resolveWeightSpec(spec);
    expect(r).toMatchObject({ method: "combine", needsData: true, rule: "linear", alpha: 0.3 });
    expect(specNeedsData(spec)).toBe(true);
    expect(specNeedsData({ method: "combine", rule: "multiplicative", of: [{ method: "equal" }] })).toBe(
      false,
    );
  });

  it("does not mutate the spec (a frozen spec resolves)", () => {
    const spec = Object.freeze({ method: "critic" as const });
    expect(() => resolveWeightSpec(spec)).not.toThrow();
    expect(spec).toEqual({ method: "critic" });
  });

  it("specWeights weighs an AHP spec with the resolved defaults: the same weights and CR as ahp() with its own defaults", () => {
    // Saaty's 3x3 example matrix [[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]] as judgments; ahp() is the reference.
    const direct = ahp([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
    const viaSpec = specWeights(
      {
        method: "ahp",
        judgments: [
          ["a", "b", 3],
          ["a", "c", 5],
          ["b", "c", 3],
        ],
      },
      ["a", "b", "c"],
    );
    expect(viaSpec.weights).toEqual(direct.weights);
    expect(viaSpec.consistency?.cr).toBe(direct.cr);
    expect(viaSpec.consistency?.threshold).toBe(0.1);
  });

  it("every weight spec of the governance-style model format resolves to a method the schema knows", () => {
    const m = parseModel({
      id: "m",
      tree: { id: "r", children: [{ id: "a" }, { id: "b" }] },
      profiles: { p: { weights: { r: { method: "critic", correlation: "1-|r|" } } } },
    });
    const spec = m.profiles?.p?.weights?.r as WeightSpec;
    expect(resolveWeightSpec(spec)).toEqual({ method: "critic", needsData: true, correlation: "1-|r|" });
  });
});
