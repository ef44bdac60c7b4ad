import { describe, expect, it } from "vitest";
import { composeModels } from "../../src/indicators/compose-models.js";
import type { Model } from "../../src/indicators/model-types.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === "object") {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
};

const base: Model = deepFreeze({
  id: "city",
  tree: { id: "root", children: [{ id: "G", children: [{ id: "a" }, { id: "b" }] }, { id: "c" }] },
  profiles: {
    normal: { weights: { root: { method: "fixed", weights: { G: 0.5, c: 0.5 } } } },
    emergency: { weights: { root: { method: "fixed", weights: { G: 0.2, c: 0.8 } } } },
  },
});

describe("composeModels", () => {
  it("adds a local group and indicators, overrides the base weights node by node, keeps the other profiles", () => {
    const m = composeModels(base, {
      id: "district",
      add: [
        {
          parent: "root",
          nodes: [{ id: "T", profiles: ["normal"], appliesTo: { tag: "coastal" }, children: [{ id: "t1" }] }],
        },
        { parent: "G", nodes: [{ id: "g3" }] },
      ],
      profiles: { normal: { weights: { root: { method: "fixed", weights: { G: 0.4, c: 0.4, T: 0.2 } } } } },
    });
    expect(m.id).toBe("district");
    expect(m.tree.children?.map((n) => n.id)).toEqual(["G", "c", "T"]);
    const w = resolveWeights(m, { profile: "normal" }).local;
    // root: (0.4, 0.4, 0.2) as given; G: equal over a, b, g3 = 1/3 each.
    expect([w.G, w.c, w.T]).toEqual([0.4, 0.4, 0.2]);
    expect(w.g3).toBeCloseTo(1 / 3, 12);
    // emergency is untouched (T is active in normal only; checkModel would otherwise ask for T's weight there).
    expect(resolveWeights(m, { profile: "emergency" }).local.c).toBeCloseTo(0.8, 12);
    // The base is unchanged.
    expect(base.tree.children?.length).toBe(2);
  });

  it("refuses to delete a base indicator, to add under a missing group, or to reuse an id", () => {
    expect(() => composeModels(base, { profiles: { normal: { exclude: ["a"] } } })).toThrow(
      /"a" is a node of the base model; an extension may not remove it/,
    );
    expect(() => composeModels(base, { add: [{ parent: "zz", nodes: [{ id: "x" }] }] })).toThrow(
      expect.objectContaining({ code: "unknown_node" }),
    );
    expect(() => composeModels(base, { add: [{ parent: "root", nodes: [{ id: "a" }] }] })).toThrow(
      expect.objectContaining({ code: "duplicate_id" }),
    );
  });
});
