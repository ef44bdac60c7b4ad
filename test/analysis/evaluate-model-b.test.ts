import { describe, expect, it } from "vitest";
import { evaluateModel } from "../../src/analysis/evaluate-model/index.js";
import { aras, cocoso, codas, electre1, marcos, moora, multimoora } from "../../src/evaluate/index.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { Z } from "../fixtures/five-communities/index.js";
import { goldenModel, goldenRows } from "./models.js";

// The model-level run equals the matrix function on the model's normalized indicators (ev.detail's
// input: the criteria columns with the global weights), whose numbers test/evaluate checks against
// test/fixtures/mcdm-b (numpy, pymcdm, pyDecision).
const direct = {
  moora,
  multimoora,
  aras,
  cocoso,
  codas,
  electre1,
} as const;

describe("evaluateModel with the issue 17 group B methods (five-communities model)", () => {
  it.each(Object.keys(direct) as (keyof typeof direct)[])(
    "%s: rows hold the matrix function's score and rank on Z with the global weights",
    (method) => {
      const ev = evaluateModel(goldenModel(), goldenRows(), { method });
      expect(ev.method).toBe(method);
      expect(ev.columns.slice(0, 3)).toEqual(["unit", "score", "rank"]);
      const d = ev.detail as { scores: number[]; ranks: number[]; weights: number[] };
      // Z of five-communities/compute.py is the model's normalization (min-max by direction, target 300)
      const own = (direct[method] as (x: number[][], w: number[]) => { scores: number[]; ranks: number[] })(
        Z as number[][],
        ev.weights,
      );
      own.scores.forEach((s, i) => {
        expect(Math.abs(s - d.scores[i]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(s)));
      });
      expect(own.ranks).toEqual(d.ranks);
      expect(ev.rows.map((r) => r.score)).toEqual(d.scores);
      expect(ev.rows.map((r) => r.rank)).toEqual(d.ranks);
      expect(d.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    },
  );

  it("marcos on min-max normalized indicators refuses with nonpositive_value (the anti-ideal row is all 0)", () => {
    let err: unknown;
    try {
      evaluateModel(goldenModel(), goldenRows(), { method: "marcos" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IndicatrixError);
    expect((err as IndicatrixError).code).toBe("nonpositive_value");
    expect((err as IndicatrixError).message).toContain("evaluateModel (marcos)");
    expect(marcos).toBeTypeOf("function");
  });
});
