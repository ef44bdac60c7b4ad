import { describe, expect, it } from "vitest";
import { removeElements } from "../../src/analysis/remove-elements.js";
import type { Model } from "../../src/indicators/schema.js";
import { score } from "../../src/score/score.js";
import { governance, sampleCity, tinyModel, tinyRows } from "./models.js";

type Json = Record<string, unknown>;

/** A copy of a model with one subtree deleted, and every profile setting that names its nodes dropped. */
function withoutNode(model: Model, id: string): Model {
  const copy = structuredClone(model) as unknown as Json;
  const gone = new Set<string>();
  const collect = (n: Json) => {
    gone.add(n.id as string);
    for (const c of (n.children as Json[] | undefined) ?? []) collect(c);
  };
  const prune = (n: Json) => {
    const kids = n.children as Json[] | undefined;
    if (!kids) return;
    const hit = kids.find((c) => c.id === id);
    if (hit) collect(hit);
    n.children = kids.filter((c) => c.id !== id);
    for (const c of n.children as Json[]) prune(c);
  };
  prune(copy.tree as Json);
  const cleanSpec = (spec: unknown): unknown => {
    if (typeof spec !== "object" || spec === null) return spec;
    const s = { ...(spec as Json) };
    if (Array.isArray(s.judgments))
      s.judgments = (s.judgments as [string, string, number][]).filter(
        ([a, b]) => !gone.has(a) && !gone.has(b),
      );
    if (s.weights && typeof s.weights === "object")
      s.weights = Object.fromEntries(Object.entries(s.weights as Json).filter(([k]) => !gone.has(k)));
    if (Array.isArray(s.of)) s.of = (s.of as unknown[]).map(cleanSpec);
    return s;
  };
  for (const p of Object.values((copy.profiles as Record<string, Json>) ?? {})) {
    for (const key of ["weights", "aggregate", "multipliers", "goalposts"])
      if (p[key])
        p[key] = Object.fromEntries(
          Object.entries(p[key] as Json)
            .filter(([k]) => !gone.has(k))
            .map(([k, v]) => [k, key === "weights" ? cleanSpec(v) : v]),
        );
    for (const key of ["include", "exclude"])
      if (Array.isArray(p[key])) p[key] = (p[key] as string[]).filter((k) => !gone.has(k));
  }
  return copy as unknown as Model;
}

describe("removeElements", () => {
  it("removeElements(tiny) gives the hand-computed rank changes", () => {
    // nominal 0.6, 0.4, 0.4 -> ranks 1, 2, 2; without b: 1, 0, 0.4 -> 1, 3, 2; without a: 0, 1, 0.4 -> 3, 1, 2
    const r = removeElements(tinyModel(), tinyRows());
    expect([...r.nominal]).toEqual([1, 2, 2]);
    const [a, b] = r.elements;
    expect(a).toMatchObject({ element: "a", maxAbsShift: 2 });
    expect([...(a?.ranks ?? [])]).toEqual([3, 1, 2]);
    expect(a?.meanAbsShift).toBeCloseTo(3 / 3, 12);
    expect([...(b?.ranks ?? [])]).toEqual([1, 3, 2]);
    expect(b?.meanAbsShift).toBeCloseTo(1 / 3, 12);
  });

  it("leaving out a dimension equals score() of the model with that dimension deleted (governance)", () => {
    const r = removeElements(governance, sampleCity(), { profile: "normal", elements: ["technology"] });
    const expected = score(withoutNode(governance, "technology"), sampleCity(), { profile: "normal" });
    expect([...(r.elements[0]?.ranks ?? [])]).toEqual([...(expected.ranks.governance as Uint32Array)]);
  });

  it("defaults to every active indicator, in tree order", () => {
    const r = removeElements(governance, sampleCity(), { profile: "normal" });
    const result = score(governance, sampleCity(), { profile: "normal" });
    expect(r.elements.map((e) => e.element)).toEqual(result.resolved.indicators);
    expect(r.elements.every((e) => e.meanAbsShift >= 0 && e.maxAbsShift >= e.meanAbsShift)).toBe(true);
  });

  it.each([["nope"], ["root"]])("removeElements with element %s throws unknown_node", (id) => {
    expect(() => removeElements(tinyModel(), tinyRows(), { elements: [id] })).toThrow(
      expect.objectContaining({ code: "unknown_node" }),
    );
  });
});
