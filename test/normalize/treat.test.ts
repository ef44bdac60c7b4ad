import { describe, expect, it } from "vitest";
import type { TreatSpec } from "../../src/internal/specs.js";
import { kurtosis, skewness, treat } from "../../src/normalize/index.js";
// scipy.stats skew/kurtosis(bias=False) on the samples below: test/fixtures/skewness-kurtosis/compute.py.
import SCIPY from "../fixtures/skewness-kurtosis/expected.json" with { type: "json" };
import { thrown } from "../helpers/errors.js";

const code = (f: () => unknown): string => thrown(f).code;

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe("skewness and kurtosis (Excel SKEW/KURT, e1071 type 2, COINr skew/kurt)", () => {
  it("skewness([1, 2, 3, 10]) by hand: d = [-3, -2, -1, 6], sum d^2 = 50, sum d^3 = 180", () => {
    // g1 = sqrt(4) * 180 / 50^1.5; G1 = g1 * sqrt(4 * 3) / (4 - 2)
    const g1 = (2 * 180) / 50 ** 1.5;
    expect(skewness([1, 2, 3, 10])).toBeCloseTo((g1 * Math.sqrt(12)) / 2, 14);
    // scipy 1.17: skew([1, 2, 3, 10], bias=False) = 1.763632614803888
    expect(skewness([1, 2, 3, 10])).toBeCloseTo(SCIPY.small.skewness, 12);
  });

  it("kurtosis([1, 2, 3, 10]) by hand: sum d^4 = 1394, r = 4 * 1394 / 50^2 = 2.2304 -> 3.228", () => {
    // ((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3)) = (5 * -0.7696 + 6) * 3 / 2 = 3.228
    expect(kurtosis([1, 2, 3, 10])).toBeCloseTo(3.228, 12);
  });

  it("match scipy.stats skew/kurtosis(bias=False) on two more samples, skipping NaN", () => {
    const x = [2.1, 3.5, Number.NaN, 1.2, 8.8, 4.4, 0.3, 15.2, 5.5];
    expect(skewness(x)).toBeCloseTo(SCIPY.withMissing.skewness, 12);
    expect(kurtosis(x)).toBeCloseTo(SCIPY.withMissing.kurtosis, 12);
    const y = [...range(1, 10), 30, 100];
    expect(skewness(y)).toBeCloseTo(SCIPY.coinr12.skewness, 12);
    expect(kurtosis(y)).toBeCloseTo(SCIPY.coinr12.kurtosis, 12);
  });

  it("agree with Excel's documented SKEW form n/((n-1)(n-2)) sum((x - mean)/s)^3 (a second formula)", () => {
    const x = [4, 9, 1, 7, 7, 3, 12, 5];
    const n = x.length;
    const mean = x.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const excel = (n / ((n - 1) * (n - 2))) * x.reduce((a, b) => a + ((b - mean) / s) ** 3, 0);
    expect(skewness(x)).toBeCloseTo(excel, 12);
    const excelKurt =
      ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * x.reduce((a, b) => a + ((b - mean) / s) ** 4, 0) -
      (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
    expect(kurtosis(x)).toBeCloseTo(excelKurt, 12);
  });

  it("are NaN for a constant column and throw too_few_values below 3 / 4 values", () => {
    expect(skewness([2, 2, 2, 2])).toBeNaN();
    expect(kurtosis([2, 2, 2, 2])).toBeNaN();
    expect(code(() => skewness([1, 2]))).toBe("too_few_values");
    expect(code(() => kurtosis([1, 2, 3, Number.NaN]))).toBe("too_few_values");
    expect(code(() => skewness([1, 2, Number.POSITIVE_INFINITY]))).toBe("non_finite_value");
  });
});

describe("treat: COINr skew-kurtosis winsorization", () => {
  it("COINr's winsorise example x = c(1:10, 30, 100): one point, 100 -> 30, then |skew| 1.71 < 2 passes", () => {
    const r = treat([...range(1, 10), 30, 100], { winsorize: { method: "skew-kurtosis" } });
    expect(Array.from(r.values)).toEqual([...range(1, 10), 30, 30]);
    expect(r.report.winsorized).toBe(1);
    expect(r.report.upperCap).toBe(30);
    expect(r.report.lowerCap).toBeUndefined();
    expect(r.report.skewBefore).toBeCloseTo(SCIPY.coinr12.skewness, 12); // scipy
    expect(r.report.skewAfter).toBeCloseTo(SCIPY.coinr12Treated.skewness, 12); // scipy on the treated vector
    expect(r.report.log).toBeUndefined();
  });

  it("x = c(1:20, 100, 200, 300): 300 -> 200, then both 200s -> 100: 2 distinct points, kurtosis 3.45 < 3.5", () => {
    // Steps re-run by hand with scipy skew/kurtosis(bias=False): after step 2 skew 2.205, kurtosis 3.447.
    const r = treat([...range(1, 20), 100, 200, 300], { winsorize: { method: "skew-kurtosis" } });
    expect(Array.from(r.values)).toEqual([...range(1, 20), 100, 100, 100]);
    expect(r.report.winsorized).toBe(2);
    expect(r.report.upperCap).toBe(100);
    expect(r.report.kurtAfter).toBeCloseTo(SCIPY.coinr23Treated.kurtosis, 10);
  });

  it("negative skew winsorizes the low end (the mirror image)", () => {
    const r = treat(
      [...range(1, 20), 100, 200, 300].map((v) => -v),
      { winsorize: { method: "skew-kurtosis" } },
    );
    expect(Array.from(r.values)).toEqual([...range(1, 20), 100, 100, 100].map((v) => -v));
    expect(r.report.lowerCap).toBe(-100);
    expect(r.report.upperCap).toBeUndefined();
  });

  it("maxPoints stops the loop: maxPoints 1 changes only 300 -> 200", () => {
    const r = treat([...range(1, 20), 100, 200, 300], {
      winsorize: { method: "skew-kurtosis", maxPoints: 1 },
    });
    expect(Array.from(r.values)).toEqual([...range(1, 20), 100, 200, 200]);
    expect(r.report.winsorized).toBe(1);
  });

  it("with a log, COINr's second stage logs the original values when winsorization still fails", () => {
    const x = [...range(1, 20), 100, 200, 300];
    const r = treat(x, { winsorize: { method: "skew-kurtosis", maxPoints: 1 }, log: "ln" });
    expect(r.report.log).toBe("ln");
    expect(r.report.winsorized).toBe(0);
    expect(Array.from(r.values)).toEqual(x.map(Math.log));
  });

  it("with a log, nothing is logged when winsorization passes", () => {
    const r = treat([...range(1, 10), 30, 100], { winsorize: { method: "skew-kurtosis" }, log: "log-ct" });
    expect(r.report.log).toBeUndefined();
    expect(r.report.winsorized).toBe(1);
  });

  it("a column that passes is returned unchanged; NaN stays NaN", () => {
    const r = treat([1, 2, Number.NaN, 3, 4, 5], { winsorize: { method: "skew-kurtosis" } });
    expect(Array.from(r.values)).toEqual([1, 2, Number.NaN, 3, 4, 5]);
    expect(r.report.winsorized).toBe(0);
  });

  it("fewer than 4 values throws too_few_values", () => {
    expect(code(() => treat([1, 2, 100], { winsorize: { method: "skew-kurtosis" } }))).toBe("too_few_values");
  });
});

describe("treat: quantile winsorization and log transforms", () => {
  it("quantiles 0.1 / 0.9 of 1..11 (R type 7: positions 1 and 9 -> 2 and 10) cap 1 -> 2 and 11 -> 10", () => {
    const r = treat([Number.NaN, ...range(1, 11)], {
      winsorize: { method: "quantile", lower: 0.1, upper: 0.9 },
    });
    expect(Array.from(r.values)).toEqual([Number.NaN, 2, ...range(2, 10), 10]);
    expect(r.report).toMatchObject({ winsorized: 2, lowerCap: 2, upperCap: 10 });
  });

  it("default quantiles 0.05 / 0.95 of 0..20 are 1 and 19", () => {
    const r = treat(range(0, 20), { winsorize: { method: "quantile" } });
    expect(r.report).toMatchObject({ winsorized: 2, lowerCap: 1, upperCap: 19 });
  });

  it("quantile winsorization then log applies both", () => {
    const r = treat(range(1, 11), {
      winsorize: { method: "quantile", lower: 0.1, upper: 0.9 },
      log: "log10",
    });
    expect(r.values[0]).toBeCloseTo(Math.log10(2), 14);
    expect(r.report.log).toBe("log10");
  });

  it("ln [1, e, e^2] = [0, 1, 2]; log10 [1, 10, 100] = [0, 1, 2]", () => {
    const ln = treat([1, Math.E, Math.E ** 2], { log: "ln" }).values;
    expect(ln[0]).toBe(0);
    expect(ln[1]).toBeCloseTo(1, 14);
    expect(ln[2]).toBeCloseTo(2, 14);
    expect(Array.from(treat([1, 10, 100], { log: "log10" }).values)).toEqual([0, 1, 2]);
  });

  it("log-ct = log(x - min + 0.01 (max - min)): [0, 10, 100] -> [ln 1, ln 11, ln 101]", () => {
    const r = treat([0, 10, 100, Number.NaN], { log: "log-ct" });
    expect(r.values[0]).toBe(0);
    expect(r.values[1]).toBeCloseTo(Math.log(11), 14);
    expect(r.values[2]).toBeCloseTo(Math.log(101), 14);
    expect(r.values[3]).toBeNaN();
  });

  it("an empty spec returns a copy, and a frozen input is not mutated", () => {
    const x = Object.freeze([3, 1, 2]);
    const r = treat(x, { log: "ln" });
    expect(x).toEqual([3, 1, 2]);
    expect(Array.from(treat(x).values)).toEqual([3, 1, 2]);
    expect(r.values[0]).toBeCloseTo(Math.log(3), 14);
  });

  it("errors: ln of a non-positive value, log-ct of a constant column, bad options, ±Infinity", () => {
    expect(() => treat([1, 0, 2], { log: "ln" })).toThrow(/values\[1\]/);
    expect(code(() => treat([1, -1], { log: "log10" }))).toBe("nonpositive_value");
    expect(code(() => treat([4, 4, 4], { log: "log-ct" }))).toBe("constant_column");
    expect(code(() => treat([1, 2], { log: "log2" } as unknown as TreatSpec))).toBe("invalid_option");
    expect(code(() => treat([1, 2], { winsorize: { method: "quantile", lower: 0.9, upper: 0.1 } }))).toBe(
      "invalid_option",
    );
    expect(code(() => treat([1, 2], { winsorize: { method: "quantile", lower: -0.1 } }))).toBe(
      "invalid_option",
    );
    expect(code(() => treat([1, 2], { winsorize: { method: "skew-kurtosis", maxPoints: 1.5 } }))).toBe(
      "invalid_option",
    );
    expect(code(() => treat([1, 2], { winsorize: { method: "iqr" } } as unknown as TreatSpec))).toBe(
      "invalid_option",
    );
    expect(code(() => treat([1, Number.NEGATIVE_INFINITY], {}))).toBe("non_finite_value");
    expect(code(() => treat([1, 2], null as unknown as TreatSpec))).toBe("invalid_spec");
  });
});
