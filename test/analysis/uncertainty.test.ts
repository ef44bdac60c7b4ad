import { describe, expect, it } from "vitest";
import { perturbAhpSpec, stepJudgment, uniformNoise } from "../../src/analysis/perturb.js";
import { quantileSorted } from "../../src/analysis/quantile.js";
import { uncertaintyAnalysis } from "../../src/analysis/uncertainty.js";
import type { Model, WeightSpec } from "../../src/indicators/schema.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { LIMITS } from "../../src/internal/limits.js";
import { checkSeed, createRandom } from "../../src/internal/random.js";
import { EXPECTED } from "../fixtures/five-communities/index.js";
import {
  goldenModel,
  goldenRows,
  governance,
  sampleCity,
  tinyModel,
  tinyRows,
  twoLevelModel,
} from "./models.js";

describe("createRandom (xoshiro128** seeded by splitmix32)", () => {
  it("createRandom(seed) repeats its sequence for the same seed and differs for another", () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const xs = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(xs);
  });

  it("uniform() has mean 1/2 and variance 1/12 within sampling error (n = 100000)", () => {
    const r = createRandom(1);
    let s = 0;
    let ss = 0;
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
      ss += u * u;
    }
    expect(outside).toBe(0);
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(ss / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it.each([0.3, 1, 2.5, 10])(
    "gamma(%d) has mean = shape and variance = shape (Marsaglia-Tsang), n = 40000",
    (k) => {
      const r = createRandom(3);
      const n = 40_000;
      let s = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const g = r.gamma(k);
        s += g;
        ss += g * g;
      }
      const mean = s / n;
      expect(Math.abs(mean - k) / k).toBeLessThan(0.03);
      expect(Math.abs(ss / n - mean * mean - k) / k).toBeLessThan(0.08);
    },
  );

  it("dirichlet(alpha) sums to 1, keeps zero concentrations at 0 and has mean alpha / sum(alpha)", () => {
    const r = createRandom(9);
    const alpha = [2, 6, 0, 2];
    const mean = [0, 0, 0, 0];
    const n = 20_000;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const d = r.dirichlet(alpha);
      worst = Math.max(worst, Math.abs(d.reduce((a, b) => a + b, 0) - 1), d[2] as number);
      d.forEach((x, j) => {
        mean[j] = (mean[j] as number) + x / n;
      });
    }
    expect(worst).toBeLessThan(1e-12);
    expect(mean[0]).toBeCloseTo(0.2, 2);
    expect(mean[1]).toBeCloseTo(0.6, 2);
  });

  it.each([1.5, Number.NaN, "1", null])("checkSeed(%j) throws invalid_option naming the seed", (seed) => {
    expect(() => checkSeed(seed, "opts.seed")).toThrow(/opts\.seed.*integer/);
  });
});

describe("perturbations", () => {
  it("stepJudgment moves one step on Saaty's scale: 3 -> 2 or 4, 1 -> 1/2 or 2, 9 -> 8, 1/9 -> 1/8", () => {
    const r = createRandom(1);
    const seen = (v: number) => new Set(Array.from({ length: 200 }, () => stepJudgment(v, r)));
    expect(seen(3)).toEqual(new Set([2, 4]));
    expect(seen(1)).toEqual(new Set([0.5, 2]));
    expect(seen(9)).toEqual(new Set([8]));
    expect(seen(1 / 9)).toEqual(new Set([1 / 8]));
    expect(seen(0.33)).toEqual(new Set([0.25, 0.5])); // rounded 1/3 is read as 1/3
  });

  it("perturbAhpSpec keeps a full matrix reciprocal and leaves the input spec unchanged", () => {
    const spec = Object.freeze({
      method: "ahp",
      matrix: Object.freeze([
        Object.freeze([1, 3, 5]),
        Object.freeze([1 / 3, 1, 2]),
        Object.freeze([1 / 5, 1 / 2, 1]),
      ]),
    }) as unknown as WeightSpec;
    const out = perturbAhpSpec(spec, createRandom(2)) as { matrix: number[][] };
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        expect((out.matrix[i]?.[j] as number) * (out.matrix[j]?.[i] as number)).toBeCloseTo(1, 12);
    expect(out.matrix[0]?.[1]).not.toBe(3);
  });

  it("uniformNoise(w, 0, draws) returns w; with noise it stays a weight vector", () => {
    expect(uniformNoise([0.2, 0.3, 0.5], 0, [0.1, 0.9, 0.4])).toEqual([0.2, 0.3, 0.5]);
    // w_i (1 + 0.5 (2u - 1)): 0.5 * 0.5 = 0.25 and 0.5 * 1.5 = 0.75, normalized by 1
    expect(uniformNoise([0.5, 0.5], 0.5, [0, 1])).toEqual([0.25, 0.75]);
  });

  it("quantileSorted follows R's type 7: quantile(c(1, 2, 3, 4, 10), c(.05, .5, .95)) = 1.2, 3, 8.8", () => {
    const x = [1, 2, 3, 4, 10];
    expect(quantileSorted(x, 0.05)).toBeCloseTo(1.2, 12);
    expect(quantileSorted(x, 0.5)).toBe(3);
    expect(quantileSorted(x, 0.95)).toBeCloseTo(8.8, 12);
    expect(quantileSorted([7], 0.95)).toBe(7);
  });
});

describe("uncertaintyAnalysis", () => {
  it("uncertaintyAnalysis with the same seed repeats exactly; another seed gives other runs", () => {
    const opts = { profile: "normal", runs: 60, seed: 11, ahpJudgments: true, leaveOneOut: true } as const;
    const a = uncertaintyAnalysis(governance, sampleCity(), opts);
    const b = uncertaintyAnalysis(governance, sampleCity(), opts);
    expect(b.ranks).toEqual(a.ranks);
    expect([...b.rankMatrix]).toEqual([...a.rankMatrix]);
    expect(b.sensitivity).toEqual(a.sensitivity);
    const c = uncertaintyAnalysis(governance, sampleCity(), { ...opts, seed: 12 });
    expect([...c.outputs]).not.toEqual([...a.outputs]);
  });

  it("zero weight noise gives zero-width intervals at the nominal ranks and no rank shift", () => {
    const ua = uncertaintyAnalysis(goldenModel(), goldenRows(), { runs: 50, weights: { noise: 0 } });
    // Z w* = [0.46191, 0.480265, 0.486745, 0.505334, 0.581718] -> ranks 5, 4, 3, 2, 1 (test/fixtures/five-communities)
    expect(ua.ranks.map((r) => r.nominal)).toEqual(EXPECTED.linearScoreRanks);
    for (const r of ua.ranks) {
      expect(r.p05).toBe(r.nominal);
      expect(r.p95).toBe(r.nominal);
      expect(r.median).toBe(r.nominal);
      expect(r.meanShift).toBe(0);
    }
    expect(ua.meanAbsShift).toBe(0);
    expect(ua.sensitivity).toBeNull();
  });

  it("a unit that dominates on every indicator has the rank interval [1, 1] under every factor", () => {
    const model = twoLevelModel();
    const rng = createRandom(4);
    const rows = Array.from({ length: 12 }, (_, i) =>
      i === 5
        ? { unit: "best", x1: 100, x2: 100, y1: 100, y2: -100 }
        : {
            unit: `u${i}`,
            x1: 90 * rng.uniform(),
            x2: 90 * rng.uniform(),
            y1: 90 * rng.uniform(),
            y2: 90 * rng.uniform(),
          },
    );
    const ua = uncertaintyAnalysis(model, rows, {
      runs: 200,
      seed: 3,
      weights: { noise: 1 },
      normalization: ["minmax", "zscore", "rank", "percentile"],
      aggregation: ["arithmetic", "minimum"],
      leaveOneOut: true,
    });
    const best = ua.ranks.find((r) => r.unit === "best");
    expect(best).toMatchObject({ nominal: 1, p05: 1, p95: 1, median: 1, mean: 1 });
    expect(ua.design).toBe("saltelli");
    expect(ua.runs).toBe(Math.floor(200 / 6) * 6);
  });

  it("rank intervals contain the median, and the 5-95% interval widens with more weight noise", () => {
    const narrow = uncertaintyAnalysis(governance, sampleCity(), {
      profile: "normal",
      runs: 150,
      weights: { noise: 0.05 },
    });
    const wide = uncertaintyAnalysis(governance, sampleCity(), {
      profile: "normal",
      runs: 150,
      weights: { noise: 0.5 },
    });
    const width = (ua: typeof narrow) =>
      ua.ranks.reduce((s, r) => s + ((r.p95 as number) - (r.p05 as number)), 0) / ua.ranks.length;
    for (const r of wide.ranks) {
      expect(r.p05 as number).toBeLessThanOrEqual(r.median as number);
      expect(r.median as number).toBeLessThanOrEqual(r.p95 as number);
    }
    expect(width(wide)).toBeGreaterThan(2 * width(narrow));
  });

  it("Dirichlet weights: a large concentration keeps ranks nearer the nominal than a small one", () => {
    const run = (concentration: number) =>
      uncertaintyAnalysis(governance, sampleCity(), {
        profile: "normal",
        runs: 100,
        weights: { concentration },
      }).meanAbsShift;
    expect(run(10_000)).toBeLessThan(run(10));
  });

  it("Saltelli indices: a constant factor has S = ST = 0 exactly; the only varying factor takes (about) all", () => {
    const ua = uncertaintyAnalysis(goldenModel(), goldenRows(), {
      runs: 400,
      seed: 5,
      weights: { noise: 0 },
      normalization: ["minmax", "rank", "zscore"],
    });
    const [w, n] = ua.sensitivity ?? [];
    expect(w).toEqual({ factor: "weights", first: 0, total: 0 });
    expect(n?.factor).toBe("normalization");
    // With the weights constant, f(A_B^norm) = f(B): both estimators estimate 1.
    expect(Math.abs((n?.first as number) - 1)).toBeLessThan(0.2);
    expect(Math.abs((n?.total as number) - 1)).toBeLessThan(0.2);
  });

  it("ahpJudgments perturbs the AHP nodes of the governance template and moves ranks", () => {
    const ua = uncertaintyAnalysis(governance, sampleCity(), {
      profile: "emergency",
      runs: 40,
      weights: false,
      ahpJudgments: true,
    });
    expect(ua.factors).toEqual(["ahpJudgments"]);
    expect(ua.design).toBe("monte-carlo");
    expect(ua.meanAbsShift).toBeGreaterThan(0);
  });

  it("onProgress reports the runs done, ending at the total", () => {
    const calls: [number, number][] = [];
    uncertaintyAnalysis(goldenModel(), goldenRows(), { runs: 30, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.at(-1)).toEqual([30, 30]);
  });

  it.each([
    [{ runs: 0 }, /opts\.runs/],
    [{ runs: 2.5 }, /opts\.runs/],
    [{ seed: 1.5 }, /opts\.seed/],
    [{ seed: "7" }, /opts\.seed/],
    [{ weights: { noise: 2 } }, /opts\.weights\.noise/],
    [{ weights: { noise: 0.1, concentration: 5 } }, /opts\.weights/],
    [{ weights: false }, /nothing is uncertain/],
    [{ normalization: [] }, /opts\.normalization/],
    [{ ahpJudgments: true }, /opts\.ahpJudgments/],
  ])("uncertaintyAnalysis(%j) throws invalid_option naming the argument", (opts, message) => {
    const call = () => uncertaintyAnalysis(tinyModel(), tinyRows(), opts as never);
    expect(call).toThrow(IndicatrixError);
    expect(call).toThrow(message);
  });

  it("uncertaintyAnalysis refuses runs = LIMITS.maxRuns + 1 up front with invalid_option naming the limit", () => {
    const started = performance.now();
    expect(() => uncertaintyAnalysis(tinyModel(), tinyRows(), { runs: LIMITS.maxRuns + 1 })).toThrow(
      expect.objectContaining({ code: "invalid_option", message: expect.stringMatching(/maxRuns/) }),
    );
    expect(() => uncertaintyAnalysis(tinyModel(), tinyRows(), { runs: 1e9 })).toThrow(/at most 1000000/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("uncertaintyAnalysis with an unknown profile throws unknown_profile", () => {
    expect(() => uncertaintyAnalysis(tinyModel(), tinyRows(), { profile: "nope" })).toThrow(
      expect.objectContaining({ code: "unknown_profile" }),
    );
  });

  it("an alternative that cannot run names the node and the method (geometric mean of a min-max zero)", () => {
    expect(() =>
      uncertaintyAnalysis(goldenModel(), goldenRows(), { runs: 5, aggregation: ["geometric"] }),
    ).toThrow(/node "root" with aggregation "geometric"/);
  });

  it("does not mutate the model", () => {
    const model = structuredClone(governance) as Model;
    const before = JSON.stringify(model);
    uncertaintyAnalysis(model, sampleCity(), { profile: "normal", runs: 10, ahpJudgments: true });
    expect(JSON.stringify(model)).toBe(before);
  });
});
