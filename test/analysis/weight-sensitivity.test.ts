import { describe, expect, it } from "vitest";
import { weightSensitivity } from "../../src/analysis/weight-sensitivity.js";
import type { Model } from "../../src/indicators/schema.js";
import { tinyModel, tinyRows } from "./models.js";

describe("weightSensitivity", () => {
  // Hand computation: with weight t on a (b = 1 - t), u1 = t, u2 = 1 - t, u3 = 0.4.
  // u1 (nominal leader at t = 0.6) stays first while t >= 1 - t and t >= 0.4, i.e. t >= 0.5.
  it("weightSensitivity(tiny) finds the hand-computed interval [0.5, 1] for a and [0, 0.5] for b to 1e-6", () => {
    const ws = weightSensitivity(tinyModel(), tinyRows());
    expect(ws.top).toBe("u1");
    const [a, b] = ws.intervals;
    expect(a).toMatchObject({ group: "root", node: "a", weight: 0.6, hi: 1, loBy: "u2", hiBy: null });
    expect(Math.abs((a?.lo as number) - 0.5)).toBeLessThan(1e-6);
    expect(b).toMatchObject({ group: "root", node: "b", lo: 0, loBy: null, hiBy: "u2" });
    expect(Math.abs((b?.weight as number) - 0.4)).toBeLessThan(1e-15);
    expect(Math.abs((b?.hi as number) - 0.5)).toBeLessThan(1e-6);
  });

  it("moves a weight inside a group and re-scores the ancestors (hand computation, two levels)", () => {
    // root = 0.5 g + 0.5 c; g = w x + (1 - w) y with w = 0.5.
    // v1: x = 1, y = 0, c = 0.2 -> root = 0.5 w + 0.1
    // v2: x = 0, y = 0, c = 0.6 -> root = 0.3
    // v1 leads at w = 0.5 (0.35 > 0.3) and keeps the lead while 0.5 w + 0.1 >= 0.3, i.e. w >= 0.4.
    const model = {
      id: "n",
      tree: { id: "root", children: [{ id: "g", children: [{ id: "x" }, { id: "y" }] }, { id: "c" }] },
      defaults: { normalize: "none" },
    } as Model;
    const rows = [
      { unit: "v1", x: 1, y: 0, c: 0.2 },
      { unit: "v2", x: 0, y: 0, c: 0.6 },
    ];
    const ws = weightSensitivity(model, rows);
    const x = ws.intervals.find((i) => i.node === "x");
    expect(x?.group).toBe("g");
    expect(Math.abs((x?.lo as number) - 0.4)).toBeLessThan(1e-6);
    expect(x?.hi).toBe(1);
    // root weight of g: root = t (0.5) + (1 - t) 0.2 for v1 vs (1 - t) 0.6 for v2 -> v1 leads iff t >= 0.4/0.9
    const g = ws.intervals.find((i) => i.node === "g");
    expect(Math.abs((g?.lo as number) - 4 / 9)).toBeLessThan(1e-6);
  });

  it("a weight the leader never depends on gets [0, 1]", () => {
    const rows = [
      { unit: "u1", a: 1, b: 1 },
      { unit: "u2", a: 0, b: 0.5 },
    ];
    const ws = weightSensitivity(tinyModel(), rows);
    expect(ws.intervals.map((i) => [i.lo, i.hi])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it.each([
    [{ tolerance: 0 }, /opts\.tolerance/],
    [{ steps: 0 }, /opts\.steps/],
    [{ profile: "nope" }, /nope/],
  ])("weightSensitivity(%j) throws naming the argument", (opts, message) => {
    expect(() => weightSensitivity(tinyModel(), tinyRows(), opts)).toThrow(message);
  });
});
