import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { LIMITS } from "../../src/internal/limits.js";
import { checkModel } from "../../src/score/check-model.js";
import { ahp } from "../../src/weighting/ahp.js";

/** An n x n matrix of equal judgments (all 1): consistent, every priority 1/n. */
const ones = (n: number): number[][] => Array.from({ length: n }, () => new Array<number>(n).fill(1));

describe("the AHP order limit (LIMITS.maxAhpOrder, issue 20 item 16)", () => {
  it(`ahp of order ${LIMITS.maxAhpOrder} with its own ri array gives equal priorities 1/${LIMITS.maxAhpOrder}`, () => {
    const n = LIMITS.maxAhpOrder;
    const r = ahp(ones(n), { ri: new Array<number>(n).fill(1) });
    expect(r.weights).toHaveLength(n);
    for (const w of r.weights) expect(w).toBeCloseTo(1 / n, 12);
  });

  it.each([LIMITS.maxAhpOrder + 1, 1000])("ahp of order %i throws matrix_too_large at once", (n) => {
    const matrix = ones(n);
    const started = performance.now();
    expect(() => ahp(matrix, { ri: new Array<number>(n).fill(1) })).toThrow(
      expect.objectContaining({ code: "matrix_too_large", message: expect.stringMatching(/maxAhpOrder/) }),
    );
    expect(performance.now() - started).toBeLessThan(500);
  });

  it(`checkModel reports matrix_too_large for a group of ${LIMITS.maxAhpOrder + 1} children judged by AHP`, () => {
    const ids = Array.from({ length: LIMITS.maxAhpOrder + 1 }, (_, i) => `x${i}`);
    const judgments = ids.slice(1).map((id, i) => [ids[i], id, 1]);
    const model = parseModel({
      id: "m",
      tree: { id: "root", children: ids.map((id) => ({ id })) },
      profiles: { p: { weights: { root: { method: "ahp", judgments } } } },
    });
    expect(checkModel(model).map((d) => `${d.code} @ ${d.where}`)).toEqual([
      "matrix_too_large @ profiles.p.weights.root.judgments",
    ]);
  });
});
