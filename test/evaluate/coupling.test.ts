import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { coordinationBand, couplingCoordination } from "../../src/evaluate/coupling.js";
// Reference values: test/fixtures/coupling/compute.py (numpy), which also holds the inputs.
import REF from "../fixtures/coupling/expected.json" with { type: "json" };
import { errorOf } from "../helpers/errors.js";

describe("couplingCoordination", () => {
  it("U = (0.6, 0.4, 0.5), equal betas: C = 0.986485, T = 0.5, D = 0.702312 (compute.py)", () => {
    const r = couplingCoordination([Object.freeze([...REF.three.u])] as number[][]);
    expect(r.c[0]).toBeCloseTo(REF.three.traditional.c, 6);
    expect(r.t[0]).toBeCloseTo(0.5, 14);
    expect(r.d[0]).toBeCloseTo(REF.three.traditional.d, 6);
    expect(r.grades[0]).toEqual({ level: 8, zh: "中级协调", en: "intermediate coordination" });
    expect(r.couplingBands[0]).toEqual({ level: 4, zh: "高水平耦合", en: "high-level coupling" });
  });

  it("modified C (Wang et al. 2021 as read by indicatrix, VERIFY) gives C = 0.803726, D = 0.633927 (compute.py)", () => {
    const r = couplingCoordination([REF.three.u], { variant: "modified" });
    expect(r.c[0]).toBeCloseTo(REF.three.modified.c, 6);
    expect(r.d[0]).toBeCloseTo(REF.three.modified.d, 6);
    expect(r.options.variant).toBe("modified");
  });

  it("two and four subsystems match numpy (traditional and modified; compute.py)", () => {
    const r = couplingCoordination([REF.two.u, [0.2, 0.9]]);
    // k = 2: C = 2 sqrt(U1 U2) / (U1 + U2), hand formula
    expect(r.c[0]).toBeCloseTo((2 * Math.sqrt(0.24)) / 1.1, 14);
    expect(r.d[0]).toBeCloseTo(REF.two.traditional.d, 12);
    const m2 = couplingCoordination([[0.3, 0.8]], { variant: "modified" });
    // k = 2: sqrt((1 - |U1 - U2|) * U_min / U_max)
    expect(m2.c[0]).toBeCloseTo(Math.sqrt(0.5 * (0.3 / 0.8)), 14);
    const four = couplingCoordination([REF.four.u]);
    expect(four.c[0]).toBeCloseTo(REF.four.traditional.c, 12);
    expect(four.d[0]).toBeCloseTo(REF.four.traditional.d, 12);
    const fourM = couplingCoordination([REF.four.u], { variant: "modified" });
    expect(fourM.c[0]).toBeCloseTo(REF.four.modified.c, 12);
  });

  it("betas weight T (numpy: T = 0.45, D = 0.633108 for U = (0.3, 0.8), beta = (0.7, 0.3); compute.py)", () => {
    const { u, betas, traditional } = REF.twoWeighted;
    const r = couplingCoordination([u], { betas });
    expect(r.t[0]).toBeCloseTo(0.45, 14);
    expect(r.d[0]).toBeCloseTo(traditional.d, 12);
  });

  it("all zeros give C = 0 and D = 0; one zero subsystem gives C = 0; equal scores give C = 1", () => {
    const r = couplingCoordination([
      [0, 0, 0],
      [0, 0.5, 0.9],
      [0.7, 0.7, 0.7],
    ]);
    expect(r.c).toEqual([0, 0, 1]);
    expect(r.d[0]).toBe(0);
    expect(r.grades[0]?.en).toBe("extreme imbalance");
    expect(r.d[2]).toBeCloseTo(Math.sqrt(0.7), 14);
    const m = couplingCoordination([[0, 0]], { variant: "modified" });
    expect(m.c).toEqual([0]);
  });

  it("rejects values outside [0, 1], a single subsystem and bad options", () => {
    expect(errorOf(() => couplingCoordination([[0.5, 1.1]]))).toBe("value_out_of_range @ u[0][1]");
    expect(errorOf(() => couplingCoordination([[0.5, -0.1]]))).toBe("value_out_of_range @ u[0][1]");
    expect(errorOf(() => couplingCoordination([[0.5], [0.4]]))).toBe("too_few_subsystems @ u");
    expect(errorOf(() => couplingCoordination([[0.5, 0.4]], { betas: [1] }))).toBe(
      "invalid_weights @ opts.betas",
    );
    expect(errorOf(() => couplingCoordination([[0.5, 0.4]], { variant: "wang" as never }))).toBe(
      "invalid_option @ opts.variant",
    );
  });
});

describe("coordinationBand (10-band scale, Tian et al. 2021)", () => {
  it("bands include their lower bound; D = 1 is in the top band", () => {
    expect(coordinationBand(0).level).toBe(1);
    expect(coordinationBand(0.0999).level).toBe(1);
    expect(coordinationBand(0.1).level).toBe(2);
    expect(coordinationBand(0.5)).toEqual({ level: 6, zh: "勉强协调", en: "barely coordinated" });
    expect(coordinationBand(0.95).zh).toBe("优质协调");
    expect(coordinationBand(1).level).toBe(10);
    expect(errorOf(() => coordinationBand(1.01))).toBe("value_out_of_range @ d");
  });
});

test.prop(
  [
    fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 8,
    }),
  ],
  { seed: 42, numRuns: 300 },
)("couplingCoordination: C, T and D lie in [0, 1] for both variants", (u) => {
  for (const variant of ["traditional", "modified"] as const) {
    const r = couplingCoordination(u, { variant });
    for (const arr of [r.c, r.t, r.d]) for (const v of arr) expect(v >= 0 && v <= 1).toBe(true);
  }
});
