import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";
import { ahp } from "../../src/weighting/ahp.js";
import { ahpRepairAdvice } from "../../src/weighting/repair.js";
import { repairHint } from "../../src/weighting/repair-hint.js";
import { ahpRepairPlan } from "../../src/weighting/repair-plan.js";
import { consistentMatrix, errorOf, frozen } from "./helpers.js";

/** Brute force over Saaty's scale with numpy: test/fixtures/ahp-repair/compute.py. */
const REF = JSON.parse(readFileSync("test/fixtures/ahp-repair/expected.json", "utf8")) as {
  matrix: number[][];
  crBefore: number;
  bestSingleCr: number;
  pair: [number, number, number][];
  pairCr: number;
};

describe("ahpRepairPlan (issue 18: the single best change may not reach the threshold)", () => {
  it("w = (8,4,2,1) with two judgments spoiled: no single change is enough (compute.py), the plan's exact pair is", () => {
    const m = frozen(REF.matrix);
    const [first] = ahpRepairAdvice(m);
    expect(first?.fixes).toBe(false);
    expect(first?.crAfter).toBeCloseTo(REF.bestSingleCr, 10);
    const plan = ahpRepairPlan(m);
    expect(plan.search).toBe("exact");
    expect(plan.reaches).toBe(true);
    expect(plan.crBefore).toBeCloseTo(REF.crBefore, 10);
    expect(plan.changes.map((c) => [c.i, c.j, c.suggested])).toEqual(REF.pair);
    expect(plan.crAfter).toBeCloseTo(REF.pairCr, 10);
    // The plan's CR is ahp's CR of the repaired matrix.
    const r = m.map((row) => [...row]);
    for (const c of plan.changes) {
      (r[c.i] as number[])[c.j] = c.suggested;
      (r[c.j] as number[])[c.i] = 1 / c.suggested;
    }
    expect(ahp(r).cr).toBeCloseTo(plan.crAfter, 12);
  });

  it("returns one change when one is enough, and none for a consistent matrix", () => {
    const m = consistentMatrix([8, 4, 2, 1]);
    expect(ahpRepairPlan(m)).toMatchObject({ changes: [], reaches: true });
    (m[0] as number[])[3] = 1 / 8;
    (m[3] as number[])[0] = 8;
    const plan = ahpRepairPlan(m);
    // Same as ahpRepairAdvice's suggestion (test/weighting/repair.test.ts): a_03 to 2.
    expect(plan.changes.map((c) => [c.i, c.j, c.suggested])).toEqual([[0, 3, 2]]);
    expect(plan.search).toBe("exact");
  });

  it("above exactOrder it goes greedily and says so; every step's CR is ahp's", () => {
    const plan = ahpRepairPlan(REF.matrix, { exactOrder: 3 });
    expect(plan.search).toBe("greedy");
    expect(plan.reaches).toBe(true);
    expect(plan.changes.length).toBeGreaterThanOrEqual(2);
    const r = REF.matrix.map((row) => [...row]);
    for (const c of plan.changes) {
      (r[c.i] as number[])[c.j] = c.suggested;
      (r[c.j] as number[])[c.i] = 1 / c.suggested;
    }
    expect(ahp(r).cr).toBeCloseTo(plan.crAfter, 12);
    expect(plan.crAfter).toBeLessThan(0.1);
  });

  it("refuses a bad exactOrder", () => {
    expect(errorOf(() => ahpRepairPlan(REF.matrix, { exactOrder: -1 }))).toBe(
      "invalid_option @ opts.exactOrder",
    );
  });

  it("the hint of checkModel says the single change is not enough and names the exact pair (before: it named one change only)", () => {
    const hint = repairHint(REF.matrix, ["a", "b", "c", "d"], {});
    expect(hint?.fixes).toBe(false);
    expect(hint?.plan?.changes).toEqual([
      { judgment: "a over b", from: "9", to: "5" },
      { judgment: "a over d", from: "1/9", to: "4" },
    ]);
    const model = parseModel({
      id: "m",
      tree: { id: "root", children: ["a", "b", "c", "d"].map((id) => ({ id })) },
      profiles: { p: { weights: { root: { method: "ahp", matrix: REF.matrix } } } },
    });
    const [d] = checkModel(model);
    expect(d?.code).toBe("inconsistent_judgments");
    expect(d?.message).toContain("which alone leaves CR at or above 0.1");
    expect(d?.message).toContain(
      "the smallest set of changes that reaches it (exact search): change a over b from 9 to 5 and a over d from 1/9 to 4 (CR 0.094)",
    );
  });
});
