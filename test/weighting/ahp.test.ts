import { fc, test } from "@fast-check/vitest";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { ahp } from "../../src/weighting/ahp.js";
import {
  EXPECTED as AHP_REF,
  ARCGIS,
  ARCGIS_PUBLISHED_WEIGHTS,
  CYCLIC,
  DOC_EXAMPLE,
} from "../fixtures/ahp/index.js";
import { EXPECTED as GOVERNANCE_REF, level1Matrix } from "../fixtures/governance/index.js";
import { consistentMatrix, errorOf, expectClose, frozen, messageOf, SAATY_VALUES } from "./helpers.js";

const METHODS = ["eigenvector", "geometric-mean", "sum-product"] as const;

// Level-1 judgments of the draft governance system (test/fixtures/governance/design.json, order S, P, R, T,
// F, E); reference weights and consistency by its compute.py (numpy).
const NORMAL = level1Matrix("normal");
const EMERGENCY = level1Matrix("emergency");
// ARCGIS: Esri, ArcGIS Pro 3.5 documentation, "Calculate the consistency ratio for pairwise comparison",
// Table 1 (entries rounded to 3 decimals as published); CYCLIC: made up. Both from test/fixtures/ahp,
// whose compute.py (numpy) gives every value below that Esri does not publish.
// Saaty 2008 (Int. J. Services Sciences 1:1, 83-98): relative consumption of drinks in the US, order coffee, wine,
// tea, beer, sodas, milk, water; the same matrix is the AHPy test fixture (tests/test_ahp.py).
const DRINKS = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];

describe("ahp: published and computed reference values (test/fixtures/ahp, test/fixtures/governance)", () => {
  it("ahp(cyclic 3x3) gives lambdaMax 4.3333, CI 0.6667, CR 1.149 (Saaty RI) and 1.282 (cn1000 RI) (hand computation, compute.py)", () => {
    const ref = AHP_REF.cyclic3.eigenvector;
    const r = ahp(CYCLIC);
    expect(r.lambdaMax).toBeCloseTo(13 / 3, 10);
    expect(r.ci).toBeCloseTo(2 / 3, 10);
    expect(r.cr).toBeCloseTo(0.6667 / 0.58, 3);
    expect(r.cr).toBeCloseTo(ref.cr.saaty, 3);
    expect(r.ri).toBe(0.58);
    expect(r.consistent).toBe(false);
    expectClose(r.weights, [1 / 3, 1 / 3, 1 / 3], 1e-12);
    const cn = ahp(CYCLIC, { ri: "cn1000" });
    expect(cn.cr).toBeCloseTo(ref.cr.cn1000, 3);
    expect(cn.ri).toBe(0.52);
    expect(cn.riTable).toBe("cn1000");
  });

  const level1 = GOVERNANCE_REF.level1;
  for (const method of METHODS) {
    it(`ahp(normal profile, ${method}) matches the governance fixture's weights to 5e-5`, () => {
      expectClose(ahp(NORMAL, { method }).weights, level1.normal[method].weights, 5e-5);
    });
    it(`ahp(emergency profile, ${method}) matches the governance fixture's weights to 5e-5`, () => {
      expectClose(ahp(EMERGENCY, { method }).weights, level1.emergency[method].weights, 5e-5);
    });
  }

  it("ahp(normal profile) gives lambdaMax 6.0658, CI 0.0132, CR 0.0106 / 0.0104 (compute.py)", () => {
    const ref = level1.normal.eigenvector;
    const r = ahp(NORMAL);
    expect(r.lambdaMax).toBeCloseTo(ref.lambdaMax, 4);
    expect(r.ci).toBeCloseTo(ref.ci, 4);
    expect(r.cr).toBeCloseTo(ref.cr.saaty, 4);
    expect(ahp(NORMAL, { ri: "cn1000" }).cr).toBeCloseTo(ref.cr.cn1000, 4);
    expect(r.consistent).toBe(true);
  });

  it("ahp(emergency profile) gives lambdaMax 6.0570, CI 0.0114, CR 0.0092 / 0.0091 (compute.py)", () => {
    const ref = level1.emergency.eigenvector;
    const r = ahp(EMERGENCY);
    expect(r.lambdaMax).toBeCloseTo(ref.lambdaMax, 4);
    expect(r.ci).toBeCloseTo(ref.ci, 4);
    expect(r.cr).toBeCloseTo(ref.cr.saaty, 4);
    expect(ahp(EMERGENCY, { ri: "cn1000" }).cr).toBeCloseTo(ref.cr.cn1000, 4);
  });

  it("ahp(ArcGIS 5x5, sum-product) reproduces Esri's published 0.235/0.089/0.136/0.247/0.294, lambda 6.462, CR 0.326 (compute.py)", () => {
    const ref = AHP_REF.arcgis5["sum-product"];
    const r = ahp(ARCGIS, { method: "sum-product" });
    expectClose(r.weights, ARCGIS_PUBLISHED_WEIGHTS, 5e-4);
    expect(r.lambdaMax).toBeCloseTo(ref.lambdaMax, 3);
    expect(r.ci).toBeCloseTo(ref.ci, 3);
    expect(r.cr).toBeCloseTo(ref.cr.saaty, 3);
    expect(r.consistent).toBe(false);
  });

  it("ahp(ArcGIS 5x5, eigenvector) gives 0.221/0.089/0.131/0.298/0.261 (compute.py)", () => {
    expectClose(ahp(ARCGIS).weights, AHP_REF.arcgis5.eigenvector.weights, 5e-4);
  });

  it("ahp(Saaty's drinks matrix) matches Saaty 2008 / AHPy weights to 5e-5 and CR 0.022 (Saaty RI)", () => {
    const r = ahp(DRINKS);
    expectClose(r.weights, [0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268], 5e-5);
    expect(r.cr).toBeCloseTo(0.022, 3);
    expect(r.consistent).toBe(true);
  });

  it("ahp([[1,3,5],[1/3,1,3],[1/5,1/3,1]]) gives the doc-comment example values [0.637, 0.2583, 0.1047], CR 0.0332 (compute.py)", () => {
    const ref = AHP_REF.docExample3.eigenvector;
    const r = ahp(DOC_EXAMPLE);
    expectClose(r.weights, ref.weights, 5e-5);
    expect(r.cr).toBeCloseTo(ref.cr.saaty, 4);
  });
});

describe("ahp: eigenvector against ml-matrix EigenvalueDecomposition (second method)", () => {
  test.prop(
    [
      fc.integer({ min: 3, max: 12 }).chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.constantFrom(...SAATY_VALUES), {
            minLength: (n * (n - 1)) / 2,
            maxLength: (n * (n - 1)) / 2,
          }),
        ),
      ),
    ],
    {
      seed: 42,
      numRuns: 60,
    },
  )("random reciprocal matrices: weights and lambdaMax agree to 1e-9", ([n, upper]) => {
    const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
    let k = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const v = upper[k++] as number;
        (a[i] as number[])[j] = v;
        (a[j] as number[])[i] = 1 / v;
      }
    const e = new EigenvalueDecomposition(new Matrix(a));
    const re = e.realEigenvalues;
    let best = 0;
    for (let i = 1; i < n; i++) if ((re[i] as number) > (re[best] as number)) best = i;
    const vec = e.eigenvectorMatrix.getColumn(best);
    const s = vec.reduce((t, v) => t + v, 0);
    const r = ahp(a);
    expect(Math.abs(r.lambdaMax - (re[best] as number))).toBeLessThan(1e-9);
    expectClose(
      r.weights,
      vec.map((v) => v / s),
      1e-9,
    );
  });
});

describe("ahp: incomplete matrices (Harker's method)", () => {
  it("a consistent 4x4 matrix with a_03 removed gives back w exactly, CR 0, and completes a_03 = w0/w3 (hand computation)", () => {
    const w = [0.4, 0.3, 0.2, 0.1];
    const m: (number | null)[][] = consistentMatrix(w);
    (m[0] as (number | null)[])[3] = null;
    (m[3] as (number | null)[])[0] = null;
    const r = ahp(m);
    expectClose(r.weights, w, 1e-12);
    expect(r.cr).toBeCloseTo(0, 12);
    expect(r.missing).toBe(1);
    expect(r.completed[0]?.[3]).toBeCloseTo(4, 12);
    expect(r.completed[3]?.[0]).toBeCloseTo(0.25, 12);
  });

  it("a chain a01 = 2, a12 = 3 with a02 missing completes a02 = 6 and w = (0.6, 0.3, 0.1) (hand computation)", () => {
    const r = ahp([
      [1, 2, null],
      [1 / 2, 1, 3],
      [null, 1 / 3, 1],
    ]);
    expectClose(r.weights, [0.6, 0.3, 0.1], 1e-12);
    expect(r.completed[0]?.[2]).toBeCloseTo(6, 10);
    expect(r.lambdaMax).toBeCloseTo(3, 10);
  });

  it("a 4-cycle 0>1>2>3>0 (each 2) with both diagonals missing: Harker gives equal weights, lambda 4.5, CR 0.5/3/0.9 (hand computation)", () => {
    // Harker's matrix rows are (2, 2, 0, 1/2) up to rotation, so (1,1,1,1) is its eigenvector with lambda 4.5.
    const r = ahp([
      [1, 2, null, 1 / 2],
      [1 / 2, 1, 2, null],
      [null, 1 / 2, 1, 2],
      [2, null, 1 / 2, 1],
    ]);
    expectClose(r.weights, [0.25, 0.25, 0.25, 0.25], 1e-12);
    expect(r.lambdaMax).toBeCloseTo(4.5, 10);
    expect(r.cr).toBeCloseTo(0.5 / 3 / 0.9, 10);
    expect(r.completed[0]?.[2]).toBeCloseTo(1, 10);
    expect(r.missing).toBe(2);
  });

  it("the geometric-mean method on an incomplete matrix runs on the Harker-completed matrix", () => {
    const r = ahp(
      [
        [1, 2, null],
        [1 / 2, 1, 3],
        [null, 1 / 3, 1],
      ],
      { method: "geometric-mean" },
    );
    expectClose(r.weights, [0.6, 0.3, 0.1], 1e-10);
  });

  it("refuses disconnected judgments and names each group of elements", () => {
    const m = [
      [1, 2, null, null],
      [1 / 2, 1, null, null],
      [null, null, 1, 3],
      [null, null, 1 / 3, 1],
    ];
    expect(errorOf(() => ahp(m))).toBe("disconnected_judgments @ matrix");
    expect(messageOf(() => ahp(m, { labels: ["a", "b", "c", "d"] }))).toContain('{"a", "b"} and {"c", "d"}');
  });
});

describe("ahp: properties", () => {
  const weightsArb = fc
    .integer({ min: 1, max: 10 })
    .chain((n) => fc.array(fc.double({ min: 1, max: 9, noNaN: true }), { minLength: n, maxLength: n }));

  test.prop([weightsArb, fc.constantFrom(...METHODS)], { seed: 42, numRuns: 100 })(
    "a consistent matrix a_ij = w_i/w_j gives back w with CR 0, for every method",
    (raw, method) => {
      const s = raw.reduce((t, v) => t + v, 0);
      const w = raw.map((v) => v / s);
      const r = ahp(consistentMatrix(w), { method });
      expectClose(r.weights, w, 1e-10);
      expect(Math.abs(r.cr)).toBeLessThan(1e-9);
      expect(r.consistent).toBe(true);
    },
  );

  const reciprocalArb = fc.integer({ min: 2, max: 9 }).chain((n) =>
    fc
      .array(fc.constantFrom(...SAATY_VALUES), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
      .map((upper) => {
        const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
        let k = 0;
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            const v = upper[k++] as number;
            (a[i] as number[])[j] = v;
            (a[j] as number[])[i] = 1 / v;
          }
        return a;
      }),
  );

  test.prop([reciprocalArb, fc.constantFrom(...METHODS)], { seed: 42, numRuns: 100 })(
    "weights are positive and sum to 1; lambdaMax >= n (eigenvector)",
    (a, method) => {
      const r = ahp(a, { method });
      expect(r.weights.every((w) => w > 0)).toBe(true);
      expect(Math.abs(r.weights.reduce((t, v) => t + v, 0) - 1)).toBeLessThan(1e-12);
      if (method === "eigenvector") expect(r.lambdaMax).toBeGreaterThanOrEqual(a.length - 1e-9);
    },
  );

  test.prop(
    [
      reciprocalArb.chain((a) =>
        fc.tuple(
          fc.constant(a),
          fc.shuffledSubarray([...a.keys()], { minLength: a.length, maxLength: a.length }),
        ),
      ),
      fc.constantFrom(...METHODS),
    ],
    { seed: 42, numRuns: 100 },
  )("permuting the criteria permutes the weights and keeps CR", ([a, perm], method) => {
    const pa = perm.map((i) => perm.map((j) => a[i]?.[j] as number));
    const r = ahp(a, { method });
    const rp = ahp(pa, { method });
    expectClose(
      rp.weights,
      perm.map((i) => r.weights[i] as number),
      1e-10,
    );
    expect(rp.cr).toBeCloseTo(r.cr, 9);
  });
});

describe("ahp: edge cases and options", () => {
  it("ahp([[1]]) gives weight 1, CR 0; order 2 is always consistent with CR 0", () => {
    const one = ahp([[1]]);
    expect(one.weights).toEqual([1]);
    expect(one.cr).toBe(0);
    const two = ahp([
      [1, 9],
      [1 / 9, 1],
    ]);
    expectClose(two.weights, [0.9, 0.1], 1e-12);
    expect(two.cr).toBe(0);
    expect(two.ri).toBe(0);
    expect(two.consistent).toBe(true);
  });

  it("accepts 0.33 for 1/3 (reciprocal within 1%) and uses the entries as given", () => {
    const r = ahp([
      [1, 3, 1],
      [0.33, 1, 1 / 3],
      [1, 3, 1],
    ]);
    expect(r.weights.length).toBe(3);
  });

  it("does not mutate a frozen input matrix", () => {
    const m = frozen<number | null>([
      [1, 2, null],
      [1 / 2, 1, 3],
      [null, 1 / 3, 1],
    ]);
    expect(() => ahp(m)).not.toThrow();
    expect(m[0]?.[2]).toBeNull();
  });

  it("a custom RI table serves order 16 (beyond the published tables)", () => {
    const m = Array.from({ length: 16 }, () => new Array<number>(16).fill(1));
    const ri = [0, 0, ...new Array<number>(14).fill(1.6)];
    const r = ahp(m, { ri });
    expect(r.riTable).toBe("custom");
    expect(r.ri).toBe(1.6);
    expect(r.cr).toBeCloseTo(0, 12);
  });

  it("threshold is strict: consistent iff CR < threshold", () => {
    const cr = ahp(NORMAL).cr;
    expect(ahp(NORMAL, { threshold: cr }).consistent).toBe(false);
    expect(ahp(NORMAL, { threshold: cr * 1.0001 }).consistent).toBe(true);
  });

  it("reports the number of power iterations for the eigenvector method only", () => {
    expect(ahp(NORMAL).iterations).toBeGreaterThan(0);
    expect(ahp(NORMAL, { method: "sum-product" }).iterations).toBeUndefined();
  });
});

describe("ahp: errors name the place", () => {
  const ok = [
    [1, 2],
    [1 / 2, 1],
  ];
  it.each([
    ["not an array", "x" as unknown, "invalid_matrix @ matrix"],
    ["empty", [], "invalid_matrix @ matrix"],
    ["a row is not an array", [[1, 2], 3], "invalid_matrix @ matrix[1]"],
    [
      "not square",
      [
        [1, 2],
        [1 / 2, 1, 3],
      ],
      "matrix_not_square @ matrix[1]",
    ],
    [
      "a zero entry",
      [
        [1, 0],
        [1, 1],
      ],
      "invalid_matrix @ matrix[0][1]",
    ],
    [
      "a negative entry",
      [
        [1, 2],
        [-0.5, 1],
      ],
      "invalid_matrix @ matrix[1][0]",
    ],
    [
      "NaN",
      [
        [1, Number.NaN],
        [1, 1],
      ],
      "invalid_matrix @ matrix[0][1]",
    ],
    [
      "Infinity",
      [
        [1, Number.POSITIVE_INFINITY],
        [1, 1],
      ],
      "invalid_matrix @ matrix[0][1]",
    ],
    [
      'a string that is no judgment ("2" and "1/9" are read as numbers, issue 18)',
      [
        [1, "two"],
        [0.5, 1],
      ],
      "invalid_matrix @ matrix[0][1]",
    ],
    [
      "diagonal not 1",
      [
        [2, 2],
        [0.5, 1],
      ],
      "invalid_diagonal @ matrix[0][0]",
    ],
    [
      "diagonal null",
      [
        [null, 2],
        [0.5, 1],
      ],
      "invalid_diagonal @ matrix[0][0]",
    ],
    [
      "judgment above 9",
      [
        [1, 10],
        [0.1, 1],
      ],
      "judgment_out_of_scale @ matrix[0][1]",
    ],
    [
      "judgment below 1/9",
      [
        [1, 9],
        [0.1, 1],
      ],
      "judgment_out_of_scale @ matrix[1][0]",
    ],
    [
      "not reciprocal",
      [
        [1, 2],
        [0.4, 1],
      ],
      "not_reciprocal @ matrix[1][0]",
    ],
    [
      "one side of a pair missing",
      [
        [1, 2, 1],
        [null, 1, 1],
        [1, 1, 1],
      ],
      "not_reciprocal @ matrix[1][0]",
    ],
  ])("%s", (_name, m, expected) => {
    expect(errorOf(() => ahp(m as number[][]))).toBe(expected);
  });

  it("names the labels of row and column when given", () => {
    expect(
      messageOf(() =>
        ahp(
          [
            [1, 2],
            [0.4, 1],
          ],
          { labels: ["S", "P"] },
        ),
      ),
    ).toContain('row 1 ("P"), column 0 ("S")');
  });

  it("order 16 without a custom RI table is ri_unavailable", () => {
    const m = Array.from({ length: 16 }, () => new Array<number>(16).fill(1));
    expect(errorOf(() => ahp(m))).toBe("ri_unavailable @ ri");
    expect(messageOf(() => ahp(m))).toContain("n = 1..15");
  });

  it.each([
    [{ method: "power" }, "invalid_option @ opts.method"],
    [{ threshold: 0 }, "invalid_option @ opts.threshold"],
    [{ tolerance: -1 }, "invalid_option @ opts.tolerance"],
    [{ ri: "nope" }, "invalid_option @ opts.ri"],
    [{ ri: [0, -1] }, "invalid_option @ ri[1]"],
    [{ labels: ["a"] }, "invalid_option @ labels"],
    [{ labels: [1, 2] }, "invalid_option @ opts.labels"],
  ])("bad options %j", (opts, expected) => {
    expect(errorOf(() => ahp(ok, opts as never))).toBe(expected);
  });

  it("a custom RI table with 0 for n >= 3 is refused", () => {
    expect(errorOf(() => ahp(CYCLIC, { ri: [0, 0, 0] }))).toBe("invalid_option @ ri[2]");
  });
});
