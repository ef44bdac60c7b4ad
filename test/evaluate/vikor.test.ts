import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { vikor } from "../../src/evaluate/vikor.js";
import { IndicatrixError } from "../../src/internal/errors.js";
import { CASES, checkProperties, cols, DOCS, expectRel, problem } from "./mcdm-cases.js";

// Reference: test/fixtures/mcdm/compute.py (numpy, Opricovic & Tzeng 2004; S, R, Q equal to pymcdm 1.4.0
// and pyDecision 4.9.1 within 3.4e-16 by `compute.py --peers`).
describe("vikor against test/fixtures/mcdm (numpy from the paper; pymcdm and pyDecision agree)", () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    "vikor(%s) gives the S, R, Q, C1, C2 and compromise set of compute.py",
    (_n, c) => {
      for (const [v, ref] of [
        [0.5, c.vikor],
        [0.3, c.vikorV03],
      ] as const) {
        const r = vikor(c.x, c.w, { directions: c.types, v });
        expectRel(r.S, ref.S);
        expectRel(r.R, ref.R);
        expectRel(r.Q, ref.Q);
        expect(r.advantage).toBe(ref.c1);
        expect(r.stability).toBe(ref.c2);
        expect(r.compromise).toEqual(ref.compromise);
      }
    },
  );

  it("vikor on DOMAIN C9's worked example gives Q = (0.294117647059, 0.803921568627, 0.5, 0.833333333333, 0.0882352941176), C1 fails, C2 holds (tie on R), compromise {A5, A1}", () => {
    const c = CASES[0]!;
    const r = vikor(c.x, c.w, { directions: c.types });
    expectRel(r.Q, [0.294117647059, 0.803921568627, 0.5, 0.833333333333, 0.0882352941176], 1e-11);
    expectRel(r.S, [0.525, 0.6, 0.4, 0.6125, 0.4375]);
    expectRel(r.R, [0.2, 0.3, 0.35, 0.3, 0.2]);
    expect(r.ranks).toEqual([2, 4, 3, 5, 1]);
    expect(r.advantage).toBe(false);
    expect(r.stability).toBe(true);
    expect(r.compromise).toEqual([4, 0]);
    expect(r.dq).toBe(0.25);
  });

  it("vikor on pymcdm 1.4.0's docstring example gives the printed Q [0.5679, 0.7667, 1, 0.7493, 0]", () => {
    const d = DOCS.vikor;
    const r = vikor(d.x, d.w);
    expectRel(r.Q, d.printed, 5e-5);
    expectRel(r.Q, d.computed);
  });

  it("vikor on Opricovic & Tzeng (2004)'s two-criterion example (f1 cost 1, 2, 5; f2 benefit 3000, 3750, 4500) gives Q = (1, 0, 1), compromise {A2}", () => {
    // The paper's numerical illustration (EJOR 156:445-455) as transcribed in pymcdm 1.4.0's test_output_opricovic; by hand:
    // f* = (1, 4500), f- = (5, 3000); S = (0.5, 0.375, 0.5), R = (0.5, 0.25, 0.5); Q(A2) = 0, Q(A1) = Q(A3) = 1;
    // DQ = 1/2 <= 1 (C1 holds) and A2 is best by S and R (C2 holds).
    const r = vikor(
      [
        [1, 3000],
        [2, 3750],
        [5, 4500],
      ],
      [0.5, 0.5],
      { directions: ["cost", "benefit"] },
    );
    expectRel(r.S, [0.5, 0.375, 0.5]);
    expectRel(r.R, [0.5, 0.25, 0.5]);
    expectRel(r.Q, [1, 0, 1]);
    expect([r.advantage, r.stability]).toEqual([true, true]);
    expect(r.compromise).toEqual([1]);
  });

  it("vikor reads { columns } the same as rows and leaves the input unchanged", () => {
    const c = CASES[3]!;
    const copy = structuredClone(c.x);
    expect(vikor(cols(c.x), c.w, { directions: c.types })).toEqual(vikor(c.x, c.w, { directions: c.types }));
    expect(c.x).toEqual(copy);
  });

  it("vikor with a target direction equals vikor on the column turned into 1 - |x - t| / max |x - t|", () => {
    const x = [
      [1, 5],
      [4, 3],
      [6, 9],
      [3, 1],
    ];
    const far = 3; // target 3: distances 2, 1, 3, 0
    const aligned = x.map(([a, b]) => [a as number, 1 - Math.abs((b as number) - 3) / far]);
    const r = vikor(x, [0.6, 0.4], { directions: ["benefit", { target: 3 }] });
    const ref = vikor(aligned, [0.6, 0.4]);
    expectRel(r.Q, ref.Q);
  });
});

describe("vikor conventions and errors", () => {
  it("vikor with v = 1 gives Q = (S - S*) / (S⁻ - S*), the ranking by S alone", () => {
    const c = CASES[5]!;
    const s = vikor(c.x, c.w, { directions: c.types, v: 1 });
    const lo = Math.min(...s.S);
    const hi = Math.max(...s.S);
    expectRel(
      s.Q,
      s.S.map((v) => (v - lo) / (hi - lo)),
    );
  });

  it("vikor refuses a constant column with a positive weight (no_spread, naming the column) and accepts it with weight 0", () => {
    const x = [
      [1, 7],
      [2, 7],
      [3, 7],
    ];
    expect(() => vikor(x, [0.5, 0.5])).toThrow(
      expect.objectContaining({ code: "no_spread", where: "matrix column 1" }),
    );
    expect(vikor(x, [1, 0]).Q).toEqual([1, 0.5, 0]);
  });

  it("vikor where every unit has the same R sets that term of Q to 0, with a no_spread warning", () => {
    // each unit is worst on exactly one of two equally weighted columns: R = 0.5 for all
    const r = vikor(
      [
        [0, 1],
        [1, 0],
      ],
      [1, 1],
    );
    expect(r.Q).toEqual([0, 0]);
    expect(r.warnings.map((w) => w.code)).toContain("no_spread");
  });

  it("vikor throws too_few_units for one row and invalid_option for v outside [0, 1]", () => {
    expect(() => vikor([[1, 2]], [1, 1])).toThrow(expect.objectContaining({ code: "too_few_units" }));
    expect(() => vikor(CASES[0]!.x, CASES[0]!.w, { v: 1.5 })).toThrow(IndicatrixError);
    expect(() => vikor(CASES[0]!.x, CASES[0]!.w, { v: 1.5 })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });
});

describe("vikor properties", () => {
  test.prop([problem], { numRuns: 60 })(
    "a dominating unit has Q = 0 and rank 1; permuting the units permutes Q and ranks",
    (p) => {
      checkProperties((x, w, directions) => {
        const r = vikor(x, w, { directions });
        return { values: r.Q, ranks: r.ranks };
      }, p);
    },
  );
});
