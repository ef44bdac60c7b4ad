import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { PREFERENCE_FUNCTIONS, type PreferenceFunction, promethee } from "../../src/evaluate/promethee.js";
import { LIMITS } from "../../src/internal/limits.js";
import { mulberry32 } from "../../src/internal/random.js";
import { CASES, checkProperties, cols, DOCS, expectRel, problem } from "./mcdm-cases.js";

// Reference: test/fixtures/mcdm/compute.py (numpy over the full m x m difference tables, Brans & Vincke
// 1985, flows / (m - 1)); pymcdm 1.4.0 (usual, ushape, vshape, level, vshape_2) and pyDecision 4.9.1
// (t1-t6, cost columns negated) agree within 3.4e-16 by `compute.py --peers`.
describe("promethee against test/fixtures/mcdm (numpy pairwise; pymcdm and pyDecision agree)", () => {
  const rows = CASES.flatMap((c) =>
    [...PREFERENCE_FUNCTIONS, "mixed" as const].map((f) => [c.name, f, c] as const),
  );
  it.each(rows)("promethee(%s, %s) gives the phi+, phi- and phi of compute.py", (_n, f, c) => {
    const pr = c.promethee;
    const preference = f === "mixed" ? (pr.mixed.functions as PreferenceFunction[]) : f;
    const r = promethee(c.x, c.w, { directions: c.types, preference, q: pr.q, p: pr.p, s: pr.s });
    const ref = pr[f];
    expectRel(r.phiPlus, ref.phiPlus);
    expectRel(r.phiMinus, ref.phiMinus);
    expectRel(r.phi, ref.phi);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    "promethee(%s, { partialOrder: true }) gives compute.py's PROMETHEE I relation",
    (_n, c) => {
      const r = promethee(c.x, c.w, { directions: c.types, partialOrder: true });
      const po = r.partialOrder!;
      const rel = c.promethee.partialOrder;
      c.x.forEach((_, a) => {
        const want = (code: number | null) => rel[a]!.flatMap((v, b) => (b !== a && v === code ? [b] : []));
        expect(po.outranks[a]).toEqual(want(1));
        expect(po.indifferent[a]).toEqual(want(0));
        expect(po.incomparable[a]).toEqual(want(null));
      });
    },
  );

  it("promethee on DOMAIN C9's worked example gives phi = (0.05, -0.05, 0.0625, -0.2125, 0.15) (usual) and (0, -0.0296875, 0.0671875, -0.1625, 0.125) (linear)", () => {
    const c = CASES[0]!;
    const usual = promethee(c.x, c.w, { directions: c.types });
    expectRel(usual.phi, [0.05, -0.05, 0.0625, -0.2125, 0.15]);
    expectRel(usual.phiPlus, [0.475, 0.3875, 0.45, 0.3125, 0.4875]);
    expect(usual.ranks).toEqual([3, 4, 2, 5, 1]);
    const linear = promethee(c.x, c.w, {
      directions: c.types,
      preference: "linear",
      q: [10, 4, 2, 0.5],
      p: [50, 16, 8, 2],
    });
    expectRel(linear.phi, [0, -0.0296875, 0.0671875, -0.1625, 0.125]);
  });

  it("promethee on pymcdm 1.4.0's docstring example gives the printed phi [0.1, -0.3, 0.2], phi+ [0.55, 0.35, 0.6], phi- [0.45, 0.65, 0.4]", () => {
    const d = DOCS.promethee;
    const r = promethee(d.x, d.w);
    expectRel(r.phi, d.printed);
    expectRel(r.phiPlus, d.printedPhiPlus!);
    expectRel(r.phiMinus, d.printedPhiMinus!);
  });
});

/** PROMETHEE written pair by pair in the test (the definition, quadratic; p doubles as s), for the larger checks. */
function bruteForce(x: number[][], w: number[], f: PreferenceFunction, q: number, p: number): number[] {
  const m = x.length;
  const P = (d: number): number => {
    switch (f) {
      case "usual":
        return d > 0 ? 1 : 0;
      case "u-shape":
        return d > q ? 1 : 0;
      case "v-shape":
        return d <= 0 ? 0 : d <= p ? d / p : 1;
      case "level":
        return d <= q ? 0 : d <= p ? 0.5 : 1;
      case "linear":
        return d <= q ? 0 : d <= p ? (d - q) / (p - q) : 1;
      default:
        return d <= 0 ? 0 : 1 - Math.exp(-(d * d) / (2 * p * p));
    }
  };
  const ws = w.reduce((a, b) => a + b, 0);
  return x.map((xa) => {
    let s = 0;
    for (const xb of x)
      xa.forEach((v, j) => {
        s += (w[j]! / ws) * (P(v - xb[j]!) - P(xb[j]! - v));
      });
    return s / (m - 1);
  });
}

describe("promethee's sorted flows equal the pairwise definition", () => {
  it.each(PREFERENCE_FUNCTIONS.map((f) => [f]))(
    "promethee(600 x 3 integer matrix with ties, %s) equals the pair-by-pair net flow",
    (f) => {
      const rand = mulberry32(17);
      const x = Array.from({ length: 600 }, () => Array.from({ length: 3 }, () => Math.floor(rand() * 40)));
      const w = [0.5, 0.3, 0.2];
      const r = promethee(x, w, { preference: f, q: 4, p: 12, s: 12 });
      expectRel(r.phi, bruteForce(x, w, f, 4, 12), 1e-12);
    },
  );

  it("promethee on large-magnitude, narrow and negative columns (1e12 + k, -k, 1e-300 k) equals the pair-by-pair net flow", () => {
    const rand = mulberry32(5);
    const x = Array.from({ length: 300 }, () => {
      const k = Math.floor(rand() * 30);
      return [1e12 + k, -k * 0.5, 1e-300 * k];
    });
    const w = [0.4, 0.4, 0.2];
    for (const f of ["usual", "linear", "level"] as const) {
      const r = promethee(x, w, { preference: f, q: 0, p: 4 });
      expectRel(r.phi, bruteForce(x, w, f, 0, 4), 1e-12);
    }
  });

  it("promethee with flows: 'sum' gives (m - 1) times the mean flows, the same ranks", () => {
    const c = CASES[4]!;
    const mean = promethee(c.x, c.w, { directions: c.types });
    const sum = promethee(c.x, c.w, { directions: c.types, flows: "sum" });
    expectRel(
      sum.phi,
      mean.phi.map((v) => v * (c.x.length - 1)),
    );
    expect(sum.ranks).toEqual(mean.ranks);
  });

  it("promethee reads { columns } the same as rows and leaves the input unchanged", () => {
    const c = CASES[2]!;
    const copy = structuredClone(c.x);
    expect(promethee(cols(c.x), c.w, { directions: c.types })).toEqual(
      promethee(c.x, c.w, { directions: c.types }),
    );
    expect(c.x).toEqual(copy);
  });
});

describe("promethee errors", () => {
  const x = [
    [1, 2],
    [3, 1],
    [2, 5],
  ];
  it("promethee throws invalid_option for a missing threshold, q >= p, an unknown function or a wrong-length list", () => {
    expect(() => promethee(x, [1, 1], { preference: "linear", p: 2 })).toThrow(
      expect.objectContaining({ code: "invalid_option", message: expect.stringMatching(/needs q/) }),
    );
    expect(() => promethee(x, [1, 1], { preference: "level", q: 2, p: 2 })).toThrow(
      expect.objectContaining({ code: "invalid_option", message: expect.stringMatching(/needs p > q/) }),
    );
    expect(() => promethee(x, [1, 1], { preference: ["usual", "gaussian"], s: [null, 0] })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: ["opts", "s", 1] }),
    );
    expect(() => promethee(x, [1, 1], { preference: "step" as PreferenceFunction })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
    expect(() => promethee(x, [1, 1], { preference: ["usual"] })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });

  it(`promethee refuses the Gaussian function and the partial order above LIMITS.maxPrometheePairwiseUnits (${LIMITS.maxPrometheePairwiseUnits}) with too_many_units, suggesting a sample`, () => {
    const m = LIMITS.maxPrometheePairwiseUnits + 1;
    const big = { columns: [Float64Array.from({ length: m }, (_, i) => i % 97)] };
    expect(() => promethee(big, [1], { preference: "gaussian", s: 3 })).toThrow(
      expect.objectContaining({ code: "too_many_units", message: expect.stringMatching(/sample/) }),
    );
    expect(() => promethee(big, [1], { partialOrder: true })).toThrow(
      expect.objectContaining({ code: "too_many_units" }),
    );
    expect(promethee(big, [1], { preference: "linear", q: 1, p: 5 }).phi).toHaveLength(m);
  });

  it("promethee throws too_few_units for one row", () => {
    expect(() => promethee([[1, 2]], [1, 1])).toThrow(expect.objectContaining({ code: "too_few_units" }));
  });
});

describe("promethee properties", () => {
  test.prop([problem], { numRuns: 60 })(
    "a dominating unit ranks first by phi; permuting the units permutes phi and ranks",
    (p) => {
      checkProperties((x, w, directions) => {
        const r = promethee(x, w, { directions });
        return { values: r.phi, ranks: r.ranks };
      }, p);
    },
  );

  test.prop([problem], { numRuns: 30 })(
    "with the linear function (q = 2, p = 30) the net flows sum to 0 and permute with the units",
    (p) => {
      checkProperties((x, w, directions) => {
        const r = promethee(x, w, { directions, preference: "linear", q: 2, p: 30 });
        expect(Math.abs(r.phi.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);
        return { values: r.phi, ranks: r.ranks };
      }, p);
    },
  );
});
